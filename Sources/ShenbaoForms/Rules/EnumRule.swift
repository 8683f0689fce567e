import ShenbaoCore

/// `enum`: a value outside its list (the definition's `values`, or a list from the notice).
/// Fields whose definition names another rule (重点领域, 重点方向, 推荐单位所在区) are checked
/// by that rule, which knows the context the value depends on.
public struct EnumRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.enum] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.fields { $0.kind == .enum && $0.rule == nil }.compactMap { field, path, value in
            guard let value, !value.isBlank, let text = value.scalarText,
                  let allowed = field.allowedValues(context.notice) else { return nil }
            let trimmed = text.trimmed
            guard !allowed.contains(trimmed) else { return nil }
            return context.issue(.enum, at: path,
                                 zh: "「\(trimmed)」不是可选值，请填写其中之一：\(allowed.choiceList)",
                                 en: "“\(trimmed)” is not allowed; use one of: \(allowed.joined(separator: ", "))")
        }
    }
}
