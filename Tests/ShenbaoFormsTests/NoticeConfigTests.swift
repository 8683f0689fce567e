import ShenbaoTestSupport
import Foundation
import Testing
import ShenbaoCore
@testable import ShenbaoForms

@Suite struct NoticeConfigTests {
    @Test func readsWhatTheNoticeFixes() throws {
        let n = try Fixtures.notice()
        #expect(n.id == "shanghai-2024")
        #expect(n.documentNumber == "沪市监标技〔2024〕130号")
        #expect(n.deadline == CivilDate(year: 2024, month: 5, day: 31))
        #expect(n.keyFields.count == 7)
        #expect(n.keyFields.map(\.name).first == "社会管理领域")
        #expect(n.keyField(named: "公共服务领域")?.directions.contains("养老服务") == true)
        #expect(n.keyField(named: "社会管理领域")?.contact == .init(name: "刘文涛", phone: "64220000", phoneExtension: "2527"))
        #expect(n.keyField(named: "国际标准化领域")?.contact?.phoneExtension == "2506")
        #expect(n.outputLevels == ["地方标准", "行业标准", "国家标准", "国际标准", "团体标准", "企业标准"])
        #expect(n.periodMonths == 24 && n.extensionMonths == 6)
        #expect(n.copies == 3)
        #expect(n.recommenderKinds.map(\.name) == ["行业主管部门", "区市场监管局"])
        #expect(n.submission.address == "肇嘉浜路301号" && n.submission.postcode == "200032")
        #expect(n.eligibility.map(\.key) == ["registered_in_shanghai", "good_credit", "no_penalty_3y",
                                              "no_major_accident_3y", "complies_with_industry_policy",
                                              "not_internal_only", "government_led"])
        #expect(n.eligibility.last?.rule == "social_public_service.government_led")
        #expect(n.region.districts.count == 16)
        #expect(n.region.district(code: "310115") == "浦东新区")
    }

    @Test func everyDirectionInTheNoticeTextIsListed() throws {
        for field in try Fixtures.notice().keyFields {
            for direction in field.directions { #expect(field.text.contains(direction), "\(direction)") }
        }
    }

    @Test func unknownNoticeIsUnusable() {
        #expect(throws: ShenbaoFailure.self) { try NoticeConfig.load(id: "shanghai-1999") }
        #expect(throws: ShenbaoFailure.self) { try NoticeConfig.load(id: "../definitions/application") }
    }

    /// A second notice file changes the verdicts on the same data with no code change.
    @Test func aSecondNoticeChangesTheVerdicts() throws {
        let other = try NoticeConfig.load(path: Fixtures.fixture("test-notice.yaml"))
        #expect(other.id == "test-notice")
        let doc = try Fixtures.sample("application")
        #expect(try Validator(notice: Fixtures.notice()).validate(doc).isEmpty)
        let issues = try Validator(notice: other).validate(doc)
        #expect(issues.map(\.id).sorted() == ["deadline", "key_project.direction", "period.too_long"])
        #expect(issues.first { $0.id == "deadline" }?.message.zh.contains("2024年4月30日") == true)
        #expect(issues.first { $0.id == "key_project.direction" }?.path == "project.directions.1")
    }

    @Test func theDataNamesItsNotice() throws {
        var doc = try Fixtures.sample("application")
        #expect(try Validator.notice(for: doc).id == "shanghai-2024")
        doc.root = setting(doc.root, "notice", "nowhere-2030")
        #expect(throws: ShenbaoFailure.self) { try Validator.notice(for: doc) }
    }
}
