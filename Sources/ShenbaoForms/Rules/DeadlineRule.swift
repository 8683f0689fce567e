import ShenbaoCore

/// `deadline`: the application's date (`deadline_field` of the form) after the notice's deadline.
public struct DeadlineRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.deadline] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        guard let path = context.definition.deadlineField, let date = context.value(path)?.civilDate else { return [] }
        let deadline = context.notice.deadline
        guard date > deadline else { return [] }
        return [context.issue(.deadline, at: path,
            zh: "申请日期 \(date.chinese) 晚于通知（\(context.notice.documentNumber)）的申报截止日期 \(deadline.chinese)",
            en: "the date \(date) is after the notice's deadline \(deadline) (\(context.notice.documentNumber))")]
    }
}
