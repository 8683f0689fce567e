/// One glyph out of shaping: which glyph, which characters it stands for, and how far it moves the pen.
///
/// `cluster` indexes the shaped string's `unicodeScalars` (not UTF-8 or UTF-16), so a PDF
/// ToUnicode map and a line breaker can both find the characters behind a glyph.
public struct ShapedGlyph: Sendable, Hashable {
    /// Glyph id in the face.
    public var gid: UInt32
    /// Index of the first Unicode scalar of this glyph's cluster in the shaped text.
    public var cluster: Int
    /// Horizontal advance in font units.
    public var xAdvance: Int32
    /// Horizontal offset from the pen position, in font units (marks, kerning adjustments).
    public var xOffset: Int32
    /// Vertical offset from the baseline, in font units.
    public var yOffset: Int32

    public init(gid: UInt32, cluster: Int, xAdvance: Int32, xOffset: Int32 = 0, yOffset: Int32 = 0) {
        self.gid = gid
        self.cluster = cluster
        self.xAdvance = xAdvance
        self.xOffset = xOffset
        self.yOffset = yOffset
    }
}
