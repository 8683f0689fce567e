import ShenbaoCore

/// `email.format`: an 电子邮箱 that is not a mail address.
public struct EmailRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.emailFormat] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.malformed(.email, id: .emailFormat, isValid: ContactFormats.isEmail) { text in
            (zh: "电子邮箱「\(text)」格式错误；应形如 name@example.cn",
             en: "e-mail address “\(text)” is malformed; write it like name@example.cn")
        }
    }
}
