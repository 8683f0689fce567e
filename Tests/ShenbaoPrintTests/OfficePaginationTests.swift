import Foundation
import ShenbaoTestSupport
import Testing
import ShenbaoCore
@testable import ShenbaoPrint

/// LibreOffice paginates the DOCX as the PDF is paginated: every built-in form, rendered from its
/// sample, opens in LibreOffice with the PDF's page count, each copy starting on the page the
/// PDF starts it on (blank backs included), and each page beginning with what the PDF's does.
///
/// One LibreOffice run converts all three forms (it takes seconds), with its own profile so it
/// neither waits for nor disturbs a LibreOffice the user has open, and with blank pages kept
/// (`IsSkipEmptyPages` false; LibreOffice's export would otherwise drop the blank backs an
/// odd-page section break inserts, which a printer prints).
@Suite struct OfficePaginationTests {
    struct Case: Sendable {
        var form: String
        var data: String
        var copies: Int?
        var sealed: Bool
    }

    /// The application as the notice asks for it (three copies, sealed); the opinion in three
    /// copies, so each one-page copy is followed by a blank back; the summary once.
    static let cases = [
        Case(form: "application", data: "templates/samples/application.yaml", copies: nil, sealed: true),
        Case(form: "opinion", data: "templates/samples/opinion.yaml", copies: 3, sealed: false),
        Case(form: "summary", data: "Tests/ShenbaoPrintTests/Fixtures/summary.yaml", copies: nil, sealed: false),
    ]

    /// The text of each page of `pdf`, whitespace removed (LibreOffice's text has spaces where it
    /// sets CJK and Latin apart).
    static func pageTexts(_ pdf: URL) throws -> [String] {
        let text = try Subprocess.run("pdftotext", ["-layout", pdf.path, "-"]).stdout
        return text.split(separator: "\u{0C}", omittingEmptySubsequences: false).dropLast().map { Support.squeezed(String($0)) }
    }

    static func pageCount(_ pdf: URL) throws -> Int? {
        let info = try Subprocess.run("pdfinfo", [pdf.path]).stdout
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    @Test(.requires(.soffice, .poppler, .uming, .dejaVu))
    func libreOfficeBreaksPagesWhereThePDFDoes() throws {
        let folder = try TestFolders.temporary("office")
        defer { try? FileManager.default.removeItem(at: folder) }
        var copies: [String: Int] = [:]
        for c in Self.cases {
            let printer = try Support.printer(c.form)
            let options = PrintOptions(copies: c.copies, seal: c.sealed ? SealImage(data: TestImages.sealPNG(), name: "seal.png") : nil)
            let document = try Support.document(c.data)
            for format in [OutputFormat.pdf, .docx] {
                let (bytes, issues) = try printer.render(document: document, options: options, format: format)
                #expect(issues.isEmpty, "\(c.form): \(issues.map(\.id))")
                try bytes.write(to: folder.appendingPathComponent("\(c.form).\(format.rawValue)"))
            }
            copies[c.form] = c.copies ?? printer.layout.copies
        }
        let office = folder.appendingPathComponent("office")
        let profile = folder.appendingPathComponent("profile")
        let convert = try Subprocess.run("soffice", [
            "-env:UserInstallation=\(profile.absoluteString)", "--headless",
            "--convert-to", #"pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}"#,
            "--outdir", office.path] + Self.cases.map { folder.appendingPathComponent("\($0.form).docx").path })
        try #require(convert.status == 0, "soffice: \(convert.stderr)")

        for c in Self.cases {
            let ours = folder.appendingPathComponent("\(c.form).pdf"), theirs = office.appendingPathComponent("\(c.form).pdf")
            // The PDF is the reference: the plan of its pages says where copies and blank backs are.
            let total = try #require(try Self.pageCount(ours))
            let plan = try #require((1...total).lazy.map { PackPlan(copies: copies[c.form]!, pagesPerCopy: $0) }
                .first { $0.sheets.count == total })
            #expect(try Self.pageCount(theirs) == total, "\(c.form): LibreOffice's page count")
            let pdfPages = try Self.pageTexts(ours), officePages = try Self.pageTexts(theirs)
            try #require(officePages.count == pdfPages.count, "\(c.form): \(officePages.count) pages of text")
            if plan.marksCopies {
                for (k, start) in plan.copyStarts.enumerated() {
                    #expect(officePages[start].hasPrefix("第\(k + 1)份共\(plan.copies)份"), "\(c.form): copy \(k + 1) starts on page \(start + 1)")
                }
            }
            for (i, sheet) in plan.sheets.enumerated() {
                guard case .page = sheet else {
                    #expect(officePages[i].isEmpty, "\(c.form): page \(i + 1) is a blank back")
                    continue
                }
                // The page's first text after the copy mark: the form's first line on that page.
                let head = Self.body(pdfPages[i], marked: plan.marksCopies).prefix(Self.headLength)
                #expect(Self.body(officePages[i], marked: plan.marksCopies).hasPrefix(head), "\(c.form): page \(i + 1) begins with \(head)")
            }
        }
    }

    /// How many characters of a page's first text the check compares.
    static let headLength = 6

    /// A page's text after its copy mark (第k份共N份), if it is `marked`.
    static func body(_ page: String, marked: Bool) -> Substring {
        guard marked, let first = page.firstIndex(of: "份"),
              let second = page[page.index(after: first)...].firstIndex(of: "份") else { return page[...] }
        return page[page.index(after: second)...]
    }
}
