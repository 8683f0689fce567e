import ShenbaoCore

/// `text.too_long`: text longer than its hard limit (`max_length`, an error: 项目名称 ≤ 60,
/// 意见 ≤ 500) or than what the form's cell holds on its page budget (`budget`, a warning: the
/// form would overflow or shrink the text).
public struct TextLengthRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.textTooLong] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.fields { $0.isText && ($0.maxLength != nil || $0.budget != nil) }.compactMap { field, path, value in
            guard let text = value?.scalarText else { return nil }
            let count = text.count
            if let max = field.maxLength, count > max {
                return context.issue(.textTooLong, at: path,
                    zh: "「\(field.label)」共 \(count) 字，超过 \(max) 字的上限；请删减 \(count - max) 字",
                    en: "\(count) characters, more than the limit of \(max); cut \(count - max)")
            }
            if let budget = field.budget, count > budget {
                return context.issue(.textTooLong, .warning, at: path,
                    zh: "「\(field.label)」共 \(count) 字，超过表格该栏约 \(budget) 字的容量；建议精简",
                    en: "\(count) characters, more than the about \(budget) the form's cell holds; consider shortening")
            }
            return nil
        }
    }
}
