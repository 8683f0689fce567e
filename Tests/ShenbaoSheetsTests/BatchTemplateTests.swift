import Foundation
import ShenbaoCore
import ShenbaoForms
import ShenbaoSheets
import ShenbaoTestSupport
import Testing

@Suite struct BatchTemplateTests {
    private static func template() throws -> (columns: [TemplateColumn], drafts: [WorksheetDraft], bytes: [UInt8]) {
        let (definition, notice) = (try SheetFixtures.application(), try SheetFixtures.notice())
        return (TemplateColumn.columns(of: definition), BatchTemplate.drafts(definition: definition, notice: notice),
                BatchTemplate.workbook(definition: definition, notice: notice))
    }

    @Test func theHeaderReadsBackToTheSamePaths() throws {
        let (columns, _, bytes) = try Self.template()
        let sheet = try XLSXReader.read(bytes, file: "模板.xlsx")
        #expect(sheet.name == BatchTemplate.sheetName)
        #expect(sheet.header == columns.map(\.header))
        #expect(sheet.rows.isEmpty)
        let records = try SheetRecords(sheet: sheet, file: "模板.xlsx", definition: SheetFixtures.application())
        #expect(records.warnings.isEmpty)
        #expect(records.columns.map(\.path) == columns.map(\.path))
        #expect(records.all().isEmpty)
        // Labels, not paths; lists numbered as the definition's sheet_items say.
        #expect(columns.prefix(3).map(\.header) == ["申请单位", "统一社会信用代码", "单位性质"])
        #expect(columns.filter { $0.list?.path == "project.expected_outputs" }.count == 5 * 3)
        #expect(columns.contains { $0.header == "预期成果.5.状态" && $0.path == "project.expected_outputs.5.status" })
        #expect(columns.contains { $0.header == "重点方向.3" && $0.path == "project.directions.3" })
        #expect(columns.contains { $0.header == "参与单位.1.统一社会信用代码" && $0.path == "project.participants.1.credit_code" })
        #expect(!columns.contains { $0.path == "form" || $0.path == "notice" })
    }

    @Test func everyFieldWithFixedValuesHasItsDropDown() throws {
        let (columns, drafts, _) = try Self.template()
        let notice = try SheetFixtures.notice()
        let data = drafts[0]
        for (i, column) in columns.enumerated() {
            let expected = column.field.kind == .boolean ? ["是", "否"] : column.field.allowedValues(notice)
            let dropDown = data.dropDowns.first { $0.column == i }
            #expect(dropDown?.values == expected, "\(column.header)")
            if let dropDown { #expect(dropDown.rows == 2 ... 1001) }
        }
        #expect(data.dropDowns.first { columns[$0.column].header == "单位性质" }?.values == ["企业", "事业单位", "社会团体", "机关", "民办非企业单位", "其他"])
        #expect(data.dropDowns.first { columns[$0.column].header == "重点方向.1" }?.values == notice.allDirections)
        // Codes and numbers that must keep their digits are text columns.
        let styles = Dictionary(uniqueKeysWithValues: zip(columns.map(\.header), data.columns.map(\.style)))
        #expect(styles["统一社会信用代码"] == .text && styles["邮政编码"] == .text && styles["申请日期"] == .date)
        #expect(data.hasHeader)
        #expect(data.columns.allSatisfy { (8 ... 60).contains($0.width) })
    }

    @Test func theRulesSheetDescribesEveryColumn() throws {
        let (columns, _, bytes) = try Self.template()
        let rules = try XLSXReader.read(bytes, file: "模板.xlsx", sheetName: BatchTemplate.instructionsName)
        #expect(rules.header == ["列", "表头", "数据路径", "必填", "类型", "可选值", "格式与说明"])
        #expect(rules.rows.map { $0[1].displayText } == columns.map(\.header))
        func rule(_ header: String) -> [String] { rules.rows.first { $0[1].displayText == header }?.cells.map(\.displayText) ?? [] }
        #expect(rule("统一社会信用代码") == ["B", "统一社会信用代码", "applicant.credit_code", "是", "文本", "",
                                          "18 位统一社会信用代码（GB 32100-2015），如 91310115MA1K3BTP2B；本列为文本格式，请勿改为数字"])
        #expect(rule("重点领域")[3] == "「项目类别」为重点项目时必填")
        #expect(rule("手机")[3] == "联系电话、手机至少填写一项")
        #expect(rule("预期成果.1.成果级别")[3] == "是（至少填写 1 项）")
        #expect(rule("预期成果.2.成果级别")[3] == "填写该项时必填")
        #expect(rule("预期成果.1.状态")[3] == "否")
        #expect(rule("单位性质")[5] == "企业、事业单位、社会团体、机关、民办非企业单位、其他")
        #expect(rule("信用良好")[4] == "是/否")
        #expect(rule("申请日期")[6].contains("2024年5月31日"))
        #expect(rule("预期成果.5.状态")[6].contains("预期成果.6"))
    }

    @Test func aFilledTemplateReadsBackAsTheSampleApplication() throws {
        let (columns, drafts, _) = try Self.template()
        let sample = try DataLoader.load(path: TestFolders.packageRoot.appendingPathComponent("templates/samples/application.yaml").path)
        let row: [Cell] = columns.map { column in
            guard let value = sample.root.value(at: column.path), !value.isBlank else { return .empty }
            switch (column.field.kind, value) {
            case (.integer, .integer(let n)): return .number(Double(n))
            case (.boolean, .bool(let b)): return .bool(b)
            case (.date, .date(let d)): return .date(d)
            default: return .text(value.plainText)
            }
        }
        var filled = drafts
        filled[0].rows.append(row)
        let sheet = try XLSXReader.read(XLSXWriter.write(filled), file: "名单.xlsx")
        let records = try SheetRecords(sheet: sheet, file: "名单.xlsx", definition: SheetFixtures.application())
        let document = try #require(records.all().first?.document)
        #expect(document.file == "名单.xlsx:row 2")
        var expected = Self.leaves(sample.root)
        expected["form"] = nil
        expected["notice"] = nil
        #expect(Self.leaves(document.root) == expected)
        let issues = try Validator(notice: SheetFixtures.notice()).validate(document, form: "application")
        #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues.map { $0.formatted(.en) })")
    }

    @Test(.requires(.openpyxl, .soffice)) func excelsPeersOpenTheTemplate() throws {
        let (columns, _, bytes) = try Self.template()
        let folder = try TestFolders.temporary("template")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("模板.xlsx")
        try Data(bytes).write(to: file)
        let program = """
            import sys, json, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[0]
            print(json.dumps({"sheets": wb.sheetnames, "freeze": ws.freeze_panes,
                              "lists": len(ws.data_validations.dataValidation),
                              "header": [c.value for c in ws[1]]}, ensure_ascii=False))
            """
        let result = try Subprocess.python(program, [file.path])
        try #require(result.status == 0, "openpyxl: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["sheets"] as? [String] == [BatchTemplate.sheetName, BatchTemplate.instructionsName, XLSXWriter.listSheetName])
        #expect(json["freeze"] as? String == "A2")
        #expect(json["header"] as? [String] == columns.map(\.header))
        #expect((json["lists"] as? Int ?? 0) > 20)
        let csv = try Office.convert(file, to: "csv", in: folder)
        #expect(try SheetReader.read(path: csv.path).header == columns.map(\.header))
    }

    /// Every scalar of a tree by its dotted path, as text: compares records whatever their key order
    /// and whether a code was written as a number or as text.
    private static func leaves(_ value: Value, _ path: String = "") -> [String: String] {
        func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        switch value {
        case .map(let map): return map.pairs.reduce(into: [:]) { $0.merge(leaves($1.value, child($1.key))) { a, _ in a } }
        case .list(let items): return items.enumerated().reduce(into: [:]) { $0.merge(leaves($1.element, child(String($1.offset + 1)))) { a, _ in a } }
        default: return [path: value.plainText]
        }
    }
}
