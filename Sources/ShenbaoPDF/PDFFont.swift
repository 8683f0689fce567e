import Foundation
import ShenbaoCore
import ShenbaoFonts

/// A font face embedded in one document as a Type0 font with a CIDFontType2 descendant
/// (ISO 32000-1 §9.7), subset at `PDFDocument.finish()` to the glyphs the content used.
///
/// Content streams show 2-byte CIDs (`/Identity-H`). For TrueType faces a glyph's CID is the order
/// in which the document first used it (`.notdef` is 0), and the subset numbers its glyphs the same
/// way (`FontFace.subset(inOrder:)`, `/CIDToGIDMap /Identity`): content written before subsetting
/// stays valid and `loca`/`hmtx` hold only the glyphs used, not a slot for each of UMing's ~30,000.
/// Other faces (CFF outlines) keep CID = glyph id and an hb-subset that retains glyph ids.
public final class PDFFont {
    /// The face the glyphs come from.
    public let face: FontFace
    /// Name in `/Resources /Font` (`F1`, `F2` …).
    public let resourceName: String
    /// The Type0 font object.
    public let ref: PDFRef
    /// Whether CIDs are numbered by first use (TrueType outlines) rather than equal to glyph ids.
    let numbersByUse: Bool
    /// Glyph id → slot + 1 (0: none yet), a flat table over the face's glyphs: cheaper than hashing
    /// for the few thousand glyphs a pack shows (54 KB for UMing's ~27,000 glyphs, per document).
    private var slotOf: [UInt16]
    /// Slots of glyph ids beyond the table (never from a real face) or beyond 65,534 slots.
    private var slotOfOverflow: [UInt32: Int] = [:]
    /// What the document knows of each glyph it showed, one slot per glyph in order of first use,
    /// in parallel arrays (indexing rather than a dictionary per property). With `numbersByUse`
    /// a glyph's slot is its CID; slot 0 is `.notdef` (shown or not). This one: the glyph id.
    private var slotGlyph: [UInt32] = []
    /// The text a glyph stands for (first non-empty use wins), for ToUnicode.
    private var slotText: [String] = []
    private var slotWidth: [Double] = []
    private var slotShown: [Bool] = []

    /// `numbersByUse` nil: by use when the face has TrueType outlines (tests force the other path).
    init(face: FontFace, resourceName: String, ref: PDFRef, numbersByUse: Bool? = nil) {
        self.face = face
        self.resourceName = resourceName
        self.ref = ref
        self.numbersByUse = numbersByUse ?? face.hasTrueTypeOutlines
        slotOf = [UInt16](repeating: 0, count: Int(min(face.glyphCount, 0x1_0000)))
        if self.numbersByUse { _ = slot(for: 0) }
    }

    /// The slot of glyph `gid`, made on first use.
    private func slot(for gid: UInt32) -> Int {
        let index = slotGlyph.count
        if Int(gid) < slotOf.count {
            let known = slotOf[Int(gid)]
            if known != 0 { return Int(known) - 1 }
            if index < 0xFFFF {
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
        slotText.append("")
        slotWidth.append(PDFFont.rounded(Double(face.advance(glyph: gid)) * 1000 / Double(face.unitsPerEm)))
        slotShown.append(false)
        return index
    }

    private func cid(slot: Int) -> UInt16 {
        // A CID is two bytes; beyond that (never for a real document) the glyph shows as .notdef.
        numbersByUse ? (slot <= 0xFFFF ? UInt16(slot) : 0) : UInt16(truncatingIfNeeded: slotGlyph[slot])
    }

    /// The glyphs shown so far.
    public var usedGlyphs: Set<UInt32> {
        Set(slotGlyph.indices.lazy.filter { self.slotShown[$0] }.map { self.slotGlyph[$0] })
    }

    /// Width of a glyph in thousandths of an em, as the `/W` array records it.
    func width(of gid: UInt32) -> Double {
        slotWidth[slot(for: gid)]
    }

    static func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    /// Records shaped glyphs and the characters of their clusters (clusters index `text.unicodeScalars`;
    /// the glyphs may be a slice of a longer shaping, e.g. one line of a paragraph).
    /// Returns each glyph's CID and `/W` width, for the content stream.
    func record(_ glyphs: [ShapedGlyph], text: String) -> [(cid: UInt16, width: Double)] {
        var result: [(cid: UInt16, width: Double)] = []
        result.reserveCapacity(glyphs.count)
        var needText = false
        var slots: [Int] = []
        slots.reserveCapacity(glyphs.count)
        for g in glyphs {
            let s = slot(for: g.gid)
            slots.append(s)
            slotShown[s] = true
            if slotText[s].isEmpty { needText = true }
            result.append((cid(slot: s), slotWidth[s]))
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
        if let last = starts.last, last < scalars.count { end[last] = PDFFont.graphemeEnd(in: text, from: last) }
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

    /// The six-letter subset tag (§9.9.2) from a stable hash of the glyph set and the font name.
    static func subsetTag(glyphs: [UInt32], name: String) -> String {
        var h = StableHash()
        h.combine(Array(name.utf8))
        for g in glyphs { h.combine(g) }
        var v = h.value
        var tag = ""
        for _ in 0..<6 {
            tag.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(v % 26))))
            v /= 26
        }
        return tag
    }

    /// Writes the font's objects: Type0, CIDFontType2, FontDescriptor, FontFile2 and ToUnicode.
    func write(into writer: inout PDFWriter, compression: Int32?) throws {
        // (CID, glyph id) of every glyph shown, in CID order.
        if numbersByUse {
            guard let subset = try face.subsetProgram(inOrder: slotGlyph) else {
                throw ShenbaoFailure.unusable("font.subset_failed", file: face.path,
                    zh: "无法为 PDF 截取字体子集（\(face.familyName)）。请换用其他字体。",
                    en: "cannot subset the font \(face.familyName) for the PDF; use another font.")
            }
            let glyphs = slotGlyph.enumerated().map { (cid: UInt32($0.offset), gid: $0.element) }
            try write(into: &writer, program: subset.program, glyphs: glyphs, compression: compression)
        } else {
            let gids = ([0] + usedGlyphs.filter { $0 != 0 }).sorted()
            let subset = try face.subset(glyphs: Set(gids), numbering: .retain)
            try write(into: &writer, program: [UInt8](subset.data), glyphs: gids.map { (cid: $0, gid: $0) },
                      compression: compression)
        }
    }

    private func write(into writer: inout PDFWriter, program: [UInt8], glyphs: [(cid: UInt32, gid: UInt32)],
                       compression: Int32?) throws {
        let baseFont = PDFFont.subsetTag(glyphs: glyphs.map(\.gid), name: face.postScriptName) + "+" + face.postScriptName
        let cidRef = writer.allocate()
        let descriptorRef = writer.allocate()
        let fileRef = writer.allocate()
        let toUnicodeRef = writer.allocate()
        let upem = Double(face.unitsPerEm)
        func em(_ v: Int32) -> PDFObject { .real(PDFFont.rounded(Double(v) * 1000 / upem)) }

        writer.write(ref, .dictionary([
            "Type": .name("Font"), "Subtype": .name("Type0"), "BaseFont": .name(baseFont),
            "Encoding": .name("Identity-H"), "DescendantFonts": .array([.ref(cidRef)]),
            "ToUnicode": .ref(toUnicodeRef),
        ]))

        // /DW is the commonest width (a full em for CJK), so /W lists only the others.
        var counts: [Double: Int] = [:]
        for g in glyphs { counts[width(of: g.gid), default: 0] += 1 }
        // An integer: poppler ignores a real /DW and falls back to 1000.
        let dw = (counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 1000).rounded()
        var w: [PDFObject] = []
        var runStart: UInt32? = nil
        var run: [PDFObject] = []
        var last: UInt32 = 0
        for g in glyphs where width(of: g.gid) != dw {
            if runStart != nil, g.cid == last + 1 {
                run.append(.real(width(of: g.gid)))
            } else {
                if let start = runStart { w.append(.integer(Int(start))); w.append(.array(run)) }
                runStart = g.cid
                run = [.real(width(of: g.gid))]
            }
            last = g.cid
        }
        if let start = runStart { w.append(.integer(Int(start))); w.append(.array(run)) }
        var cid: PDFDictionary = [
            "Type": .name("Font"), "Subtype": .name("CIDFontType2"), "BaseFont": .name(baseFont),
            "CIDSystemInfo": .dictionary(["Registry": .string(Array("Adobe".utf8)),
                                          "Ordering": .string(Array("Identity".utf8)), "Supplement": .integer(0)]),
            "FontDescriptor": .ref(descriptorRef), "DW": .integer(Int(dw)),
        ]
        if !w.isEmpty { cid["W"] = .array(w) }
        cid["CIDToGIDMap"] = .name("Identity")
        writer.write(cidRef, .dictionary(cid))

        let box = face.boundingBox
        writer.write(descriptorRef, .dictionary([
            "Type": .name("FontDescriptor"), "FontName": .name(baseFont),
            // Flags: 4 = symbolic (glyphs outside the standard Latin set), §9.8.2.
            "Flags": .integer(4),
            "FontBBox": .array([em(box.xMin), em(box.yMin), em(box.xMax), em(box.yMax)]),
            "ItalicAngle": .integer(0), "Ascent": em(face.ascender), "Descent": em(face.descender),
            "CapHeight": em(face.capHeight), "StemV": .integer(80), "FontFile2": .ref(fileRef),
        ]))
        writer.writeStream(fileRef, ["Length1": .integer(program.count)], data: program, compression: compression)
        writer.writeStream(toUnicodeRef, [:], data: toUnicodeCMap(), compression: compression)
    }

    /// The ToUnicode CMap (§9.10.3): each used CID to the UTF-16BE text of its cluster.
    func toUnicodeCMap() -> [UInt8] {
        var entries: [(UInt32, String)] = slotText.indices.filter { !slotText[$0].isEmpty }
            .map { (UInt32(cid(slot: $0)), slotText[$0]) }
        entries.sort { $0.0 < $1.0 }
        var out = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """
        var bytes: [UInt8] = []
        var i = 0
        while i < entries.count {
            let chunk = entries[i..<min(i + 100, entries.count)]
            out += "\(chunk.count) beginbfchar\n"
            for (gid, text) in chunk {
                bytes.removeAll(keepingCapacity: true)
                PDFObject.appendHex([UInt8((gid >> 8) & 0xFF), UInt8(gid & 0xFF)], to: &bytes)
                out += "<" + String(decoding: bytes, as: UTF8.self) + "> <"
                bytes.removeAll(keepingCapacity: true)
                PDFObject.appendHex(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, to: &bytes)
                out += String(decoding: bytes, as: UTF8.self) + ">\n"
            }
            out += "endbfchar\n"
            i += 100
        }
        out += """
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end

        """
        return Array(out.utf8)
    }
}
