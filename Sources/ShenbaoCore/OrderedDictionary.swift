/// A map with string keys that remembers the order its keys were inserted in: the data tree's
/// maps (a form prints fields in the file's order) and PDF dictionaries (output that never
/// depends on hashing, so the same input gives the same bytes).
///
/// Its members are `@inlinable`: every module reads data maps and writes PDF dictionaries in
/// its hot loops, and an unspecialised generic call per key costs more than the lookup itself.
public struct OrderedDictionary<Element> {
    @usableFromInline var orderedKeys: [String] = []
    @usableFromInline var storage: [String: Element] = [:]

    @inlinable public init() {}

    @inlinable public init(_ pairs: [(String, Element)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys in insertion order.
    @inlinable public var keys: [String] { orderedKeys }

    /// The value for `key`; setting nil removes the key.
    @inlinable public subscript(key: String) -> Element? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { orderedKeys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                orderedKeys.removeAll { $0 == key }
            }
        }
    }

    @inlinable public var count: Int { orderedKeys.count }
    @inlinable public var isEmpty: Bool { orderedKeys.isEmpty }

    /// Key–value pairs in insertion order.
    @inlinable public var pairs: [(key: String, value: Element)] {
        orderedKeys.compactMap { key in storage[key].map { (key, $0) } }
    }
}

extension OrderedDictionary: Sendable where Element: Sendable {}

extension OrderedDictionary: Equatable where Element: Equatable {
    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.orderedKeys == rhs.orderedKeys && lhs.storage == rhs.storage
    }
}

extension OrderedDictionary: Hashable where Element: Hashable {
    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(orderedKeys)
        for key in orderedKeys { hasher.combine(storage[key]) }
    }
}

extension OrderedDictionary: ExpressibleByDictionaryLiteral {
    @inlinable public init(dictionaryLiteral elements: (String, Element)...) {
        for (key, value) in elements { self[key] = value }
    }
}
