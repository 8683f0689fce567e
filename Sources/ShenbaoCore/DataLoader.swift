import Foundation
import Yams

/// Loads JSON and YAML data files into `DataDocument`s, refusing what could exhaust memory.
///
/// JSON is read through the same YAML composer (JSON is, for data files, a subset of YAML),
/// so both formats keep line numbers; JSON is first checked strictly by Foundation.
public enum DataLoader {
    /// Files larger than this are refused: application data is kilobytes.
    public static let maxFileBytes = 16 << 20
    /// Values in one document, counted after aliases are expanded (stops YAML alias bombs).
    public static let maxValues = 250_000
    /// Nesting of lists and maps.
    public static let maxDepth = 64

    /// Loads the file at `path` (`-`: standard input, format detected).
    public static func load(path: String) throws -> DataDocument {
        let (data, format) = try read(path: path)
        return try load(data: data, file: path, format: format)
    }

    /// The bytes of the data file at `path` and the format its name gives, unparsed: for a
    /// reader that fingerprints what it parses (`batch`'s manifest).
    public static func read(path: String) throws -> (data: Data, format: Format) {
        let data = try InputFile.read(path, limit: maxFileBytes, unreadable: .dataUnreadable, tooLarge: .dataTooLarge,
                                      limitText: "\(maxFileBytes >> 20) MB")
        let lower = path.lowercased()
        let format: Format = lower.hasSuffix(".json") ? .json
            : (lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")) ? .yaml
            : (path == "-" ? .detect : .unknown)
        if format == .unknown {
            throw ShenbaoFailure.unusable(.dataFormat, file: path,
                zh: "不支持的数据文件类型（应为 .json、.yaml 或 .yml）",
                en: "unsupported data file type (expected .json, .yaml or .yml)")
        }
        return (data, format)
    }

    public enum Format: Sendable { case json, yaml, detect, unknown }

    /// Loads bytes already in memory; `file` names them in messages.
    public static func load(data: Data, file: String, format: Format) throws -> DataDocument {
        guard data.count <= maxFileBytes else {
            throw ShenbaoFailure.unusable(.dataTooLarge, file: file,
                zh: "数据文件超过 \(maxFileBytes >> 20) MB 上限", en: "data file exceeds the \(maxFileBytes >> 20) MB limit")
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ShenbaoFailure.unusable(.dataEncoding, file: file,
                zh: "文件是 UTF-16 编码；请在编辑器中另存为 UTF-8 编码", en: "the file is UTF-16; save it as UTF-8 in your editor")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = UTF8Validation.firstInvalidOffset(bytes) ?? 0
            let line = bytes.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw ShenbaoFailure.unusable(.dataEncoding, file: file, line: line,
                zh: "不是有效的 UTF-8 文本（第 \(offset + 1) 字节）；文件可能是 GBK/GB18030 编码，请在编辑器中另存为 UTF-8 编码",
                en: "not valid UTF-8 text (byte \(offset + 1)); the file may be GBK/GB18030: save it as UTF-8 in your editor")
        }
        if text.allSatisfy(\.isWhitespace) {
            throw ShenbaoFailure.unusable(.dataEmpty, file: file, zh: "数据文件是空的", en: "the data file is empty")
        }
        let isJSON = format == .json || (format == .detect && text.first(where: { !$0.isWhitespace }).map { $0 == "{" || $0 == "[" } == true)
        if isJSON {
            do {
                try StrictJSON.check(text)
            } catch {
                throw ShenbaoFailure.unusable(.dataSyntax, file: file, line: error.line,
                    zh: "JSON 格式错误：\(error.message.zh)", en: "malformed JSON: \(error.message.en)")
            }
        }
        let node: Node?
        do {
            // UTF-8 named: Yams's default reads the whole environment on every parse.
            node = try Yams.compose(yaml: text, Resolver.basic, .default, .utf8)
        } catch let error as YamlError {
            let (line, problem) = describe(error)
            throw ShenbaoFailure.unusable(.dataSyntax, file: file, line: line,
                zh: "\(isJSON ? "JSON" : "YAML") 格式错误：\(chinese(problem))", en: "malformed \(isJSON ? "JSON" : "YAML"): \(problem)")
        } catch {
            throw ShenbaoFailure.unusable(.dataSyntax, file: file, zh: "数据格式错误：\(error)", en: "malformed data: \(error)")
        }
        var builder = TreeBuilder(file: file)
        let root = try node.map { try builder.value(of: $0, path: "", depth: 0) } ?? .null
        return DataDocument(file: file, root: root, lines: builder.lines)
    }

    /// libyaml's commonest complaints, in words a clerk can act on; others stay as libyaml says them.
    static func chinese(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("mapping values are not allowed", "此处不能写“键: 值”（冒号后要有空格，或缩进不对）"),
            ("did not find expected key", "缺少应有的键（多半是缩进不一致）"),
            ("could not find expected ':'", "缺少冒号“:”"),
            ("found character that cannot start any token", "有不能出现在这里的字符（例如用制表符缩进；请改用空格）"),
            ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
            ("did not find expected node content", "缺少值"),
            ("found unknown escape character", "双引号字符串中有无效的转义字符（反斜杠）"),
            ("duplicate keys", "同一个键写了两次"),
            ("did not find expected ',' or ']'", "列表缺少逗号或“]”"),
            ("did not find expected ',' or '}'", "映射缺少逗号或“}”"),
            ("found a tab character", "不能用制表符缩进，请改用空格"),
        ]
        for (english, zh) in known where problem.contains(english) { return zh + "（" + problem + "）" }
        return problem
    }

    private static func describe(_ error: YamlError) -> (Int?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return (mark.line, [context?.text, problem].compactMap { $0 }.joined(separator: ": "))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, "duplicate keys \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(error)")
        }
    }
}

/// Turns a composed YAML tree into `Value`s, recording lines and enforcing the budgets.
private struct TreeBuilder {
    let file: String
    var lines: [String: Int] = [:]
    var count = 0

    init(file: String) { self.file = file }

    mutating func value(of node: Node, path: String, depth: Int) throws -> Value {
        count += 1
        if count > DataLoader.maxValues {
            throw ShenbaoFailure.unusable(.dataTooManyValues, file: file, line: node.mark?.line,
                zh: "数据值超过 \(DataLoader.maxValues) 个（可能是 YAML 别名展开过多），已拒绝",
                en: "more than \(DataLoader.maxValues) values (YAML aliases expanding too far); refused")
        }
        if depth > DataLoader.maxDepth {
            throw ShenbaoFailure.unusable(.dataTooDeep, file: file, line: node.mark?.line,
                zh: "数据嵌套超过 \(DataLoader.maxDepth) 层，已拒绝", en: "data nested deeper than \(DataLoader.maxDepth) levels; refused")
        }
        if let line = node.mark?.line, lines[path] == nil { lines[path] = line }
        func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        switch node {
        case .scalar(let scalar):
            return Self.scalar(scalar)
        case .sequence(let sequence):
            var items: [Value] = []
            items.reserveCapacity(sequence.count)
            for (i, item) in sequence.enumerated() {
                items.append(try value(of: item, path: child(String(i + 1)), depth: depth + 1))
            }
            return .list(items)
        case .mapping(let mapping):
            var map = OrderedMap()
            for (keyNode, valueNode) in mapping {
                let key = keyNode.string ?? "\(keyNode)"
                if let keyLine = keyNode.mark?.line { lines[child(key)] = keyLine }
                map[key] = try value(of: valueNode, path: child(key), depth: depth + 1)
            }
            return .map(map)
        case .alias:
            throw ShenbaoFailure.unusable(.dataAlias, file: file, line: node.mark?.line,
                zh: "无法解析的 YAML 别名", en: "unresolved YAML alias")
        }
    }

    /// Types a scalar. Plain (unquoted) scalars are typed here rather than by Yams' regular
    /// expressions (a third of load time); numbers written with a leading zero stay text, so
    /// an unquoted postal code or phone number keeps its digits.
    static func scalar(_ scalar: Node.Scalar) -> Value {
        let s = scalar.string
        let explicit = scalar.tag.rawValue
        guard explicit.isEmpty else {
            switch Tag.Name(rawValue: explicit) {
            case .str: return .text(s)
            case .null: return .null
            case .bool: return Bool.construct(from: scalar).map(Value.bool) ?? .text(s)
            case .int: return Int.construct(from: scalar).map(Value.integer) ?? .text(s)
            case .float: return Double.construct(from: scalar).map(Value.decimal) ?? .text(s)
            case .timestamp: return CivilDate(parsing: s).map(Value.date) ?? .text(s)
            default: return .text(s)
            }
        }
        guard scalar.style == .plain else { return .text(s) }
        return plainScalar(s)
    }

    static func plainScalar(_ s: String) -> Value {
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf": return .decimal(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .decimal(-.infinity)
        case ".nan", ".NaN", ".NAN": return .decimal(.nan)
        default: break
        }
        let utf8 = s.utf8
        guard let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return .text(s) }
        let digits = utf8.drop(while: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") })
        let leadingZero = digits.count > 1 && digits.first == UInt8(ascii: "0")
            && digits.dropFirst().first.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } == true
        if utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }),
           !leadingZero, let n = Int(s) {
            return .integer(n)
        }
        if !leadingZero, utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
           utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || ".eE+-".utf8.contains($0) }),
           let d = Double(s) {
            // A Double holds 15 significant decimal digits exactly; a longer number (an amount to
            // the fen past a trillion) keeps its text, so nothing prints it rounded.
            return significantDigits(s) > 15 ? .text(s) : .decimal(d)
        }
        if utf8.count >= 8, utf8.contains(UInt8(ascii: "-")), let date = CivilDate(parsing: s) { return .date(date) }
        return .text(s)
    }

    /// The significant digits of a decimal numeral (`0.00120` → 3; the exponent does not count).
    static func significantDigits(_ s: String) -> Int {
        let mantissa = s.prefix { $0 != "e" && $0 != "E" }.filter { $0.isNumber }
        let trimmed = mantissa.drop { $0 == "0" }
        let fraction = s.prefix { $0 != "e" && $0 != "E" }.contains(".")
        return fraction ? trimmed.reversed().drop { $0 == "0" }.count : trimmed.count
    }
}
