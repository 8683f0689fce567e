import Foundation
import ShenbaoTestSupport
import ShenbaoFonts
import Testing
@testable import ShenbaoPDF

/// CFF faces go in as CIDFontType0 with `FontFile3 /CIDFontType0C` (ISO 32000-1 §9.7.4, §9.9),
/// and readers must find each glyph by the CID the content shows (§9.7.4.2): through the charset
/// of a CID-keyed program, directly as the glyph id of a name-keyed one.
@Suite("CFF faces embedded as CIDFontType0")
struct CFFEmbeddingTests {
    /// The page `page` of `pdf` as poppler paints it (8-bit grey), failing on any complaint.
    static func render(_ pdf: Data, page: Int, in dir: URL, _ name: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let file = dir.appendingPathComponent("\(name).pdf").path
        try pdf.write(to: URL(fileURLWithPath: file))
        let check = try Subprocess.run("qpdf", ["--check", file])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)", sourceLocation: sourceLocation)
        let rows = try Subprocess.run("pdffonts", [file]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" CID Type 0C ") && $0.contains("yes yes yes") },
                "\(rows)", sourceLocation: sourceLocation)
        let out = dir.appendingPathComponent(name).path
        let render = try Subprocess.run("pdftoppm", ["-gray", "-r", "72", "-f", "\(page)", "-l", "\(page)",
                                                "-singlefile", file, out])
        #expect(render.status == 0 && render.stderr.isEmpty, "poppler: \(render.stderr)", sourceLocation: sourceLocation)
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: out + ".pgm")))
    }

    /// The CIDs are Noto's own (𠮷 is CID 59526), not subset glyph ids: the same glyph is painted
    /// the same when other glyphs come before it in the subset and shift its glyph id.
    @Test(.requires(.notoSerifCJK, .poppler, .qpdf)) func cidKeyedGlyphsAreFoundThroughTheCharset() throws {
        let noto = try FontFace(path: Requirement.notoSerifCJKPath, index: Requirement.notoSerifCJKSCIndex)
        let dir = try TestFolders.temporary("cff-cid")
        defer { try? FileManager.default.removeItem(at: dir) }
        var images: [[UInt8]] = []
        for before in ["", "䶮\u{2C317}"] {
            let doc = PDFDocument()
            let font = doc.embed(noto)
            if !before.isEmpty {
                doc.addPage(width: 200, height: 100).content.text(before, font: font, size: 60, x: 20, y: 20)
            }
            let page = doc.addPage(width: 200, height: 100)
            page.content.text("\u{20BB7}", font: font, size: 60, x: 20, y: 20)
            #expect(font.record(noto.shape("\u{20BB7}"), text: "\u{20BB7}").map(\.code) == [59526])
            let pdf = try doc.finish()
            images.append(try Self.render(pdf, page: doc.pageCount, in: dir, before.isEmpty ? "alone" : "after"))
            let text = try Subprocess.run("pdftotext", [dir.appendingPathComponent(before.isEmpty ? "alone.pdf" : "after.pdf").path, "-"])
            // Pages end in a form feed: compare the characters alone.
            #expect(text.stdout.filter { !$0.isWhitespace } == before + "\u{20BB7}" && text.stderr.isEmpty,
                    "\(text.stdout)\(text.stderr)")
        }
        #expect(images[0] == images[1])
        #expect(Tools.darkPixels(images[0]) > 400, "𠮷 left ink")
    }

    /// A name-keyed CFF font made with fontTools: glyphs a b c come before A (a 600-unit square)
    /// and B (a 100 × 700 bar), so a reader that looked CIDs up in any other way would paint
    /// another glyph, or none, and the ink would not be the square's or the bar's.
    @Test(.requires(.fontTools, .poppler, .qpdf)) func nameKeyedGlyphsAreFoundByGlyphID() throws {
        let dir = try TestFolders.temporary("cff-names")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fontFile = dir.appendingPathComponent("names.otf").path
        let made = try Subprocess.python("""
            import sys
            from fontTools.fontBuilder import FontBuilder
            from fontTools.pens.t2CharStringPen import T2CharStringPen
            def box(w, h):
                pen = T2CharStringPen(1000, None)
                if w:
                    pen.moveTo((0, 0)); pen.lineTo((w, 0)); pen.lineTo((w, h)); pen.lineTo((0, h)); pen.closePath()
                return pen.getCharString()
            shapes = {".notdef": (0, 0), "a": (50, 50), "b": (80, 80), "c": (120, 40), "A": (600, 600), "B": (100, 700)}
            fb = FontBuilder(1000, isTTF=False)
            fb.setupGlyphOrder(list(shapes))
            fb.setupCharacterMap({ord(n): n for n in "abcAB"})
            fb.setupCFF("ShenbaoNames-Regular", {"FullName": "Shenbao Names"}, {n: box(*s) for n, s in shapes.items()}, {})
            fb.setupHorizontalMetrics({n: (1000, 0) for n in shapes})
            fb.setupHorizontalHeader(ascent=880, descent=-120)
            fb.setupNameTable({"familyName": "Shenbao Names", "styleName": "Regular"})
            fb.setupOS2()
            fb.setupPost()
            fb.save(sys.argv[1])
            """, [fontFile])
        #expect(made.status == 0, "\(made.stderr)")
        let face = try FontFace(path: fontFile)
        guard case .names? = face.cffKeying else {
            Issue.record("fontTools' FontBuilder makes a name-keyed CFF")
            return
        }
        let doc = PDFDocument()
        let font = doc.embed(face)
        for letter in ["A", "B"] {
            doc.addPage(width: 200, height: 200).content.text(letter, font: font, size: 100, x: 50, y: 50)
        }
        #expect(font.record(face.shape("AB"), text: "AB").map(\.code) == [4, 5])
        let pdf = try doc.finish()
        // At 72 dpi and 100 pt, 1000 units are 100 pixels: the square is 60 × 60, the bar 10 × 70.
        for (page, expected) in [(1, 3600), (2, 700)] {
            let image = try Self.render(pdf, page: page, in: dir, "page\(page)")
            let ink = Tools.darkPixels(image)
            #expect(abs(ink - expected) < expected / 8, "page \(page): \(ink) dark pixels, expected about \(expected)")
        }
        let text = try Subprocess.run("pdftotext", [dir.appendingPathComponent("page1.pdf").path, "-"])
        #expect(text.stdout.split(whereSeparator: \.isWhitespace) == ["A", "B"], "\(text.stdout)")
    }
}
