import Foundation
import ShenbaoTestSupport
import ShenbaoFonts
import Testing
@testable import ShenbaoPDF
@testable import ShenbaoPDFWriter

@Suite("Several fonts, kerning, fallback runs, annotations")
struct MixedFontTests {
    static let dejavu = Requirement.dejaVuPath

    /// Kerned Latin (DejaVu has GPOS kerning): the TJ adjustments must put each glyph where
    /// HarfBuzz placed it, so poppler's word box ends at x + the shaped advance.
    @Test(.requires(.dejaVu, .poppler, .qpdf)) func kerningAdjustmentsLandWhereShapingSaid() throws {
        let face = try FontFace(path: Self.dejavu)
        let word = "AVATAR"
        let shaped = face.shape(word)
        #expect(shaped.contains { $0.xAdvance != face.advance(glyph: $0.gid) }, "DejaVu should kern AV")
        let doc = PDFDocument()
        let font = doc.embed(face)
        let page = doc.addPage(.a4)
        let width = page.content.text(word, font: font, size: 40, x: 100, y: 500)
        #expect(abs(width - face.advance(of: word, size: 40)) < 1e-9)
        #expect(String(decoding: page.content.bytes, as: UTF8.self).contains("] TJ"))
        let dir = try TestFolders.temporary("kern")
        let file = dir.appendingPathComponent("kern.pdf").path
        try doc.finish().write(to: URL(fileURLWithPath: file))
        #expect(try Subprocess.run("qpdf", ["--check", file]).status == 0)
        let html = try Subprocess.run("pdftotext", ["-bbox", file, "-"]).stdout
        let line = try #require(html.split(separator: "\n").first { $0.contains(">\(word)<") })
        let xMin = Double(line.split(separator: "\"")[1])!, xMax = Double(line.split(separator: "\"")[5])!
        #expect(abs(xMin - 100) < 0.05)
        #expect(abs(xMax - (100 + width)) < 0.05, "\(line) vs \(100 + width)")
    }

    /// Combining marks placed by GPOS: their x offset goes into TJ, their y offset into a text rise.
    @Test(.requires(.dejaVu, .poppler, .qpdf)) func markOffsetsArePositioned() throws {
        let face = try FontFace(path: Self.dejavu)
        let text = "q\u{0301}x\u{0323}\u{0301}"
        let shaped = face.shape(text)
        let doc = PDFDocument()
        let page = doc.addPage(width: 200, height: 100)
        let width = page.content.text(text, font: doc.embed(face), size: 40, x: 20, y: 30)
        #expect(abs(width - face.advance(of: text, size: 40)) < 1e-9)
        let ops = String(decoding: page.content.bytes, as: UTF8.self)
        if shaped.contains(where: { $0.yOffset != 0 }) { #expect(ops.contains(" Ts")) }
        let dir = try TestFolders.temporary("marks")
        let file = dir.appendingPathComponent("marks.pdf").path
        try doc.finish().write(to: URL(fileURLWithPath: file))
        #expect(try Subprocess.run("qpdf", ["--check", file]).status == 0)
        let out = try Subprocess.run("pdftotext", [file, "-"])
        // Graphemes compare whole in Swift: look for the base letter with its mark.
        #expect(out.stdout.contains("q\u{0301}") && out.stderr.isEmpty, "\(out.stdout)")
    }

    /// Character spacing and horizontal scaling: the returned width is where poppler ends the word.
    @Test(.requires(.uming, .poppler)) func spacingAndScalingWidths() throws {
        let face = try FontFace(path: Tools.umingPath)
        let doc = PDFDocument()
        let font = doc.embed(face)
        let page = doc.addPage(.a4)
        let spread = page.content.text("单位名称", font: font, size: 12, x: 100, y: 700,
                                       style: TextStyle(characterSpacing: 6))
        let squeezed = page.content.text("上海市浦东新区张江高科技园区", font: font, size: 12, x: 100, y: 650,
                                         style: TextStyle(horizontalScale: 0.8))
        #expect(abs(spread - (48 + 24)) < 1e-9)
        #expect(abs(squeezed - 14 * 12 * 0.8) < 1e-9)
        let dir = try TestFolders.temporary("spacing")
        let file = dir.appendingPathComponent("spacing.pdf").path
        try doc.finish().write(to: URL(fileURLWithPath: file))
        let words = try Subprocess.run("pdftotext", ["-bbox", file, "-"]).stdout.split(separator: "\n").filter { $0.contains("<word") }
        func xMax(_ w: String) -> Double? {
            words.first { $0.contains(">\(w)<") }.map { Double($0.split(separator: "\"")[5])! }
        }
        // Spaced out, poppler sees one word per character; the last ends before its trailing spacing.
        #expect(abs((xMax("称") ?? 0) - (100 + spread - 6)) < 0.05, "\(words)")
        #expect(abs((xMax("位") ?? 0) - (100 + 12 + 6 + 12)) < 0.05, "\(words)")
        #expect(abs((xMax("上海市浦东新区张江高科技园区") ?? 0) - (100 + squeezed)) < 0.05, "\(words)")
    }

    /// Text split into runs by the font library: the main face and a fallback both embedded,
    /// and the text read back whole.
    @Test(.requires(.uming, .poppler, .qpdf)) func fallbackRunsEmbedTwoFonts() throws {
        let library = FontLibrary()
        let text = "对所有∀成立"
        let runs = try library.runs(in: text)
        #expect(runs.count == 3)
        let doc = PDFDocument()
        let page = doc.addPage(.a4)
        var x = 72.0
        for run in runs {
            x += page.content.text(run.text, font: doc.embed(run.face), size: 14, x: x, y: 700)
        }
        let dir = try TestFolders.temporary("fallback")
        let file = dir.appendingPathComponent("fallback.pdf").path
        try doc.finish().write(to: URL(fileURLWithPath: file))
        #expect(try Subprocess.run("qpdf", ["--check", file]).status == 0)
        let fonts = try Subprocess.run("pdffonts", [file]).stdout.split(separator: "\n").dropFirst(2)
        #expect(fonts.count == 2)
        #expect(fonts.allSatisfy { $0.contains("yes yes yes") })
        #expect(try Subprocess.run("pdftotext", [file, "-"]).stdout.contains(text))
    }

    @Test(.requires(.qpdf)) func sameImageStoredOnceAndAnnotationsListed() throws {
        let doc = PDFDocument()
        let png = Data(TestPNG.encode(width: 2, height: 2, colorType: 0, channels: 1, samples: [0, 80, 160, 255]))
        let a = try doc.addImage(data: png)
        let b = try doc.addImage(data: png)
        #expect(a == b)
        let page = doc.addPage(.a4)
        page.content.drawImage(a, x: 0, y: 0, width: 10, height: 10)
        let link = doc.addObject(.dictionary([
            "Type": .name("Annot"), "Subtype": .name("Link"),
            "Rect": .array([0, 0, 10, 10].map { .integer($0) }), "Border": .array([0, 0, 0].map { .integer($0) }),
            "A": .dictionary(["S": .name("URI"), "URI": .string(Array("https://scjgj.sh.gov.cn/".utf8))]),
        ]))
        page.annotations.append(link)
        let pdf = try doc.finish()
        #expect(pdf.ranges(of: Data("/Subtype /Image".utf8)).count == 1)
        let dir = try TestFolders.temporary("annot")
        let file = dir.appendingPathComponent("annot.pdf").path
        try pdf.write(to: URL(fileURLWithPath: file))
        let pageObject = try Subprocess.run("qpdf", ["--show-object=4", file]).stdout
        #expect(pageObject.contains("/Annots [ \(link.number) 0 R ]"), "\(pageObject)")
        #expect(try Subprocess.run("qpdf", ["--check", file]).status == 0)
    }
}
