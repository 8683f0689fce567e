import ShenbaoCore
import ShenbaoPDFWriter

/// A decoded object stream (ISO 32000-1 §7.5.7): `/N` pairs `number offset` in a header, then the
/// objects themselves from byte `/First`, none of them streams. Decoded once per document and kept
/// while the revisions are read, since each of its objects is looked up by its own xref entry.
struct ObjectStream {
    let data: [UInt8]
    let first: Int
    /// The header's pairs, in order: an xref entry names its object by its index here.
    let members: [(number: Int, offset: Int)]

    init(_ stream: PDFStream, number: Int, budget: inout DecodeBudget) throws(ShenbaoFailure) {
        let bad = ShenbaoFailure.pdfMalformed("对象流 \(number) 格式错误", "malformed object stream \(number)")
        guard stream.dictionary["Type"]?.nameValue == "ObjStm",
              let count = stream.dictionary["N"]?.integerValue, count >= 0,
              let first = stream.dictionary["First"]?.integerValue, first >= 0 else { throw bad }
        data = try StreamFilters.decode(stream, budget: &budget)
        // Each pair but the last takes at least four bytes ("1 0 "), which bounds a lying /N.
        guard first <= data.count, count <= (first + 1) / 4 else { throw bad }
        self.first = first
        var lexer = PDFLexer(data, at: 0, end: first)
        var members: [(number: Int, offset: Int)] = []
        members.reserveCapacity(count)
        for _ in 0..<count {
            guard case .integer(let n) = try lexer.next(), case .integer(let offset) = try lexer.next(),
                  n > 0, n <= PDFReadLimits.maxObjectNumber, offset >= 0, offset < data.count - first else { throw bad }
            members.append((n, offset))
        }
        self.members = members
    }

    /// The object the xref entry `(stream, index)` names, which must carry `number`. If the index
    /// is wrong but the number is in the header, the header is believed (as pdf.js and qpdf do).
    func object(number: Int, index: Int) throws(ShenbaoFailure) -> (value: PDFObject, parsed: Int) {
        let at: Int
        if index < members.count, members[index].number == number {
            at = members[index].offset
        } else if let member = members.first(where: { $0.number == number }) {
            at = member.offset
        } else {
            throw .pdfMalformed("对象流中没有对象 \(number)", "object \(number) is not in its object stream")
        }
        var parser = PDFParser(data, at: first + at)
        let value = try parser.parseObject()
        return (value, parser.position - first - at)
    }
}
