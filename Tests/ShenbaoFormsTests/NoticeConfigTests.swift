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

@Suite struct FormDefinitionTests {
    @Test func fieldsLabelsAndPaths() throws {
        let app = try FormDefinition.load(name: "application")
        #expect(app.field(at: "applicant.credit_code")?.format == .creditCode)
        #expect(app.field(at: "project.expected_outputs.2.level")?.valuesFrom == "output_levels")
        #expect(app.field(at: "project.expected_outputs")?.kind == .list)
        #expect(app.label(for: "applicant.contact.email") == "电子邮箱")
        #expect(app.label(for: "project.participants.1.role") == "角色")
        #expect(app.qualifiedLabel(for: "applicant.credit_code") == "申请单位.统一社会信用代码")
        #expect(app.qualifiedLabel(for: "project.expected_outputs.1.level") == "项目.预期成果.1.成果级别")
        #expect(app.qualifiedLabel(for: "recommender.kind") == "推荐单位类型")
        #expect(app.path(forLabel: "统一社会信用代码") == "applicant.credit_code")
        #expect(app.path(forLabel: "申请单位.统一社会信用代码") == "applicant.credit_code")
        #expect(app.path(forLabel: "推荐单位所在区") == "recommender.district")
        #expect(app.path(forLabel: "预期成果.2.成果级别") == "project.expected_outputs.2.level")
        #expect(app.path(forLabel: "预期成果2名称") == "project.expected_outputs.2.name")
        #expect(app.path(forLabel: "重点方向1") == "project.directions.1")
        #expect(app.path(forLabel: "不存在的列") == nil)
        #expect(app.field(at: "applicant.contact.phone")?.required == .conditional)
        let opinion = try FormDefinition.load(name: "opinion")
        #expect(opinion.path(forLabel: "联系人") == "recommender.contact.name")
        #expect(opinion.field(at: "text")?.maxLength == 500)
    }

    @Test func summaryColumnsComeFromTheDefinition() throws {
        let summary = try FormDefinition.load(name: "summary")
        #expect(summary.columns.map(\.label) == ["序号", "项目名称", "申请单位", "统一社会信用代码", "项目类别",
                                                  "重点领域", "联系人", "联系电话", "推荐排序"])
        #expect(summary.columns[1].paths["application"] == ["project.name"])
        #expect(summary.countsBy == "project.category")
        let phone = try #require(summary.columns.first { $0.key == "phone" })
        #expect(phone.value(in: ["applicant": ["contact": ["mobile": "13761234567"]]], form: "application") == "13761234567")
    }

    @Test func spreadsheetCellsAreTypedByTheDefinition() throws {
        let app = try FormDefinition.load(name: "application")
        func cell(_ path: String, _ text: String) -> Value? { app.field(at: path)?.cellValue(text) }
        #expect(cell("applicant.standardization.staff_count", " 3 ") == .integer(3))
        #expect(cell("applicant.standardization.staff_count", "三") == .text("三"))
        #expect(cell("declarations.good_credit", "是") == .bool(true))
        #expect(cell("declarations.good_credit", "FALSE") == .bool(false))
        #expect(cell("submitted_on", "2024年5月16日") == .date(CivilDate(year: 2024, month: 5, day: 16)!))
        #expect(cell("project.directions", #"["养老服务"]"#) == .list(["养老服务"]))
        #expect(cell("applicant.postal_code", "200120") == .text("200120"))
        #expect(cell("applicant.name", "  ") == nil)
    }

    @Test func oneCallForRenderAndBatch() throws {
        #expect(try Validator.check(Fixtures.sample("application")).isEmpty)
        let other = try NoticeConfig.load(path: Fixtures.fixture("test-notice.yaml"))
        #expect(try Validator.check(Fixtures.sample("application"), notice: other).hasErrors)
    }

    @Test func unknownFormIsUnusable() {
        #expect(throws: ShenbaoFailure.self) { try FormDefinition.load(name: "budget") }
        #expect(throws: ShenbaoFailure.self) { try FormDefinition.load(dataForm: "summary") }
        #expect(Validator.ruleIDs.contains("credit_code.checksum") && Validator.ruleIDs.contains("glyph.missing"))
    }

    /// Every declaration the notice lists has its field, and every `values_from` resolves.
    @Test func definitionsAgreeWithTheNotice() throws {
        let notice = try Fixtures.notice()
        let app = try FormDefinition.load(name: "application")
        for d in notice.eligibility { #expect(app.field(at: "declarations.\(d.key)") != nil, "\(d.key)") }
        for name in ["application", "opinion"] {
            for f in try FormDefinition.load(name: name).allFields where f.valuesFrom != nil {
                #expect(f.allowedValues(notice)?.isEmpty == false, "\(f.path)")
            }
        }
    }

    @Test func templatesFolderLookup() {
        let root = Fixtures.packageRoot
        let fromEnv = TemplatesFolder.locate(environment: ["SHENBAO_TEMPLATES": "/x/t"],
                                             executable: URL(fileURLWithPath: "/nowhere/bin/shenbao"),
                                             currentDirectory: URL(fileURLWithPath: "/"))
        #expect(fromEnv.path == "/x/t")
        let fromExe = TemplatesFolder.locate(environment: [:],
                                             executable: root.appendingPathComponent(".build/debug/shenbao"),
                                             currentDirectory: URL(fileURLWithPath: "/"))
        #expect(fromExe.standardizedFileURL.path == root.appendingPathComponent("templates").standardizedFileURL.path)
        let fromCwd = TemplatesFolder.locate(environment: [:], executable: URL(fileURLWithPath: "/nowhere/bin/shenbao"),
                                             currentDirectory: root.appendingPathComponent("Sources"))
        #expect(fromCwd.standardizedFileURL.path == fromExe.standardizedFileURL.path)
        #expect(TemplatesFolder.isTemplatesFolder(TemplatesFolder.url))
    }
}

@Suite struct BatchRuleTests {
    func record(_ form: String, _ changes: [(String, Value?)]) throws -> (DataDocument, FormDefinition) {
        var doc = try Fixtures.sample(form)
        for (p, v) in changes { doc.root = setting(doc.root, p, v) }
        return (doc, try FormDefinition.load(name: form))
    }

    @Test func duplicateApplications() throws {
        let a = try record("application", [])
        var b = try record("application", [("applicant.credit_code", "9131 0115 3325 8034 73")])
        b.0.file = "b.yaml"
        let c = try record("application", [("project.name", "另一个项目")])
        let issues = BatchRules.check([a, b, c])
        #expect(issues[0].map(\.id) == ["duplicate"] && issues[1].map(\.id) == ["duplicate"] && issues[2].isEmpty)
        #expect(issues[0].first?.path == "applicant.credit_code")
        #expect(issues[0].first?.message.zh.contains("b.yaml") == true)
    }

    @Test func ranksOfOneRecommender() throws {
        let a = try record("opinion", [])
        let b = try record("opinion", [("application.credit_code", "91310000631696382C")])
        let c = try record("opinion", [("application.credit_code", "91310115MA1K3BTP2B"), ("recommender.name", "上海市徐汇区市场监督管理局")])
        let d = try record("opinion", [("application.credit_code", "9131012056010553X5"), ("rank", 2)])
        let issues = BatchRules.check([a, b, c, d])
        #expect(issues.map { $0.map(\.id) } == [["rank.duplicate"], ["rank.duplicate"], [], []])
        #expect(issues[0].first?.path == "rank")
    }
}
