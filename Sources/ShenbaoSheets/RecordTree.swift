import ShenbaoCore

/// Builds the value tree of one record from (dotted path, value) pairs, in the shape `DataLoader`
/// gives a YAML file: maps for keys, lists for list numbers (`project.expected_outputs.2.name`
/// is the `name` of the second item), keys in the order of the columns.
///
/// A list item whose cells are all empty is no item: a template with five 预期成果 columns
/// filled with two gives a list of two. Numbers keep their order, gaps close up.
enum RecordTree {
    static func build(_ entries: [(path: [Substring], value: Value)]) -> Value {
        node(entries[...], depth: 0) ?? .map(OrderedMap())
    }

    private static func node(_ entries: ArraySlice<(path: [Substring], value: Value)>, depth: Int) -> Value? {
        if let leaf = entries.first(where: { $0.path.count == depth }) { return leaf.value }
        var order: [Substring] = []
        var groups: [Substring: [(path: [Substring], value: Value)]] = [:]
        for entry in entries {
            let key = entry.path[depth]
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        // Header checks (`SheetColumns`) make the keys under one parent all numbers or all names.
        if order.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            let items = order.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
                .compactMap { groups[$0].flatMap { node($0[...], depth: depth + 1) } }
            return items.isEmpty ? nil : .list(items)
        }
        var map = OrderedMap()
        for key in order {
            if let value = groups[key].flatMap({ node($0[...], depth: depth + 1) }) { map[String(key)] = value }
        }
        return map.isEmpty ? nil : .map(map)
    }
}
