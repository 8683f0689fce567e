import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoLayout
import ShenbaoPDF
import ShenbaoPDFWriter

/// A seal image given with `--seal`: PNG with transparency, or JPEG.
public struct SealImage: Sendable {
    public var data: Data
    /// The file, for messages.
    public var name: String
    public init(data: Data, name: String) { self.data = data; self.name = name }
}

/// How a print pack is made.
public struct PrintOptions: Sendable {
    /// Copies in the pack; nil takes the form's own number (application 3, others 1).
    public var copies: Int?
    public var seal: SealImage?
    /// Marks every page 草稿.
    public var draft: Bool
    /// zlib level for the PDF's streams (0 stores them, for goldens that diff as text). The font
    /// subset dominates both size and time, and level 1 (measured in bench/render) keeps a
    /// three-copy pack under 120 KB at a fraction of level 6's time.
    public var compressionLevel: Int32
    public init(copies: Int? = nil, seal: SealImage? = nil, draft: Bool = false, compressionLevel: Int32 = 1) {
        self.copies = copies; self.seal = seal; self.draft = draft; self.compressionLevel = compressionLevel
    }
}

/// Renders one form layout for any number of data records: load the layout and fonts once,
/// then `pdf(data:options:)` or `docx(data:options:)` per record (safe from many threads).
public struct FormPrinter: Sendable {
    public let layout: FormLayout
    public let library: FontLibrary
    let measurer: FontMeasurer

    /// Throws `font.missing` (exit 2) when the main font is not installed.
    public init(layout: FormLayout, library: FontLibrary) throws {
        self.layout = layout
        self.library = library
        measurer = try FontMeasurer(library: library)
    }

    /// The blocks of the form for `context` (see `FormContext.build`).
    public func blocks(context: Value) throws -> [Block] {
        try FormRenderer(layout: layout).blocks(data: context)
    }

    /// One copy of the form laid out, pages numbered.
    public func pages(context: Value) throws -> [Page] {
        let pages = Layout(measurer: measurer, setup: layout.page).pages(try blocks(context: context))
        return PageFurniture(measurer: measurer).numbered(pages)
    }

    /// The print pack as a PDF: `copies` complete copies, each starting on an odd page, each page
    /// marked 第k份 共N份. The pages of a copy are written once as form XObjects (ISO 32000-1
    /// §8.10) and drawn in every copy, so only the copy marks add bytes per copy.
    public func pdf(context: Value, options: PrintOptions = PrintOptions()) throws -> Data {
        let pages = try self.pages(context: context)
        let copies = max(1, options.copies ?? layout.copies)
        let document = PDFDocument(options: PDFDocument.Options(compressionLevel: options.compressionLevel, title: layout.title))
        var painter = PDFPainter(document: document, library: library)
        let seal = try options.seal.map { try document.addImage(data: $0.data, name: $0.name) }
        var forms: [PDFFormXObject] = []
        for page in pages {
            var content = ContentStream()
            try painter.paint(page, seal: seal, draft: options.draft, on: &content)
            forms.append(document.addFormXObject(bbox: PDFRect(x: 0, y: 0, width: page.setup.width, height: page.setup.height),
                                                 content: content))
        }
        let furniture = PageFurniture(measurer: measurer)
        for copy in 1...copies {
            for (i, page) in pages.enumerated() {
                let pdfPage = document.addPage(width: page.setup.width, height: page.setup.height)
                pdfPage.content.drawForm(forms[i])
                if copies > 1 {
                    try painter.draw(furniture.copyMark(copy: copy, of: copies, on: page.setup),
                                     pageHeight: page.setup.height, on: &pdfPage.content)
                }
            }
            // Duplex printing must never put the end of one copy and the start of the next on one sheet.
            if copy < copies, pages.count % 2 == 1, let last = pages.last {
                _ = document.addPage(width: last.setup.width, height: last.setup.height)
            }
        }
        return try document.finish()
    }
}
