import ShenbaoCore
import ShenbaoFonts

/// Glyphs of one face that every document of a kind shows (a form's labels, captions and copy
/// marks), embedded as a font of their own that is subset and compressed once per process and
/// written into each document as it is (`PDFDocument.embed(_:)`). A document then subsets and
/// deflates only the glyphs its data brings: for the application pack, the form's own text is
/// 288 of its 364 glyphs and four fifths of the subset's bytes, which every render deflated anew.
///
/// A run of text is shown in pieces, each glyph from this font when it is here and from the
/// document's own font of the face when not, so no glyph is embedded twice. The set depends
/// only on the texts it was made from, so the same input still gives the same bytes in any
/// process.
public final class FixedGlyphs: Sendable {
    public let face: FontFace
    /// Glyph id → 1 + its index in `shown` (0: not here), flat over the face's glyphs: every
    /// glyph of every render is looked up here, and hashing was the painter's largest cost.
    private let index: [UInt16]
    /// Each glyph's code (CID) and `/W` width in this font.
    private let shown: [(gid: UInt32, code: UInt16, width: Double)]
    /// The usage the glyphs were recorded in, read only under the lock to make the objects.
    private let usage: Locked<GlyphUsage>
    private let objects = Locked<[Int32?: FontObjects]>([:])

    /// The glyphs of `texts` that `face` has in its cmap, in order of first use; nil for a face
    /// without TrueType outlines (its subsets number glyphs otherwise), or when none are drawn.
    public init?(face: FontFace, texts: [String]) {
        guard face.hasTrueTypeOutlines else { return nil }
        let usage = GlyphUsage(face: face, numbering: .byUse)
        for text in texts {
            let scalars = text.unicodeScalars.filter { face.glyph(for: $0) != nil }
            let glyphs = scalars.enumerated().map { i, s in
                ShapedGlyph(gid: face.glyph(for: s)!, cluster: i, xAdvance: face.advance(glyph: face.glyph(for: s)!))
            }
            _ = usage.record(glyphs, text: String(String.UnicodeScalarView(scalars)))
        }
        guard usage.slotGlyph.count > 1 else { return nil }
        self.face = face
        var index = [UInt16](repeating: 0, count: Int(min(face.glyphCount, 0x1_0000)))
        var shown: [(gid: UInt32, code: UInt16, width: Double)] = []
        for gid in usage.slotGlyph.dropFirst() where Int(gid) < index.count && shown.count < Int(UInt16.max) {
            shown.append((gid, usage.code(of: gid), usage.width(of: gid)))
            index[Int(gid)] = UInt16(shown.count)
        }
        self.index = index
        self.shown = shown
        self.usage = Locked(usage)
    }

    /// The glyphs the font holds, `.notdef` aside.
    public var glyphs: Set<UInt32> { Set(shown.map(\.gid)) }

    /// Whether glyph `gid` is here.
    public func contains(_ gid: UInt32) -> Bool { Int(gid) < index.count && index[Int(gid)] != 0 }

    /// Each glyph's code and width; every glyph must be here (`contains`).
    func codes(_ glyphs: [ShapedGlyph]) -> [(code: UInt16, width: Double)] {
        glyphs.map { glyph in
            let slot = shown[Int(index[Int(glyph.gid)]) - 1]
            return (slot.code, slot.width)
        }
    }

    /// The font's objects at a compression level, made on first use.
    func objects(compression: Int32?) throws -> FontObjects {
        if let made = objects.withLock({ $0[compression] }) { return made }
        let made = try usage.withLock { try FontObjects(usage: $0, compression: compression) }
        return objects.withLock { state in
            if let known = state[compression] { return known }
            state[compression] = made
            return made
        }
    }
}
