import ShenbaoCore
import ShenbaoTemplate

/// How a template's tags and a data file meet: the tags that find no value, and the data
/// fields no tag uses (`shenbao check-template TEMPLATE DATA`).
public struct TemplateUsage: Sendable {
    /// Tags whose path has no value in the data (and no `default`), with where the tag is.
    public var missing: [(path: String, location: String, scopes: [String])] = []
    /// Dotted data paths (list items without their number) that no tag reads.
    public var unused: [String] = []

    /// Compares `tags` with `data` statically, so tags inside sections that the data would skip
    /// are still checked: a path counts as present when any list item on the way holds it.
    public init(tags: [DOCXTag], data: Value) {
        var candidatesOfTags: [(tag: DOCXTag, candidates: [String])] = []
        for tag in tags {
            let path = tag.expression.path
            if path.hasPrefix("@") { continue }
            var prefixes = [""]
            var running = ""
            for scope in tag.scopes where scope != "." && !scope.hasPrefix("@") {
                running = running.isEmpty ? scope : running + "." + scope
                prefixes.append(running)
            }
            let candidates: [String] = path == "."
                ? (running.isEmpty ? [] : [running])
                : prefixes.reversed().map { $0.isEmpty ? path : $0 + "." + path }
            candidatesOfTags.append((tag, candidates))
            let hasDefault = tag.expression.filters.contains { $0.name == "default" }
            if path != ".", !hasDefault, tag.kind != .invertedSection,
               !candidates.contains(where: { Self.exists($0.split(separator: ".").map(String.init)[...], in: data) }) {
                if !missing.contains(where: { $0.path == path && $0.location == tag.location }) {
                    missing.append((path, tag.location, tag.scopes))
                }
            }
        }
        var leaves: [String] = []
        var seen = Set<String>()
        func walk(_ value: Value, _ path: String) {
            switch value {
            case .map(let map) where !map.isEmpty:
                for (key, child) in map.pairs { walk(child, path.isEmpty ? key : path + "." + key) }
            case .list(let items) where !items.isEmpty:
                for item in items { walk(item, path) }
            default:
                if !path.isEmpty, seen.insert(path).inserted { leaves.append(path) }
            }
        }
        walk(data, "")
        unused = leaves.filter { leaf in
            !candidatesOfTags.contains { entry in
                entry.candidates.contains { c in
                    leaf == c || (entry.tag.kind != .section && entry.tag.kind != .invertedSection && leaf.hasPrefix(c + "."))
                }
            }
        }
    }

    static func exists(_ path: ArraySlice<String>, in value: Value) -> Bool {
        guard let first = path.first else { return true }
        switch value {
        case .map(let map):
            guard let child = map[first] else { return false }
            return exists(path.dropFirst(), in: child)
        case .list(let items):
            if let n = Int(first), n >= 1, n <= items.count { return exists(path.dropFirst(), in: items[n - 1]) }
            return items.contains { exists(path, in: $0) }
        default:
            return false
        }
    }
}
