import ShenbaoCore
import ShenbaoPDFWriter

/// One revision of a document: the original file, or one incremental update appended to it
/// (ISO 32000-1 §7.5.6). A signature covers a revision — the bytes up to its `end` — so
/// `verify` compares what later revisions define with what the signed one saw.
public struct PDFRevision: Sendable {
    /// 0 for the original file, counting up in the order they were written.
    public let index: Int
    /// Its cross-reference sections, newest first: one, or two for a linearized file's first
    /// revision (the first-page section whose `/Prev` points forward to the main one, Annex F).
    public let xrefOffsets: [Int]
    /// One past the `%%EOF` that ends it, before any end-of-line after it.
    public let eofOffset: Int
    /// One past the end-of-line after that `%%EOF`: the file's length when this revision was written.
    public let end: Int
    /// The trailer of its newest section (§7.5.5; a cross-reference stream's dictionary, §7.5.8.2).
    public let trailer: PDFDictionary
    /// The objects its sections define or redefine, by object number.
    public let objects: [Int: PDFIndirectObject]
    /// Object numbers its sections mark free: deleted, if an earlier revision defined them.
    public let freed: Set<Int>
    /// Where its objects that are not in object streams start, by number.
    let offsets: [Int: Int]
}

/// Reads every revision of a file: follows `startxref` and the `/Prev` chain, groups the sections
/// into revisions, and parses each object each revision defines, once. All of it under
/// `PDFReadLimits`: a `/Prev` loop, a chain too long, an offset outside the file, a lying stream
/// and parsing that would go over the same bytes again and again are all refused.
struct RevisionLoader {
    let bytes: [UInt8]
    private let endstreamOffsets: [Int]
    private let eofOffsets: [Int]
    private var crossReference: CrossReference
    private var work = 0
    private var parsedAt: [Int: (number: Int, value: PDFIndirectObject)] = [:]
    private var objectStreams: [Int: ObjectStream] = [:]
    private var entries: [[Int: XrefEntry]] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        endstreamOffsets = offsets(of: "endstream", in: bytes)
        eofOffsets = offsets(of: "%%EOF", in: bytes)
        crossReference = CrossReference(bytes: bytes, endstreamOffsets: endstreamOffsets, budget: DecodeBudget())
    }

    /// The revisions, oldest first, and the offset `startxref` gives for the newest section.
    mutating func load() throws(ShenbaoFailure) -> (revisions: [PDFRevision], startXref: Int) {
        let start = try startXref()
        var chain: [XrefSection] = []
        var seen: Set<Int> = []
        var next: Int? = start
        while let offset = next {
            guard seen.insert(offset).inserted else {
                throw .pdfMalformed("交叉引用表的 /Prev 形成循环", "the cross-reference /Prev chain loops")
            }
            guard chain.count < PDFReadLimits.maxSections else {
                throw .pdfTooLarge("交叉引用表超过 \(PDFReadLimits.maxSections) 个", "more than \(PDFReadLimits.maxSections) cross-reference sections")
            }
            let section = try crossReference.section(at: offset)
            if section.trailer["Encrypt"] != nil {
                throw .pdf(.pdfEncrypted, zh: "PDF 文件已加密，无法读取或验证", en: "the PDF is encrypted; it cannot be read or verified")
            }
            chain.append(section)
            switch section.trailer["Prev"] {
            case nil: next = nil
            case .integer(let prev)?: next = prev
            default: throw .pdfMalformed("trailer 的 /Prev 不是整数", "the trailer's /Prev is not an integer")
            }
        }
        // A section whose /Prev points forward belongs to the same revision (linearization).
        var groups: [[XrefSection]] = []
        for (i, section) in chain.enumerated() {
            if i > 0, section.offset > chain[i - 1].offset { groups[groups.count - 1].append(section) } else { groups.append([section]) }
        }
        var revisions: [PDFRevision] = []
        for (index, group) in groups.reversed().enumerated() {
            var merged: [Int: XrefEntry] = [:]
            for section in group.reversed() { merged.merge(section.entries) { _, newer in newer } }
            entries.append(merged)
            let (eof, end) = group.map { self.end(after: $0.end) }.max { $0.1 < $1.1 } ?? (bytes.count, bytes.count)
            revisions.append(try revision(index, sections: group, eof: eof, end: end))
        }
        return (revisions, start)
    }

    /// The offset after the last `startxref` (§7.5.5), which must lie inside the file.
    private func startXref() throws(ShenbaoFailure) -> Int {
        let window = min(bytes.count, PDFReadLimits.headerWindow + 5)
        guard window >= 5, (0...(window - 5)).contains(where: { bytes[$0..<($0 + 5)].elementsEqual("%PDF-".utf8) }) else {
            throw .pdf(.pdfNotPDF, zh: "不是 PDF 文件（开头没有 %PDF-）", en: "not a PDF file (no %PDF- header)")
        }
        guard let at = offsets(of: "startxref", in: bytes).last else {
            throw .pdfMalformed("找不到 startxref（文件可能被截断）", "no startxref (the file may be truncated)")
        }
        var lexer = PDFLexer(bytes, at: at + 9)
        guard case .integer(let offset)? = try? lexer.next(), offset >= 0, offset < bytes.count else {
            throw .pdfMalformed("startxref 给出的位置不在文件内", "startxref does not give an offset inside the file")
        }
        return offset
    }

    /// Where the first `%%EOF` after `offset` ends, without and with its end-of-line; the file's
    /// end when there is none (a file cut short after its last trailer).
    private func end(after offset: Int) -> (Int, Int) {
        let i = firstIndex(atLeast: offset, in: eofOffsets)
        guard i < eofOffsets.count else { return (bytes.count, bytes.count) }
        var end = eofOffsets[i] + 5
        let eof = end
        if end < bytes.count, bytes[end] == 0x0D { end += 1 }
        if end < bytes.count, bytes[end] == 0x0A { end += 1 }
        return (eof, end)
    }

    private mutating func revision(_ index: Int, sections: [XrefSection], eof: Int, end: Int) throws(ShenbaoFailure) -> PDFRevision {
        var objects: [Int: PDFIndirectObject] = [:]
        var freed: Set<Int> = []
        var offsets: [Int: Int] = [:]
        for (number, entry) in entries[index] {
            switch entry {
            case .free:
                freed.insert(number)
            case .inFile(let offset):
                objects[number] = try object(number, at: offset, revision: index)
                offsets[number] = offset
            case .compressed(let stream, let position):
                objects[number] = .object(try compressed(number, in: stream, index: position, revision: index))
            }
        }
        return PDFRevision(index: index, xrefOffsets: sections.map(\.offset), eofOffset: eof, end: end,
                           trailer: sections[0].trailer, objects: objects, freed: freed, offsets: offsets)
    }

    /// The entry for `number` as of `revision`: the newest revision up to it that lists it.
    private func entry(_ number: Int, revision: Int) -> XrefEntry? {
        for k in stride(from: min(revision, entries.count - 1), through: 0, by: -1) {
            if let e = entries[k][number] { return e }
        }
        return nil
    }

    private mutating func object(_ number: Int, at offset: Int, revision: Int) throws(ShenbaoFailure) -> PDFIndirectObject {
        if let done = parsedAt[offset] {
            guard done.number == number else {
                throw .pdfMalformed("交叉引用表说对象 \(number) 在位置 \(offset)，那里却是对象 \(done.number)",
                                    "the cross-reference puts object \(number) at offset \(offset), where object \(done.number) is")
            }
            return done.value
        }
        var parser = PDFParser(bytes, at: offset, endstreamOffsets: endstreamOffsets)
        let parsed = try parser.indirectObject(expected: number) { length($0.number, revision: revision) }
        try spend(parser.position - offset)
        parsedAt[offset] = parsed
        return parsed.value
    }

    /// An indirect `/Length` (§7.3.8.2): an integer object in the file, read from a window of
    /// a few bytes so a reference to a huge object costs nothing; nil sends the parser looking
    /// for `endstream` instead.
    private func length(_ number: Int, revision: Int) -> Int? {
        guard case .inFile(let offset)? = entry(number, revision: revision) else { return nil }
        var parser = PDFParser(bytes, at: offset, end: offset + 64)
        guard (try? parser.header()) == number, case .integer(let n)? = try? parser.parseObject() else { return nil }
        return n
    }

    private mutating func compressed(_ number: Int, in streamNumber: Int, index: Int, revision: Int) throws(ShenbaoFailure) -> PDFObject {
        guard case .inFile(let offset)? = entry(streamNumber, revision: revision) else {
            throw .pdfMalformed("对象 \(number) 所在的对象流 \(streamNumber) 不存在", "object \(number) is in object stream \(streamNumber), which does not exist")
        }
        if objectStreams[offset] == nil {
            guard case .stream(let stream) = try object(streamNumber, at: offset, revision: revision) else {
                throw .pdfMalformed("对象 \(streamNumber) 不是对象流", "object \(streamNumber) is not an object stream")
            }
            objectStreams[offset] = try ObjectStream(stream, number: streamNumber, budget: &crossReference.budget)
        }
        guard let objectStream = objectStreams[offset] else { return .null }
        let (value, parsed) = try objectStream.object(number: number, index: index)
        try spend(parsed)
        return value
    }

    /// Counts parsed bytes against a budget of a few passes over the file and its decoded streams.
    private mutating func spend(_ parsed: Int) throws(ShenbaoFailure) {
        work += parsed
        let decoded = PDFReadLimits.maxDecodedTotal - crossReference.budget.remaining
        if work > PDFReadLimits.parseWorkFactor * (bytes.count + decoded) + (1 << 20) {
            throw .pdfTooLarge("对象相互重叠，解析量超过文件大小的 \(PDFReadLimits.parseWorkFactor) 倍",
                               "objects overlap: parsing would read the file more than \(PDFReadLimits.parseWorkFactor) times over")
        }
    }
}
