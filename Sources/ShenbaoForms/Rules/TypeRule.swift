import ShenbaoCore

/// `type`: a value of the wrong kind — text where a number, date, yes/no or list is needed, a
/// list or map where one value is.
public struct TypeRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.type] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        // Sections (`applicant`, `applicant.contact`) must be maps for their fields to be read.
        var out: [Diagnostic] = []
        for section in context.definition.sections {
            guard let value = context.value(section), !value.isBlank else { continue }
            if case .map = value { continue }
            out.append(context.issue(.type, at: section,
                zh: "「\(section)」应为包含各子项的映射，实为\(value.kindName.zh)「\(Self.excerpt(value))」",
                en: "expected a map of fields, found \(value.kindName.en) “\(Self.excerpt(value))”"))
        }
        return out + context.fields { _ in true }.compactMap { field, path, value in
            guard let value, !value.isBlank, !Self.fits(value, field.kind) else { return nil }
            let (zh, en) = Self.expected(field.kind)
            return context.issue(.type, at: path,
                                 zh: "应为\(zh)，实为\(value.kindName.zh)「\(Self.excerpt(value))」",
                                 en: "expected \(en), found \(value.kindName.en) “\(Self.excerpt(value))”")
        }
    }

    /// Whether a value is acceptable for a kind. Numbers typed without quotes count as text
    /// (a credit code or postal code in YAML); yes/no and dates accept the spreadsheet spellings.
    public static func fits(_ value: Value, _ kind: FieldDefinition.Kind) -> Bool {
        switch kind {
        case .text, .longtext, .enum:
            switch value { case .text, .integer, .decimal: return true; default: return false }
        case .integer:
            switch value {
            case .integer: return true
            case .decimal(let d): return d.rounded() == d
            case .text(let s): return Int(s.trimmed) != nil
            default: return false
            }
        case .boolean: return value.answer != nil
        case .date: return value.civilDate != nil
        case .list: if case .list = value { return true } else { return false }
        case .record: if case .map = value { return true } else { return false }
        }
    }

    static func expected(_ kind: FieldDefinition.Kind) -> (String, String) {
        switch kind {
        case .text, .longtext, .enum: return ("文本", "text")
        case .integer: return ("整数", "a whole number")
        case .boolean: return ("是/否（true/false）", "yes/no (true/false)")
        case .date: return ("日期（如 2024-05-31）", "a date (such as 2024-05-31)")
        case .list: return ("列表", "a list")
        case .record: return ("包含各子项的映射", "a map of its fields")
        }
    }

    static func excerpt(_ value: Value) -> String {
        let text = value.plainText
        return text.count > 20 ? String(text.prefix(20)) + "…" : text
    }
}
