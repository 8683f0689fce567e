import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoFormLayout
import ShenbaoLayout
import ShenbaoPDF

/// A seal image given with `--seal`: PNG with transparency, or JPEG.
public struct SealImage: Sendable {
    public var data: Data
    /// The file, for messages.
    public var name: String
    public init(data: Data, name: String) { self.data = data; self.name = name }

    /// Seal images are small; anything past this is not one (hosts that receive the bytes check it too).
    public static let maxBytes = 16 << 20

    /// Reads the seal image at `path` (exit 2 when it is missing, a folder or too large).
    public init(path: String) throws {
        self.init(data: try InputFile.read(path, limit: Self.maxBytes, unreadable: .sealUnreadable,
                                           tooLarge: .sealUnreadable, limitText: "16 MB"), name: path)
    }
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
    /// Which record the pack is for, written into a PDF for its endorsement.
    public var record: PackRecord?
    /// A PDF signature over the form's own seal (the seal area the seal image goes to).
    public var signature: SignatureRequest?
    public init(copies: Int? = nil, seal: SealImage? = nil, draft: Bool = false, compressionLevel: Int32 = 1,
                record: PackRecord? = nil, signature: SignatureRequest? = nil) {
        self.copies = copies; self.seal = seal; self.draft = draft; self.compressionLevel = compressionLevel
        self.record = record; self.signature = signature
    }
}

/// Renders one form layout for any number of records: the layout and fonts are loaded once, then
/// each record is laid out once and its pages handed, as they fill, to the writer of every format
/// asked for (`render(context:formats:options:)`). Safe to use from many threads.
public struct FormPrinter: Sendable {
    public let layout: FormLayout
    public let library: FontLibrary
    let measurer: FontMeasurer
    /// `fixedGlyphs`, made when a PDF first asks for it: a DOCX, or a renderer that only
    /// validates, never lays the form out empty.
    private let fixedCache = Locked<FixedGlyphs??>(nil)

    /// Throws `font.missing` (exit 2) when the main font is not installed.
    public init(layout: FormLayout, library: FontLibrary) throws {
        self.layout = layout
        self.library = library
        measurer = try FontMeasurer(library: library)
    }

    /// The main face's glyphs of the form's own text, embedded in every PDF of it as one font
    /// made once (`FixedGlyphs`): what the form shows with no data at all (labels, captions, page
    /// numbers) and every copy mark. Nil when the form cannot be laid out empty.
    var fixedGlyphs: FixedGlyphs? {
        // Made under the lock: the first renders at once wait for one set instead of each making it.
        fixedCache.withLock { cached in
            if let cached { return cached }
            let made = makeFixedGlyphs()
            cached = .some(made)
            return made
        }
    }

    private func makeFixedGlyphs() -> FixedGlyphs? {
        // The main face is there: the measurer could not have been made without it.
        guard let face = try? library.mainFace(),
              let empty = try? pages(context: FormContext.build(data: .map(OrderedMap()), notice: .map(OrderedMap()))) else {
            return nil
        }
        var texts: [String] = []
        for page in empty {
            for item in page.items {
                switch item {
                case .text(let run): texts.append(run.text)
                case .seal(let area): texts.append(area.caption.text)
                default: break
                }
            }
        }
        let copies = self.copies(PrintOptions())
        let furniture = PageFurniture(measurer: measurer)
        texts += (1...copies).map { furniture.copyMark(copy: $0, of: copies, on: layout.page).text }
        return FixedGlyphs(face: face, texts: texts)
    }

    /// The blocks of the form for `context` (see `FormContext.build`).
    public func blocks(context: Value) throws -> [Block] {
        try FormRenderer(layout: layout).blocks(data: context)
    }

    /// One copy of the form laid out, pages numbered, all held (tests, benchmarks, the fixed glyphs).
    public func pages(context: Value) throws -> [Page] {
        var pages: [Page] = []
        try layOut(context: context) { pages.append($0) }
        return pages
    }

    /// Lays the form out for `context` and hands each page on, numbered, as soon as it is full.
    func layOut(context: Value, each page: (Page) throws -> Void) throws {
        let blocks = try self.blocks(context: context)
        let furniture = PageFurniture(measurer: measurer)
        var count = 0
        try Layout(measurer: measurer, setup: layout.page).pages(blocks) { (laid: Page) throws in
            var numbered = laid
            count += 1
            furniture.number(&numbered, count)
            try page(numbered)
        }
    }

    /// The copies a pack of this form holds: those asked for, else the form's own number.
    func copies(_ options: PrintOptions) -> Int { max(1, options.copies ?? layout.copies) }

    /// The backend that writes `format`.
    public func backend(for format: OutputFormat) -> any OutputBackend {
        switch format {
        case .pdf: PDFBackend(library: library, measurer: measurer, fixed: fixedGlyphs)
        case .docx: DOCXBackend(library: library, measurer: measurer)
        }
    }

    /// `count` packs of this form in one PDF written to `sink`, each starting on an odd page
    /// (`batch --combined`); `context` gives the i-th record's context when its turn comes
    /// (`PDFBackend.renderCombined`).
    public func combinedPDF(count: Int, options: PrintOptions, to sink: any ByteSink, context: (Int) throws -> Value) throws {
        try PDFBackend(library: library, measurer: measurer, fixed: fixedGlyphs)
            .renderCombined(count: count, copies: copies(options), setup: layout.page, options: options, to: sink) { i, add in
                try layOut(context: context(i), each: add)
            }
    }

    /// The print pack for `context` in each of `formats`, from one layout: each page goes to every
    /// format's writer as soon as the layout fills it, numbered, and is let go (a batch's PDF and
    /// DOCX of a record are laid out once; a 推荐汇总表 of thousands of rows is never held whole).
    public func render(context: Value, formats: [OutputFormat], options: PrintOptions = PrintOptions()) throws -> [Data] {
        var writers = try formats.map {
            try backend(for: $0).writer(title: layout.title, setup: layout.page, copies: copies(options), options: options)
        }
        try layOut(context: context) { page in
            for i in writers.indices { try writers[i].add(page) }
        }
        return try writers.indices.map { try writers[$0].finish() }
    }

    /// The print pack for `context` in `format`.
    public func render(context: Value, format: OutputFormat, options: PrintOptions = PrintOptions()) throws -> Data {
        try render(context: context, formats: [format], options: options)[0]
    }

    /// The print pack as a PDF: `copies` complete copies, each starting on an odd page, each page
    /// marked 第k份 共N份.
    public func pdf(context: Value, options: PrintOptions = PrintOptions()) throws -> Data {
        try render(context: context, format: .pdf, options: options)
    }

    /// The print pack as a Word document made from the same blocks as the PDF.
    public func docx(context: Value, options: PrintOptions = PrintOptions()) throws -> Data {
        try render(context: context, format: .docx, options: options)
    }
}
