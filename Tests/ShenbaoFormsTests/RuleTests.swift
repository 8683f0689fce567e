import ShenbaoTestSupport
import Testing
import ShenbaoCore
@testable import ShenbaoForms

/// One row of a rule table: edits to a clean sample and exactly the issues they must produce.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var form = "application"
    var changes: [(String, Value?)]
    /// (rule id, path, severity); empty: the edited record is still clean.
    var expected: [(String, String, Diagnostic.Severity)]
    var testDescription: String {
        changes.map { "\($0.0)=\($0.1.map { $0.plainText } ?? "∅")" }.joined(separator: " ")
    }

    init(_ changes: [(String, Value?)], _ expected: [(String, String)] = [], warnings: [(String, String)] = []) {
        self.changes = changes
        self.expected = expected.map { ($0.0, $0.1, .error) } + warnings.map { ($0.0, $0.1, .warning) }
    }

    init(opinion changes: [(String, Value?)], _ expected: [(String, String)] = [], warnings: [(String, String)] = []) {
        self.init(changes, expected, warnings: warnings)
        form = "opinion"
    }
}

func check(_ c: RuleCase) throws {
    let issues = try Fixtures.issues(c.form, c.changes)
    let got = issues.map { "\($0.id)@\($0.path ?? "")/\($0.severity.rawValue)" }.sorted()
    let want = c.expected.map { "\($0.0)@\($0.1)/\($0.2.rawValue)" }.sorted()
    #expect(got == want, "\(c.testDescription): \(issues.map { $0.formatted(.zh) })")
}

@Suite struct RuleTests {
    @Test func samplesAreClean() throws {
        #expect(try Fixtures.issues("application", []).isEmpty)
        #expect(try Fixtures.issues("opinion", []).isEmpty)
    }

    @Test(arguments: [
        RuleCase([("applicant.name", nil)], [("required", "applicant.name")]),
        RuleCase([("applicant.name", "   ")], [("required", "applicant.name")]),
        RuleCase([("project.goals", nil), ("submitted_on", nil)], [("required", "project.goals"), ("required", "submitted_on")]),
        RuleCase([("project.expected_outputs.1.name", nil)], [("required", "project.expected_outputs.1.name")]),
        RuleCase([("applicant.contact.title", nil)]),
        RuleCase(opinion: [("text", nil)], [("required", "text")]),
    ]) func required(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("applicant.standardization.staff_count", "三")], [("type", "applicant.standardization.staff_count")]),
        RuleCase([("applicant.standardization.staff_count", "3")]),
        RuleCase([("project.start_date", "明年七月")], [("type", "project.start_date")]),
        RuleCase([("project.start_date", "2024年7月1日")]),
        RuleCase([("project.social_public_service", "也许")], [("type", "project.social_public_service")]),
        RuleCase([("project.social_public_service", "否")]),
        RuleCase([("project.expected_outputs", "标准若干")], [("type", "project.expected_outputs")]),
        RuleCase([("applicant.name", ["a", "b"])], [("type", "applicant.name")]),
        RuleCase(opinion: [("rank", 0)], [("type", "rank")]),
        RuleCase([("applicant.contact", "孙建国 021-58881234")],
                 [("type", "applicant.contact"), ("required", "applicant.contact.name"), ("required", "applicant.contact.email"),
                  ("contact.unreachable", "applicant.contact.phone")]),
    ]) func type(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("applicant.nature", "公司")], [("enum", "applicant.nature")]),
        RuleCase([("applicant.nature", "事业单位")]),
        RuleCase([("project.expected_outputs.1.level", "市级标准")], [("enum", "project.expected_outputs.1.level")]),
        RuleCase([("project.category", "特别项目")], [("enum", "project.category")]),
        RuleCase([("project.participants", [["name": "上海某研究院", "credit_code": "91310000631696382C", "role": "合作"]])],
                 [("enum", "project.participants.1.role")]),
        RuleCase([("applicant.district", "浦东区")], [("enum", "applicant.district")]),
        RuleCase(opinion: [("review", "待定")], [("enum", "review")]),
    ]) func enumeration(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("applicant.credit_code", "9131011533258034")], [("credit_code.format", "applicant.credit_code")]),
        RuleCase([("applicant.credit_code", "9131011533I5803473")], [("credit_code.format", "applicant.credit_code")]),
        RuleCase([("applicant.credit_code", "9131AB153325803473")], [("credit_code.format", "applicant.credit_code")]),
        RuleCase([("applicant.credit_code", "91310115MA1H8R7C6D")], [("credit_code.checksum", "applicant.credit_code")]),
        RuleCase([("applicant.credit_code", "91350100M000100Y4Z")], [("credit_code.checksum", "applicant.credit_code")],
                 warnings: [("credit_code.region", "applicant.credit_code")]),
        RuleCase([("applicant.credit_code", "91110000600037341L")], warnings: [("credit_code.region", "applicant.credit_code")]),
        RuleCase([("applicant.credit_code", "9131012056010553X5")], warnings: [("credit_code.district", "applicant.credit_code")]),
        RuleCase([("applicant.credit_code", "91310000631696382C")]),
        RuleCase([("applicant.credit_code", "91310115MA1K3BTP2B")]),
        RuleCase([("applicant.credit_code", "9131 0115-ma1k 3btp2b")]),
        RuleCase([("applicant.credit_code", 913101153325803473)]),
        RuleCase([("project.participants", [["name": "某院", "credit_code": "91310115MA1H8R7C6D", "role": "参加单位"]])],
                 [("credit_code.checksum", "project.participants.1.credit_code")]),
        RuleCase([("project.participants", [["name": "京企", "credit_code": "91110000600037341L", "role": "参加单位"]])]),
        RuleCase(opinion: [("application.credit_code", "91310115MA1H8R7C6D")], [("credit_code.checksum", "application.credit_code")]),
    ]) func creditCode(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("applicant.contact.phone", "021-5888")], [("phone.format", "applicant.contact.phone")]),
        RuleCase([("applicant.contact.phone", "12345")], [("phone.format", "applicant.contact.phone")]),
        RuleCase([("applicant.contact.phone", "021-58881234-801")]),
        RuleCase([("applicant.contact.phone", "64220000 转 2527")]),
        RuleCase([("applicant.contact.phone", "(021)58881234")]),
        RuleCase([("applicant.contact.phone", "13761234567")]),
        RuleCase(opinion: [("recommender.contact.phone", "5028234")], [("phone.format", "recommender.contact.phone")]),
        RuleCase([("applicant.contact.mobile", "12761234567")], [("mobile.format", "applicant.contact.mobile")]),
        RuleCase([("applicant.contact.mobile", "1376123456")], [("mobile.format", "applicant.contact.mobile")]),
        RuleCase([("applicant.contact.mobile", "+86 137 6123 4567")]),
        RuleCase([("applicant.contact.mobile", 13761234567)]),
        RuleCase([("applicant.contact.email", "sunjg@")], [("email.format", "applicant.contact.email")]),
        RuleCase([("applicant.contact.email", "sun jg@xh.cn")], [("email.format", "applicant.contact.email")]),
        RuleCase([("applicant.contact.email", "a@b")], [("email.format", "applicant.contact.email")]),
        RuleCase([("applicant.contact.email", "a.b@x-y.example.cn")]),
        RuleCase([("applicant.contact.phone", nil), ("applicant.contact.mobile", nil)],
                 [("contact.unreachable", "applicant.contact.phone")]),
        RuleCase([("applicant.contact.phone", nil)]),
        RuleCase([("applicant.contact.mobile", "")]),
    ]) func contact(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("applicant.postal_code", "20012")], [("postal_code.format", "applicant.postal_code")]),
        // Full-width digits, as Chinese input methods type them, are folded to ASCII (issue #8).
        RuleCase([("applicant.postal_code", "２０００３２")], []),
        RuleCase([("applicant.postal_code", "100080")], warnings: [("postal_code.region", "applicant.postal_code")]),
        RuleCase([("applicant.postal_code", 201203)]),
    ]) func postalCode(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("project.field", nil)], [("key_project.field", "project.field")]),
        RuleCase([("project.field", "交通领域")], [("key_project.field", "project.field")]),
        RuleCase([("project.directions", nil)], [("key_project.direction", "project.directions")]),
        RuleCase([("project.directions", [])], [("key_project.direction", "project.directions")]),
        RuleCase([("project.directions", ["养老服务", "氢能"])], [("key_project.direction", "project.directions.2")]),
        RuleCase([("project.field", "科技创新领域、制造业领域"), ("project.directions", ["氢能", "制造业数字化转型"])]),
        RuleCase([("project.category", "一般项目"), ("project.field", nil), ("project.directions", nil)]),
    ]) func keyProject(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("project.expected_outputs", nil)], [("outputs.none", "project.expected_outputs")]),
        RuleCase([("project.expected_outputs", [])], [("outputs.none", "project.expected_outputs")]),
        RuleCase([("project.expected_outputs", [["level": "企业标准", "name": "内部规范"]])]),
    ]) func outputs(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("project.end_date", "2024-07-01")], [("period.order", "project.end_date")]),
        RuleCase([("project.end_date", "2024-06-01")], [("period.order", "project.end_date")]),
        RuleCase([("project.end_date", "2026-07-02")], [("period.too_long", "project.end_date")]),
        RuleCase([("project.end_date", "2026-07-01")]),
        RuleCase([("project.end_date", "2025-12-31")]),
    ]) func period(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("submitted_on", "2024-06-01")], [("deadline", "submitted_on")]),
        RuleCase([("submitted_on", "2024-05-31")]),
    ]) func deadline(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: ["registered_in_shanghai", "good_credit", "no_penalty_3y", "no_major_accident_3y",
                      "complies_with_industry_policy", "not_internal_only"])
    func eligibility(_ key: String) throws {
        try check(RuleCase([("declarations.\(key)", false)], [("eligibility.\(key)", "declarations.\(key)")]))
        try check(RuleCase([("declarations.\(key)", nil)], [("eligibility.\(key)", "declarations.\(key)")]))
        try check(RuleCase([("declarations.\(key)", "是")]))
    }

    @Test(arguments: [
        RuleCase([("applicant.standardization.staff_count", 0)], [("staff.none", "applicant.standardization.staff_count")]),
        RuleCase([("applicant.standardization.staff_count", 1)]),
        RuleCase([("project.social_public_service", true)], [("social_public_service.government_led", "declarations.government_led")]),
        RuleCase([("project.social_public_service", true), ("declarations.government_led", false)],
                 [("social_public_service.government_led", "declarations.government_led")]),
        RuleCase([("project.social_public_service", true), ("declarations.government_led", true)]),
        RuleCase([("recommender.district", nil)], [("recommender.district", "recommender.district")]),
        RuleCase([("recommender.district", "北京市")], [("recommender.district", "recommender.district")]),
        RuleCase([("recommender.kind", "行业主管部门"), ("recommender.name", "上海市经济和信息化委员会"), ("recommender.district", nil)]),
        RuleCase(opinion: [("recommender.district", nil)], [("recommender.district", "recommender.district")]),
        RuleCase(opinion: [("review", "不通过")], [("opinion.decision", "decision")]),
        RuleCase(opinion: [("review", "不通过"), ("decision", "不同意推荐")]),
    ]) func conditions(_ c: RuleCase) throws { try check(c) }

    @Test(arguments: [
        RuleCase([("project.name", .text(String(repeating: "标", count: 61)))], [("text.too_long", "project.name")]),
        RuleCase([("project.name", .text(String(repeating: "标", count: 60)))]),
        RuleCase([("applicant.name", .text(String(repeating: "公", count: 41)))], warnings: [("text.too_long", "applicant.name")]),
        RuleCase(opinion: [("text", .text(String(repeating: "意", count: 501)))], [("text.too_long", "text")]),
        RuleCase(opinion: [("text", .text(String(repeating: "意", count: 450)))], warnings: [("text.too_long", "text")]),
    ]) func textLength(_ c: RuleCase) throws { try check(c) }

    @Test func glyphMissingIsAHook() throws {
        let rare: Unicode.Scalar = "\u{20000}"
        let changes: [(String, Value?)] = [("applicant.contact.name", "孙\u{20000}国")]
        #expect(try Fixtures.issues("application", changes).isEmpty)   // no coverage given: not checked
        let issues = try Fixtures.issues("application", changes, glyphs: FakeCoverage(missing: [rare]))
        #expect(issues.map(\.id) == ["glyph.missing"])
        #expect(issues.first?.path == "applicant.contact.name")
        #expect(issues.first?.severity == .warning)
        #expect(issues.first?.message.zh.contains("U+20000") == true)
    }

    @Test func severalDefectsAreReportedTogetherInFileOrder() throws {
        let issues = try Fixtures.issues("application", [
            ("applicant.credit_code", "91310115MA1H8R7C6D"), ("applicant.contact.phone", "021-5888"),
            ("submitted_on", "2024-06-03"), ("declarations.good_credit", false), ("project.expected_outputs", [])])
        #expect(Set(issues.map(\.id)) == ["credit_code.checksum", "phone.format", "deadline", "eligibility.good_credit", "outputs.none"])
        let lines = issues.compactMap(\.line)
        #expect(lines == lines.sorted())
        let checksum = try #require(issues.first { $0.id == "credit_code.checksum" })
        #expect(checksum.line == 7)
        #expect(checksum.label == "申请单位.统一社会信用代码")
        #expect(checksum.message.zh.hasPrefix("统一社会信用代码校验位应为 7，实为 D"))
        #expect(checksum.formatted(.zh).contains("申请单位.统一社会信用代码 (applicant.credit_code): 统一社会信用代码校验位应为 7，实为 D"))
    }
}
