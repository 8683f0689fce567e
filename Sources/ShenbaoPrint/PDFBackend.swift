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
        let document = PDFDocument(options: PDFDocument.Options(compressionLevel: options.compressionLevel, title: form.title))
        var painter = PDFPainter(document: document, library: library)
        let seal = try options.seal.map { try document.addImage(data: $0.data, name: $0.name) }
        var forms: [PDFFormXObject] = []
        for page in form.pages {
            var content = ContentStream()
            try painter.paint(page, seal: seal, draft: options.draft, on: &content)
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
                    try painter.draw(furniture.copyMark(copy: copy, of: plan.copies, on: page.setup),
                                     pageHeight: page.setup.height, on: &pdfPage.content)
                }
            case .blank:
                document.addPage(width: form.setup.width, height: form.setup.height)
            }
        }
        return try document.finish()
    }
}
