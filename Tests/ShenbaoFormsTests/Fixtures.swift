import Foundation
import ShenbaoCore
import ShenbaoTestSupport
@testable import ShenbaoForms

/// Shared test data: the bundled samples, and edits applied to them.
enum Fixtures {
    static let packageRoot = TestFolders.packageRoot

    static func sample(_ name: String) throws -> DataDocument {
        try DataLoader.load(path: packageRoot.appendingPathComponent("templates/samples/\(name).yaml").path)
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    static func notice() throws -> NoticeConfig { try NoticeConfig.load(id: "shanghai-2024") }

    /// The sample `form` with `changes` applied (nil removes the key), validated under the
    /// default notice (and `glyphs`).
    static func issues(_ form: String = "application", _ changes: [(String, Value?)],
                       glyphs: (any GlyphCoverage)? = nil) throws -> [Diagnostic] {
        var doc = try sample(form)
        for (path, value) in changes { doc.root = setting(doc.root, path, value) }
        return try Validator(notice: notice(), glyphs: glyphs).validate(doc, form: form)
    }
}

/// `root` with the value at a dotted path (1-based list indexes) replaced; nil removes it.
/// Missing maps along the way are created.
func setting(_ root: Value, _ path: String, _ value: Value?) -> Value {
    let keys = path.split(separator: ".").map(String.init)
    func go(_ node: Value?, _ rest: ArraySlice<String>) -> Value? {
        guard let key = rest.first else { return value }
        switch node {
        case .list(var items)?:
            guard let i = Int(key), i >= 1 else { return node }
            if i <= items.count {
                if let v = go(items[i - 1], rest.dropFirst()) { items[i - 1] = v } else { items.remove(at: i - 1) }
            } else if let v = go(nil, rest.dropFirst()) { items.append(v) }
            return .list(items)
        case .map(var map)?:
            map[key] = go(map[key], rest.dropFirst())
            return .map(map)
        default:
            var map = OrderedMap()
            map[key] = go(nil, rest.dropFirst())
            return .map(map)
        }
    }
    return go(root, keys[...]) ?? .null
}

/// A font that prints everything except the listed characters.
struct FakeCoverage: GlyphCoverage {
    var missing: Set<Unicode.Scalar>
    func covers(_ scalar: Unicode.Scalar) -> Bool { !missing.contains(scalar) }
}
