import Foundation
import ShenbaoCore
import ShenbaoForms
import ShenbaoSheets
import ShenbaoTestSupport
import Testing

extension SheetFixtures {
    /// The records of a CSV given as text, under the application definition.
    static func records(csv text: String, file: String = "名单.csv") throws -> SheetRecords {
        let sheet = try CSVReader.read(Array(text.utf8), file: file)
        return try SheetRecords(sheet: sheet, file: file, definition: application())
    }
}

@Suite struct SheetRecordsTests {
    private func date(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(CivilDate(year: y, month: m, day: d)!) }

    @Test func pathsLabelsAndNumberedListsMakeTheYAMLShape() throws {
        let csv = """
            applicant.name,统一社会信用代码,申请单位.联系人,预期成果.1.成果级别,预期成果.1.名称,project.expected_outputs.2.level,预期成果.2.名称,重点方向.1,重点方向.2,rank
            甲公司,91310115MA1K3BTP2B,张三,地方标准,规范一,团体标准,指南二,养老服务,,3
            """
        let records = try SheetFixtures.records(csv: csv)
        #expect(records.warnings.isEmpty)
        #expect(records.columns.map(\.path) == ["applicant.name", "applicant.credit_code", "applicant.contact.name",
            "project.expected_outputs.1.level", "project.expected_outputs.1.name", "project.expected_outputs.2.level",
            "project.expected_outputs.2.name", "project.directions.1", "project.directions.2", "rank"])
        let root = try #require(records.all().first?.document?.root)
        #expect(root == [
            "applicant": ["name": "甲公司", "credit_code": "91310115MA1K3BTP2B", "contact": ["name": "张三"]],
            "project": ["expected_outputs": [["level": "地方标准", "name": "规范一"], ["level": "团体标准", "name": "指南二"]],
                        "directions": ["养老服务"]],
            "rank": "3", // a path the definition does not know: as written
        ])
    }

    @Test func cellsAreTypedByTheirFields() throws {
        let csv = """
            专兼职标准化人员数,信用良好,declarations.no_penalty_3y,申请日期,试点开始日期,试点结束日期,邮政编码,联系电话,project.directions,project.expected_outputs,社会管理与公共服务综合标准化试点
             3 ,是,,2024年5月16日,2024/7/1,2026-06-30,020123,02164220000,"[""养老服务"",""基本公共服务""]","[{""level"":""地方标准"",""name"":""x""}]",FALSE
            三,TRUE,,下周,,,200120,,养老服务,,否
            """
        let records = try SheetFixtures.records(csv: csv)
        let first = try #require(records.all()[0].document?.root)
        #expect(first.value(at: "applicant.standardization.staff_count") == .integer(3))
        #expect(first.value(at: "declarations.good_credit") == .bool(true))
        #expect(first.value(at: "declarations.no_penalty_3y") == nil) // empty is missing
        #expect(first.value(at: "submitted_on") == date(2024, 5, 16))
        #expect(first.value(at: "project.start_date") == date(2024, 7, 1))
        #expect(first.value(at: "project.end_date") == date(2026, 6, 30))
        #expect(first.value(at: "applicant.postal_code") == .text("020123")) // leading zero kept
        #expect(first.value(at: "applicant.contact.phone") == .text("02164220000"))
        #expect(first.value(at: "project.directions") == ["养老服务", "基本公共服务"])
        #expect(first.value(at: "project.expected_outputs") == [["level": "地方标准", "name": "x"]])
        #expect(first.value(at: "project.social_public_service") == .bool(false))
        let second = try #require(records.all()[1].document?.root)
        #expect(second.value(at: "applicant.standardization.staff_count") == .text("三")) // for the type rule
        #expect(second.value(at: "submitted_on") == .text("下周"))
        #expect(second.value(at: "project.directions") == ["养老服务"]) // one value is a one-item list
        #expect(second.value(at: "project.social_public_service") == .bool(false))
    }

    @Test func gb18030RowsBecomeTypedRecords() throws {
        let path = SheetFixtures.path("applicants-gb18030.csv")
        let records = try SheetRecords(sheet: try SheetReader.read(path: path), file: path, definition: SheetFixtures.application())
        #expect(records.all().count == 64)
        let fourth = try #require(records.all()[3].document) // row 5: i = 4, postal code with a leading zero
        #expect(fourth.file == path + ":row 5")
        #expect(fourth.root.value(at: "applicant.postal_code") == .text("000004"))
        #expect(fourth.root.value(at: "applicant.standardization.staff_count") == .integer(5))
        #expect(fourth.root.value(at: "declarations.good_credit") == .bool(false))
        #expect(fourth.root.value(at: "submitted_on") == .date(CivilDate(year: 2024, month: 5, day: 5)!))
    }

    @Test func booleanSpellings() throws {
        let values = ["true", "False", "TRUE", "是", "否", "1", "0", "Yes"]
        let csv = "信用良好\n" + values.joined(separator: "\n")
        let records = try SheetFixtures.records(csv: csv)
        #expect(records.all().map { $0.document?.root.value(at: "declarations.good_credit") }
                == [true, false, true, true, false, true, false, true].map { Value.bool($0) })
    }

    @Test func aRowThatCannotBeReadFailsAloneWithItsReasons() throws {
        let csv = #"""
            申请单位,试点开始日期,project.directions,申请日期
            甲公司,2024-02-30,"[""养老服务""",2024/5/16
            乙公司,2024-07-01,,2024/5/16
            ,,,
            丙公司,1900-02-29,,2024/5/16
            """#
        let records = try SheetFixtures.records(csv: csv, file: "名单.csv")
        #expect(records.all().map(\.row) == [2, 3, 5]) // the blank row 4 is no record
        let failed = records.all()[0]
        #expect(failed.document == nil)
        #expect(failed.failures.map(\.id) == ["sheet.row", "sheet.row"])
        #expect(failed.failures.map(\.file) == ["名单.csv:row 2", "名单.csv:row 2"])
        #expect(failed.failures.map(\.label) == ["试点开始日期", "project.directions"])
        #expect(failed.failures.map(\.path) == ["project.start_date", "project.directions"])
        #expect(failed.failures[0].message.zh.contains("B 列") && failed.failures[0].message.zh.contains("2024-02-30"))
        #expect(failed.failures[0].message.en.contains("column B"))
        #expect(failed.failures[1].message.en.contains("JSON"))
        #expect(failed.failures[0].formatted(.zh).hasPrefix("名单.csv:row 2: 试点开始日期 (project.start_date): B 列："))
        #expect(records.all()[1].document?.root.value(at: "applicant.name") == "乙公司")
        #expect(records.all()[2].failures.map(\.id) == ["sheet.row"]) // Excel's 1900-02-29 does not exist
    }

    @Test func validationMessagesNameTheRow() throws {
        let records = try SheetFixtures.records(csv: "申请单位,统一社会信用代码\n甲公司,91310115MA1H8R7C6D\n", file: "名单.csv")
        let document = try #require(records.all().first?.document)
        let issues = try Validator(notice: SheetFixtures.notice()).validate(document, form: "application")
        let checksum = try #require(issues.first { $0.id == "credit_code.checksum" })
        #expect(checksum.formatted(.zh).hasPrefix("名单.csv:row 2: 申请单位.统一社会信用代码 (applicant.credit_code): "))
    }

    @Test func xlsxCellsTypedToo() throws {
        let sheet = Sheet(header: ["邮政编码", "专兼职标准化人员数", "信用良好", "申请日期", "统一社会信用代码", "联系电话"],
                          rows: [SheetRow(number: 2, cells: [.number(200120), .number(3), .number(1), .date(CivilDate(year: 2024, month: 5, day: 16)!),
                                                             .number(913_101_153_325_803_520), .number(13761234567)])])
        let records = try SheetRecords(sheet: sheet, file: "a.xlsx", definition: SheetFixtures.application())
        let record = records.all()[0]
        // An 18-digit code typed as a number has lost digits already: the row says so instead of guessing.
        #expect(record.failures.map(\.path) == ["applicant.credit_code"])
        let fixed = Sheet(header: sheet.header, rows: [SheetRow(number: 2, cells: Array(sheet.rows[0].cells.prefix(4)) + [.text("913101153325803473"), .number(13761234567)])])
        let root = try #require(try SheetRecords(sheet: fixed, file: "a.xlsx", definition: SheetFixtures.application()).all()[0].document?.root)
        #expect(root.value(at: "applicant.postal_code") == "200120")
        #expect(root.value(at: "applicant.standardization.staff_count") == 3)
        #expect(root.value(at: "declarations.good_credit") == true)
        #expect(root.value(at: "submitted_on") == date(2024, 5, 16))
        #expect(root.value(at: "applicant.contact.phone") == "13761234567")
    }

    @Test func unknownAndBlankHeadersAreReportedNotSilent() throws {
        let records = try SheetFixtures.records(csv: "申请单位,备注,,applicant.nmae\n甲公司,急件,多余,x\n")
        #expect(records.warnings.map(\.id) == ["sheet.unknown_column", "sheet.unknown_column", "sheet.unknown_column"])
        #expect(records.warnings[0].message.zh.contains("备注"))
        #expect(records.warnings[1].message.zh.contains("C 列"))
        #expect(records.columns.map(\.path) == ["applicant.name", "applicant.nmae"])
    }

    @Test func conflictingHeadersMakeTheSheetUnusable() throws {
        for header in ["申请单位,applicant.name", "project.expected_outputs,预期成果.1.名称", "预期成果.0.名称",
                       "project.directions.1,project.directions.x"] {
            do {
                _ = try SheetFixtures.records(csv: header + "\n")
                Issue.record("\(header) was accepted")
            } catch let error as ShenbaoFailure {
                #expect(error.diagnostics.allSatisfy { $0.id == "sheet.header" }, "\(header)")
                #expect(error.status == .unusableInput)
            }
        }
    }

    @Test func raggedRowWarningsTravelWithTheirRecord() throws {
        let records = try SheetFixtures.records(csv: "申请单位,通讯地址\n甲公司\n乙公司,上海\n", file: "r.csv")
        #expect(records.all()[0].warnings.map(\.id) == ["sheet.ragged"])
        #expect(records.all()[0].document?.root == ["applicant": ["name": "甲公司"]])
        #expect(records.all()[1].warnings.isEmpty)
    }
}
