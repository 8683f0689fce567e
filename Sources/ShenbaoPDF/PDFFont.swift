import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoPDFWriter

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
    /// The glyphs shown, their text and widths: subsetting and the ToUnicode map read it.
    let usage: GlyphUsage

    /// `numbersByUse` nil: by use when the face has TrueType outlines (tests force the other path).
    init(face: FontFace, resourceName: String, ref: PDFRef, numbersByUse: Bool? = nil) {
        self.face = face
        self.resourceName = resourceName
        self.ref = ref
        usage = GlyphUsage(face: face, numbersByUse: numbersByUse)
    }

    /// The glyphs shown so far.
    public var usedGlyphs: Set<UInt32> { usage.usedGlyphs }

    /// Records shaped glyphs for subsetting and ToUnicode; returns each glyph's CID and `/W` width.
    func record(_ glyphs: [ShapedGlyph], text: String) -> [(code: UInt16, width: Double)] {
        usage.record(glyphs, text: text)
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
        if usage.numbersByUse {
            guard let subset = try face.subsetProgram(inOrder: usage.slotGlyph) else {
                throw ShenbaoFailure.unusable(.fontSubsetFailed, file: face.path,
                    zh: "无法为 PDF 截取字体子集（\(face.familyName)）。请换用其他字体。",
                    en: "cannot subset the font \(face.familyName) for the PDF; use another font.")
            }
            let glyphs = usage.slotGlyph.enumerated().map { (cid: UInt32($0.offset), gid: $0.element) }
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
        func em(_ v: Int32) -> PDFObject { .real((Double(v) * 1000 / upem * 100).rounded() / 100) }

        writer.write(ref, .dictionary([
            "Type": .name("Font"), "Subtype": .name("Type0"), "BaseFont": .name(baseFont),
            "Encoding": .name("Identity-H"), "DescendantFonts": .array([.ref(cidRef)]),
            "ToUnicode": .ref(toUnicodeRef),
        ]))

        // /DW is the commonest width (a full em for CJK), so /W lists only the others.
        var counts: [Double: Int] = [:]
        for g in glyphs { counts[usage.width(of: g.gid), default: 0] += 1 }
        // An integer: poppler ignores a real /DW and falls back to 1000.
        let dw = (counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 1000).rounded()
        var w: [PDFObject] = []
        var runStart: UInt32? = nil
        var run: [PDFObject] = []
        var last: UInt32 = 0
        for g in glyphs where usage.width(of: g.gid) != dw {
            if runStart != nil, g.cid == last + 1 {
                run.append(.real(usage.width(of: g.gid)))
            } else {
                if let start = runStart { w.append(.integer(Int(start))); w.append(.array(run)) }
                runStart = g.cid
                run = [.real(usage.width(of: g.gid))]
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
        let entries = usage.codeTexts
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
