import Foundation
import ShenbaoCore

/// Reads typed values out of a configuration file (notice or form definition), turning a missing
/// or mistyped entry into an `unusable input` failure that names the file, line and key.
struct ConfigReader {
    let document: DataDocument

    init(path: String) throws {
        document = try DataLoader.load(path: path)
    }

    init(document: DataDocument) { self.document = document }

    func failure(_ path: String, zh: String, en: String) -> ShenbaoFailure {
        ShenbaoFailure(.unusableInput, [Diagnostic(id: .configInvalid, file: document.file,
            line: document.line(of: path), path: path,
            message: Localized(zh: "配置项\(zh)", en: "configuration entry \(en)"))])
    }

    func value(_ path: String, in base: Value? = nil) -> Value? {
        let root = base ?? document.root
        guard let v = root.value(at: path), v != .null else { return nil }
        return v
    }

    func text(_ path: String, in base: Value? = nil, at fullPath: String? = nil) throws -> String {
        guard let v = value(path, in: base), !v.isBlank, case .text = v.normalizedScalar else {
            throw failure(fullPath ?? path, zh: " \(fullPath ?? path) 缺失或不是文本", en: "\(fullPath ?? path) is missing or not text")
        }
        return v.plainText
    }

    func optionalText(_ path: String, in base: Value? = nil) -> String? {
        guard let v = value(path, in: base), !v.isBlank else { return nil }
        switch v { case .text, .integer, .decimal, .date, .bool: return v.plainText; default: return nil }
    }

    func integer(_ path: String, in base: Value? = nil) throws -> Int {
        guard case .integer(let i)? = value(path, in: base) else {
            throw failure(path, zh: " \(path) 缺失或不是整数", en: "\(path) is missing or not an integer")
        }
        return i
    }

    func date(_ path: String, in base: Value? = nil) throws -> CivilDate {
        guard let d = value(path, in: base)?.civilDate else {
            throw failure(path, zh: " \(path) 缺失或不是日期", en: "\(path) is missing or not a date")
        }
        return d
    }

    func list(_ path: String, in base: Value? = nil, at fullPath: String? = nil) throws -> [Value] {
        guard case .list(let items)? = value(path, in: base) else {
            throw failure(fullPath ?? path, zh: " \(fullPath ?? path) 缺失或不是列表", en: "\(fullPath ?? path) is missing or not a list")
        }
        return items
    }

    func textList(_ path: String, in base: Value? = nil, at fullPath: String? = nil) throws -> [String] {
        try list(path, in: base, at: fullPath).map(\.plainText)
    }

    func map(_ path: String, in base: Value? = nil) throws -> OrderedMap {
        guard case .map(let m)? = value(path, in: base) else {
            throw failure(path, zh: " \(path) 缺失或不是映射", en: "\(path) is missing or not a map")
        }
        return m
    }
}

extension Value {
    /// Numbers count as text for configuration strings (`"64220000"` written without quotes).
    var normalizedScalar: Value {
        switch self {
        case .integer, .decimal: return .text(plainText)
        default: return self
        }
    }
}
