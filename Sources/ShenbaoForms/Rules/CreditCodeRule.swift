import ShenbaoCore

/// The credit-code family (GB 32100-2015), on every field with `format: credit_code`:
/// `credit_code.format`, `credit_code.checksum` (errors); on fields with `check_region`,
/// `credit_code.region` (outside the notice's region) and `credit_code.district` (a district
/// other than the one the record names) — warnings, since a code never changes when a unit moves.
public struct CreditCodeRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.creditCodeFormat, .creditCodeChecksum, .creditCodeRegion, .creditCodeDistrict] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (field, path, value) in context.fields(where: { $0.format == .creditCode }) {
            guard let value, !value.isBlank, let text = value.scalarText else { continue }
            let code = CreditCode.normalize(text)
            if let problem = CreditCode.formatProblem(code) {
                out.append(context.issue(.creditCodeFormat, at: path,
                    zh: "统一社会信用代码「\(text)」格式错误：\(problem.zh)",
                    en: "credit code “\(text)” is malformed: \(problem.en)"))
                continue
            }
            if let expected = CreditCode.checkCharacter(for: code), let actual = code.last, expected != actual {
                out.append(context.issue(.creditCodeChecksum, at: path,
                    zh: "统一社会信用代码校验位应为 \(expected)，实为 \(actual)；请核对代码是否抄错",
                    en: "the credit code's check character should be \(expected), not \(actual); check the code for a typo"))
            }
            guard field.checkRegion else { continue }
            let region = context.notice.region
            let division = CreditCode.divisionCode(code)
            if !division.hasPrefix(region.code) {
                out.append(context.issue(.creditCodeRegion, .warning, at: path,
                    zh: "统一社会信用代码的登记地（\(division)）不在\(region.name)；请确认单位依法在本市登记注册",
                    en: "the credit code was registered outside \(region.name) (division \(division)); make sure the unit is registered here"))
                continue
            }
            if let districtPath = field.districtField,
               let named = context.present(districtPath)?.scalarText?.trimmed,
               let coded = region.district(code: division), coded != named,
               region.districts.contains(where: { $0.name == named }) {
                out.append(context.issue(.creditCodeDistrict, .warning, at: path,
                    zh: "统一社会信用代码的登记区为\(coded)，与所在区「\(named)」不一致；请确认所在区",
                    en: "the credit code was registered in \(coded), but the district given is \(named); check the district"))
            }
        }
        return out
    }
}
