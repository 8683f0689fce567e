import ShenbaoCore
import ShenbaoPDFWriter

/// Reads PDF objects from tokens (ISO 32000-1 §7.3): direct objects, `n g R` references, and
/// indirect objects `n g obj … endobj` with their streams (§7.3.8).
///
/// Nesting is bounded by `PDFReadLimits.maxNesting`, so 10,000 `[` in a row end in a refusal,
/// not a stack overflow. A stream's `/Length` is trusted only if `endstream` follows where it
/// says; otherwise the data ends at the next `endstream` keyword (writers that get `/Length`
/// wrong are common, and a length of 2^62 must not be believed).
struct PDFParser {
    var lexer: PDFLexer
    /// Offsets of every `endstream` in the bytes, ascending: where a stream ends when its
    /// `/Length` is wrong, found by binary search so many bad streams cost no rescans.
    let endstreamOffsets: [Int]

    init(_ bytes: [UInt8], at position: Int = 0, end: Int? = nil, endstreamOffsets: [Int] = []) {
        lexer = PDFLexer(bytes, at: position, end: end)
        self.endstreamOffsets = endstreamOffsets
    }

    var position: Int { lexer.position }

    /// The next direct object.
    mutating func parseObject(depth: Int = 0) throws(ShenbaoFailure) -> PDFObject {
        let at = lexer.position
        return try object(from: try lexer.next(), at: at, depth: depth)
    }

    private mutating func object(from token: PDFToken, at: Int, depth: Int) throws(ShenbaoFailure) -> PDFObject {
        switch token {
        case .integer(let n):
            if n >= 0, referenceFollows() { return .ref(PDFRef(n)) }
            return .integer(n)
        case .real(let d): return .real(d)
        case .name(let n): return .name(n)
        case .literalString(let s): return .string(s)
        case .hexString(let s): return .hexString(s)
        case .arrayOpen: return .array(try array(depth: depth + 1))
        case .dictionaryOpen: return .dictionary(try dictionary(depth: depth + 1))
        case .keyword("true"): return .bool(true)
        case .keyword("false"): return .bool(false)
        case .keyword("null"): return .null
        case .end: throw .pdfMalformed("文件在对象中途结束", "the file ends in the middle of an object")
        case .keyword(let k):
            throw .pdfMalformed("位置 \(at) 有意外的关键字“\(k.prefix(20))”", "unexpected keyword '\(k.prefix(20))' at offset \(at)")
        case .arrayClose, .dictionaryClose:
            throw .pdfMalformed("位置 \(at) 有多余的结束括号", "unbalanced closing bracket at offset \(at)")
        }
    }

    /// After an object number: `g R` makes it a reference (§7.3.10). The lexer is left untouched
    /// when no reference follows. `PDFRef` keeps no generation: objects are looked up by number.
    private mutating func referenceFollows() -> Bool {
        let saved = lexer
        if case .integer(let generation)? = try? lexer.next(), generation >= 0,
           case .keyword("R")? = try? lexer.next() {
            return true
        }
        lexer = saved
        return false
    }

    private func checkDepth(_ depth: Int) throws(ShenbaoFailure) {
        if depth > PDFReadLimits.maxNesting {
            throw .pdfTooDeep("数组和字典嵌套", "arrays and dictionaries", limit: PDFReadLimits.maxNesting)
        }
    }

    private mutating func array(depth: Int) throws(ShenbaoFailure) -> [PDFObject] {
        try checkDepth(depth)
        var items: [PDFObject] = []
        while true {
            let at = lexer.position
            let token = try lexer.next()
            if token == .arrayClose { return items }
            items.append(try object(from: token, at: at, depth: depth))
        }
    }

    /// A dictionary's entries; an entry whose value is `null` is left out, as §7.3.7 says it is
    /// the same as an absent one, so comparisons between revisions do not see a difference.
    private mutating func dictionary(depth: Int) throws(ShenbaoFailure) -> PDFDictionary {
        try checkDepth(depth)
        var result = PDFDictionary()
        while true {
            let at = lexer.position
            switch try lexer.next() {
            case .dictionaryClose:
                return result
            case .name(let key):
                let valueAt = lexer.position
                let valueToken = try lexer.next()
                if valueToken == .dictionaryClose {
                    throw .pdfMalformed("位置 \(at) 的字典键 /\(key.prefix(40)) 没有值", "dictionary key /\(key.prefix(40)) at offset \(at) has no value")
                }
                let value = try object(from: valueToken, at: valueAt, depth: depth)
                result[key] = value == .null ? nil : value
            case .end:
                throw .pdfMalformed("文件在字典中途结束", "the file ends in the middle of a dictionary")
            default:
                throw .pdfMalformed("位置 \(at) 的字典键不是名称", "dictionary key at offset \(at) is not a name")
            }
        }
    }

    /// `n g obj`, returning the object number.
    mutating func header() throws(ShenbaoFailure) -> Int {
        let at = lexer.position
        guard case .integer(let number) = try lexer.next(), number >= 0,
              case .integer(let generation) = try lexer.next(), generation >= 0,
              case .keyword("obj") = try lexer.next() else {
            throw .pdfMalformed("位置 \(at) 没有对象", "no object at offset \(at)")
        }
        return number
    }

    /// An indirect object at the lexer's position (§7.3.10). `expected` is the number the
    /// cross-reference gave, checked against the header; `length` looks up an indirect `/Length`.
    mutating func indirectObject(expected: Int?, length: (PDFRef) -> Int?) throws(ShenbaoFailure) -> (number: Int, value: PDFIndirectObject) {
        let at = lexer.position
        let number = try header()
        if let expected, expected != number {
            throw .pdfMalformed("交叉引用表说对象 \(expected) 在位置 \(at)，那里却是对象 \(number)",
                                "the cross-reference puts object \(expected) at offset \(at), where object \(number) is")
        }
        let value = try parseObject()
        let saved = lexer
        let next = try? lexer.next()
        if next == .keyword("stream") {
            guard case .dictionary(let dictionary) = value else {
                throw .pdfMalformed("对象 \(number) 的流没有字典", "the stream of object \(number) has no dictionary")
            }
            var declared: Int?
            switch dictionary["Length"] {
            case .integer(let n)?: declared = n
            case .ref(let r)?: declared = length(r)
            default: declared = nil
            }
            let data = try streamData(declaredLength: declared, object: number)
            skipEndobj()
            return (number, .stream(PDFStream(dictionary: dictionary, data: data)))
        }
        lexer = saved
        // A missing `endobj` is tolerated: many writers omit it, and nothing depends on it.
        skipEndobj()
        return (number, .object(value))
    }

    private mutating func skipEndobj() {
        let saved = lexer
        if case .keyword("endobj")? = try? lexer.next() { return }
        lexer = saved
    }

    /// The stream's bytes after the `stream` keyword and its end-of-line (CRLF or LF, §7.3.8.1).
    private mutating func streamData(declaredLength: Int?, object number: Int) throws(ShenbaoFailure) -> ArraySlice<UInt8> {
        let bytes = lexer.bytes, end = lexer.end
        var start = lexer.position
        if start < end, bytes[start] == 0x0D { start += 1 }
        if start < end, bytes[start] == 0x0A { start += 1 }
        if let length = declaredLength, length >= 0, length <= end - start,
           let after = keywordEnd("endstream", from: start + length) {
            lexer.position = after
            return bytes[start..<(start + length)]
        }
        let low = firstIndex(atLeast: start, in: endstreamOffsets)
        guard low < endstreamOffsets.count, endstreamOffsets[low] < end else {
            throw .pdfMalformed("对象 \(number) 的流没有 endstream", "the stream of object \(number) has no endstream")
        }
        var dataEnd = endstreamOffsets[low]
        lexer.position = dataEnd + 9
        if dataEnd > start, bytes[dataEnd - 1] == 0x0A { dataEnd -= 1 }
        if dataEnd > start, bytes[dataEnd - 1] == 0x0D { dataEnd -= 1 }
        return bytes[start..<dataEnd]
    }

    /// Where `keyword` ends if it is the next token from `at` (after white space), else nil.
    private func keywordEnd(_ keyword: String, from at: Int) -> Int? {
        var probe = lexer
        probe.position = at
        probe.skipWhitespace()
        let start = probe.position
        guard case .keyword(let k)? = try? probe.next(), k == keyword else { return nil }
        return start + keyword.utf8.count
    }
}

/// Every offset of `keyword` in `bytes`, ascending: one pass over the file, done once.
func offsets(of keyword: String, in bytes: [UInt8]) -> [Int] {
    let pattern = Array(keyword.utf8)
    guard let first = pattern.first, bytes.count >= pattern.count else { return [] }
    var found: [Int] = []
    var i = 0
    let last = bytes.count - pattern.count
    while i <= last {
        if bytes[i] == first {
            var j = 1
            while j < pattern.count, bytes[i + j] == pattern[j] { j += 1 }
            if j == pattern.count { found.append(i); i += pattern.count; continue }
        }
        i += 1
    }
    return found
}

/// The index of the first element of the ascending `sorted` that is at least `value`.
func firstIndex(atLeast value: Int, in sorted: [Int]) -> Int {
    var low = 0, high = sorted.count
    while low < high {
        let mid = (low + high) / 2
        if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
}
