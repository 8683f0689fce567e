import ShenbaoCore

/// One rule of `data-model.md` (or a small family of them): looks at one record and reports
/// every problem it finds, each with its rule id, severity and path.
public protocol ValidationRule: Sendable {
    /// The rule ids this unit can report (`credit_code.format`, `credit_code.checksum`…).
    var ids: [Diagnostic.ID] { get }
    func check(_ context: RuleContext) -> [Diagnostic]
}

/// Everything a rule may read about one record, and the one way to build its diagnostics
/// (file, line, path and Chinese label filled in the same way for every rule).
public struct RuleContext: Sendable {
    public let document: DataDocument
    public let definition: FormDefinition
    public let notice: NoticeConfig
    public let glyphs: (any GlyphCoverage)?

    /// Where each field of `definition.allFields` occurs in this record, by the field's index:
    /// found once and shared by all rules (the validator's hot path: every rule walks the fields).
    private let located: [[(path: String, value: Value?)]]

    public init(document: DataDocument, definition: FormDefinition, notice: NoticeConfig,
                glyphs: (any GlyphCoverage)? = nil) {
        self.document = document
        self.definition = definition
        self.notice = notice
        self.glyphs = glyphs
        located = definition.allFields.map { Self.locate($0.path, in: document.root) }
    }

    public var root: Value { document.root }

    /// The value at a concrete path; nil when missing or null.
    public func value(_ path: String) -> Value? {
        guard let v = root.value(at: path), v != .null else { return nil }
        return v
    }

    /// The value at a path when it is given and not blank.
    public func present(_ path: String) -> Value? {
        guard let v = value(path), !v.isBlank else { return nil }
        return v
    }

    /// A diagnostic about the field at `path`, located in the data file.
    public func issue(_ id: Diagnostic.ID, _ severity: Diagnostic.Severity = .error, at path: String,
                      zh: String, en: String) -> Diagnostic {
        Diagnostic(id: id, severity: severity, file: document.file, line: document.line(of: path),
                   path: path, label: definition.qualifiedLabel(for: path) ?? definition.label(for: path),
                   message: Localized(zh: zh, en: en))
    }

    /// Every concrete place a field occurs: one for a plain field, one per item for fields inside
    /// lists (`project.expected_outputs.2.level`), with the value there (nil when missing).
    /// Items of lists that are missing or not lists do not occur.
    private static func locate(_ genericPath: String, in root: Value) -> [(path: String, value: Value?)] {
        func at(_ p: String) -> Value? {
            guard let v = root.value(at: p), v != .null else { return nil }
            return v
        }
        guard genericPath.utf8.contains(UInt8(ascii: "[")) else { return [(genericPath, at(genericPath))] }
        let segments = genericPath.components(separatedBy: "[]")
        var prefixes = [segments[0]]
        for segment in segments.dropFirst() {
            var next: [String] = []
            for prefix in prefixes {
                guard case .list(let items)? = at(prefix) else { continue }
                for i in items.indices { next.append("\(prefix).\(i + 1)\(segment)") }
            }
            prefixes = next
        }
        return prefixes.map { ($0, at($0)) }
    }

    /// An `id` issue for every given value of a field written in `format` that `isValid` rejects:
    /// the shape of the contact-format rules, with `message` saying what was expected.
    public func malformed(_ format: FieldDefinition.Format, id: Diagnostic.ID, isValid: (String) -> Bool,
                          message: (String) -> (zh: String, en: String)) -> [Diagnostic] {
        fields { $0.format == format }.compactMap { _, path, value in
            guard let text = value?.scalarText, !(value?.isBlank ?? true), !isValid(text) else { return nil }
            let m = message(text)
            return issue(id, at: path, zh: m.zh, en: m.en)
        }
    }

    /// Fields of the definition for which `predicate` holds, with their occurrences.
    public func fields(where predicate: (FieldDefinition) -> Bool) -> [(field: FieldDefinition, path: String, value: Value?)] {
        // By index: a field definition has twenty members, and a loop variable copied each one
        // for every rule (the copies were a tenth of a validation).
        var out: [(FieldDefinition, String, Value?)] = []
        let fields = definition.allFields
        for i in fields.indices where predicate(fields[i]) {
            for (path, value) in located[i] { out.append((fields[i], path, value)) }
        }
        return out
    }
}

extension Value {
    /// A yes/no answer as data files and spreadsheets write it: true/false, 是/否, 1/0 (any case).
    public var answer: Bool? {
        switch self {
        case .bool(let b): return b
        case .integer(let i) where i == 0 || i == 1: return i == 1
        case .text(let s):
            switch s.trimmed.lowercased() {
            case "true", "是", "1", "yes", "y": return true
            case "false", "否", "0", "no", "n": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The text of a scalar a person typed (numbers written without quotes count as their digits).
    public var scalarText: String? {
        switch self {
        case .text(let s): return s
        case .integer, .decimal: return plainText
        default: return nil
        }
    }
}
