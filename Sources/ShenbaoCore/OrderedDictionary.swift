/// A map with string keys that remembers the order its keys were inserted in: the data tree's
/// maps (a form prints fields in the file's order) and PDF dictionaries (output that never
/// depends on hashing, so the same input gives the same bytes).
///
/// Its members are `@inlinable`: every module reads data maps and writes PDF dictionaries in
/// its hot loops, and an unspecialised generic call per key costs more than the lookup itself.
///
/// The pairs are one array, searched in order, and only a map of more than `indexedFrom` keys
/// gets a hash index beside them. Nearly every map of a record has a handful of keys, and a
/// batch holds thousands of records: a key array plus a hash table per map weighed on each, and
/// comparing a few short keys costs less than hashing one.
public struct OrderedDictionary<Element> {
    @usableFromInline var entries: [(key: String, value: Element)] = []
    /// Each key's position in `entries`, for maps of more than `indexedFrom` keys.
    @usableFromInline var index: [String: Int]?

    @inlinable static var indexedFrom: Int { 16 }

    @inlinable public init() {}

    @inlinable public init(_ pairs: [(String, Element)]) {
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    @inlinable func position(of key: String) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    @inlinable mutating func reindex() {
        guard entries.count > Self.indexedFrom else { index = nil; return }
        var positions = [String: Int](minimumCapacity: entries.count)
        for (i, entry) in entries.enumerated() { positions[entry.key] = i }
        index = positions
    }

    /// The keys in insertion order.
    @inlinable public var keys: [String] { entries.map(\.key) }

    /// The value for `key`; setting nil removes the key.
    @inlinable public subscript(key: String) -> Element? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let newValue {
                if let i = position(of: key) {
                    entries[i].value = newValue
                } else {
                    entries.append((key, newValue))
                    if index != nil { index![key] = entries.count - 1 } else if entries.count > Self.indexedFrom { reindex() }
                }
            } else if let i = position(of: key) {
                entries.remove(at: i)
                if index != nil { reindex() }
            }
        }
    }

    @inlinable public var count: Int { entries.count }
    @inlinable public var isEmpty: Bool { entries.isEmpty }

    /// Key–value pairs in insertion order.
    @inlinable public var pairs: [(key: String, value: Element)] { entries }
}

extension OrderedDictionary: Sendable where Element: Sendable {}

extension OrderedDictionary: Equatable where Element: Equatable {
    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension OrderedDictionary: Hashable where Element: Hashable {
    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for entry in entries { hasher.combine(entry.key); hasher.combine(entry.value) }
    }
}

extension OrderedDictionary: ExpressibleByDictionaryLiteral {
    @inlinable public init(dictionaryLiteral elements: (String, Element)...) {
        for (key, value) in elements { self[key] = value }
    }
}
