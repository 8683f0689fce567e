extension Value {
    /// The tree with `transform` applied to the value at `path` (`applicant.credit_code`), or at
    /// every item's value for a path through lists (`records[].credit_code`); unchanged where the
    /// path is missing.
    public func mapping(at path: String, _ transform: (Value) -> Value) -> Value {
        mapping(Substring(path), transform)
    }

    private func mapping(_ path: Substring, _ transform: (Value) -> Value) -> Value {
        if path.isEmpty { return transform(self) }
        if path.hasPrefix("[]") {
            guard case .list(let items) = self else { return self }
            var rest = path.dropFirst(2)
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
            return .list(items.map { $0.mapping(rest, transform) })
        }
        guard case .map(var map) = self else { return self }
        let end = path.firstIndex { $0 == "." || $0 == "[" } ?? path.endIndex
        let key = String(path[..<end])
        var rest = path[end...]
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        guard let child = map[key] else { return self }
        map[key] = child.mapping(rest, transform)
        return .map(map)
    }
}
