import ShenbaoCore

/// Writes `Value`s as JSON text, keys in their map order, so generated files (schemas, reports)
/// are deterministic and diff cleanly. (Foundation's encoder sorts or scrambles keys.)
public enum JSONText {
    /// Compact on one line with `, ` and `: ` separators (`{"files": [...]}`), or indented by
    /// two spaces with a final newline when `pretty`.
    public static func encode(_ value: Value, pretty: Bool = false) -> String {
        var out = ""
        write(value, into: &out, pretty: pretty, indent: 0)
        if pretty { out += "\n" }
        return out
    }

    private static func write(_ value: Value, into out: inout String, pretty: Bool, indent: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .decimal(let d): out += d.isFinite ? value.plainText : "null"
        case .text(let s): string(s, into: &out)
        case .date(let d): string(d.description, into: &out)
        case .list(let items):
            if items.isEmpty { out += "[]"; return }
            // Lists of plain values stay on one line even when pretty (enums read as a row).
            let inline = items.allSatisfy { if case .list = $0 { false } else if case .map = $0 { false } else { true } }
            if pretty && inline {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    write(item, into: &out, pretty: false, indent: 0)
                }
                out += "]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += pretty ? "," : ", " }
                if pretty { newline(&out, indent + 1) }
                write(item, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out += "]"
        case .map(let map):
            if map.isEmpty { out += "{}"; return }
            out += "{"
            for (i, pair) in map.pairs.enumerated() {
                if i > 0 { out += pretty ? "," : ", " }
                if pretty { newline(&out, indent + 1) }
                string(pair.key, into: &out)
                out += ": "
                write(pair.value, into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int) {
        out += "\n" + String(repeating: "  ", count: indent)
    }

    /// RFC 8259 §7: quote, backslash and control characters escaped; everything else as UTF-8.
    private static func string(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
