import Foundation
import ShenbaoTestSupport
import ShenbaoFonts
import Testing
@testable import ShenbaoPDF

/// A form's own glyphs as one font made once (`FixedGlyphs`), beside each document's own.
@Suite struct FixedGlyphsTests {
    @Test(.requires(.uming)) func aGlyphIsFixedOnlyForTheCharacterItWasMadeFrom() throws {
        let face = try FontFace(path: Tools.umingPath)
        let fixed = try #require(FixedGlyphs(face: face, texts: ["申请单位：", "申请表"]))
        let shen = try #require(face.glyph(for: "申"))
        #expect(fixed.glyphs.count == 6)
        #expect(fixed.contains(shen, as: "申"))
        // Another character the cmap sent to the same glyph would copy as 申: it is not fixed.
        #expect(!fixed.contains(shen, as: "甲"))
        #expect(!fixed.contains(try #require(face.glyph(for: "海")), as: "海"))
    }

    @Test(.requires(.uming, .poppler)) func aRunMixingBothFontsIsOneTextObjectAndCopiesAsWritten() throws {
        let face = try FontFace(path: Tools.umingPath)
        let fixed = try #require(FixedGlyphs(face: face, texts: ["申请单位"]))
        let doc = PDFDocument()
        let page = doc.addPage()
        let own = doc.embed(face), form = doc.embed(fixed)
        let text = "申请上海单位"
        let glyphs = face.shape(text)
        let pieces = [
            GlyphPiece(glyphs: Array(glyphs[0..<2]), text: "申请", font: form),
            GlyphPiece(glyphs: glyphs[2..<4].map { ShapedGlyph(gid: $0.gid, cluster: $0.cluster - 2, xAdvance: $0.xAdvance) }, text: "上海", font: own),
            GlyphPiece(glyphs: glyphs[4..<6].map { ShapedGlyph(gid: $0.gid, cluster: $0.cluster - 4, xAdvance: $0.xAdvance) }, text: "单位", font: form),
        ]
        let advance = page.content.showGlyphs(pieces, size: 12, x: 72, y: 700)
        #expect(advance == 72)
        let content = String(decoding: page.content.bytes, as: UTF8.self)
        #expect(content.components(separatedBy: "BT").count == 2, "\(content)")
        let path = try TestFolders.temporary("fixed").appendingPathComponent("mixed.pdf").path
        try doc.finish().write(to: URL(fileURLWithPath: path))
        let extracted = try Subprocess.run("pdftotext", [path, "-"]).stdout
        #expect(extracted.contains(text), "\(extracted)")
    }
}
