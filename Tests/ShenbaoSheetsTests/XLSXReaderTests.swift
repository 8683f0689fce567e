import Foundation
import ShenbaoCore
@testable import ShenbaoSheets
import ShenbaoTestSupport
import Testing

@Suite struct XLSXReaderTests {
    /// A workbook as a clerk's Excel would have it, written by openpyxl: real date cells (a date, a
    /// date-time, a Chinese date format), numbers (one padded `000000`), booleans, rich text with a
    /// character outside the BMP, a line break, a second sheet; and, with `date1904`, the Mac epoch.
    private static let openpyxlProgram = """
        import sys, datetime
        from openpyxl import Workbook
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        wb = Workbook()
        if sys.argv[2] == "1904": wb.epoch = CALENDAR_MAC_1904
        ws = wb.active
        ws.title = "申报数据"
        ws.append(["申请单位", "邮政编码", "专兼职标准化人员数", "信用良好", "申请日期", "试点开始日期", "备注", "金额"])
        ws.append([CellRichText([TextBlock(InlineFont(b=True), "上海"), "浦东𠮷祥公司"]), 200120, 3, True,
                   datetime.date(2024, 5, 16), datetime.datetime(2024, 7, 1, 9, 30), "第一行\\n第二行", 12.5])
        ws.append(["闵行公司", 20032, 1, False, datetime.date(2024, 5, 31), datetime.date(2024, 2, 29), None, 0])
        ws["B2"].number_format = ws["B3"].number_format = "000000"
        ws["F3"].number_format = 'yyyy"年"m"月"d"日"'
        wb.create_sheet("其他").append(["x"])
        wb.save(sys.argv[1])
        """

    private static let expectedRows: [SheetRow] = [
        SheetRow(number: 2, cells: [.text("上海浦东𠮷祥公司"), .text("200120"), .number(3), .bool(true),
                                    .date(CivilDate(year: 2024, month: 5, day: 16)!), .date(CivilDate(year: 2024, month: 7, day: 1)!),
                                    .text("第一行\n第二行"), .number(12.5)]),
        SheetRow(number: 3, cells: [.text("闵行公司"), .text("020032"), .number(1), .bool(false),
                                    .date(CivilDate(year: 2024, month: 5, day: 31)!), .date(CivilDate(year: 2024, month: 2, day: 29)!),
                                    .empty, .number(0)]),
    ]

    @Test(.requires(.openpyxl, .soffice), arguments: ["1900", "1904"])
    func openpyxlWorkbookAndItsLibreOfficeResave(epoch: String) throws {
        let folder = try TestFolders.temporary("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = folder.appendingPathComponent("clerk.xlsx")
        let python = try Subprocess.python(Self.openpyxlProgram, [written.path, epoch])
        try #require(python.status == 0, "openpyxl: \(python.stderr)")
        let resaved = try Office.convert(written, to: "xlsx", in: folder)
        for url in [written, resaved] {
            let sheet = try SheetReader.read(path: url.path)
            #expect(sheet.name == "申报数据")
            #expect(sheet.header == ["申请单位", "邮政编码", "专兼职标准化人员数", "信用良好", "申请日期", "试点开始日期", "备注", "金额"])
            #expect(sheet.rows == Self.expectedRows, "\(url.lastPathComponent), \(epoch) system")
            #expect(try SheetReader.read(path: url.path, sheetName: "其他").header == ["x"])
        }
    }

    @Test func aSheetNameNotFoundListsTheSheets() {
        let bytes = SheetFixtures.workbook(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>")
        do {
            _ = try XLSXReader.read(bytes, file: "a.xlsx", sheetName: "汇总")
            Issue.record("a missing sheet was found")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["sheet.not_found"])
            #expect(error.diagnostics.first?.message.zh.contains("（有：数据）") == true)
        }
    }

    @Test func cellTypesRefsAndSharedStrings() throws {
        let strings = """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>普通</t></si>\
            <si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>\
            <si><t>回车_x000D_换行</t></si></sst>
            """
        let styles = """
            <numFmts count="2"><numFmt numFmtId="164" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
            <numFmt numFmtId="165" formatCode="0.00_);[Red]\\(0.00\\)"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/></cellXfs>
            """
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c t="s"><v>2</v></c></row>\
            <row r="3"><c r="B3" s="1"><v>45443</v></c><c r="C3" s="2"><v>45443</v></c><c r="D3" s="3"><v>60</v></c>\
            <c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#N/A</v></c><c r="G3" t="str"><f>A1</f><v>公式</v></c>\
            <c r="H3" t="d"><v>2024-05-31T00:00:00</v></c><c r="I3" s="1"/><c r="J3" t="inlineStr"><is><t>行内</t></is></c></row>\
            <row><c><v>1</v></c></row>
            """
        let sheet = try XLSXReader.read(SheetFixtures.workbook(sheetData: rows, sharedStrings: strings, styles: styles), file: "t.xlsx")
        #expect(sheet.header == ["普通", "", "富文本 ", "回车\r换行"]) // a missing B1 is empty; phonetic runs left out
        #expect(sheet.rows.map(\.number) == [3, 4])
        #expect(sheet.rows[0].cells == [.empty, .date(CivilDate(year: 2024, month: 5, day: 31)!), .number(45443), .text("1900-02-29"),
                                        .bool(true), .text("#N/A"), .text("公式"), .date(CivilDate(year: 2024, month: 5, day: 31)!),
                                        .empty, .text("行内")])
        #expect(sheet.rows[1].cells == [.number(1)])
    }

    @Test func excelSerialDatesInBothSystems() {
        func day(_ serial: Double, _ date1904: Bool = false) -> ExcelDate.Day? { ExcelDate.day(serial: serial, date1904: date1904) }
        func date(_ y: Int, _ m: Int, _ d: Int) -> ExcelDate.Day { .date(CivilDate(year: y, month: m, day: d)!) }
        #expect(day(1) == date(1900, 1, 1))
        #expect(day(59) == date(1900, 2, 28))
        #expect(day(60) == .fictitious19000229) // Lotus 1-2-3's leap day
        #expect(day(61) == date(1900, 3, 1))
        #expect(day(45443) == date(2024, 5, 31))
        #expect(day(45443.75) == date(2024, 5, 31)) // the time of day is dropped
        #expect(day(2_958_465) == date(9999, 12, 31))
        #expect(day(2_958_466) == nil)
        #expect(day(-1) == nil)
        #expect(day(0, true) == date(1904, 1, 1))
        #expect(day(43981, true) == date(2024, 5, 31))
        for (y, m, d) in [(1900, 1, 1), (1900, 2, 28), (1900, 3, 1), (2024, 2, 29), (2024, 5, 31)] {
            let civil = CivilDate(year: y, month: m, day: d)!
            #expect(day(Double(ExcelDate.serial(of: civil))) == .date(civil))
        }
    }

    @Test func numberFormatsThatAreDates() {
        for code in ["yyyy-mm-dd", "yyyy/m/d", "m/d/yy h:mm", "[$-804]yyyy\"年\"m\"月\"d\"日\"", "yyyy\\年m\\月d\\日", "[h]:mm:ss",
                     "d-mmm-yy", "上午/下午h\"时\"mm\"分\"", "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\""] {
            #expect(NumberFormat(code: code) == .date, "\(code)")
        }
        for code in ["General", "0.00", "#,##0", "0.00E+00", "\"days\" 0", "@", "[Red]0.00", "0;[Red]-0", "_(* #,##0_)", "[$¥-804]#,##0.00"] {
            #expect(NumberFormat(code: code) == .number, "\(code)")
        }
        #expect(NumberFormat(code: "000000") == .zeroPadded(6))
        #expect((14 ... 22).allSatisfy { NumberFormat.builtIn($0) == .date })
        #expect([27, 31, 36, 45, 47, 50, 58].allSatisfy { NumberFormat.builtIn($0) == .date })
        #expect([0, 1, 2, 9, 10, 11, 12, 13, 37, 44, 48, 49, 59].allSatisfy { NumberFormat.builtIn($0) == .number })
    }

    @Test func cellReferences() {
        #expect(CellReference("A1") == CellReference(column: 0, row: 1))
        #expect(CellReference("$AB$12") == CellReference(column: 27, row: 12))
        #expect(CellReference("XFD1048576") == CellReference(column: 16383, row: 1_048_576))
        for bad in ["XFE1", "A1048577", "A0", "1A", "A", "AAAA1", "A01", "B3:C4", ""] {
            #expect(CellReference(bad) == nil, "\(bad)")
        }
        #expect(CellReference.letters(ofColumn: 0) == "A")
        #expect(CellReference.letters(ofColumn: 25) == "Z")
        #expect(CellReference.letters(ofColumn: 26) == "AA")
        #expect(CellReference.letters(ofColumn: 16383) == "XFD")
    }
}
