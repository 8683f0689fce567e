extension DataDocument {
    /// The document with only the values at `paths` (dotted map paths, as `Value.value(at:)`
    /// reads them), the maps leading to them, and the lines of those paths, their maps and what
    /// lies under them: what a reader of a few fields needs, at a fraction of the whole tree's
    /// weight. A path that goes on into a list keeps the whole list.
    public func keeping(_ paths: [String]) -> DataDocument {
        var root = Value.map(OrderedMap())
        for path in paths {
            var prefix = Substring(path)
            // Up to the first list: `a.b.1.c` keeps `a.b`.
            if let list = path.split(separator: ".").firstIndex(where: { Int($0) != nil }) {
                prefix = Substring(path.split(separator: ".")[..<list].joined(separator: "."))
            }
            if !prefix.isEmpty, let value = self.root.value(at: String(prefix)) { root = root.setting(value, at: prefix) }
        }
        let kept = lines.filter { key, _ in
            key.isEmpty || paths.contains { $0 == key || $0.hasPrefix(key + ".") || key.hasPrefix($0 + ".") }
        }
        return DataDocument(file: file, root: root, lines: kept)
    }
}

extension Value {
    /// The map with `value` at `path`, the maps on the way made where missing.
    fileprivate func setting(_ value: Value, at path: Substring) -> Value {
        guard case .map(var map) = self else { return self }
        let end = path.firstIndex(of: ".") ?? path.endIndex
        let key = String(path[..<end])
        if end == path.endIndex {
            map[key] = value
        } else {
            map[key] = (map[key] ?? .map(OrderedMap())).setting(value, at: path[path.index(after: end)...])
        }
        return .map(map)
    }
}
