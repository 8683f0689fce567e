import ShenbaoCore

/// One field of a form's data as its definition file says it, once: path, Chinese label,
/// required-ness, type, format, allowed values and length limits. The validator, the JSON Schema,
/// the layouts and the spreadsheet reader all read these.
public struct FieldDefinition: Sendable, Hashable {
    /// Whether a value must be given.
    public enum Requirement: String, Sendable, Hashable {
        case yes, no
        /// Required only in some cases (`when`); the rule named by `rule` reports it.
        case conditional
    }

    /// The kind of value the field holds.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case text, longtext, integer, boolean, date, `enum`, list
        /// One item of a list of records (`project.expected_outputs[]`): a map of `fields`.
        case record
    }

    /// Text formats with their own rules (`credit_code.format`, `phone.format`…).
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case creditCode = "credit_code", phone, mobile, email, postalCode = "postal_code"
    }

    /// When a conditional field is required: a path equal to a value, or one of several paths given.
    public struct Condition: Sendable, Hashable {
        public var path: String?
        public var equals: Value?
        public var oneOf: [String]
    }

    /// "If this field is `value`, then `path` must be `equals`" (同意推荐 needs review 通过).
    public struct Implication: Sendable, Hashable {
        public var value: String
        public var path: String
        public var equals: String
        public var rule: Diagnostic.ID
    }

    /// Generic dotted path; list items are written `[]` (`project.expected_outputs[].level`).
    public var path: String
    public var label: String
    public var required: Requirement
    public var kind: Kind
    public var format: Format?
    /// Allowed values written in the definition.
    public var values: [String]?
    /// The notice list the allowed values come from (`categories`, `key_fields`, `directions`…).
    public var valuesFrom: String?
    /// Hard limit in characters (error `text.too_long`).
    public var maxLength: Int?
    /// What the form's cell holds, in characters (warning `text.too_long`).
    public var budget: Int?
    /// Least allowed integer.
    public var minimum: Int?
    /// The rule that reports this field missing or invalid, when not the generic `required`/`enum`.
    public var rule: Diagnostic.ID?
    /// The rule reporting a value below `minimum` (default `type`).
    public var minimumRule: Diagnostic.ID?
    public var when: Condition?
    /// Check the code's region (credit code, postal code) against the notice's region.
    public var checkRegion: Bool
    /// The data path of the district a credit code's division should match.
    public var districtField: String?
    public var defaultValue: Value?
    public var implies: [Implication]
    /// For `list`: what one item is (a `record` with `fields`, or a scalar kind).
    public var items: Indirect?
    /// For `list`: how many items a spreadsheet template gives columns for (`sheet_items`; the
    /// form prints as many as the data has, so the definition says how many a clerk gets).
    public var sheetItems: Int?
    /// For `record`: its fields, with full generic paths.
    public var fields: [FieldDefinition]

    /// Boxes the item definition (a struct cannot hold itself directly).
    public final class Indirect: Sendable, Hashable {
        public let field: FieldDefinition
        init(_ field: FieldDefinition) { self.field = field }
        public static func == (a: Indirect, b: Indirect) -> Bool { a.field == b.field }
        public func hash(into h: inout Hasher) { h.combine(field) }
    }

    /// The last key of the path (`credit_code`).
    public var key: String {
        String(path.split(separator: ".").last ?? Substring(path))
    }

    /// The allowed values, resolving `values_from` against a notice.
    public func allowedValues(_ notice: NoticeConfig) -> [String]? {
        if let values { return values }
        if let valuesFrom { return notice.values(named: valuesFrom) }
        return nil
    }

    /// True for the kinds that hold text a person types (length budgets, glyph checks).
    public var isText: Bool { kind == .text || kind == .longtext }
}

extension FieldDefinition {
    /// The generic form of a concrete path: `project.expected_outputs.1.level` →
    /// `project.expected_outputs[].level` (indexes are 1-based in concrete paths).
    public static func genericPath(_ path: String) -> String {
        var out = ""
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            if !part.isEmpty, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber), !out.isEmpty {
                out += "[]"
            } else {
                if !out.isEmpty { out += "." }
                out += part
            }
        }
        return out
    }
}
