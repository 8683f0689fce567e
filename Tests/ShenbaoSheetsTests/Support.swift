import Foundation
import ShenbaoCore
import ShenbaoForms
import ShenbaoSheets
import ShenbaoTestSupport
import ShenbaoZip
import Testing

/// What the sheet tests share: fixtures and hand-made workbooks (LibreOffice runs are ShenbaoTestSupport's `Office`).
enum SheetFixtures {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    static func application() throws -> FormDefinition { try FormDefinition.load(name: "application") }
    static func notice() throws -> NoticeConfig { try NoticeConfig.load(id: NoticeConfig.defaultID) }

    /// A workbook of raw parts: one sheet whose `sheetData` is `rows`, shared strings `strings`
    /// (raw XML of the `sst`'s content), for workbooks no writer would make.
    static func workbook(sheetData rows: String, sharedStrings: String? = nil, styles: String? = nil,
                         workbookPr: String = "", level: Int32 = 6) -> [UInt8] {
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var zip = ZipWriter()
        zip.add("_rels/.rels", contents: Array("""
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """.utf8))
        zip.add("xl/workbook.xml", contents: Array("""
            <?xml version="1.0"?><workbook xmlns="\(ns)" xmlns:r="\(rel)">\(workbookPr)<sheets>\
            <sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>
            """.utf8))
        zip.add("xl/_rels/workbook.xml.rels", contents: Array("""
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(rel)/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId3" Type="\(rel)/styles" Target="styles.xml"/></Relationships>
            """.utf8))
        zip.add("xl/worksheets/sheet1.xml", contents: Array("<?xml version=\"1.0\"?><worksheet xmlns=\"\(ns)\"><sheetData>\(rows)</sheetData></worksheet>".utf8),
                level: level)
        if let sharedStrings { zip.add("xl/sharedStrings.xml", contents: Array(sharedStrings.utf8)) }
        if let styles { zip.add("xl/styles.xml", contents: Array("<?xml version=\"1.0\"?><styleSheet xmlns=\"\(ns)\">\(styles)</styleSheet>".utf8)) }
        return zip.finish()
    }

    /// The ids of the failure reading `bytes` as a workbook throws (empty when it reads).
    static func refusal(_ bytes: [UInt8], sheet: String? = nil) -> [Diagnostic.ID] {
        do {
            _ = try XLSXReader.read(bytes, file: "hostile.xlsx", sheetName: sheet)
            return []
        } catch {
            return error.diagnostics.map(\.id)
        }
    }
}
