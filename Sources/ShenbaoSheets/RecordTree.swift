import ShenbaoCore

/// The shape of one record as the sheet's columns give it, worked out once per sheet: building a
/// row's value tree is then a walk that looks nothing up. The tree has the shape `DataLoader` gives
/// a YAML file: maps for keys, lists for list numbers (`project.expected_outputs.2.name` is the
/// `name` of the second item), keys in the order of the columns.
///
/// A list item whose cells are all empty is no item: a template with five 预期成果 columns
/// filled with two gives a list of two. Numbers keep their order, gaps close up.
struct RecordTree {
    private indirect enum Node {
        /// The value of column `index`.
        case leaf(Int)
        case map([(key: String, node: Node)])
        /// Items in the order of their numbers.
        case list([Node])
    }

    private let root: Node

    /// The shape for columns with these dotted paths (`SheetColumns` has checked that no path holds
    /// another and that the keys under one parent are all numbers or all names).
    init(paths: [String]) {
        root = Self.node(paths.enumerated().map { ($0.offset, $0.element.split(separator: ".")[...]) }, depth: 0)
    }

    /// The record of one row: `values` by column, nil where the cell is missing.
    func build(_ values: [Value?]) -> Value {
        Self.value(of: root, values) ?? .map(OrderedMap())
    }

    private static func node(_ entries: [(column: Int, path: ArraySlice<Substring>)], depth: Int) -> Node {
        if let leaf = entries.first(where: { $0.path.count == depth }) { return .leaf(leaf.column) }
        var order: [Substring] = []
        var groups: [Substring: [(column: Int, path: ArraySlice<Substring>)]] = [:]
        for entry in entries {
            let key = entry.path[entry.path.startIndex + depth]
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        let children = order.map { (key: String($0), node: node(groups[$0] ?? [], depth: depth + 1)) }
        if order.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return .list(children.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map(\.node))
        }
        return .map(children)
    }

    private static func value(of node: Node, _ values: [Value?]) -> Value? {
        switch node {
        case .leaf(let column):
            return values[column]
        case .list(let items):
            let built = items.compactMap { value(of: $0, values) }
            return built.isEmpty ? nil : .list(built)
        case .map(let children):
            var map = OrderedMap()
            for child in children {
                if let v = value(of: child.node, values) { map[child.key] = v }
            }
            return map.isEmpty ? nil : .map(map)
        }
    }
}
