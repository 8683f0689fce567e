import ShenbaoCore
import ShenbaoFonts

/// Glyphs of one face that every document of a kind shows (a form's labels, captions and copy
/// marks), embedded as a font of their own that is subset and compressed once per renderer
/// (`FormPrinter`, which the server and a batch keep for the process) and written into each
/// document as it is (`PDFDocument.embed(_:)`). A document then subsets and
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
    /// Each glyph's code (CID), `/W` width and the character its ToUnicode entry gives.
    private let shown: [(gid: UInt32, code: UInt16, width: Double, scalar: Unicode.Scalar?)]
    /// The usage the glyphs were recorded in, read only under the lock to make the objects.
    private let usage: Locked<GlyphUsage>
    private let objects = Locked<[Int32?: FontObjects]>([:])

    /// The glyphs of `texts` that `face` has in its cmap, in order of first use; nil for a face
    /// without TrueType outlines (its subsets number glyphs otherwise), or when none are drawn.
    public init?(face: FontFace, texts: [String]) {
        guard face.hasTrueTypeOutlines else { return nil }
        let usage = GlyphUsage(face: face, numbering: .byUse)
        for text in texts {
            let drawn = text.unicodeScalars.compactMap { s in face.glyph(for: s).map { (scalar: s, gid: $0) } }
            let glyphs = drawn.enumerated().map { i, d in ShapedGlyph(gid: d.gid, cluster: i, xAdvance: face.advance(glyph: d.gid)) }
            _ = usage.record(glyphs, text: String(String.UnicodeScalarView(drawn.map(\.scalar))))
        }
        guard usage.slotGlyph.count > 1 else { return nil }
        self.face = face
        var index = [UInt16](repeating: 0, count: Int(min(face.glyphCount, 0x1_0000)))
        var shown: [(gid: UInt32, code: UInt16, width: Double, scalar: Unicode.Scalar?)] = []
        var texts: [UInt32: String] = [:]
        for (code, text) in usage.codeTexts { texts[code] = text }
        for gid in usage.slotGlyph.dropFirst() where Int(gid) < index.count && shown.count < Int(UInt16.max) {
            let code = usage.code(of: gid)
            let scalars = texts[UInt32(code)]?.unicodeScalars
            shown.append((gid, code, usage.width(of: gid), scalars?.count == 1 ? scalars?.first : nil))
            index[Int(gid)] = UInt16(shown.count)
        }
        self.index = index
        self.shown = shown
        self.usage = Locked(usage)
    }

    /// The glyphs the font holds, `.notdef` aside.
    public var glyphs: Set<UInt32> { Set(shown.map(\.gid)) }

    /// Whether glyph `gid` is here standing for `scalar`: a character the cmap maps to a glyph of
    /// another (a compatibility ideograph, a radical) is not, since its text would be copied as
    /// the form's character.
    public func contains(_ gid: UInt32, as scalar: Unicode.Scalar) -> Bool {
        guard Int(gid) < index.count, index[Int(gid)] != 0 else { return false }
        return shown[Int(index[Int(gid)]) - 1].scalar == scalar
    }

    /// Each glyph's code and width; every glyph must be here (`contains(_:as:)`).
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
