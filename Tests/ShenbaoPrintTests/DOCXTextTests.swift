import Foundation
import ShenbaoTestSupport
import Testing
import ShenbaoCore
@testable import ShenbaoPrint

/// The DOCX read back with python-docx, a reader nobody here wrote: every value of the sample
/// that the PDF prints is in its text, however the pages cut paragraphs and tables.
@Suite struct DOCXTextTests {
    @Test(.requires(.pythonDocx, .poppler, .uming), arguments: FormGoldenTests.samples)
    func everySampleValueIsInTheText(_ sample: FormGoldenTests.Sample) throws {
        let text = try Self.text(of: try FormGoldenTests.render(sample, .docx))
        let pdf = try Support.temporary("\(sample.form).pdf", try FormGoldenTests.render(sample, .pdf))
        let printed = Support.squeezed(try Subprocess.run("pdftotext", ["-raw", pdf, "-"]).stdout)
        let values = Support.printedValues(try Support.document(sample.data).root).filter { printed.contains(Support.squeezed($0)) }
        #expect(values.count >= Self.leastValues, "\(sample.form): the PDF prints only \(values)")
        for value in values {
            #expect(text.contains(Support.squeezed(value)), "\(sample.form): missing \(value)")
        }
    }

    /// A text of three thousand characters flows over three pages, cut into a row part per page:
    /// read back, the parts join up to the whole text.
    @Test(.requires(.pythonDocx, .uming)) func aLongTextCutOverPagesIsWhole() throws {
        var document = try Support.document("templates/samples/application.yaml")
        let long = String(repeating: "社区嵌入式养老需求增长快，服务内容和质量评价缺少统一标准；", count: 107)
        guard case .map(var root) = document.root, case .map(var project)? = root["project"] else { Issue.record("shape"); return }
        project["background"] = .text(long)
        root["project"] = .map(project)
        document.root = .map(root)
        // The long text is over the form's budget (a warning), so the pack is a draft.
        let (bytes, _) = try Support.printer("application").render(document: document, options: PrintOptions(copies: 1, draft: true),
                                                                   format: .docx)
        #expect(try Self.text(of: bytes).contains(Support.squeezed(long)))
    }

    /// The text of a DOCX as python-docx reads it, body paragraphs then table cells, whitespace removed.
    static func text(of docx: Data) throws -> String {
        let path = try Support.temporary("read.docx", docx)
        let read = try Subprocess.python("""
        import docx, sys
        d = docx.Document(sys.argv[1])
        def cells(tables):
            for t in tables:
                for r in t.rows:
                    for c in r.cells:
                        yield c.text
                        yield from cells(c.tables)
        print(''.join(p.text for p in d.paragraphs) + ''.join(cells(d.tables)))
        """, [path])
        try #require(read.status == 0, "\(read.stderr)")
        return Support.squeezed(read.stdout)
    }

    /// Each sample fills in at least this many values (the summary's header and three records).
    static let leastValues = 10
}
