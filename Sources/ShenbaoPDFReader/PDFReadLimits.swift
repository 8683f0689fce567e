/// The bounds every PDF is read under. PDFs reach `verify` and `endorse` from anyone, so nothing a
/// file claims (an offset, a length, a count, a chain) is followed further than these, in the spirit
/// of the ZIP reader's limits (`ZipArchive`): a hostile file is refused, never a crash or a hang.
public enum PDFReadLimits {
    /// Arrays and dictionaries nested deeper than this are refused; real files nest a handful.
    public static let maxNesting = 64
    /// References followed one after another when resolving a value (`1 0 obj 1 0 R endobj`).
    public static let maxReferenceChain = 32
    /// Cross-reference sections followed through `/Prev` (ISO 32000-1 §7.5.6): one per update.
    public static let maxSections = 1_000
    /// The highest object number ISO 32000-1 Annex C.2 lets a file have.
    public static let maxObjectNumber = 8_388_607
    /// In-use objects across all revisions, each parsed once.
    public static let maxObjects = 1_000_000
    /// Bytes all decoded streams of one document may come to, as `ZipArchive.maxTotalUncompressed`.
    public static let maxDecodedTotal = 200 << 20
    /// A stream decoding to more than this must not expand more than `maxRatio`:1.
    public static let ratioCheckSize = 10 << 20
    public static let maxRatio = 100
    /// How many times each byte may be parsed, overall: an honest file parses each object once,
    /// while offsets aimed into the middle of other objects could make parsing quadratic.
    public static let parseWorkFactor = 4
    /// `%PDF-` must start within this many bytes (§7.5.2; readers commonly allow leading junk).
    public static let headerWindow = 1024
}
