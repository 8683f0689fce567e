import ShenbaoCore

/// `phone.format`: a 联系电话 that is neither a landline of the notice's region (`021-XXXXXXXX` for
/// Shanghai, extension allowed) nor a mobile number.
public struct PhoneRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.phoneFormat] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let area = context.notice.region.phoneAreaCode
        return context.malformed(.phone, id: .phoneFormat, isValid: { ContactFormats.isPhone($0, areaCode: area) }) { text in
            (zh: "联系电话「\(text)」格式错误；应为 \(area)-XXXXXXXX（8 位号码，可加分机，如 \(area)-64220000-2527）或手机号",
             en: "phone number “\(text)” is malformed; write \(area)-XXXXXXXX (8 digits, extension allowed, e.g. \(area)-64220000-2527) or a mobile")
        }
    }
}
