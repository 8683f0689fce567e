import ShenbaoCore

/// `required`: a field the form always needs is missing or blank. Fields whose definition names
/// another rule (`outputs.none`, `eligibility.*`, conditional fields) are that rule's to report.
public struct RequiredRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.required] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.fields { $0.required == .yes && $0.rule == nil }.compactMap { field, path, value in
            guard value?.isBlank ?? true else { return nil }
            let label = field.label
            var hintZh = "", hintEn = ""
            if let values = field.allowedValues(context.notice), !values.isEmpty {
                hintZh = "（可选：\(values.choiceList)）"
                hintEn = " (one of: \(values.joined(separator: ", ")))"
            }
            return context.issue(.required, at: path,
                                 zh: "必填项「\(label)」缺失，请填写\(hintZh)",
                                 en: "required field “\(path)” is missing; fill it in\(hintEn)")
        }
    }
}
