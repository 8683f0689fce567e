import Foundation
import ShenbaoFonts
import ShenbaoLayout
import ShenbaoPDF
import ShenbaoPDFWriter

/// Writes a print pack as PDF: each laid-out page painted once as a form XObject (ISO 32000-1
/// §8.10) and drawn on every sheet that shows it, so copies 2 and 3 add only their copy marks.
/// The pack carries the form fields its endorsement fills (`PackFieldWriter`) and, when asked,
/// the signer's visible signature over the first copy's seal.
public struct PDFBackend: OutputBackend {
    public let library: FontLibrary
    let furniture: PageFurniture
    /// The form's own glyphs (`FormPrinter.fixedGlyphs`).
    let fixed: FixedGlyphs?

    public init(library: FontLibrary, measurer: any TextMeasurer, fixed: FixedGlyphs? = nil) {
        self.library = library
        furniture = PageFurniture(measurer: measurer)
        self.fixed = fixed
    }

    public var format: OutputFormat { .pdf }

    public func render(_ form: LaidOutForm, plan: PackPlan, options: PrintOptions) throws -> Data {
        let document = PDFDocument(options: PDFDocument.Options(compressionLevel: options.compressionLevel, title: form.title))
        var painter = PDFPainter(document: document, library: library, fixed: fixed)
        let seal = try options.seal.map { try document.addImage(data: $0.data, name: $0.name) }
        var fields: PackFieldWriter? = PackFieldWriter(document: document)
        try paint(form, plan: plan, options: options, seal: seal, painter: &painter, fields: &fields)
        fields?.finish(record: options.record, modified: options.signature?.time ?? Self.epoch)
        if let request = options.signature { return try document.finish(signer: request.signer) }
        return try document.finish()
    }

    /// `count` packs in one PDF, in order, each starting on an odd page (a blank back ends a pack
    /// of an odd page count) so one duplex print job never puts two records on one sheet; fonts
    /// are embedded once for all (`batch --combined`). `pack` lays out the i-th when its turn
    /// comes, so no more than one layout is held. A print job, not a file to endorse or sign: no
    /// form fields, no signature.
    public func renderCombined(count: Int, options: PrintOptions,
                               pack: (Int) throws -> (form: LaidOutForm, plan: PackPlan)) throws -> Data {
        let document = PDFDocument(options: PDFDocument.Options(compressionLevel: options.compressionLevel))
        var painter = PDFPainter(document: document, library: library, fixed: fixed)
        let seal = try options.seal.map { try document.addImage(data: $0.data, name: $0.name) }
        var unsigned = options
        unsigned.signature = nil
        var fields: PackFieldWriter?
        for i in 0..<count {
            let (form, plan) = try pack(i)
            if document.pageCount % 2 == 1 { document.addPage(width: form.setup.width, height: form.setup.height) }
            try paint(form, plan: plan, options: unsigned, seal: seal, painter: &painter, fields: &fields)
        }
        return try document.finish()
    }

    /// Paints `form`'s sheets as `plan` orders them into the painter's document, with the form
    /// fields of each page when there is a field writer, and the signature's widget when asked.
    private func paint(_ form: LaidOutForm, plan: PackPlan, options: PrintOptions, seal: PDFImage?,
                       painter: inout PDFPainter, fields: inout PackFieldWriter?) throws {
        let document = painter.document
        let signed = options.signature == nil ? nil : Self.signedSeal(in: form)
        var forms: [PDFFormXObject] = []
        for page in form.pages {
            forms.append(try paintedForm(page, painter: &painter, seal: seal, draft: options.draft, omitting: nil))
        }
        // The first copy's signed page shows the seal through the signature's appearance only.
        var signedPage: PDFFormXObject?
        var signature: (region: String, value: PDFRef, appearance: PDFFormXObject)?
        if let request = options.signature, let signed {
            let page = form.pages[signed.page]
            signedPage = try paintedForm(page, painter: &painter, seal: seal, draft: options.draft, omitting: signed.area.region)
            let value = document.addSignature(request.dictionary, reserving: request.signer.maximumSize)
            signature = (signed.area.region ?? "", value, sealAppearance(signed.area, seal: seal, document: document, painter: painter))
        }
        for sheet in plan.sheets {
            switch sheet {
            case .page(let copy, let index):
                let page = form.pages[index]
                let pdfPage = document.addPage(width: page.setup.width, height: page.setup.height)
                let firstSigned = copy == 1 && index == signed?.page
                pdfPage.content.drawForm(firstSigned ? signedPage ?? forms[index] : forms[index])
                if plan.marksCopies {
                    try painter.draw(furniture.copyMark(copy: copy, of: plan.copies, on: page.setup),
                                     pageHeight: page.setup.height, on: &pdfPage.content)
                }
                fields?.addFields(for: page, copy: copy, on: pdfPage, signature: firstSigned ? signature : nil)
            case .blank:
                document.addPage(width: form.setup.width, height: form.setup.height)
            }
        }
    }

    /// A dateless pack's `/LastModified`: the same bytes for the same input.
    static let epoch = Date(timeIntervalSince1970: 0)

    private func paintedForm(_ page: Page, painter: inout PDFPainter, seal: PDFImage?, draft: Bool,
                             omitting region: String?) throws -> PDFFormXObject {
        var content = ContentStream()
        try painter.paint(page, seal: seal, draft: draft, omittingSealIn: region, on: &content)
        return painter.document.addFormXObject(bbox: PDFRect(x: 0, y: 0, width: page.setup.width, height: page.setup.height),
                                               content: content)
    }

    /// The seal area the signature sits over: the first named one that takes the seal image
    /// (the applicant's on the application, the department's on the opinion sheet).
    static func signedSeal(in form: LaidOutForm) -> (page: Int, area: SealArea)? {
        for (index, page) in form.pages.enumerated() {
            for case .seal(let area) in page.items where area.takesImage && area.region != nil {
                return (index, area)
            }
        }
        return nil
    }

    /// The signature widget's appearance: the seal image filling the seal's square, or nothing
    /// over the printed （盖章） caption when no image was given.
    private func sealAppearance(_ area: SealArea, seal: PDFImage?, document: PDFDocument, painter: PDFPainter) -> PDFFormXObject {
        var content = ContentStream()
        let d = area.diameter
        if let seal { painter.drawSeal(seal, centerX: d / 2, centerY: d / 2, diameter: d, on: &content) }
        return document.addFormXObject(bbox: PDFRect(x: 0, y: 0, width: d, height: d), content: content)
    }
}
