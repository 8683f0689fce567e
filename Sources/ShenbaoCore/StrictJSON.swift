/// A strict JSON syntax check (RFC 8259) that says where a file goes wrong by line, in both
/// languages: the loader reads JSON through the YAML composer (which keeps lines but forgives
/// trailing commas, comments and single quotes), so it first checks the text is JSON.
struct StrictJSON {
    /// Why and where the text is not JSON.
    struct Problem: Error {
        var line: Int
        var message: Localized
    }

    private let bytes: [UInt8]
    private var at = 0
    private var line = 1

    /// Throws the first syntax error; nesting is left to the loader's depth limit, but is bounded
    /// here too so a hostile file cannot exhaust the stack.
    static func check(_ text: String) throws(Problem) {
        var parser = StrictJSON(bytes: Array(text.utf8))
        parser.skipSpace()
        try parser.value(depth: 0)
        parser.skipSpace()
        if parser.at < parser.bytes.count { throw parser.failure("JSON 值之后还有多余内容", "text after the JSON value") }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ zh: String, _ en: String) -> Problem {
        Problem(line: line, message: Localized(zh: zh, en: en))
    }

    private var current: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func skipSpace() {
        while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
            if b == 0x0A { line += 1 }
            at += 1
        }
    }

    private mutating func value(depth: Int) throws(Problem) {
        guard depth < 512 else { throw failure("嵌套过深", "nested too deeply") }
        guard let b = current else { throw failure("文件意外结束，缺少值", "unexpected end of file; a value is missing") }
        switch b {
        case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), depth: depth, keyed: true)
        case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), depth: depth, keyed: false)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default:
            for word in ["true", "false", "null"] where bytes[at...].starts(with: word.utf8) {
                at += word.utf8.count
                return
            }
            throw failure("无法识别的值（字符串须用双引号）", "unexpected character (strings need double quotes)")
        }
    }

    private mutating func container(close: UInt8, depth: Int, keyed: Bool) throws(Problem) {
        at += 1
        skipSpace()
        if current == close { at += 1; return }
        while true {
            if keyed {
                guard current == UInt8(ascii: "\"") else { throw failure("键应为双引号字符串", "a key must be a double-quoted string") }
                try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw failure("键后缺少冒号", "a colon is missing after the key") }
                at += 1
                skipSpace()
            }
            try value(depth: depth + 1)
            skipSpace()
            if current == close { at += 1; return }
            guard current == UInt8(ascii: ",") else {
                throw failure("缺少逗号或结束括号", "a comma or the closing bracket is missing")
            }
            at += 1
            skipSpace()
            if current == close { throw failure("结束括号前多了一个逗号", "a trailing comma before the closing bracket") }
        }
    }

    private mutating func string() throws(Problem) {
        at += 1
        while let b = current {
            at += 1
            switch b {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"):
                guard let e = current else { break }
                at += 1
                if e == UInt8(ascii: "u") {
                    guard at + 4 <= bytes.count, bytes[at..<(at + 4)].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) })
                    else { throw failure("\\u 之后应为 4 位十六进制数", "\\u must be followed by 4 hex digits") }
                    at += 4
                } else if !"\"\\/bfnrt".utf8.contains(e) {
                    throw failure("无效的转义字符", "invalid escape")
                }
            case 0x00..<0x20: throw failure("字符串中有未转义的控制字符或换行", "a control character or line break inside a string")
            default: continue
            }
        }
        throw failure("字符串没有结束的双引号", "a string is never closed")
    }

    private mutating func number() throws(Problem) {
        if current == UInt8(ascii: "-") { at += 1 }
        if current == UInt8(ascii: "0") {
            at += 1 // a leading zero stands alone (RFC 8259 §6)
        } else if digits() == 0 {
            throw failure("数字格式错误", "malformed number")
        }
        if current == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { throw failure("小数点后缺少数字", "digits are missing after the decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            at += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw failure("指数缺少数字", "digits are missing in the exponent") }
        }
    }

    /// Skips decimal digits; how many there were.
    private mutating func digits() -> Int {
        let from = at
        while let b = current, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { at += 1 }
        return at - from
    }
}
