import Foundation
import Testing
import ShenbaoCore
@testable import ShenbaoForms

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
