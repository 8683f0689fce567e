import ShenbaoCore

/// The bytes a signature's `/ByteRange` says it covers (ISO 32000-1 §12.8.1): two ranges, the
/// file before the `/Contents` string and the file after it. Checked against the file, never
/// trusted: a byte range is four numbers anyone can write.
public struct SignatureCoverage: Sendable, Hashable {
    /// The two ranges, in file order.
    public let ranges: [Range<Int>]
    /// Whether the gap between them is exactly the `/Contents` string of the signature's own
    /// dictionary: otherwise the signature could be over other bytes than its dictionary says.
    public let gapIsContents: Bool
    /// Whether the ranges start at the file's first byte, end at its last, and leave out only
    /// the `/Contents` string: the signature then covers the whole file as it now is.
    public let coversWholeFile: Bool
}

extension PDFDocumentReader {
    /// The ranges of `signature`'s `/ByteRange`, refused (`pdf.malformed`) unless four
    /// non-negative numbers whose ranges lie in the file in order.
    public func coverage(of signature: PDFSignature) throws(ShenbaoFailure) -> SignatureCoverage {
        let range = signature.byteRange
        let bad = ShenbaoFailure.pdfMalformed("签名“\(signature.fieldName)”的 /ByteRange 无效或超出文件",
                                              "the /ByteRange of signature \"\(signature.fieldName)\" is malformed or outside the file")
        guard range.count == 4, range.allSatisfy({ $0 >= 0 }) else { throw bad }
        let (firstEnd, o1) = range[0].addingReportingOverflow(range[1])
        let (secondEnd, o2) = range[2].addingReportingOverflow(range[3])
        guard !o1, !o2, firstEnd <= range[2], secondEnd <= bytes.count else { throw bad }
        let gap = firstEnd..<range[2]
        let gapIsContents = signature.contentsRange == gap
        return SignatureCoverage(ranges: [range[0]..<firstEnd, range[2]..<secondEnd], gapIsContents: gapIsContents,
                                 coversWholeFile: range[0] == 0 && secondEnd == bytes.count && gapIsContents)
    }

    /// The covered bytes, in order: what the signature's message digest is computed over.
    public func coveredBytes(of signature: PDFSignature) throws(ShenbaoFailure) -> [UInt8] {
        let coverage = try coverage(of: signature)
        var out: [UInt8] = []
        out.reserveCapacity(coverage.ranges.reduce(0) { $0 + $1.count })
        for range in coverage.ranges { out.append(contentsOf: bytes[range]) }
        return out
    }
}
