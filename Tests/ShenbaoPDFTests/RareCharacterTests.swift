import Foundation
import ShenbaoTestSupport
import ShenbaoFonts
import Testing
@testable import ShenbaoPDF

/// Names with rare characters (生僻字) print in the serif faces of the recorded chain
/// (`fonts/fonts.yaml`): 䶮 (Extension A) from UMing, 𠮷 (B) and 𬌗 (E) from Noto Serif CJK SC,
/// whose CFF outlines go in as CIDFontType0 with FontFile3, and 𪚥 (B) from HanaMinB.
@Suite("Rare characters in names: the serif chain and CFF embedding")
struct RareCharacterTests {
    static let name = "上海𠮷䶮𪚥𬌗科技有限公司"
    static let recordFile = TestFolders.packageRoot.appendingPathComponent("fonts/fonts.yaml").path

    /// The name drawn run by run with the faces the recorded library picks, as a form does.
    static func makePDF(in dir: URL) throws -> (file: String, runs: [FontRun]) {
        let library = try FontLibrary(recordFile: recordFile)
        let runs = try library.runs(in: name)
        let doc = PDFDocument()
        let page = doc.addPage(width: 420, height: 100)
        var x = 20.0
        for run in runs {
            x += page.content.text(run.text, font: doc.embed(run.face), size: 28, x: x, y: 40)
        }
        let file = dir.appendingPathComponent("name.pdf").path
        try doc.finish().write(to: URL(fileURLWithPath: file))
        return (file, runs)
    }

    /// `pdffonts` rows after the two heading lines.
    static func fontRows(_ file: String) throws -> [String] {
        try Subprocess.run("pdffonts", [file]).stdout.split(separator: "\n").dropFirst(2).map(String.init)
    }

    @Test(.requires(.uming, .notoSerifCJK, .hanaMinB, .poppler, .qpdf))
    func nameRendersInTheRecordedSerifFaces() throws {
        let dir = try TestFolders.temporary("rare")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (file, runs) = try Self.makePDF(in: dir)
        let families = Dictionary(runs.flatMap { run in run.text.unicodeScalars.map { ($0, run.face.familyName) } },
                                  uniquingKeysWith: { a, _ in a })
        #expect(families["䶮"] == "AR PL UMing CN")
        #expect(families["\u{20BB7}"] == "Noto Serif CJK SC")
        #expect(families["\u{2C317}"] == "Noto Serif CJK SC")
        #expect(families["\u{2A6A5}"] == "HanaMinB")

        let check = try Subprocess.run("qpdf", ["--check", file])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let rows = try Self.fontRows(file)
        #expect(rows.count == 3, "\(rows)")
        for (name, type) in [("UMingCN", "CID TrueType"), ("NotoSerifCJKsc-Regular", "CID Type 0C"), ("HanaMinB", "CID TrueType")] {
            let row = rows.first { $0.contains("+\(name) ") } ?? ""
            #expect(row.contains(" \(type) ") && row.contains("Identity-H"), "\(name): \(rows)")
            let cols = row.split(separator: " ")
            #expect(cols.suffix(5).prefix(3) == ["yes", "yes", "yes"], "emb sub uni: \(row)")
        }
        let text = try Subprocess.run("pdftotext", [file, "-"])
        #expect(text.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == Self.name)
        #expect(text.stderr.isEmpty, "poppler: \(text.stderr)")
        let render = try Subprocess.run("pdftoppm", ["-gray", "-r", "72", "-singlefile", file, dir.appendingPathComponent("name").path])
        #expect(render.status == 0 && render.stderr.isEmpty, "poppler: \(render.stderr)")
        let ink = Tools.darkPixels(try [UInt8](Data(contentsOf: dir.appendingPathComponent("name.pgm"))))
        #expect(ink > 1500, "dark pixels of the name: \(ink)")
    }

    /// MuPDF, a second reader, draws the same page without a complaint.
    @Test(.requires(.uming, .notoSerifCJK, .hanaMinB, .mupdf))
    func muPDFDrawsTheNameWithoutErrors() throws {
        let dir = try TestFolders.temporary("rare-mupdf")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (file, _) = try Self.makePDF(in: dir)
        let out = dir.appendingPathComponent("name.pgm").path
        let draw = try Subprocess.run("mutool", ["draw", "-q", "-r", "72", "-c", "gray", "-o", out, file])
        // Debian's MuPDF is built without colour management and says so for every file.
        let complaints = draw.stderr.split(separator: "\n").filter { !$0.contains("ICC support is not available") }
        #expect(draw.status == 0 && complaints.isEmpty, "mutool: \(draw.stderr)")
        #expect(Tools.darkPixels(try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))) > 1500)
    }
}
