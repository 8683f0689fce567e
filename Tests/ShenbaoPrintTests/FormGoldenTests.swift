import Foundation
import ShenbaoTestSupport
import Testing
import ShenbaoCore
@testable import ShenbaoPrint

/// Every built-in form rendered from its sample data, whole, and compared with a golden text in
/// Snapshots/ (`<form>.pdf.txt`, `<form>.docx.txt`): any change to what a clerk would print, in
/// layout, text, fonts or file structure, fails here with the first differing lines.
///
/// The PDF is written with its streams stored (`compressionLevel: 0`), so content streams read as
/// text; font programs and images are a size and a hash (`GoldenText.pdf`). The DOCX is compared
/// part by part as canonical XML (`GoldenText.docx`). The application carries a seal, so image
/// placement and the seal's files are covered too. Rerun with `SHENBAO_RECORD_SNAPSHOTS=1` to
/// accept an intended change, then review the goldens' diff.
@Suite struct FormGoldenTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var form: String
        var data: String
        var sealed: Bool
        var testDescription: String { form }
    }

    static let samples = [
        Sample(form: "application", data: "templates/samples/application.yaml", sealed: true),
        Sample(form: "opinion", data: "templates/samples/opinion.yaml", sealed: false),
        Sample(form: "summary", data: "Tests/ShenbaoPrintTests/Fixtures/summary.yaml", sealed: false),
    ]

    /// The form's own number of copies, no draft mark, streams stored.
    static func options(_ sample: Sample) -> PrintOptions {
        PrintOptions(copies: nil, seal: sample.sealed ? SealImage(data: TestImages.sealPNG(), name: "seal.png") : nil,
                     draft: false, compressionLevel: 0)
    }

    static func render(_ sample: Sample, _ format: OutputFormat) throws -> Data {
        let printer = try Support.printer(sample.form)
        let (bytes, issues) = try printer.render(document: try Support.document(sample.data), options: options(sample), format: format)
        #expect(issues.isEmpty, "the sample data should be clean: \(issues.map(\.id))")
        return bytes
    }

    @Test(arguments: samples)
    func pdfMatchesItsGolden(_ sample: Sample) throws {
        let text = GoldenText.pdf(try Self.render(sample, .pdf))
        // The golden must hold the pages as text, not only hashes.
        #expect(text.contains("/Type /Page ") && text.contains(" Tf"), "no readable content stream")
        assertSnapshot(text, named: "\(sample.form).pdf")
    }

    @Test(arguments: samples)
    func docxMatchesItsGolden(_ sample: Sample) throws {
        let text = try GoldenText.docx(try Self.render(sample, .docx))
        #expect(text.contains("=== word/document.xml ===\n"))
        assertSnapshot(text, named: "\(sample.form).docx")
    }

    /// A golden is only worth comparing with if the render does not change from one run to the next.
    @Test(arguments: [OutputFormat.pdf, .docx])
    func renderingTwiceGivesTheSameBytes(_ format: OutputFormat) throws {
        for sample in Self.samples {
            #expect(try Self.render(sample, format) == (try Self.render(sample, format)), "\(sample.form).\(format)")
        }
    }
}
