import ShenbaoCore
import ShenbaoPDFWriter

/// Where one object lives, as a cross-reference section says (ISO 32000-1 §7.5.4, §7.5.8.3).
enum XrefEntry: Sendable, Hashable {
    /// Deleted, or never used.
    case free
    /// At a byte offset of the file, already checked to lie inside it.
    case inFile(offset: Int)
    /// The `index`-th object of the object stream `stream` (§7.5.7).
    case compressed(stream: Int, index: Int)
}

/// One cross-reference section: a classic `xref` table with its trailer (§7.5.4, §7.5.5), a
/// cross-reference stream whose dictionary is the trailer (§7.5.8), or a table whose trailer's
/// `/XRefStm` adds a stream's entries (a hybrid file, §7.5.8.4).
struct XrefSection: Sendable {
    let offset: Int
    var entries: [Int: XrefEntry]
    let trailer: PDFDictionary
    /// Where the section ends: after the trailer dictionary or the stream's `endobj`.
    let end: Int
}

/// Reads cross-reference sections. Every number a section gives is checked before it is kept:
/// object numbers within Annex C.2's limit, offsets inside the file, entry counts within
/// `PDFReadLimits.maxObjects` (counted in `entries` across sections).
struct CrossReference {
    let bytes: [UInt8]
    let endstreamOffsets: [Int]
    var budget: DecodeBudget
    /// Entries read so far, from all sections.
    private(set) var entries = 0

    init(bytes: [UInt8], endstreamOffsets: [Int], budget: DecodeBudget) {
        self.bytes = bytes
        self.endstreamOffsets = endstreamOffsets
        self.budget = budget
    }

    /// The section at `offset`: a table if `xref` starts there, else a cross-reference stream.
    mutating func section(at offset: Int) throws(ShenbaoFailure) -> XrefSection {
        guard offset >= 0, offset < bytes.count else {
            throw .pdfMalformed("交叉引用表的位置 \(offset) 超出文件（\(bytes.count) 字节）",
                                "cross-reference offset \(offset) lies outside the file (\(bytes.count) bytes)")
        }
        var lexer = PDFLexer(bytes, at: offset)
        if case .keyword("xref")? = try? lexer.next() {
            var table = try self.table(at: offset, after: lexer)
            if case .integer(let streamOffset)? = table.trailer["XRefStm"] {
                let hidden = try stream(at: streamOffset)
                for (number, entry) in hidden.entries where table.entries[number] ?? .free == .free {
                    table.entries[number] = entry
                }
            }
            return table
        }
        return try stream(at: offset)
    }

    /// Subsections `first count` of 20-byte entries `offset generation n|f`, then `trailer`.
    /// Entries are read as tokens, so the many writers whose lines are 19 or 21 bytes still read.
    private mutating func table(at offset: Int, after start: PDFLexer) throws(ShenbaoFailure) -> XrefSection {
        var lexer = start
        var found: [Int: XrefEntry] = [:]
        let bad = ShenbaoFailure.pdfMalformed("位置 \(offset) 的交叉引用表格式错误", "malformed cross-reference table at offset \(offset)")
        while true {
            switch try lexer.next() {
            case .keyword("trailer"):
                var parser = PDFParser(bytes, at: lexer.position)
                guard case .dictionary(let trailer) = try parser.parseObject() else {
                    throw .pdfMalformed("位置 \(offset) 的 trailer 不是字典", "the trailer after offset \(offset) is not a dictionary")
                }
                return XrefSection(offset: offset, entries: found, trailer: trailer, end: parser.position)
            case .integer(let first):
                guard case .integer(let count) = try lexer.next(), first >= 0, count >= 0,
                      count <= PDFReadLimits.maxObjectNumber + 1 - min(first, PDFReadLimits.maxObjectNumber + 1) else { throw bad }
                for number in first..<(first + count) {
                    guard case .integer(let at) = try lexer.next(), case .integer(let generation) = try lexer.next(),
                          case .keyword(let kind) = try lexer.next(), kind == "n" || kind == "f", generation >= 0 else { throw bad }
                    try countEntry()
                    guard number > 0 else { continue }
                    // An in-use entry at offset 0 cannot be right (the header is there): read as free.
                    found[number] = kind == "n" && at != 0 ? .inFile(offset: try checked(at)) : .free
                }
            default:
                throw bad
            }
        }
    }

    private mutating func countEntry() throws(ShenbaoFailure) {
        entries += 1
        if entries > PDFReadLimits.maxObjects {
            throw .pdfTooLarge("交叉引用条目超过 \(PDFReadLimits.maxObjects) 个", "more than \(PDFReadLimits.maxObjects) cross-reference entries")
        }
    }

    private func checked(_ offset: Int) throws(ShenbaoFailure) -> Int {
        guard offset >= 0, offset < bytes.count else {
            throw .pdfMalformed("对象位置 \(offset) 超出文件（\(bytes.count) 字节）", "object offset \(offset) lies outside the file (\(bytes.count) bytes)")
        }
        return offset
    }

    /// A cross-reference stream (§7.5.8): rows of `/W` big-endian fields for the object numbers
    /// `/Index` lists, after FlateDecode and its PNG predictor.
    private mutating func stream(at offset: Int) throws(ShenbaoFailure) -> XrefSection {
        var parser = PDFParser(bytes, at: try checked(offset), endstreamOffsets: endstreamOffsets)
        guard case .stream(let stream) = try parser.indirectObject(expected: nil, length: { _ in nil }).value,
              stream.dictionary["Type"]?.nameValue == "XRef" else {
            throw .pdfMalformed("位置 \(offset) 既不是交叉引用表也不是交叉引用流", "offset \(offset) holds neither a cross-reference table nor stream")
        }
        let dictionary = stream.dictionary
        let bad = ShenbaoFailure.pdfMalformed("位置 \(offset) 的交叉引用流格式错误", "malformed cross-reference stream at offset \(offset)")
        guard let widths = dictionary["W"]?.arrayValue?.compactMap(\.integerValue), widths.count == 3,
              widths.allSatisfy({ (0...8).contains($0) }), widths[1] > 0,
              let size = dictionary["Size"]?.integerValue, (0...(PDFReadLimits.maxObjectNumber + 1)).contains(size) else { throw bad }
        let index = dictionary["Index"]?.arrayValue?.compactMap(\.integerValue) ?? [0, size]
        guard index.count % 2 == 0 else { throw bad }
        let data = try StreamFilters.decode(stream, budget: &budget)
        let rowWidth = widths[0] + widths[1] + widths[2]
        var row = 0
        var found: [Int: XrefEntry] = [:]
        for pair in stride(from: 0, to: index.count, by: 2) {
            let first = index[pair], count = index[pair + 1]
            guard first >= 0, count >= 0, first <= PDFReadLimits.maxObjectNumber,
                  count <= PDFReadLimits.maxObjectNumber + 1 - first, count <= (data.count / rowWidth) - row else { throw bad }
            for number in first..<(first + count) {
                let at = row * rowWidth
                row += 1
                try countEntry()
                // A type field of width 0 means type 1 (Table 17).
                let type = widths[0] == 0 ? 1 : try field(data, at, widths[0])
                let second = try field(data, at + widths[0], widths[1])
                let third = try field(data, at + widths[0] + widths[1], widths[2])
                guard number > 0 else { continue }
                switch type {
                case 0: found[number] = .free
                case 1: found[number] = second == 0 ? .free : .inFile(offset: try checked(second))
                case 2:
                    guard second > 0, second <= PDFReadLimits.maxObjectNumber, third >= 0 else { throw bad }
                    found[number] = .compressed(stream: second, index: third)
                default: continue // other types are references to the null object (§7.5.8.3)
                }
            }
        }
        return XrefSection(offset: offset, entries: found, trailer: dictionary, end: parser.position)
    }

    /// A big-endian field of `width` bytes; a value past `Int.max` is refused.
    private func field(_ data: [UInt8], _ at: Int, _ width: Int) throws(ShenbaoFailure) -> Int {
        var value = 0
        for i in 0..<width {
            guard value <= (Int.max >> 8) else {
                throw .pdfMalformed("交叉引用流的字段过大", "a cross-reference stream field is too large")
            }
            value = value << 8 | Int(data[at + i])
        }
        return value
    }
}
