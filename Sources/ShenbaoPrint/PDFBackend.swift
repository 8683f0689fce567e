import Foundation
import ShenbaoFonts
import ShenbaoLayout
import ShenbaoPDF
import ShenbaoPDFWriter

/// Writes a print pack as PDF: each laid-out page painted once as a form XObject (ISO 32000-1
/// §8.10) and drawn on every sheet that shows it, so copies 2 and 3 add only their copy marks.
public struct PDFBackend: OutputBackend {
    public let library: FontLibrary
    let furniture: PageFurniture

    public init(library: FontLibrary, measurer: any TextMeasurer) {
        self.library = library
        furniture = PageFurniture(measurer: measurer)
    }

    public var format: OutputFormat { .pdf }

    public func render(_ form: LaidOutForm, plan: PackPlan, options: PrintOptions) throws -> Data {
        var writer = try PDFPackWriter(backend: self, options: options, title: form.title)
        try writer.append(form, plan: plan)
        return try writer.finish()
    }
}

/// Paints packs into one PDF, one after another, each starting on an odd page (a blank back ends
/// a pack of an odd page count) so one duplex print job never puts two records on one sheet;
/// fonts and the seal are embedded once for all. One pack is a print pack; many are
/// `batch --combined`'s `all.pdf`, appended as they are laid out so no more than one is held.
public struct PDFPackWriter {
    let backend: PDFBackend
    let document: PDFDocument
    var painter: PDFPainter
    let seal: PDFImage?
    let draft: Bool

    public init(backend: PDFBackend, options: PrintOptions, title: String?) throws {
        self.backend = backend
        let document = PDFDocument(options: PDFDocument.Options(compressionLevel: options.compressionLevel, title: title))
        self.document = document
        painter = PDFPainter(document: document, library: backend.library)
        seal = try options.seal.map { try document.addImage(data: $0.data, name: $0.name) }
        draft = options.draft
    }

    /// Appends `form` as `plan` arranges it, starting on the next odd page.
    public mutating func append(_ form: LaidOutForm, plan: PackPlan) throws {
        if document.pageCount % 2 == 1 { document.addPage(width: form.setup.width, height: form.setup.height) }
        var forms: [PDFFormXObject] = []
        for page in form.pages {
            var content = ContentStream()
            try painter.paint(page, seal: seal, draft: draft, on: &content)
            forms.append(document.addFormXObject(bbox: PDFRect(x: 0, y: 0, width: page.setup.width, height: page.setup.height),
                                                 content: content))
        }
        for sheet in plan.sheets {
            switch sheet {
            case .page(let copy, let index):
                let page = form.pages[index]
                let pdfPage = document.addPage(width: page.setup.width, height: page.setup.height)
                pdfPage.content.drawForm(forms[index])
                if plan.marksCopies {
                    try painter.draw(backend.furniture.copyMark(copy: copy, of: plan.copies, on: page.setup),
                                     pageHeight: page.setup.height, on: &pdfPage.content)
                }
            case .blank:
                document.addPage(width: form.setup.width, height: form.setup.height)
            }
        }
    }

    /// The PDF's bytes.
    public func finish() throws -> Data { try document.finish() }
}
