import Foundation
import ShenbaoTestSupport
import Testing
import ShenbaoCore
@testable import ShenbaoFormLayout
@testable import ShenbaoPDF
@testable import ShenbaoPrint

/// The print pack read back with poppler and qpdf, as a clerk's printer would see it.
@Suite struct PDFPackTests {
    func pack(_ form: String, _ data: String, options: PrintOptions = PrintOptions()) throws -> (String, Data) {
        let printer = try Support.printer(form)
        let (bytes, _) = try printer.render(document: try Support.document(data), options: options, format: .pdf)
        return (try Support.temporary("\(form).pdf", bytes), bytes)
    }

    @Test(.requires(.poppler, .qpdf)) func applicationPackIsCleanA4WithEmbeddedFontsAndEveryValue() throws {
        let (path, _) = try pack("application", "templates/samples/application.yaml")
        let check = try Subprocess.run("qpdf", ["--check", path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("No syntax or stream encoding errors"))
        let info = try Subprocess.run("pdfinfo", [path]).stdout
        #expect(info.contains("(A4)"))
        let onePage = try Support.printer("application").pages(context: FormContext.build(
            data: try Support.document("templates/samples/application.yaml").root, notice: nil)).count
        let pages = onePage + (onePage % 2)
        #expect(info.contains("Pages:           \(pages * 2 + onePage)"))
        let fonts = try Subprocess.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts { #expect(line.contains("yes yes yes"), "\(line)") }
        let text = Support.squeezed(try Subprocess.run("pdftotext", ["-raw", path, "-"]).stdout)
        let data = try Support.document("templates/samples/application.yaml").root
        for value in Support.printedValues(data) {
            #expect(text.contains(Support.squeezed(value)), "missing \(value)")
        }
        for k in 1...3 { #expect(text.contains("第\(k)份共3份")) }
        #expect(text.contains("—1—"))
        #expect(text.contains("（盖章）"))
    }

    /// The form's own glyphs are one font made once per process (`FixedGlyphs`), embedded as it
    /// is in every pack: two records' packs carry the same program bytes; only the data's glyphs
    /// are a font of each pack's own.
    @Test(.requires(.poppler)) func theFormsOwnGlyphsAreOneFontMadeOnce() throws {
        let printer = try Support.printer("application")
        let fixed = try #require(printer.fixedGlyphs)
        #expect(fixed.glyphs.count > 100)
        let program = try fixed.objects(compression: PrintOptions().compressionLevel).program.payload
        var other = try Support.document("templates/samples/application.yaml")
        other.root = other.root.mapping(at: "applicant.name") { _ in .text("黑龙江鹤岗煤矿机械厂") }
        for document in [try Support.document("templates/samples/application.yaml"), other] {
            let (bytes, _) = try printer.render(document: document, options: PrintOptions(), format: .pdf)
            #expect([UInt8](bytes).firstRange(of: program) != nil)
            let path = try Support.temporary("fixed.pdf", bytes)
            let fonts = try Subprocess.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
            #expect(fonts.filter { $0.contains("UMing") }.count == 2, "\(fonts)")
        }
    }

    @Test(.requires(.poppler)) func eachCopyStartsOnAnOddPage() throws {
        let (path, _) = try pack("opinion", "templates/samples/opinion.yaml", options: PrintOptions(copies: 3))
        #expect(try Subprocess.run("pdfinfo", [path]).stdout.contains("Pages:           5"))
        let pages = try Subprocess.run("pdftotext", [path, "-"]).stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        try #require(pages.count >= 5, "pdftotext gave \(pages.count) pages")
        #expect(pages[0].contains("第1份 共3份"))
        #expect(Support.squeezed(String(pages[1])).isEmpty)   // the blank back of copy 1
        #expect(pages[2].contains("第2份 共3份"))
        #expect(pages[4].contains("第3份 共3份"))
    }

    @Test func copiesReuseTheirPagesInsteadOfRepeatingThem() throws {
        let (_, one) = try pack("application", "templates/samples/application.yaml", options: PrintOptions(copies: 1))
        let (_, three) = try pack("application", "templates/samples/application.yaml", options: PrintOptions(copies: 3))
        #expect(Double(three.count) < Double(one.count) * 1.25, "\(one.count) → \(three.count)")
        #expect(three.count <= 120_000)
    }

    @Test(.requires(.poppler)) func theSealIsPlacedWithItsTransparency() throws {
        let seal = SealImage(data: TestImages.sealPNG(), name: "seal.png")
        let (path, _) = try pack("application", "templates/samples/application.yaml", options: PrintOptions(seal: seal))
        let list = try Subprocess.run("pdfimages", ["-list", path]).stdout
        #expect(list.contains("smask"))
        #expect(list.contains(" image "))
        // With the seal, the caption for a hand stamp is gone from the applicant's block.
        let text = try Subprocess.run("pdftotext", ["-raw", path, "-"]).stdout
        #expect(!text.contains("（盖章）\n2024年5月16日"))
    }

    @Test(.requires(.poppler)) func aDraftIsMarkedOnEveryPage() throws {
        let (path, _) = try pack("opinion", "templates/samples/opinion.yaml", options: PrintOptions(draft: true))
        // -raw: poppler's default reading order leaves diagonal text out.
        let pages = try Subprocess.run("pdftotext", ["-raw", path, "-"]).stdout.split(separator: "\u{0C}").filter { !$0.allSatisfy(\.isWhitespace) }
        #expect(!pages.isEmpty)
        for page in pages { #expect(Support.squeezed(String(page)).contains("草稿")) }
    }

    @Test(.requires(.poppler)) func aLongTextFlowsOverPagesInFull() throws {
        var document = try Support.document("templates/samples/application.yaml")
        let long = String(repeating: "社区嵌入式养老需求增长快，服务内容和质量评价缺少统一标准；", count: 107) // 3,000 characters
        guard case .map(var root) = document.root, case .map(var project)? = root["project"] else { Issue.record("shape"); return }
        project["background"] = .text(long)
        root["project"] = .map(project)
        document.root = .map(root)
        let printer = try Support.printer("application")
        let options = PrintOptions(copies: 1, draft: true) // the long text is over the form's budget (a warning)
        let (bytes, _) = try printer.render(document: document, options: options, format: .pdf)
        let path = try Support.temporary("long.pdf", bytes)
        let raw = Support.squeezed(try Subprocess.run("pdftotext", ["-raw", path, "-"]).stdout).replacingOccurrences(of: "草稿", with: "")
        // Page numbers (—4—) fall between the parts of the split row in reading order.
        let text = raw.replacingOccurrences(of: "—[0-9]+—", with: "", options: .regularExpression)
        #expect(text.contains(Support.squeezed(long)))
    }

    @Test func invalidDataIsRefusedBeforeRendering() throws {
        var document = try Support.document("templates/samples/application.yaml")
        guard case .map(var root) = document.root, case .map(var applicant)? = root["applicant"] else { Issue.record("shape"); return }
        applicant["credit_code"] = "91310115MA1H8R7C6D"
        root["applicant"] = .map(applicant)
        document.root = .map(root)
        let printer = try Support.printer("application")
        #expect {
            _ = try printer.render(document: document, options: PrintOptions(), format: .pdf)
        } throws: { error in
            guard let failure = error as? ShenbaoFailure else { return false }
            return failure.status == .invalidData && failure.diagnostics.contains { $0.id == "credit_code.checksum" }
        }
    }
}
