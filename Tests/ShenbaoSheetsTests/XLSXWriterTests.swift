import Foundation
import ShenbaoCore
import ShenbaoSheets
import ShenbaoTestSupport
import ShenbaoZip
import Testing

@Suite struct XLSXWriterTests {
    private static let longList = (1 ... 50).map { "第\($0)号选项" } // 50 × 5–6 characters: past 255
    private static let drafts = [
        WorksheetDraft(name: "报告", rows: [
            [.text("序号"), .text("申请单位"), .text("状态"), .text("日期"), .text("金额"), .text("通过")],
            [.number(1), .text("上海𠮷祥公司"), .text("ok"), .date(CivilDate(year: 2024, month: 5, day: 31)!), .number(12.5), .bool(true)],
            [.number(2), .text(" 前后空格 & <标记> \"引号\"\n换行 _x0041_ "), .text("invalid"), .empty, .number(-3), .bool(false)],
        ], columns: [.init(width: 6), .init(width: 30, style: .text), .init(width: 10), .init(width: 12, style: .date),
                     .init(width: 8), .init(width: 6)],
        dropDowns: [.init(column: 2, rows: 2 ... 100, values: ["ok", "invalid", "failed"]),
                    .init(column: 5, rows: 2 ... 100, values: longList)]),
        WorksheetDraft(name: "说明[1]", rows: [[.text("第二张")]]),
    ]

    @Test func whatItWritesItReadsBack() throws {
        let bytes = XLSXWriter.write(Self.drafts)
        #expect(bytes == XLSXWriter.write(Self.drafts)) // deterministic
        let sheet = try XLSXReader.read(bytes, file: "w.xlsx")
        #expect(sheet.name == "报告")
        #expect(sheet.header == ["序号", "申请单位", "状态", "日期", "金额", "通过"])
        #expect(sheet.rows.map(\.cells) == Array(Self.drafts[0].rows.dropFirst()).map { row in
            var row = row
            while row.last == .empty { row.removeLast() }
            return row
        })
        #expect(try XLSXReader.read(bytes, file: "w.xlsx", sheetName: "说明_1_").header == ["第二张"]) // tab names sanitised
        let lists = try XLSXReader.read(bytes, file: "w.xlsx", sheetName: XLSXWriter.listSheetName)
        #expect([lists.header] + lists.rows.map { $0.cells.map(\.displayText) } == Self.longList.map { [$0] })
    }

    @Test func partsAreTheMinimalValidPackage() throws {
        let archive = try ZipArchive(bytes: XLSXWriter.write(Self.drafts))
        #expect(archive.entries.map(\.name) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
                                                "xl/styles.xml", "xl/sharedStrings.xml"])
        let sheet = String(decoding: try #require(try archive.contents(named: "xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\""))
        #expect(sheet.contains("sqref=\"C2:C100\"><formula1>\"ok,invalid,failed\"</formula1>"))
        #expect(sheet.contains("sqref=\"F2:F100\"><formula1>'选项'!$A$1:$A$50</formula1>"))
        // Schema order: sheetViews, cols, sheetData, dataValidations, pageMargins (ECMA-376 §18.3.1.99).
        let order = ["<sheetViews>", "<cols>", "<sheetData>", "<dataValidations", "<pageMargins"].map { sheet.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
        let workbook = String(decoding: try #require(try archive.contents(named: "xl/workbook.xml")), as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"选项\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/>"))
    }

    @Test(.requires(.openpyxl)) func openpyxlOpensItWithValidationsWidthsAndFrozenHeader() throws {
        let folder = try TestFolders.temporary("xlsx-writer")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("w.xlsx")
        try Data(XLSXWriter.write(Self.drafts)).write(to: file)
        let program = """
            import sys, json, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["报告"]
            out = {
              "sheets": wb.sheetnames, "states": [s.sheet_state for s in wb.worksheets],
              "freeze": ws.freeze_panes, "bold": ws["A1"].font.b, "width": ws.column_dimensions["B"].width,
              "validations": [[str(v.sqref), v.type, v.formula1] for v in ws.data_validations.dataValidation],
              "values": [[None if c.value is None else str(c.value) for c in row] for row in ws.iter_rows()],
              "text_format": ws["B2"].number_format,
            }
            print(json.dumps(out, ensure_ascii=False))
            """
        let result = try Subprocess.python(program, [file.path])
        try #require(result.status == 0, "openpyxl: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["sheets"] as? [String] == ["报告", "说明_1_", "选项"])
        #expect(json["states"] as? [String] == ["visible", "visible", "hidden"])
        #expect(json["freeze"] as? String == "A2")
        #expect(json["bold"] as? Bool == true)
        #expect(json["width"] as? Double == 30)
        #expect(json["text_format"] as? String == "@")
        #expect(json["validations"] as? [[String]] == [["C2:C100", "list", "\"ok,invalid,failed\""], ["F2:F100", "list", "'选项'!$A$1:$A$50"]])
        let values = try #require(json["values"] as? [[Any]]).map { $0.map { $0 as? String } }
        #expect(values[1] == ["1", "上海𠮷祥公司", "ok", "2024-05-31 00:00:00", "12.5", "True"])
        #expect(values[2][1] == " 前后空格 & <标记> \"引号\"\n换行 _x0041_ ")
    }

    @Test(.requires(.soffice)) func libreOfficeConvertsItToTheSameCSV() throws {
        let folder = try TestFolders.temporary("xlsx-office")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("w.xlsx")
        try Data(XLSXWriter.write(Self.drafts)).write(to: file)
        let csv = try Office.convert(file, to: "csv", in: folder)
        let sheet = try SheetReader.read(path: csv.path)
        #expect(sheet.header == ["序号", "申请单位", "状态", "日期", "金额", "通过"])
        #expect(sheet.rows.map { $0.cells.map(\.displayText) } == [
            ["1", "上海𠮷祥公司", "ok", "2024-05-31", "12.5", "TRUE"],
            ["2", " 前后空格 & <标记> \"引号\"\n换行 _x0041_ ", "invalid", "", "-3", "FALSE"],
        ])
    }
}
