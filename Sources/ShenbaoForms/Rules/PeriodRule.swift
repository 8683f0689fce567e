import ShenbaoCore

/// `period.order` (the end date not after the start date) and `period.too_long` (longer than
/// the notice's project period; the extension the notice mentions is granted only later, on
/// approval, so an application may not plan with it).
public struct PeriodRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.periodOrder, .periodTooLong] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let paths = context.definition.periodFields
        guard paths.count == 2, let start = context.value(paths[0])?.civilDate,
              let end = context.value(paths[1])?.civilDate else { return [] }
        if end <= start {
            return [context.issue(.periodOrder, at: paths[1],
                zh: "试点结束日期 \(end.chinese) 应晚于开始日期 \(start.chinese)",
                en: "the end date \(end) must be after the start date \(start)")]
        }
        let months = context.notice.periodMonths
        let limit = start.adding(months: months)
        if end > limit {
            let length = Self.describe(months: months)
            let ext = context.notice.extensionMonths
            let extZh = ext > 0 ? "（特殊情形经批准可延长\(Self.describe(months: ext).zh)，申请时不计入）" : ""
            return [context.issue(.periodTooLong, at: paths[1],
                zh: "试点期限超过通知规定的\(length.zh)\(extZh)；结束日期最晚为 \(limit.chinese)，实为 \(end.chinese)",
                en: "the period is longer than the notice's \(length.en); the end date may be \(limit) at the latest, not \(end)")]
        }
        return []
    }

    static func describe(months: Int) -> (zh: String, en: String) {
        if months == 6 { return ("半年", "half a year") }
        if months % 12 == 0 { return ("\(months / 12)年", "\(months / 12) years") }
        return ("\(months)个月", "\(months) months")
    }
}
