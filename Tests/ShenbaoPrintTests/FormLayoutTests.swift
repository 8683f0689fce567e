import ShenbaoTestSupport
import Foundation
import Testing
import ShenbaoCore
import ShenbaoLayout
@testable import ShenbaoFormLayout
@testable import ShenbaoPrint

@Suite struct FormLayoutTests {
    @Test(arguments: ["application", "opinion", "summary"])
    func everyBuiltInLayoutLoadsWithItsLabels(form: String) throws {
        let layout = try BuiltInForms.layout(form)
        #expect(layout.form == form)
        #expect(!layout.nodes.isEmpty)
        #expect(layout.copies == (form == "application" ? 3 : 1))
    }

    func load(_ yaml: String) throws -> FormLayout {
        let document = try DataLoader.load(data: Data(yaml.utf8), file: "test.yaml", format: .yaml)
        return try FormLayoutLoader.load(document: document) { _, path in
            ["applicant.name": "申请单位", "project.expected_outputs[].name": "名称"][path]
        }
    }

    @Test func problemsAreGatheredWithTheirLines() throws {
        let yaml = """
        form: application
        blocks:
          - table:
              columns: [1, 2]
              rows:
                - [{label: applicant.nmae}, "{{applicant.name"]
                - [{label: applicant.name}]
          - text: "{{#project}}unclosed"
          - picture: x
        """
        #expect {
            _ = try load(yaml)
        } throws: { error in
            guard let failure = error as? ShenbaoFailure else { return false }
            let ids = failure.diagnostics.map(\.id)
            let unknown = failure.diagnostics.first { $0.id == "layout.unknown_label" }
            return failure.status == .unusableInput && ids.contains("layout.unknown_label") && ids.contains("layout.span")
                && ids.contains("template.malformed_tag") && ids.contains("template.unclosed_section")
                && ids.contains("layout.block") && unknown?.line == 6
        }
    }

    @Test func eachRowsRepeatWithLoopNumbersAndHeaderRowsAreKept() throws {
        let layout = try load("""
        form: application
        blocks:
          - table:
              columns: [1, 3]
              header: 1
              rows:
                - [{caption: 序号}, {label: "project.expected_outputs[].name"}]
                - each: project.expected_outputs
                  cells: ["{{@number}}", "{{name}}（{{level}}）"]
        """)
        let data: Value = ["project": ["expected_outputs": [["name": "规范", "level": "地方标准"], ["name": "指南", "level": "团体标准"]]]]
        let blocks = try FormRenderer(layout: layout).blocks(data: data)
        guard case .table(let table) = blocks[0] else { Issue.record("no table"); return }
        #expect(table.headerRows == 1)
        #expect(table.rows.count == 3)
        func text(_ cell: Cell) -> String { if case .paragraph(let p) = cell.content[0] { return p.text }; return "" }
        #expect(table.rows.map { $0.cells.map(text) } == [["序号", "名称"], ["1", "规范（地方标准）"], ["2", "指南（团体标准）"]])
    }

    @Test func declarationsComeFromTheNoticeCheckedAgainstTheData() throws {
        let layout = try load("""
        form: application
        blocks:
          - each: notice.eligibility
            when: applies
            text: "{{checked | check}} {{text}}"
        """)
        let notice: Value = ["copies": 3, "eligibility": [
            ["key": "good_credit", "text": "信用良好"],
            ["key": "government_led", "text": "由政府主导", "when": "project.social_public_service"],
        ]]
        let data: Value = ["declarations": ["good_credit": true], "project": ["social_public_service": false]]
        let context = FormContext.build(data: data, notice: notice)
        #expect(context.value(at: "notice.copies_cn") == "三")
        let blocks = try FormRenderer(layout: layout).blocks(data: context)
        let texts = blocks.compactMap { if case .paragraph(let p) = $0 { return p.text } else { return nil } }
        #expect(texts == ["☑ 信用良好"])
    }

    @Test func summaryCountsAreAddedPerCategory() {
        let data: Value = ["records": [["category": "重点项目"], ["category": "重点项目"], ["category": "一般项目"]]]
        let notice: Value = ["categories": [["name": "一般项目"], ["name": "重点项目"]]]
        let context = FormContext.build(data: data, notice: notice)
        #expect(context.value(at: "counts.重点项目") == 2)
        #expect(context.value(at: "counts.一般项目") == 1)
        #expect(FormContext.chineseNumeral(3) == "三")
        #expect(FormContext.chineseNumeral(12) == "十二")
        #expect(FormContext.chineseNumeral(20) == "二十")
    }
}

@Suite struct FormLayoutPathTests {
    @Test func theApplicationLayoutNamesTheSampleFields() throws {
        let paths = Set(try BuiltInForms.layout("application").references.map { ($0.scopes + [$0.expression.path]).joined(separator: ".") })
        for path in ["applicant.name", "applicant.credit_code", "project.expected_outputs", "project.expected_outputs.name",
                     "submitted_on", "notice.deadline", "project.participants"] {
            #expect(paths.contains(path), "\(path)")
        }
    }
}
