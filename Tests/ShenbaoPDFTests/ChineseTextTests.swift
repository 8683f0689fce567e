import Foundation
import ShenbaoTestSupport
import ShenbaoFonts
import Testing
@testable import ShenbaoPDF
@testable import ShenbaoPDFWriter

@Suite("Chinese text in a PDF, checked with qpdf and poppler")
struct ChineseTextTests {
    static let title = "上海市市级标准化试点项目申请表"
    static let mixed = "统一社会信用代码：91310000MA1K4XYZ2B，2024年第130号（Shanghai）"

    static func makePDF() throws -> Data {
        let face = try FontFace(path: Tools.umingPath, index: 0)
        let doc = PDFDocument(options: .init(title: title))
        let font = doc.embed(face)
        let page = doc.addPage(.a4)
        page.content.text(title, font: font, size: 18, x: 72, y: 760)
        page.content.text(mixed, font: font, size: 10.5, x: 72, y: 730)
        page.content.text("加粗：申报单位基本情况", font: font, size: 12, x: 72, y: 700, style: .bold)
        page.content.setLineWidth(0.5)
        page.content.rect(70, 690, 455, 90)
        page.content.stroke()
        let second = doc.addPage(.a4Landscape)
        second.content.text("第二页", font: font, size: 12, x: 72, y: 500)
        return try doc.finish()
    }

    @Test(.requires(.uming, .poppler, .qpdf)) func toolsAcceptAndReadBackTheText() throws {
        let dir = try TestFolders.temporary("cjk")
        let file = dir.appendingPathComponent("cjk.pdf").path
        try Self.makePDF().write(to: URL(fileURLWithPath: file))

        let check = try Subprocess.run("qpdf", ["--check", file])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors"))
        #expect(!check.stderr.contains("WARNING"))

        let fonts = try Subprocess.run("pdffonts", [file])
        let row = fonts.stdout.split(separator: "\n").last { $0.contains("UMingCN") }.map(String.init) ?? ""
        let cols = row.split(separator: " ", omittingEmptySubsequences: true)
        // name type encoding emb sub uni object ID
        #expect(cols.count >= 7)
        #expect(row.contains("CID TrueType"))
        #expect(row.contains("Identity-H"))
        #expect(cols.suffix(5).prefix(3).map(String.init) == ["yes", "yes", "yes"], "\(fonts.stdout)")
        #expect(cols.first.map { $0.count == 14 && $0.dropFirst(6).hasPrefix("+") } == true, "subset tag: \(row)")

        let text = try Subprocess.run("pdftotext", ["-layout", "-f", "1", "-l", "1", file, "-"])
        #expect(text.stdout.contains(Self.title))
        #expect(text.stdout.contains(Self.mixed))
        #expect(text.stdout.contains("加粗：申报单位基本情况"))

        #expect(text.stderr.isEmpty, "poppler complained: \(text.stderr)")

        // Rendered by poppler from the embedded subset (FreeType): ink where the text is, no complaints.
        let render = try Subprocess.run("pdftoppm", ["-gray", "-r", "36", "-f", "1", "-l", "1", "-singlefile", file,
                                                dir.appendingPathComponent("page").path])
        #expect(render.status == 0 && render.stderr.isEmpty, "\(render.stderr)")
        let pgm = try [UInt8](Data(contentsOf: dir.appendingPathComponent("page.pgm")))
        // Rows 33–43 at 36 dpi hold the 18 pt title (baseline 760 pt) and nothing else.
        let ink = Self.darkPixels(pgm, rows: 33..<44)
        #expect(ink > 50, "dark pixels in the title rows: \(ink)")
        #expect(Self.darkPixels(pgm, rows: 100..<200) == 0, "an empty band stays white")

        let info = try Subprocess.run("pdfinfo", [file])
        let fields = Tools.fields(info.stdout)
        #expect(fields["Pages"] == "2")
        #expect(info.stdout.contains("595.276 x 841.89 pts (A4)"), "\(info.stdout)")
        let page2 = try Subprocess.run("pdfinfo", ["-f", "2", "-l", "2", file])
        #expect(page2.stdout.contains("841.89 x 595.276 pts"))
        #expect(fields["Title"] == Self.title)
    }

    /// Counts pixels darker than mid-grey in the given rows of a binary PGM (P5, 8-bit).
    static func darkPixels(_ pgm: [UInt8], rows: Range<Int>) -> Int {
        // Header: "P5\n<w> <h>\n255\n", tokens separated by whitespace.
        var fields: [Int] = []
        var i = 2, current = ""
        while fields.count < 3, i < pgm.count {
            let c = pgm[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                if !current.isEmpty { fields.append(Int(current) ?? 0); current = "" }
            } else {
                current.append(Character(Unicode.Scalar(c)))
            }
            i += 1
        }
        guard fields.count == 3 else { return 0 }
        let width = fields[0], height = fields[1]
        var count = 0
        for y in rows where y < height {
            for x in 0..<width where pgm[i + y * width + x] < 128 { count += 1 }
        }
        return count
    }

    /// Synthetic bold (fill + stroke, render mode 2) puts visibly more ink on the page than regular.
    @Test(.requires(.uming, .poppler)) func syntheticBoldIsHeavier() throws {
        let face = try FontFace(path: Tools.umingPath)
        func ink(_ style: TextStyle) throws -> Int {
            let doc = PDFDocument()
            let page = doc.addPage(width: 300, height: 40)
            page.content.text("申报单位基本情况", font: doc.embed(face), size: 20, x: 10, y: 14, style: style)
            if style.syntheticBold {
                #expect(String(decoding: page.content.bytes, as: UTF8.self).contains("0.6 w\n1 j\nBT /F1 20 Tf 2 Tr"))
            }
            let dir = try TestFolders.temporary("bold")
            let file = dir.appendingPathComponent("b.pdf").path
            try doc.finish().write(to: URL(fileURLWithPath: file))
            _ = try Subprocess.run("pdftoppm", ["-gray", "-r", "72", "-singlefile", file, dir.appendingPathComponent("b").path])
            return Self.darkPixels(try [UInt8](Data(contentsOf: dir.appendingPathComponent("b.pgm"))), rows: 0..<40)
        }
        let regular = try ink(.normal), bold = try ink(.bold)
        #expect(regular > 100)
        #expect(Double(bold) > Double(regular) * 1.2, "regular \(regular) px, bold \(bold) px")
    }

    @Test(.requires(.uming)) func controlCharactersBecomeSpacesAndHugeNumbersStayFinite() throws {
        let face = try FontFace(path: Tools.umingPath)
        let doc = PDFDocument()
        let font = doc.embed(face)
        let page = doc.addPage(.a4)
        let a = page.content.text("申\t报\n", font: font, size: 10, x: 0, y: 0)
        let b = page.content.text("申 报 ", font: font, size: 10, x: 0, y: 0)
        #expect(a == b)
        #expect(!font.usedGlyphs.contains(0))
        #expect(PDFObject.format(1e300) == "1000000000000" && PDFObject.format(-0.00004) == "0")
        #expect(PDFObject.format(12.5) == "12.5" && PDFObject.format(-3.14159) == "-3.1416" && PDFObject.format(0.05) == "0.05")
    }

    @Test func fixedCreationDateIsWrittenAndStable() throws {
        let date = Date(timeIntervalSince1970: 1_732_406_400)   // 2024-11-24 00:00:00 UTC
        func make() throws -> Data {
            let doc = PDFDocument(options: .init(title: "申报", creationDate: date))
            doc.addPage(.a4).content.rect(10, 10, 10, 10)
            return try doc.finish()
        }
        let a = try make(), b = try make()
        #expect(a == b)
        #expect(a.range(of: Data("/CreationDate (D:20241124000000Z)".utf8)) != nil)
        #expect(a.range(of: Data("/Lang (zh-CN)".utf8)) != nil)
        // Without a date none is written: the default output depends on its input only.
        let plain = try PDFDocument().finish()
        #expect(plain.range(of: Data("CreationDate".utf8)) == nil)
    }

    @Test(.requires(.uming)) func sameInputSameBytes() throws {
        let a = try Self.makePDF()
        let b = try Self.makePDF()
        #expect(a == b)
        #expect(a.count < 60_000, "size \(a.count)")
    }
}

@Suite("Documents built in parallel share one FontFace")
struct ParallelDocumentTests {
    @Test(.requires(.uming)) func parallelDocumentsMatchTheSerialOne() async throws {
        let face = try FontFace(path: Tools.umingPath)
        @Sendable func build(_ n: Int) throws -> Data {
            let doc = PDFDocument()
            let font = doc.embed(face)
            let page = doc.addPage(.a4)
            page.content.text("上海市市级标准化试点项目申请表 第\(n % 3)份", font: font, size: 12, x: 72, y: 700)
            return try doc.finish()
        }
        let serial = try (0..<3).map(build)
        let parallel = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for n in 0..<24 { group.addTask { (n, try build(n)) } }
            return try await group.reduce(into: [(Int, Data)]()) { $0.append($1) }
        }
        #expect(parallel.count == 24)
        for (n, data) in parallel { #expect(data == serial[n % 3]) }
    }
}
