/// One value of the data tree every data file is loaded into, whatever its format.
///
/// Maps keep the order of their keys as written, so forms, reports and schema
/// output follow the author's order and generated files stay deterministic.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case decimal(Double)
    case text(String)
    case date(CivilDate)
    case list([Value])
    case map(OrderedMap)

    /// The value at `key` when this is a map.
    public subscript(key: String) -> Value? {
        if case .map(let map) = self { return map[key] }
        return nil
    }

    /// The value at a dotted path (`applicant.contact.name`); list items are numbered from 1
    /// (`project.expected_outputs.1.name`), as spreadsheet columns and messages write them.
    public func value(at path: String) -> Value? {
        var current: Value = self
        // Walked key by key without splitting into an array: every rule of every validation
        // looks up every field's path, and the array was the validator's largest allocation.
        var rest = Substring(path)
        while true {
            let end = rest.firstIndex(of: ".") ?? rest.endIndex
            let key = rest[..<end]
            switch current {
            case .map(let map):
                guard let next = map[String(key)] else { return nil }
                current = next
            case .list(let items):
                guard let n = Int(key), n >= 1, n <= items.count else { return nil }
                current = items[n - 1]
            default:
                return nil
            }
            guard end < rest.endIndex else { return current }
            rest = rest[rest.index(after: end)...]
        }
    }

    /// True for what Mustache treats as "nothing": null, false, an empty list,
    /// and (for forms, where a blank cell means missing) empty or blank text.
    public var isBlank: Bool {
        switch self {
        case .null: return true
        case .text(let s): return s.allSatisfy(\.isWhitespace)
        case .list(let items): return items.isEmpty
        default: return false
        }
    }

    /// A short Chinese/English name of the kind of value, for type messages.
    public var kindName: Localized {
        switch self {
        case .null: return Localized(zh: "空值", en: "null")
        case .bool: return Localized(zh: "布尔值", en: "boolean")
        case .integer, .decimal: return Localized(zh: "数字", en: "number")
        case .text: return Localized(zh: "文本", en: "text")
        case .date: return Localized(zh: "日期", en: "date")
        case .list: return Localized(zh: "列表", en: "list")
        case .map: return Localized(zh: "映射", en: "map")
        }
    }
}

/// The data tree's map: keys in the order the file wrote them.
public typealias OrderedMap = OrderedDictionary<Value>

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .decimal(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .map(OrderedMap(elements)) }
    public init(nilLiteral: ()) { self = .null }
}
