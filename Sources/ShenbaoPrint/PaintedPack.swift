import ShenbaoLayout
import ShenbaoPDF
import ShenbaoPDFWriter

/// One pack's pages in a PDF: each page is painted once as a form XObject (ISO 32000-1 §8.10)
/// when the layout hands it on, and only what its sheets need is kept (the XObject, the page's
/// size and named regions); once all are in, `drawSheets` draws them on every sheet of every copy
/// as `PackPlan` orders them. A page is never held after it is painted, save the one a signature
/// sits on, which is painted again without its seal.
struct PaintedPack {
    let copies: Int
    /// The sheets' size, for blank backs.
    let setup: PageSetup
    /// The draft mark and the signature asked for.
    let options: PrintOptions
    let seal: PDFImage?
    let furniture: PageFurniture

    /// What a painted page's sheets need of it.
    struct PaintedPage {
        var form: PDFFormXObject
        var setup: PageSetup
        /// Where its form fields go (`PackFieldWriter`).
        var regions: [NamedRegion]
    }
    private var pages: [PaintedPage] = []
    /// The seal area the signature sits over, and the page showing it, kept whole to paint again.
    private var signed: (index: Int, area: SealArea, page: Page)?

    init(copies: Int, setup: PageSetup, options: PrintOptions, seal: PDFImage?, furniture: PageFurniture) {
        self.copies = copies
        self.setup = setup; self.options = options; self.seal = seal; self.furniture = furniture
    }

    /// Paints one copy's next page.
    mutating func add(_ page: Page, painter: inout PDFPainter) throws {
        pages.append(PaintedPage(form: try paintedForm(page, painter: &painter, omitting: nil), setup: page.setup,
                                 regions: page.regions))
        if options.signature != nil, signed == nil, let area = Self.signedSeal(on: page) {
            signed = (pages.count - 1, area, page)
        }
    }

    /// Draws the pack's sheets as `PackPlan` orders them, with the form fields of each page when
    /// there is a field writer, and the signature's widget when asked.
    func drawSheets(painter: inout PDFPainter, fields: inout PackFieldWriter?) throws {
        let document = painter.document
        let plan = PackPlan(copies: copies, pagesPerCopy: pages.count)
        // The first copy's signed page shows the seal through the signature's appearance only.
        var signedPage: PDFFormXObject?
        var signature: (region: String, value: PDFRef, appearance: PDFFormXObject)?
        if let request = options.signature, let signed {
            signedPage = try paintedForm(signed.page, painter: &painter, omitting: signed.area.region)
            let value = document.addSignature(request.dictionary, reserving: request.signer.maximumSize)
            signature = (signed.area.region ?? "", value, sealAppearance(signed.area, document: document, painter: painter))
        }
        for sheet in plan.sheets {
            switch sheet {
            case .page(let copy, let index):
                let page = pages[index]
                let pdfPage = document.addPage(width: page.setup.width, height: page.setup.height)
                let firstSigned = copy == 1 && index == signed?.index
                pdfPage.content.drawForm(firstSigned ? signedPage ?? page.form : page.form)
                if plan.marksCopies {
                    try painter.draw(furniture.copyMark(copy: copy, of: plan.copies, on: page.setup),
                                     pageHeight: page.setup.height, on: &pdfPage.content)
                }
                fields?.addFields(page.regions, pageHeight: page.setup.height, copy: copy, on: pdfPage,
                                  signature: firstSigned ? signature : nil)
            case .blank:
                document.addPage(width: setup.width, height: setup.height)
            }
        }
    }

    private func paintedForm(_ page: Page, painter: inout PDFPainter, omitting region: String?) throws -> PDFFormXObject {
        var content = ContentStream()
        try painter.paint(page, seal: seal, draft: options.draft, omittingSealIn: region, on: &content)
        return painter.document.addFormXObject(bbox: PDFRect(x: 0, y: 0, width: page.setup.width, height: page.setup.height),
                                               content: content)
    }

    /// The seal area a signature sits over: the first named one that takes the seal image (the
    /// applicant's on the application, the department's on the opinion sheet).
    static func signedSeal(on page: Page) -> SealArea? {
        for case .seal(let area) in page.items where area.takesImage && area.region != nil { return area }
        return nil
    }

    /// The signature widget's appearance: the seal image filling the seal's square, or nothing
    /// over the printed （盖章） caption when no image was given.
    private func sealAppearance(_ area: SealArea, document: PDFDocument, painter: PDFPainter) -> PDFFormXObject {
        var content = ContentStream()
        let d = area.diameter
        if let seal { painter.drawSeal(seal, centerX: d / 2, centerY: d / 2, diameter: d, on: &content) }
        return document.addFormXObject(bbox: PDFRect(x: 0, y: 0, width: d, height: d), content: content)
    }
}
