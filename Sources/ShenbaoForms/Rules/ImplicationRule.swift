import ShenbaoCore

/// Rules of the form "this value needs that one", read from the definition's `implies`:
/// `opinion.decision` — 同意推荐 while the review (初审结论) is not 通过.
public struct ImplicationRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.opinionDecision] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for field in context.definition.allFields where !field.implies.isEmpty {
            guard let value = context.present(field.path)?.scalarText?.trimmed else { continue }
            for rule in field.implies where rule.value == value {
                let other = context.present(rule.path)?.scalarText?.trimmed
                guard other != rule.equals else { continue }
                // Missing or not an allowed value: `required` or `enum` already reports it.
                guard let other, context.definition.field(at: rule.path)?.allowedValues(context.notice)?.contains(other) ?? true
                else { continue }
                let otherLabel = context.definition.label(for: rule.path) ?? rule.path
                out.append(context.issue(rule.rule, at: field.path,
                    zh: "\(field.label)为「\(value)」时，\(otherLabel)应为「\(rule.equals)」，实为「\(other)」",
                    en: "\(field.path) “\(value)” needs \(rule.path) “\(rule.equals)”, found “\(other)”"))
            }
        }
        return out
    }
}
