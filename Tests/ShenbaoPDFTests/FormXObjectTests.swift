import Foundation
import ShenbaoTestSupport
import ShenbaoFonts
import Testing
@testable import ShenbaoPDF
@testable import ShenbaoPDFWriter

@Suite("Form XObjects: drawn on many pages, stored once")
struct FormXObjectTests {
    static func document(pages: Int, face: FontFace, useForm: Bool = true) throws -> Data {
        let doc = PDFDocument()
        let font = doc.embed(face)
        var header = ContentStream()
        header.setLineWidth(1)
        header.rect(0, 0, 450, 40)
        header.stroke()
        header.text("上海市市场监督管理局 表头", font: font, size: 14, x: 10, y: 14)
        for i in 0..<150 { header.line(from: Double(i) * 3, Double(i % 7), to: Double(i * i % 450), 40) }
        let form = doc.addFormXObject(bbox: PDFRect(x: 0, y: 0, width: 450, height: 40), content: header)
        for n in 0..<pages {
            let page = doc.addPage(.a4)
            if useForm {
                page.content.drawForm(form, x: 72, y: 760)
            } else {
                page.content.save()
                page.content.transform(1, 0, 0, 1, 72, 760)
                page.content.raw(String(decoding: header.bytes, as: UTF8.self))
                page.content.restore()
            }
            page.content.text("第\(n + 1)页", font: font, size: 10, x: 72, y: 740)
        }
        return try doc.finish()
    }

    @Test(.requires(.uming, .poppler, .qpdf)) func threeCopiesCostLittleMoreThanOne() throws {
        let face = try FontFace(path: Tools.umingPath)
        let one = try Self.document(pages: 1, face: face)
        let three = try Self.document(pages: 3, face: face)
        let forms = three.ranges(of: Data("/Subtype /Form".utf8)).count
        #expect(forms == 1)
        // Two more pages cost a page object and a tiny content stream each, not the form again:
        // far less than repeating the drawing inline.
        let inlineOne = try Self.document(pages: 1, face: face, useForm: false)
        let inlineThree = try Self.document(pages: 3, face: face, useForm: false)
        let formGrowth = three.count - one.count, inlineGrowth = inlineThree.count - inlineOne.count
        #expect(formGrowth * 2 < inlineGrowth, "form: +\(formGrowth) B, inline: +\(inlineGrowth) B")

        let dir = try TestFolders.temporary("form")
        let file = dir.appendingPathComponent("form.pdf").path
        try three.write(to: URL(fileURLWithPath: file))
        #expect(try Subprocess.run("qpdf", ["--check", file]).status == 0)
        let text = try Subprocess.run("pdftotext", [file, "-"]).stdout
        #expect(text.components(separatedBy: "上海市市场监督管理局 表头").count - 1 == 3)
        #expect(text.contains("第3页"))
    }
}
