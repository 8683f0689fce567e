import Foundation
import ShenbaoCore
import ShenbaoSheets
import ShenbaoTestSupport
import Testing

@Suite struct CSVTests {
    /// The rows `Fixtures/make-fixtures.py` writes, rebuilt here.
    private static let rare = ["𠮷", "䶮", "龘", "𪚥", "镕", "喆", "堃", "昇", "珺", "彧", "燊", "鑫"]
    private static func expectedRow(_ i: Int) -> [String] {
        let rare = Self.rare[i % Self.rare.count]
        let address = "上海市浦东新区\(rare)路\(i)号" + (i % 3 != 0 ? "，\(i)室" : "\n\(i)室")
        let name = i % 5 != 0 ? "上海\(rare)科技有限公司\(i)" : "上海“\(rare)”\"\(i)\"有限公司,分部"
        let postal = i % 4 != 0 ? String(200000 + i) : "0" + String(repeating: "0", count: 5 - String(i).count) + String(i)
        return [name, "91310115MA1K3BTP2B", postal, address, String(i % 7 + 1), i % 2 != 0 ? "是" : "否", "2024/5/\(i % 28 + 1)"]
    }

    /// What `CSVWriter` writes (reports, the summary), `CSVReader` reads back cell for cell:
    /// quotes, commas, line breaks and rare characters included.
    @Test func writtenCSVReadsBack() throws {
        let rows = [["行号", "问题"], ["2", "逗号,引号\"与\n换行"], ["3", "𠮷䶮"]]
        let bytes = CSVWriter.write(rows)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let sheet = try CSVReader.read(bytes, file: "report.csv")
        #expect(sheet.header == rows[0])
        #expect(sheet.rows.map { $0.cells.map(\.displayText) } == Array(rows.dropFirst()))
    }

    @Test func gb18030FromExcelKeepsEveryCharacter() throws {
        let path = SheetFixtures.path("applicants-gb18030.csv")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(String(data: bytes, encoding: .utf8) == nil) // truly not UTF-8
        let sheet = try SheetReader.read(path: path)
        #expect(sheet.header == ["申请单位", "统一社会信用代码", "邮政编码", "通讯地址", "专兼职标准化人员数", "信用良好", "申请日期"])
        #expect(sheet.rows.count == 64)
        #expect(sheet.warnings.isEmpty)
        for (n, row) in sheet.rows.enumerated() {
            #expect(row.number == n + 2)
            #expect(row.cells.map(\.displayText) == Self.expectedRow(n + 1), "row \(row.number)")
        }
        // Four-byte GB18030 sequences (outside GBK) came through.
        #expect(sheet.rows.contains { $0.cells[0] == .text("上海𠮷科技有限公司12") })
        #expect(sheet.rows.contains { $0.cells[0] == .text("上海𪚥科技有限公司3") })
    }

    @Test func utf8WithBOMAsExcelsCSVUTF8() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("申请单位,邮政编码\r\n上海某某公司,020123\r\n".utf8)
        let sheet = try CSVReader.read(bytes, file: "bom.csv")
        #expect(sheet.header == ["申请单位", "邮政编码"]) // no U+FEFF glued to the first header
        #expect(sheet.rows == [SheetRow(number: 2, cells: [.text("上海某某公司"), .text("020123")])])
    }

    @Test func tabSeparatedIsDetectedFromTheHeader() throws {
        let sheet = try CSVReader.read(Array("申请单位\t通讯地址\n甲公司\t上海市,浦东新区\n".utf8), file: "tab.tsv")
        #expect(sheet.header == ["申请单位", "通讯地址"])
        #expect(sheet.rows[0].cells == [.text("甲公司"), .text("上海市,浦东新区")])
    }

    @Test func quotedFieldsHoldSeparatorsLineBreaksAndQuotes() throws {
        let text = "a,b,c\r\n\"x, y\",\"第一行\r\n第二行\",\"他说\"\"好\"\"\"\r\n1,2,3"
        let sheet = try CSVReader.read(Array(text.utf8), file: "q.csv")
        #expect(sheet.rows.map(\.number) == [2, 3]) // the quoted line break does not start a row
        #expect(sheet.rows[0].cells == [.text("x, y"), .text("第一行\r\n第二行"), .text("他说\"好\"")])
        #expect(sheet.rows[1].cells == [.text("1"), .text("2"), .text("3")])
    }

    @Test func raggedRowsAreKeptAndReported() throws {
        let sheet = try CSVReader.read(Array("a,b,c\n1,2\n\n4,5,6,7\n".utf8), file: "r.csv")
        #expect(sheet.rows.map(\.number) == [2, 3, 4])
        #expect(sheet.rows[0].cells == [.text("1"), .text("2")])
        #expect(sheet.rows[0][2] == .empty)
        #expect(sheet.warnings.map(\.id) == ["sheet.ragged", "sheet.ragged"])
        #expect(sheet.warnings.map(\.file) == ["r.csv:row 2", "r.csv:row 4"])
        #expect(sheet.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func unclosedQuoteNamesItsRow() {
        do {
            _ = try CSVReader.read(Array("a,b\n1,2\n\"open,3\n4,5\n".utf8), file: "u.csv")
            Issue.record("an unclosed quote was accepted")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["sheet.malformed"])
            #expect(error.diagnostics.first?.file == "u.csv:row 3")
            #expect(error.status == .unusableInput)
        }
    }

    @Test func bytesNeitherUTF8NorGB18030AreRefusedNotGarbled() {
        // 0x81 0x20: a GB18030 lead byte followed by a byte no sequence allows.
        for bytes: [UInt8] in [Array("a,b\n".utf8) + [0x81, 0x20], Array("a,b\n1,".utf8) + [0, 0x32]] {
            do {
                _ = try CSVReader.read(bytes, file: "bad.csv")
                Issue.record("undecodable bytes were accepted")
            } catch {
                #expect(error.diagnostics.map(\.id) == ["sheet.encoding"])
                #expect(error.diagnostics.first?.line == 2)
            }
        }
    }

    @Test func utf16WithBOMAsExcelsUnicodeText() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("申请单位\t𠮷\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try CSVReader.read(bytes, file: "u16.txt").header == ["申请单位", "𠮷"])
    }

    @Test func boundsAreRefused() {
        let wide = Array((String(repeating: "a,", count: Sheet.maxColumns) + "a\n").utf8)
        #expect((try? CSVReader.read(wide, file: "w.csv")) == nil)
        do { _ = try CSVReader.read(wide, file: "w.csv") } catch { #expect(error.diagnostics.map(\.id) == ["sheet.too_large"]) }
        let tall = Array(("a\n" + String(repeating: "1\n", count: Sheet.maxRows + 1)).utf8)
        do { _ = try CSVReader.read(tall, file: "t.csv"); Issue.record("too many rows accepted") } catch {
            #expect(error.diagnostics.map(\.id) == ["sheet.too_large"])
        }
        #expect(throws: ShenbaoFailure.self) { try CSVReader.read(Array("".utf8), file: "empty.csv") }
    }

    @Test func fileKindsByExtension() throws {
        let folder = try TestFolders.temporary("sheets")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, id) in [("old.xls", "sheet.format"), ("data.numbers", "sheet.format"), ("missing.csv", "sheet.unreadable")] {
            let path = folder.appendingPathComponent(name).path
            if name != "missing.csv" { try Data("x".utf8).write(to: URL(fileURLWithPath: path)) }
            do { _ = try SheetReader.read(path: path); Issue.record("\(name) was read") } catch {
                #expect(error.diagnostics.map(\.id) == [Diagnostic.ID(id)], "\(name)")
            }
        }
        let csv = folder.appendingPathComponent("a.csv")
        try Data("a\n1\n".utf8).write(to: csv)
        do { _ = try SheetReader.read(path: csv.path, sheetName: "数据"); Issue.record("--sheet on a CSV") } catch {
            #expect(error.diagnostics.map(\.id) == ["sheet.not_found"])
        }
    }
}
