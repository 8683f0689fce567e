/// A map with string keys that remembers the order its keys were inserted in: the data tree's
/// maps (a form prints fields in the file's order) and PDF dictionaries (output that never
/// depends on hashing, so the same input gives the same bytes).
public struct OrderedDictionary<Element> {
    public private(set) var keys: [String] = []
    private var storage: [String: Element] = [:]

    public init() {}

    public init(_ pairs: [(String, Element)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The value for `key`; setting nil removes the key.
    public subscript(key: String) -> Element? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Key–value pairs in insertion order.
    public var pairs: [(key: String, value: Element)] {
        keys.compactMap { key in storage[key].map { (key, $0) } }
    }
}

extension OrderedDictionary: Sendable where Element: Sendable {}

extension OrderedDictionary: Equatable where Element: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.keys == rhs.keys && lhs.storage == rhs.storage
    }
}

extension OrderedDictionary: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        for key in keys { hasher.combine(storage[key]) }
    }
}

extension OrderedDictionary: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Element)...) {
        for (key, value) in elements { self[key] = value }
    }
}
