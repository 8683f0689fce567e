import ShenbaoCore

/// `phone.format`: a 联系电话 that is neither a Shanghai landline (`021-XXXXXXXX`, extension
/// allowed) nor a mobile number.
public struct PhoneRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.phoneFormat] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.malformed(.phone, id: .phoneFormat, isValid: ContactFormats.isPhone) { text in
            (zh: "联系电话「\(text)」格式错误；应为 021-XXXXXXXX（8 位号码，可加分机，如 021-64220000-2527）或手机号",
             en: "phone number “\(text)” is malformed; write 021-XXXXXXXX (8 digits, extension allowed, e.g. 021-64220000-2527) or a mobile")
        }
    }
}
