import ShenbaoCore
import ShenbaoSheets
import ShenbaoTestSupport
import ShenbaoZip
import Testing

/// Workbooks made to hurt the reader: each is refused with the id that says why, before it costs
/// more than the bounds allow.
@Suite struct HostileWorkbookTests {
    private let header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>申请单位</t></is></c></row>"

    @Test func zipBombIsRefused() {
        // 12 MB of one repeated cell compresses about 1000:1.
        let bomb = header + String(repeating: "<row><c><v>1</v></c></row>", count: 12 << 20 / 26)
        #expect(SheetFixtures.refusal(SheetFixtures.workbook(sheetData: bomb, level: 9)) == ["zip.ratio"])
    }

    @Test func doctypeOrEntityInSharedStringsIsRefused() {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>
            """
        let external = """
            <?xml version="1.0"?><!DOCTYPE sst SYSTEM "file:///etc/passwd"><sst><si><t>x</t></si></sst>
            """
        for strings in [laughs, external] {
            let bytes = SheetFixtures.workbook(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", sharedStrings: strings)
            #expect(SheetFixtures.refusal(bytes) == ["sheet.dtd"])
        }
    }

    @Test func theFarthestCellOfTheGridIsRefusedAsTooLarge() {
        let far = header + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"
        #expect(SheetFixtures.refusal(SheetFixtures.workbook(sheetData: far)) == ["sheet.too_large"])
        // Only a value counts: a formatted but empty cell out there is nothing to read.
        let styledOnly = header + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"XFD2\" s=\"0\"/></row>"
        #expect(SheetFixtures.refusal(SheetFixtures.workbook(sheetData: styledOnly)).isEmpty)
    }

    @Test func aMillionColumnsAreRefused() {
        // Stored, not deflated, so the ZIP ratio check lets it through to the sheet's own bound.
        let wide = header + "<row r=\"2\">" + String(repeating: "<c><v>1</v></c>", count: 1_000_000) + "</row>"
        #expect(SheetFixtures.refusal(SheetFixtures.workbook(sheetData: wide, level: 0)) == ["sheet.too_large"])
    }

    @Test func referencesOffTheGridOrOutOfOrderAreMalformed() {
        for rows in [header + "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>",
                     header + "<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"A2\"><v>1</v></c></row>",
                     header + "<row r=\"2\"><c r=\"A3\"><v>1</v></c></row>",
                     header + "<row r=\"1\"/>",
                     header + "<row r=\"9999999\"/>",
                     "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>",
                     "<row r=\"1\"><c r=\"A1\"><v>twelve</v></c></row>",
                     header + "<row r=\"2\"><c r=\"A2\"><v>1</v></row>"] {
            #expect(SheetFixtures.refusal(SheetFixtures.workbook(sheetData: rows, sharedStrings: "<sst/>")) == ["sheet.malformed"], "\(rows)")
        }
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "<x>", count: 300) + String(repeating: "</x>", count: 300)
        #expect(SheetFixtures.refusal(SheetFixtures.workbook(sheetData: header + deep)) == ["sheet.malformed"])
    }

    @Test func whatIsNoWorkbookIsSaidSo() {
        #expect(SheetFixtures.refusal(Array("申请单位,邮政编码\n".utf8)) == ["sheet.format"])
        #expect(SheetFixtures.refusal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)) == ["sheet.format"])
        var docx = ZipWriter()
        docx.add("word/document.xml", contents: Array("<w:document/>".utf8))
        #expect(SheetFixtures.refusal(docx.finish()) == ["sheet.format"])
        #expect(SheetFixtures.refusal(SheetFixtures.workbook(sheetData: "")) == ["sheet.header"])
    }
}

@Suite struct PackagePartTests {
    /// Word and Excel write parts with a UTF-8 byte order mark: it is no content.
    @Test func partsWithAByteOrderMarkRead() throws {
        var zip = ZipWriter()
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        zip.add("_rels/.rels", contents: bom + Array("""
            <?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="/xl/workbook.xml"/></Relationships>
            """.utf8))
        zip.add("xl/workbook.xml", contents: bom + Array("<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"甲\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8))
        zip.add("xl/_rels/workbook.xml.rels", contents: bom + Array("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """.utf8))
        zip.add("xl/worksheets/sheet1.xml", contents: bom + Array("<worksheet xmlns=\"\(ns)\"><sheetData><row><c t=\"inlineStr\"><is><t>申请单位</t></is></c></row></sheetData></worksheet>".utf8))
        let sheet = try XLSXReader.read(zip.finish(), file: "bom.xlsx")
        #expect(sheet.name == "甲")
        #expect(sheet.header == ["申请单位"])
    }
}
