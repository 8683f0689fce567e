import Foundation
import ShenbaoTestSupport
import ShenbaoFonts
import Testing
@testable import ShenbaoPDF
@testable import ShenbaoPDFWriter

/// CIDs numbered by first use, with subsets numbered the same way (PDFFont, FontFace.subset(inOrder:)).
@Suite("CIDs in order of first use")
struct CIDNumberingTests {
    static let dejaVuPath = Requirement.dejaVuPath

    @Test(.requires(.uming)) func cidsFollowFirstUseAndRepeatForTheSameGlyph() throws {
        let face = try FontFace(path: Tools.umingPath)
        let doc = PDFDocument()
        let font = doc.embed(face)
        let glyphs = face.shape("上海市市")
        let shown = font.record(glyphs, text: "上海市市")
        #expect(shown.map(\.code) == [1, 2, 3, 3])
        #expect(shown[0].width == 1000)
        #expect(font.record(face.shape("海上"), text: "海上").map(\.code) == [2, 1])
        #expect(font.usedGlyphs == Set(glyphs.map(\.gid)))
    }

    /// The glyph-id path (CID = glyph id, hb-subset with ids retained), which name-keyed CFF faces
    /// take, forced on UMing: the page must render exactly as with CIDs by use.
    @Test(.requires(.uming, .poppler, .qpdf)) func glyphIDPathRendersTheSame() throws {
        let face = try FontFace(path: Tools.umingPath)
        let text = "申请表：上海市标准化试点（2024）"
        let dir = try TestFolders.temporary("gids")
        defer { try? FileManager.default.removeItem(at: dir) }
        var images: [[UInt8]] = []
        for byUse in [true, false] {
            let doc = PDFDocument()
            let font = doc.embed(face, numbering: byUse ? .byUse : .glyphID)
            let glyphs = font.record(face.shape("表"), text: "表")
            #expect(byUse ? glyphs[0].code == 1 : UInt32(glyphs[0].code) == face.glyph(for: "表"))
            doc.addPage(.a4).content.text(text, font: font, size: 24, x: 72, y: 760)
            let file = dir.appendingPathComponent("\(byUse).pdf").path
            try doc.finish().write(to: URL(fileURLWithPath: file))
            #expect(try Subprocess.run("qpdf", ["--check", file]).status == 0)
            #expect(try Subprocess.run("pdftotext", [file, "-"]).stdout.contains(text))
            #expect(try Subprocess.run("pdffonts", [file]).stdout.contains("yes yes yes"))
            _ = try Subprocess.run("pdftoppm", ["-gray", "-r", "72", "-singlefile", file, dir.appendingPathComponent("\(byUse)").path])
            images.append(try [UInt8](Data(contentsOf: dir.appendingPathComponent("\(byUse).pgm"))))
        }
        #expect(images[0] == images[1])
        #expect(images[0].dropFirst(20).filter { $0 < 128 }.count > 300)
    }

    /// The same page drawn after other pages used its glyphs in another order gets other CIDs,
    /// and poppler must still paint it pixel for pixel the same: CIDs and subset agree.
    @Test(.requires(.uming, .dejaVu, .poppler, .qpdf)) func pageLooksTheSameWhateverTheNumbering() throws {
        let uming = try FontFace(path: Tools.umingPath)
        let dejaVu = try FontFace(path: Self.dejaVuPath)
        let chinese = "申请表：上海市标准化试点", latin = "ǅé☑Åő Office"
        func make(warmUp: Bool) throws -> Data {
            let doc = PDFDocument()
            let cjk = doc.embed(uming), sans = doc.embed(dejaVu)
            if warmUp {
                let first = doc.addPage(.a4)
                first.content.text(String(chinese.reversed()), font: cjk, size: 12, x: 72, y: 700)
                first.content.text(String(latin.reversed()), font: sans, size: 12, x: 72, y: 680)
            }
            let page = doc.addPage(.a4)
            page.content.text(chinese, font: cjk, size: 24, x: 72, y: 760)
            page.content.text(latin, font: sans, size: 24, x: 72, y: 720)
            return try doc.finish()
        }
        let dir = try TestFolders.temporary("cids")
        defer { try? FileManager.default.removeItem(at: dir) }
        var images: [[UInt8]] = []
        for (name, warmUp) in [("plain", false), ("warm", true)] {
            let file = dir.appendingPathComponent("\(name).pdf").path
            try make(warmUp: warmUp).write(to: URL(fileURLWithPath: file))
            let check = try Subprocess.run("qpdf", ["--check", file])
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            let fonts = try Subprocess.run("pdffonts", [file]).stdout.split(separator: "\n").dropFirst(2)
            #expect(fonts.count == 2 && fonts.allSatisfy { $0.contains("yes yes yes") }, "\(fonts)")
            let page = warmUp ? "2" : "1"
            let text = try Subprocess.run("pdftotext", ["-f", page, "-l", page, file, "-"]).stdout
            #expect(text.contains(chinese) && text.contains(latin), "\(text)")
            let render = try Subprocess.run("pdftoppm", ["-gray", "-r", "72", "-f", page, "-l", page, "-singlefile", file,
                                                    dir.appendingPathComponent(name).path])
            #expect(render.status == 0 && render.stderr.isEmpty, "\(render.stderr)")
            images.append(try [UInt8](Data(contentsOf: dir.appendingPathComponent("\(name).pgm"))))
        }
        #expect(images[0] == images[1])
        // Only the two lines of text are on the page: all its dark pixels are theirs.
        let ink = images[0].dropFirst(20).filter { $0 < 128 }.count
        #expect(ink > 800, "dark pixels of the text: \(ink)")
    }
}
