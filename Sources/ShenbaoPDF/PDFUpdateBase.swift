import ShenbaoPDFWriter

/// What an incremental update (ISO 32000-1 §7.5.6) needs of the file it extends: its bytes,
/// the next free object number, and what its last trailer says, which the new trailer repeats.
/// A reader of the file supplies them (ShenbaoPDFReader's `PDFDocumentReader`).
public struct PDFUpdateBase: Sendable {
    public var bytes: [UInt8]
    /// The last trailer's `/Size` (or one past the highest object number).
    public var size: Int
    /// Where the last cross-reference section starts (the new trailer's `/Prev`).
    public var startXref: Int
    public var root: PDFRef
    public var info: PDFRef?
    public var id: [PDFObject]?

    public init(bytes: [UInt8], size: Int, startXref: Int, root: PDFRef, info: PDFRef?, id: [PDFObject]?) {
        self.bytes = bytes; self.size = size; self.startXref = startXref
        self.root = root; self.info = info; self.id = id
    }
}
