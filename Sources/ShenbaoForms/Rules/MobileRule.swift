import ShenbaoCore

/// `mobile.format`: a 手机 that is not `1[3-9]` and 9 digits (optionally `+86`).
public struct MobileRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.mobileFormat] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.malformed(.mobile, id: .mobileFormat, isValid: ContactFormats.isMobile) { text in
            (zh: "手机号「\(text)」格式错误；应为 11 位，以 13–19 开头（可加 +86）",
             en: "mobile number “\(text)” is malformed; it has 11 digits starting 13–19 (+86 allowed)")
        }
    }
}
