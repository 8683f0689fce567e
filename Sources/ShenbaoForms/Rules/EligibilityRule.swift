import ShenbaoCore

/// `eligibility.<name>`: a declaration of the notice's conditions (二、试点单位条件) missing or
/// false; and `social_public_service.government_led` — a declaration the notice requires only
/// when its `when` path holds (a 社会管理与公共服务综合标准化试点 must be government-led).
/// Which declarations exist, their wording and rule ids all come from the notice.
public struct EligibilityRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.eligibilityFamily, .socialPublicServiceGovernmentLed] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for declaration in context.notice.eligibility {
            let path = "declarations.\(declaration.key)"
            guard context.definition.field(at: path) != nil else { continue }
            if let when = declaration.when, context.present(when)?.answer != true { continue }
            let answer = context.present(path)?.answer
            guard answer != true else { continue }
            let whenZh = declaration.when.flatMap { context.definition.label(for: $0) }.map { "申报\($0)的单位须" } ?? "申报单位须"
            if answer == false {
                out.append(context.issue(declaration.rule, at: path,
                    zh: "声明为否：\(whenZh)满足「\(declaration.text)」，否则不得申报",
                    en: "declared false: the applicant must meet “\(declaration.key)” to apply"))
            } else {
                out.append(context.issue(declaration.rule, at: path,
                    zh: "缺少声明「\(declaration.label)」；\(whenZh)满足「\(declaration.text)」，请填写 true",
                    en: "the declaration \(path) is missing; the applicant must meet it — write true"))
            }
        }
        return out
    }
}
