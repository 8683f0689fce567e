import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoPDFWriter

/// Builds a whole PDF: pages, embedded subset fonts, images and reusable forms, then `finish()`.
///
/// ```swift
/// let face = try FontLibrary.standard().mainFace()     // AR PL UMing CN, shared by all jobs
/// let doc = PDFDocument(options: .init(title: "上海市市级标准化试点项目申请表"))
/// let font = doc.embed(face)
/// let page = doc.addPage(.a4)                           // points, origin bottom-left
/// page.content.text("申请单位", font: font, size: 12, x: 72, y: 760, style: .bold)
/// page.content.setLineWidth(0.5); page.content.rect(70, 700, 455, 80); page.content.stroke()
/// let seal = try doc.addImage(data: pngData, name: "seal.png")
/// page.content.drawImage(seal, x: 400, y: 100, width: 120, height: 120)
/// try AtomicFile.write(doc.finish(), to: "out.pdf")    // fonts are subset here
/// ```
///
/// Use it from one thread (it is a mutable builder); many documents may be built in parallel,
/// sharing `FontFace`s. Output is deterministic: the same calls give the same bytes
/// (no creation date unless `Options.creationDate` is set; `/ID` is a hash of the content).
public final class PDFDocument {
    /// Choices that change the bytes written.
    public struct Options: Sendable {
        /// zlib level for streams (0 stores, 1 fastest, 6 default, 9 smallest).
        public var compressionLevel: Int32
        /// `/Info /Title`.
        public var title: String?
        /// `/Info /Producer`.
        public var producer: String
        /// `/Info /CreationDate` and `/ModDate`; nil leaves them out, for byte-stable output.
        public var creationDate: Date?
        /// The catalog's `/Lang` (§14.9.2), used by screen readers and text extraction.
        public var language: String

        /// Defaults: zlib-format level 6, no title, producer "Shenbao", no dates, `zh-CN`.
        public init(compressionLevel: Int32 = 6, title: String? = nil, producer: String = "Shenbao",
                    creationDate: Date? = nil, language: String = "zh-CN") {
            self.compressionLevel = compressionLevel
            self.title = title
            self.producer = producer
            self.creationDate = creationDate
            self.language = language
        }
    }

    /// The options the document was made with.
    public let options: Options
    /// The object writer, exposed for extensions (an AcroForm, a signature dictionary) that add objects.
    public private(set) var writer = PDFWriter()
    /// Extra catalog entries (`/AcroForm`, `/Outlines` …) written by `finish()`.
    public var catalogEntries = PDFDictionary()
    private let mode: Mode
    /// Pages added and not yet written (`writePages()`), and those written, in page order.
    private var pages: [PDFPage] = []
    private var writtenPages: [PDFRef] = []
    private var fonts: [PDFFont] = []
    private var imageCount = 0
    private var imagesByData: [Data: PDFImage] = [:]
    private var formCount = 0
    private var finished: [UInt8]?
    private var signatureSlot: SignatureSlot?

    /// A new file, or an update appended to one (ISO 32000-1 §7.5.6).
    private enum Mode {
        case document(catalog: PDFRef, pages: PDFRef)
        case update(PDFUpdateBase)
    }

    /// An empty document; objects 1 and 2 are the catalog and the page tree. With `sink`, the
    /// file goes to it as it is written (`PDFWriter(sink:)`) and `finish()` returns the rest.
    public init(options: Options = Options(), sink: (any ByteSink)? = nil) {
        self.options = options
        writer = PDFWriter(sink: sink)
        let catalog = writer.allocate(), pages = writer.allocate()
        mode = .document(catalog: catalog, pages: pages)
    }

    /// An incremental update of an existing file: fonts, images, forms and objects added (or
    /// written again with `replace`) are appended after `base.bytes`, which stay a prefix of the
    /// result, so signatures over them stay valid. Pages cannot be added to an update.
    public init(updating base: PDFUpdateBase, options: Options = Options()) {
        self.options = options
        writer = PDFWriter(appendingTo: base.bytes, size: base.size)
        mode = .update(base)
    }

    /// The font for `face` in this document (one per face: embedding the same face twice returns it again).
    public func embed(_ face: FontFace) -> PDFFont {
        embed(face, numbering: nil)
    }

    /// `embed`, choosing how a TrueType face's CIDs are numbered (nil: by use); for tests of the
    /// glyph-id path, which TrueType faces share with name-keyed CFF ones.
    func embed(_ face: FontFace, numbering: GlyphUsage.Numbering?) -> PDFFont {
        if let font = fonts.first(where: { $0.face === face && $0.fixed == nil }) { return font }
        let font = PDFFont(face: face, resourceName: "F\(fonts.count + 1)", ref: writer.allocate(), numbering: numbering)
        fonts.append(font)
        return font
    }

    /// The font of `fixed`'s glyphs in this document, beside the face's own (`embed(_:)`), which
    /// shows whatever `fixed` lacks.
    public func embed(_ fixed: FixedGlyphs) -> PDFFont {
        if let font = fonts.first(where: { $0.fixed === fixed }) { return font }
        let font = PDFFont(fixed: fixed, resourceName: "F\(fonts.count + 1)", ref: writer.allocate())
        fonts.append(font)
        return font
    }

    /// Adds a page at the end of a new document. Draw on it through `page.content`.
    @discardableResult
    public func addPage(width: Double, height: Double) -> PDFPage {
        let page = PDFPage(width: width, height: height, ref: writer.allocate())
        pages.append(page)
        return page
    }

    /// Adds a page of a standard size (`.a4`, `.a4Landscape`).
    @discardableResult
    public func addPage(_ size: PageSize = .a4) -> PDFPage {
        addPage(width: size.width, height: size.height)
    }

    /// The number of pages so far.
    public var pageCount: Int { writtenPages.count + pages.count }

    /// Writes the pages added so far and lets them go, keeping only their references for the page
    /// tree: for a file of thousands of pages (a batch's `all.pdf`, sent to a sink as it is
    /// written), which would otherwise hold every page's content until `finish()`. The pages must
    /// be drawn in full: nothing may be added to them after.
    public func writePages() {
        guard case .document(_, let pagesRef) = mode else { return }
        for page in pages { write(page, parent: pagesRef) }
        writtenPages += pages.map(\.ref)
        pages = []
    }

    private func write(_ page: PDFPage, parent: PDFRef) {
        let contentRef = writer.allocate()
        writer.writeStream(contentRef, [:], data: page.content.bytes, compression: options.compressionLevel)
        var dict: PDFDictionary = [
            "Type": .name("Page"), "Parent": .ref(parent),
            "MediaBox": .array([.integer(0), .integer(0), .real(page.width), .real(page.height)]),
            "Resources": .dictionary(page.content.resources()),
            "Contents": .ref(contentRef),
        ]
        if !page.annotations.isEmpty { dict["Annots"] = .array(page.annotations.map { .ref($0) }) }
        writer.write(page.ref, .dictionary(dict))
    }

    /// Writes a reusable form XObject from `content` (which may use fonts and images); draw it
    /// with `ContentStream.drawForm`. Its bytes are stored once however often it is drawn.
    public func addFormXObject(bbox: PDFRect, content: ContentStream) -> PDFFormXObject {
        formCount += 1
        let form = PDFFormXObject(ref: writer.allocate(), resourceName: "Fm\(formCount)", bbox: bbox)
        writer.writeStream(form.ref, [
            "Type": .name("XObject"), "Subtype": .name("Form"),
            "BBox": .array([.real(bbox.x), .real(bbox.y), .real(bbox.x + bbox.width), .real(bbox.y + bbox.height)]),
            "Resources": .dictionary(content.resources()),
        ], data: content.bytes, compression: options.compressionLevel)
        return form
    }

    /// Adds a JPEG (passed through as `/DCTDecode`) or PNG (decoded; alpha becomes an `/SMask`).
    ///
    /// Throws `image.unsupported` / `image.malformed` (exit 2); `name` is the file for messages.
    /// The same bytes added twice give the same image object (a seal or logo on every page is stored once).
    public func addImage(data: Data, name: String? = nil) throws -> PDFImage {
        if let known = imagesByData[data] { return known }
        let image = try writeImage(data: data, name: name)
        imagesByData[data] = image
        return image
    }

    private func writeImage(data: Data, name: String?) throws -> PDFImage {
        let bytes = [UInt8](data)
        imageCount += 1
        let resourceName = "Im\(imageCount)"
        let format = ImageFormat.sniff(bytes)
        if format == .jpeg {
            let info = try JPEGInfo(bytes, name: name)
            let ref = writer.allocate()
            var dict: PDFDictionary = [
                "Type": .name("XObject"), "Subtype": .name("Image"),
                "Width": .integer(info.width), "Height": .integer(info.height),
                "ColorSpace": .name(info.components == 1 ? "DeviceGray" : info.components == 3 ? "DeviceRGB" : "DeviceCMYK"),
                "BitsPerComponent": .integer(info.bitsPerComponent), "Filter": .name("DCTDecode"),
            ]
            if info.components == 4 && info.adobeInverted {
                dict["Decode"] = .array([1, 0, 1, 0, 1, 0, 1, 0].map { .integer($0) })
            }
            writer.writeStream(ref, dict, data: bytes)
            return PDFImage(ref: ref, resourceName: resourceName, pixelWidth: info.width, pixelHeight: info.height, hasAlpha: false)
        }
        if format == .png {
            let png = try PNGImage(bytes, name: name)
            let ref = writer.allocate()
            var dict: PDFDictionary = [
                "Type": .name("XObject"), "Subtype": .name("Image"),
                "Width": .integer(png.width), "Height": .integer(png.height),
                "ColorSpace": .name(png.colorComponents == 1 ? "DeviceGray" : "DeviceRGB"),
                "BitsPerComponent": .integer(8),
            ]
            if let alpha = png.alpha {
                let maskRef = writer.allocate()
                writer.writeStream(maskRef, [
                    "Type": .name("XObject"), "Subtype": .name("Image"),
                    "Width": .integer(png.width), "Height": .integer(png.height),
                    "ColorSpace": .name("DeviceGray"), "BitsPerComponent": .integer(8),
                ], data: alpha, compression: options.compressionLevel)
                dict["SMask"] = .ref(maskRef)
            }
            writer.writeStream(ref, dict, data: png.color, compression: options.compressionLevel)
            return PDFImage(ref: ref, resourceName: resourceName, pixelWidth: png.width, pixelHeight: png.height,
                            hasAlpha: png.alpha != nil)
        }
        throw ShenbaoFailure.unusable(.imageUnsupported, file: name,
            zh: "不支持的图片格式：只能使用 JPEG 或 PNG。", en: "unsupported image format: use JPEG or PNG.")
    }

    /// Adds an indirect object now and returns its reference (for extensions: annotations, AcroForm fields).
    public func addObject(_ object: PDFObject) -> PDFRef {
        let ref = writer.allocate()
        writer.write(ref, object)
        return ref
    }

    /// Writes `object` again under the number of an object of the file being updated (a form
    /// field given its value); the update's cross-reference section points at the new copy.
    public func replace(_ ref: PDFRef, with object: PDFObject) {
        writer.write(ref, object)
    }

    /// Writes a signature dictionary (§12.8.1) with placeholders for `/ByteRange` and
    /// `/Contents`, which `finish(signer:)` fills; `capacity` is the most DER bytes the signature
    /// may take (the signer's `maximumSize`).
    public func addSignature(_ dictionary: PDFDictionary, reserving capacity: Int) -> PDFRef {
        let ref = writer.allocate()
        signatureSlot = writer.writeSignature(ref, dictionary, contentsCapacity: capacity)
        return ref
    }

    /// `finish()`, then the signature added with `addSignature` made over the finished file.
    public func finish(signer: some DetachedSigner) throws -> Data {
        var bytes = [UInt8](try finish())
        if let signatureSlot { try signatureSlot.sign(&bytes, with: signer) }
        finished = bytes
        return Data(bytes)
    }

    /// Writes pages, fonts (subset to the glyphs used), the catalog and the trailer (for an
    /// update: the new objects and an xref section with `/Prev`); returns the file, or with a
    /// sink what was not sent to it.
    ///
    /// Throws only if a font cannot be subset. Calling it again returns the same bytes.
    public func finish() throws -> Data {
        if let finished { return Data(finished) }
        let level = options.compressionLevel
        let bytes: [UInt8]
        switch mode {
        case .document(let catalog, let pages): bytes = try finishDocument(catalog: catalog, pages: pages, level: level)
        case .update(let base):
            try writeFonts(level)
            bytes = writer.finishUpdate(previousXref: base.startXref, root: base.root, info: base.info, id: base.id)
        }
        finished = bytes
        return Data(bytes)
    }

    /// Each font used, subset to the glyphs it shows.
    private func writeFonts(_ level: Int32) throws {
        for font in fonts where !font.usedGlyphs.isEmpty { try font.write(into: &writer, compression: level) }
    }

    private func finishDocument(catalog catalogRef: PDFRef, pages pagesRef: PDFRef, level: Int32) throws -> [UInt8] {
        writePages()
        writer.write(pagesRef, .dictionary([
            "Type": .name("Pages"), "Kids": .array(writtenPages.map { .ref($0) }), "Count": .integer(writtenPages.count),
        ]))
        try writeFonts(level)
        var catalog: PDFDictionary = ["Type": .name("Catalog"), "Pages": .ref(pagesRef), "Lang": .text(options.language)]
        for (key, value) in catalogEntries.pairs { catalog[key] = value }
        writer.write(catalogRef, .dictionary(catalog))
        var info: PDFDictionary = [:]
        if let title = options.title { info["Title"] = .text(title) }
        info["Producer"] = .text(options.producer)
        if let date = options.creationDate {
            info["CreationDate"] = .date(date)
            info["ModDate"] = .date(date)
        }
        let infoRef = writer.allocate()
        writer.write(infoRef, .dictionary(info))
        return writer.finish(root: catalogRef, info: infoRef)
    }
}
