import ShenbaoCore

/// One token of PDF syntax (ISO 32000-1 §7.2): the objects' atoms, the brackets around arrays and
/// dictionaries, and bare keywords (`obj`, `R`, `stream`, `xref`, `n` …), which the parser judges.
enum PDFToken: Equatable {
    case integer(Int)
    case real(Double)
    /// A name with its `#xx` escapes decoded (§7.3.5).
    case name(String)
    /// A literal string `( … )` with its escapes decoded (§7.3.4.2).
    case literalString([UInt8])
    /// A hexadecimal string `< … >` (§7.3.4.3).
    case hexString([UInt8])
    case keyword(String)
    case arrayOpen, arrayClose, dictionaryOpen, dictionaryClose
    case end
}

/// Splits bytes into tokens, never reading past `end`: every index is checked, so a file cut off
/// mid-token ends in a refusal, not a trap. It holds the buffer by value (a copy-on-write array),
/// so saving and restoring a lexer for lookahead costs no copy.
struct PDFLexer {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    init(_ bytes: [UInt8], at position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.end = min(end ?? bytes.count, bytes.count)
        self.position = min(max(0, position), self.end)
    }

    /// White-space characters (§7.2.2, Table 1).
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00
    }

    /// Delimiter characters (§7.2.2, Table 2).
    @inline(__always) static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): true
        default: false
        }
    }

    @inline(__always) static func isRegular(_ b: UInt8) -> Bool { !isWhitespace(b) && !isDelimiter(b) }

    /// Skips white space and comments (`%` to the end of the line, §7.2.3).
    mutating func skipWhitespace() {
        while position < end {
            let b = bytes[position]
            if Self.isWhitespace(b) {
                position += 1
            } else if b == UInt8(ascii: "%") {
                while position < end, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// The next token; `.end` at the end of the bytes.
    mutating func next() throws(ShenbaoFailure) -> PDFToken {
        skipWhitespace()
        guard position < end else { return .end }
        let b = bytes[position]
        switch b {
        case UInt8(ascii: "["): position += 1; return .arrayOpen
        case UInt8(ascii: "]"): position += 1; return .arrayClose
        case UInt8(ascii: "<"):
            if position + 1 < end, bytes[position + 1] == UInt8(ascii: "<") { position += 2; return .dictionaryOpen }
            return .hexString(try hexString())
        case UInt8(ascii: ">"):
            if position + 1 < end, bytes[position + 1] == UInt8(ascii: ">") { position += 2; return .dictionaryClose }
            throw .pdfMalformed("位置 \(position) 有多余的“>”", "stray '>' at offset \(position)")
        case UInt8(ascii: "("): return .literalString(try literalString())
        case UInt8(ascii: "/"): return .name(name())
        case UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            throw .pdfMalformed("位置 \(position) 有意外的字符", "unexpected character at offset \(position)")
        default:
            let start = position
            while position < end, Self.isRegular(bytes[position]) { position += 1 }
            return try regular(start..<position)
        }
    }

    /// A number (§7.3.3) or a keyword.
    private func regular(_ range: Range<Int>) throws(ShenbaoFailure) -> PDFToken {
        let first = bytes[range.lowerBound]
        let startsNumber = (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
            || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
        guard startsNumber else { return .keyword(String(decoding: bytes[range], as: UTF8.self)) }
        var negative = false
        var at = range.lowerBound
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { negative = first == UInt8(ascii: "-"); at += 1 }
        let digitsStart = at
        var magnitude = 0, digits = 0, overflow = false, point: Int?
        while at < range.upperBound {
            let c = bytes[at]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits += 1
                if point == nil, !overflow {
                    let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times10.addingReportingOverflow(Int(c - UInt8(ascii: "0")))
                    magnitude = sum
                    overflow = o1 || o2
                }
            } else if c == UInt8(ascii: "."), point == nil {
                point = at
            } else {
                digits = 0
                break
            }
            at += 1
        }
        guard digits > 0 else {
            throw .pdfMalformed("位置 \(range.lowerBound) 的数字无效", "malformed number at offset \(range.lowerBound)")
        }
        guard point != nil else {
            guard !overflow else {
                throw .pdfMalformed("位置 \(range.lowerBound) 的整数过大", "integer too large at offset \(range.lowerBound)")
            }
            return .integer(negative ? -magnitude : magnitude)
        }
        // "4." and ".5" are PDF reals; Double(_:) wants digits on both sides of the point.
        let text = "0" + String(decoding: bytes[digitsStart..<range.upperBound], as: UTF8.self) + "0"
        let value = Double(text) ?? 0
        return .real(negative ? -value : value)
    }

    /// A name after its `/`; `#` followed by two hex digits is that byte (§7.3.5). Bytes that are
    /// not UTF-8 become U+FFFD, since `PDFObject.name` holds a String.
    private mutating func name() -> String {
        position += 1
        var raw: [UInt8] = []
        while position < end, Self.isRegular(bytes[position]) {
            let b = bytes[position]
            if b == UInt8(ascii: "#"), position + 2 < end,
               let high = Self.hexValue(bytes[position + 1]), let low = Self.hexValue(bytes[position + 2]) {
                raw.append(high << 4 | low)
                position += 3
            } else {
                raw.append(b)
                position += 1
            }
        }
        return String(decoding: raw, as: UTF8.self)
    }

    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `< … >`: white space ignored, an odd last digit taken as followed by 0 (§7.3.4.3).
    private mutating func hexString() throws(ShenbaoFailure) -> [UInt8] {
        let start = position
        position += 1
        var out: [UInt8] = []
        var high: UInt8?
        while position < end {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: ">") {
                if let high { out.append(high << 4) }
                return out
            }
            if Self.isWhitespace(b) { continue }
            guard let v = Self.hexValue(b) else {
                throw .pdfMalformed("位置 \(start) 的十六进制字符串含非十六进制字符", "non-hex character in the hex string at offset \(start)")
            }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        throw .pdfMalformed("位置 \(start) 的十六进制字符串没有结束", "unterminated hex string at offset \(start)")
    }

    /// `( … )` with balanced parentheses, escapes, and end-of-line markers read as LF (§7.3.4.2).
    private mutating func literalString() throws(ShenbaoFailure) -> [UInt8] {
        let start = position
        position += 1
        var out: [UInt8] = []
        var depth = 1
        while position < end {
            let b = bytes[position]
            position += 1
            switch b {
            case UInt8(ascii: "("):
                depth += 1; out.append(b)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            case 0x0D:
                if position < end, bytes[position] == 0x0A { position += 1 }
                out.append(0x0A)
            case UInt8(ascii: "\\"):
                escape(into: &out)
            default:
                out.append(b)
            }
        }
        throw .pdfMalformed("位置 \(start) 的字符串没有结束", "unterminated string at offset \(start)")
    }

    /// One escape after a backslash (Table 3): a backslash before anything else is ignored.
    private mutating func escape(into out: inout [UInt8]) {
        guard position < end else { return }
        let c = bytes[position]
        position += 1
        switch c {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case 0x0D: // a line continuation
            if position < end, bytes[position] == 0x0A { position += 1 }
        case 0x0A: break
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = Int(c - UInt8(ascii: "0"))
            var digits = 1
            while digits < 3, position < end, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "7") {
                value = value * 8 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
                digits += 1
            }
            out.append(UInt8(truncatingIfNeeded: value))
        default: out.append(c)
        }
    }
}
