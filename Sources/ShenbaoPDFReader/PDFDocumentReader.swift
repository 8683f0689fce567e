import ShenbaoCore
import ShenbaoPDFWriter

/// A PDF read whole and checked, for `shenbao verify` and `shenbao endorse`: its revisions (the
/// original and each incremental update, ISO 32000-1 §7.5.6), the objects each defines, and what
/// an incremental update needs to continue the file with `PDFWriter(appendingTo:size:)`.
///
/// `init(bytes:)` is the only entry, so a fuzz target calls it and nothing else: every refusal is
/// a `ShenbaoFailure(.unusableInput, …)` with a `pdf.*` id, and every limit is `PDFReadLimits`'.
/// Objects are looked up by number (`PDFRef` has no generation): generations other than 0 only
/// arise from reusing freed numbers, which incremental writers do not do.
public struct PDFDocumentReader: Sendable {
    /// The file, as given.
    public let bytes: [UInt8]
    /// Oldest first; the last is the document as it stands.
    public let revisions: [PDFRevision]
    /// The offset the last `startxref` gives: `/Prev` for the next incremental update.
    public let startXref: Int
    /// The newest trailer (§7.5.5).
    public let trailer: PDFDictionary
    /// The document catalog's reference (`/Root`) and the catalog itself (§7.7.2).
    public let root: PDFRef
    public let catalog: PDFDictionary
    /// Every object of the current document, by number.
    private let current: [Int: PDFIndirectObject]
    /// One more than the highest object number any revision uses.
    private let highestNumber: Int

    /// Reads and checks `bytes`: the header, every cross-reference section, every object of every
    /// revision, and that `/Root` is a dictionary. Refuses encrypted files (`pdf.encrypted`).
    public init(bytes: [UInt8]) throws(ShenbaoFailure) {
        var loader = RevisionLoader(bytes: bytes)
        let (revisions, startXref) = try loader.load()
        guard let last = revisions.last else {
            throw .pdfMalformed("没有交叉引用表", "no cross-reference section")
        }
        var current: [Int: PDFIndirectObject] = [:]
        var highest = 0
        for revision in revisions {
            for number in revision.freed { current[number] = nil }
            current.merge(revision.objects) { _, newer in newer }
            highest = max(highest, revision.objects.keys.max() ?? 0, revision.freed.max() ?? 0)
        }
        guard case .ref(let root)? = last.trailer["Root"] else {
            throw .pdfMalformed("trailer 中没有 /Root", "the trailer has no /Root")
        }
        guard let catalog = try Self.resolve(.ref(root), lookup: { current[$0] }).dictionaryValue else {
            throw .pdfMalformed("/Root 不是字典", "/Root is not a dictionary")
        }
        self.bytes = bytes
        self.revisions = revisions
        self.startXref = startXref
        self.trailer = last.trailer
        self.root = root
        self.catalog = catalog
        self.current = current
        self.highestNumber = highest + 1
    }

    /// The number the next new object gets in an incremental update: the trailer's `/Size`, or more
    /// if an object beyond it exists, so a lying `/Size` cannot make an update overwrite one.
    public var size: Int { max(trailer["Size"]?.integerValue ?? 0, highestNumber) }
    /// The document information dictionary's reference (`/Info`, §14.3.3).
    public var info: PDFRef? { trailer["Info"]?.refValue }
    /// The file identifier (`/ID`, §14.4), to carry over into an update's trailer.
    public var id: [PDFObject]? { trailer["ID"]?.arrayValue }

    /// The object `ref` names in the current document, or as it stood after `revision`.
    public func object(_ ref: PDFRef, revision: Int? = nil) -> PDFIndirectObject? {
        guard let revision, revision < revisions.count - 1 else { return current[ref.number] }
        for k in stride(from: revision, through: 0, by: -1) {
            if let o = revisions[k].objects[ref.number] { return o }
            if revisions[k].freed.contains(ref.number) { return nil }
        }
        return nil
    }

    /// `value` with references followed until a direct value: a stream reads as its dictionary,
    /// a reference to nothing as `null` (§7.3.10). A cycle or a chain longer than
    /// `PDFReadLimits.maxReferenceChain` is refused.
    public func resolve(_ value: PDFObject, revision: Int? = nil) throws(ShenbaoFailure) -> PDFObject {
        try Self.resolve(value) { object(PDFRef($0), revision: revision) }
    }

    private static func resolve(_ value: PDFObject, lookup: (Int) -> PDFIndirectObject?) throws(ShenbaoFailure) -> PDFObject {
        var value = value
        var seen: Set<Int> = []
        while case .ref(let ref) = value {
            guard seen.insert(ref.number).inserted else {
                throw .pdfMalformed("对象 \(ref.number) 的引用形成循环", "the references from object \(ref.number) form a cycle")
            }
            guard seen.count <= PDFReadLimits.maxReferenceChain else {
                throw .pdfTooDeep("引用链", "reference chains", limit: PDFReadLimits.maxReferenceChain)
            }
            value = lookup(ref.number)?.value ?? .null
        }
        return value
    }

    /// `resolve(_:revision:)` of a value that may be absent, such as a dictionary entry.
    public func resolve(_ value: PDFObject?, revision: Int? = nil) throws(ShenbaoFailure) -> PDFObject? {
        guard let value else { return nil }
        return try resolve(value, revision: revision) as PDFObject
    }

    /// The dictionary `value` is or refers to (a stream's dictionary included), nil for anything else.
    public func dictionary(_ value: PDFObject?, revision: Int? = nil) throws(ShenbaoFailure) -> PDFDictionary? {
        try resolve(value, revision: revision)?.dictionaryValue
    }

    /// The array `value` is or refers to, nil for anything else.
    public func array(_ value: PDFObject?, revision: Int? = nil) throws(ShenbaoFailure) -> [PDFObject]? {
        try resolve(value, revision: revision)?.arrayValue
    }

    /// The catalog as it stood after `revision` (its trailer's `/Root`); nil: as it stands.
    public func catalog(revision: Int?) throws(ShenbaoFailure) -> PDFDictionary? {
        guard let revision else { return catalog }
        guard revisions.indices.contains(revision) else { return nil }
        return try dictionary(revisions[revision].trailer["Root"], revision: revision)
    }

    /// The interactive form dictionary (`/AcroForm`, §12.7.2), if the document has one.
    public func acroForm(revision: Int? = nil) throws(ShenbaoFailure) -> PDFDictionary? {
        try dictionary(try catalog(revision: revision)?["AcroForm"], revision: revision)
    }

    /// A stream's data with its filters undone (FlateDecode, PNG predictors), under the same
    /// limits as the streams read with the document.
    public func decodedData(of stream: PDFStream) throws(ShenbaoFailure) -> [UInt8] {
        var budget = DecodeBudget()
        return try StreamFilters.decode(stream, budget: &budget)
    }
}
