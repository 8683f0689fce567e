import Foundation
import ShenbaoCore
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

    public func writer(title: String, setup: PageSetup, copies: Int, options: PrintOptions) throws -> any PageWriter {
        try Writer(backend: self, title: title, setup: setup, copies: copies, options: options)
    }

    /// One pack's PDF: its pages painted as they come (`PaintedPack`), its sheets, form fields
    /// and signature written when the last is in.
    struct Writer: PageWriter {
        let document: PDFDocument
        let options: PrintOptions
        var painter: PDFPainter
        var fields: PackFieldWriter?
        var pack: PaintedPack

        init(backend: PDFBackend, title: String, setup: PageSetup, copies: Int, options: PrintOptions) throws {
            let document = PDFDocument(options: PDFDocument.Options(compressionLevel: options.compressionLevel, title: title))
            self.document = document
            self.options = options
            painter = PDFPainter(document: document, library: backend.library, fixed: backend.fixed)
            let seal = try options.seal.map { try document.addImage(data: $0.data, name: $0.name) }
            fields = PackFieldWriter(document: document)
            pack = PaintedPack(copies: copies, setup: setup, options: options, seal: seal, furniture: backend.furniture)
        }

        mutating func add(_ page: Page) throws { try pack.add(page, painter: &painter) }

        mutating func finish() throws -> Data {
            try pack.drawSheets(painter: &painter, fields: &fields)
            fields?.finish(record: options.record, modified: options.signature?.time ?? PDFBackend.epoch)
            if let request = options.signature { return try document.finish(signer: request.signer) }
            return try document.finish()
        }
    }

    /// `count` packs of `copies` copies in one PDF, in order, each starting on an odd page (a
    /// blank back ends a pack of an odd page count) so one duplex print job never puts two records
    /// on one sheet; fonts are embedded once for all (`batch --combined`). `pack(i, add)` lays out
    /// the i-th when its turn comes and hands `add` its pages as they fill, so no more than one
    /// page is held; the file goes to `sink` as it is written, the whole of it by the time this
    /// returns. A print job, not a file to endorse or sign: no form fields, no signature.
    public func renderCombined(count: Int, copies: Int, setup: PageSetup, options: PrintOptions, to sink: any ByteSink,
                               pack: (Int, (Page) throws -> Void) throws -> Void) throws {
        // Sent to the file as it is written: thousands of packs are tens of megabytes.
        let document = PDFDocument(options: PDFDocument.Options(compressionLevel: options.compressionLevel), sink: sink)
        var painter = PDFPainter(document: document, library: library, fixed: fixed)
        let seal = try options.seal.map { try document.addImage(data: $0.data, name: $0.name) }
        var unsigned = options
        unsigned.signature = nil
        var fields: PackFieldWriter?
        // A file that cannot be written (a full disk) stops the job at the next pack: closing it reports why.
        for i in 0..<count where !sink.hasFailed {
            if document.pageCount % 2 == 1 { document.addPage(width: setup.width, height: setup.height) }
            var painted = PaintedPack(copies: copies, setup: setup, options: unsigned, seal: seal, furniture: furniture)
            try pack(i) { page in try painted.add(page, painter: &painter) }
            try painted.drawSheets(painter: &painter, fields: &fields)
            // The pack's pages are done: written now, not held to the end with every other's.
            document.writePages()
        }
        sink.write(contentsOf: try document.finish())
    }

    /// A dateless pack's `/LastModified`: the same bytes for the same input.
    static let epoch = Date(timeIntervalSince1970: 0)
}
