import ShenbaoCore

/// A whole number below the field's `minimum`: `staff.none` for 专兼职标准化人员数 (the notice asks
/// for standardization staff), `type` for others such as 推荐排序.
public struct MinimumRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.staffNone, .type] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.fields { $0.kind == .integer && $0.minimum != nil }.compactMap { field, path, value in
            guard let minimum = field.minimum, let number = value?.number, number.rounded() == number,
                  Int(number) < minimum else { return nil }
            return context.issue(field.minimumRule ?? .type, at: path,
                                 zh: "「\(field.label)」应为不小于 \(minimum) 的整数，实为 \(Int(number))",
                                 en: "must be a whole number of at least \(minimum), found \(Int(number))")
        }
    }
}
