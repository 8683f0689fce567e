/// Which glyphs of one face a document showed, in order of first use, with the text each stands
/// for and its advance: what any output format needs to subset the face and map glyphs back to
/// text (a PDF's `/W` and ToUnicode, an OFD's embedded font).
///
/// Each glyph gets a code (a PDF CID) when first shown, before the face is subset, so the code
/// must stay valid for the subset made at the end; `Numbering` says how. One instance belongs to
/// one document, used from one thread.
public final class GlyphUsage {
    /// How codes are given, chosen by what the face's subsetter can keep.
    public enum Numbering: Sendable {
        /// The slot (order of first use, `.notdef` first): a subset numbered the same way
        /// (`FontFace.subsetProgram(inOrder:)`, TrueType only) needs no map and holds only the glyphs used.
        case byUse
        /// The glyph id, for a subset that keeps glyph ids (hb-subset `RETAIN_GIDS`): name-keyed
        /// CFF faces, whose CIDs in a PDF are glyph ids (ISO 32000-1 §9.7.4.2).
        case glyphID
        /// The glyph's CID in the face's CFF charset: a CID-keyed CFF subset keeps each glyph's CID
        /// in its own charset, however hb-subset renumbers the glyphs, and PDF readers select
        /// glyphs of such a font by CID through that charset (§9.7.4.2).
        case cid

        /// What `face` needs: by use for TrueType outlines, by CID for CID-keyed CFF, else glyph ids.
        public static func natural(for face: FontFace) -> Numbering {
            if face.hasTrueTypeOutlines { return .byUse }
            if case .cids? = face.cffKeying { return .cid }
            return .glyphID
        }
    }

    /// The face the glyphs come from.
    public let face: FontFace
    /// How codes are given.
    public let numbering: Numbering
    /// Glyph id → slot + 1 (0: none yet), a flat table over the face's glyphs: cheaper than hashing
    /// for the few thousand glyphs a pack shows (54 KB for UMing's ~27,000 glyphs, per document).
    private var slotOf: [UInt16]
    /// Slots of glyph ids beyond the table (never from a real face) or beyond 65,534 slots.
    private var slotOfOverflow: [UInt32: Int] = [:]
    /// One slot per glyph in order of first use, in parallel arrays (indexing rather than a
    /// dictionary per property); slot 0 is `.notdef` when numbering by use. This one: the glyph id.
    public private(set) var slotGlyph: [UInt32] = []
    /// The code each slot's glyph is shown with.
    private var slotCode: [UInt16] = []
    /// The text a glyph stands for (first non-empty use wins), for ToUnicode.
    private var slotText: [String] = []
    private var slotWidth: [Double] = []
    private var slotShown: [Bool] = []

    /// The largest code a two-byte encoding can carry; glyphs past it show as `.notdef`.
    static let maxCode = 0xFFFF

    /// `numbering` nil: the face's natural one (`Numbering.natural(for:)`).
    public init(face: FontFace, numbering: Numbering? = nil) {
        self.face = face
        self.numbering = numbering ?? .natural(for: face)
        slotOf = [UInt16](repeating: 0, count: Int(min(face.glyphCount, 0x1_0000)))
        if self.numbering == .byUse { _ = slot(for: 0) }
    }

    /// The slot of glyph `gid`, made on first use.
    private func slot(for gid: UInt32) -> Int {
        let index = slotGlyph.count
        if Int(gid) < slotOf.count {
            let known = slotOf[Int(gid)]
            if known != 0 { return Int(known) - 1 }
            if index < Self.maxCode {
                slotOf[Int(gid)] = UInt16(index + 1)
            } else {
                if let known = slotOfOverflow[gid] { return known }
                slotOfOverflow[gid] = index
            }
        } else {
            if let known = slotOfOverflow[gid] { return known }
            slotOfOverflow[gid] = index
        }
        slotGlyph.append(gid)
        slotCode.append(code(glyph: gid, slot: index))
        // Characters no font has all show as `.notdef`: one glyph cannot stand for each of them,
        // so its text is U+FFFD, never the first missing character (copy-paste then shows �).
        slotText.append(gid == 0 ? "\u{FFFD}" : "")
        slotWidth.append(GlyphUsage.glyphSpace(face.advance(glyph: gid), unitsPerEm: face.unitsPerEm))
        slotShown.append(false)
        return index
    }

    /// The code of a new slot; 0 (`.notdef`) for what two bytes cannot carry.
    private func code(glyph gid: UInt32, slot: Int) -> UInt16 {
        let code: UInt32?
        switch numbering {
        case .byUse: code = UInt32(slot)
        case .glyphID: code = gid
        case .cid:
            if case .cids(let charset)? = face.cffKeying { code = charset.cid(ofGlyph: gid) } else { code = nil }
        }
        return code.flatMap { $0 <= Self.maxCode ? UInt16($0) : nil } ?? 0
    }

    /// The code glyph `gid` is shown with (made a slot if it had none).
    public func code(of gid: UInt32) -> UInt16 {
        slotCode[slot(for: gid)]
    }

    /// The glyphs shown so far.
    public var usedGlyphs: Set<UInt32> {
        Set(slotGlyph.indices.lazy.filter { self.slotShown[$0] }.map { self.slotGlyph[$0] })
    }

    /// Advance of a glyph in thousandths of an em, rounded to 0.01.
    public func width(of gid: UInt32) -> Double {
        slotWidth[slot(for: gid)]
    }

    /// Units per em of PDF glyph space (ISO 32000-1 §9.2.4): widths and font metrics are in thousandths.
    public static let glyphSpaceEm = 1000.0
    /// Metrics are kept to 0.01 of a thousandth of an em: finer than any printer, and short to write.
    static let metricSteps = 100.0

    /// `fontUnits` of a face with `unitsPerEm` in PDF glyph space, to 0.01.
    public static func glyphSpace(_ fontUnits: Int32, unitsPerEm: Int32) -> Double {
        (Double(fontUnits) * glyphSpaceEm / Double(unitsPerEm) * metricSteps).rounded() / metricSteps
    }

    /// Every code with the text it stands for, in code order (glyphs without text left out).
    public var codeTexts: [(code: UInt32, text: String)] {
        slotText.indices.filter { !slotText[$0].isEmpty }.map { (UInt32(slotCode[$0]), slotText[$0]) }
            .sorted { $0.code < $1.code }
    }

    /// Records shaped glyphs and the characters of their clusters (clusters index `text.unicodeScalars`;
    /// the glyphs may be a slice of a longer shaping, e.g. one line of a paragraph).
    /// Returns each glyph's code and width in thousandths of an em.
    public func record(_ glyphs: [ShapedGlyph], text: String) -> [(code: UInt16, width: Double)] {
        var result: [(code: UInt16, width: Double)] = []
        result.reserveCapacity(glyphs.count)
        var needText = false
        var slots: [Int] = []
        slots.reserveCapacity(glyphs.count)
        for g in glyphs {
            let s = slot(for: g.gid)
            slots.append(s)
            slotShown[s] = true
            if slotText[s].isEmpty { needText = true }
            result.append((slotCode[s], slotWidth[s]))
        }
        // Most glyphs were seen before with their text: the cluster work below only when needed.
        guard needText else { return result }
        let scalars = Array(text.unicodeScalars)
        // One glyph per scalar in order (Chinese text from cmap): each glyph stands for its scalar.
        if glyphs.count == scalars.count, glyphs.indices.allSatisfy({ glyphs[$0].cluster == $0 }) {
            for (i, s) in slots.enumerated() where slotText[s].isEmpty {
                slotText[s] = String(Character(scalars[i]))
            }
            return result
        }
        // Cluster starts in logical order: a cluster's text runs to the next start; the last one
        // runs to the end of its grapheme (what follows may belong to glyphs not shown here).
        let starts = Set(glyphs.map(\.cluster)).sorted()
        var end: [Int: Int] = [:]
        for (i, s) in starts.enumerated() where i + 1 < starts.count { end[s] = starts[i + 1] }
        if let last = starts.last, last < scalars.count { end[last] = GlyphUsage.graphemeEnd(in: text, from: last) }
        var seenCluster = Set<Int>()
        for (g, s) in zip(glyphs, slots) {
            guard seenCluster.insert(g.cluster).inserted, g.cluster < scalars.count, slotText[s].isEmpty else { continue }
            let stop = min(end[g.cluster] ?? g.cluster + 1, scalars.count)
            slotText[s] = String(String.UnicodeScalarView(scalars[g.cluster..<max(stop, g.cluster + 1)]))
        }
        return result
    }

    /// The scalar index where the grapheme (user-perceived character) containing scalar `index` ends.
    static func graphemeEnd(in text: String, from index: Int) -> Int {
        var at = 0
        for character in text {
            let count = character.unicodeScalars.count
            if index < at + count { return at + count }
            at += count
        }
        return at
    }
}
