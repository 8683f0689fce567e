import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoPDFWriter

/// A font face embedded in one document as a Type0 font (ISO 32000-1 §9.7), subset at
/// `PDFDocument.finish()` to the glyphs the content used. Content streams show 2-byte CIDs
/// (`/Identity-H`), given when a glyph is first shown (`GlyphUsage`), so each kind of outlines
/// gets the descendant and numbering whose CIDs stay valid for the subset made at the end:
///
/// - TrueType (`glyf`): `CIDFontType2` with `FontFile2`. A glyph's CID is the order in which the
///   document first used it (`.notdef` is 0), and the subset numbers its glyphs the same way
///   (`FontFace.subsetProgram(inOrder:)`, `/CIDToGIDMap /Identity`): `loca`/`hmtx` hold only the
///   glyphs used, not a slot for each of UMing's ~30,000.
/// - CFF, CID-keyed (Noto CJK): `CIDFontType0` with `FontFile3 /CIDFontType0C`, the bare CFF
///   program. A glyph's CID is its CID in the font's charset; the subset is compact and keeps each
///   glyph's CID in its charset, through which readers select glyphs (§9.7.4.2).
/// - CFF, name-keyed: the same dictionaries, CID = glyph id and a subset that keeps glyph ids,
///   since readers use the CIDs of such a program directly as glyph ids (§9.7.4.2).
///   `/CIDToGIDMap` applies to CIDFontType2 only (Table 117), so neither CFF case writes it.
public final class PDFFont {
    /// The face the glyphs come from.
    public let face: FontFace
    /// Name in `/Resources /Font` (`F1`, `F2` …).
    public let resourceName: String
    /// The Type0 font object.
    public let ref: PDFRef
    /// The glyphs shown, their text and widths: subsetting and the ToUnicode map read it.
    let usage: GlyphUsage

    /// FontDescriptor `/Flags` (§9.8.2, Table 123): bit 3, Symbolic, as the glyphs are outside the
    /// Standard Latin character set; Nonsymbolic (bit 6) would tell readers to assume that set.
    static let symbolicFlags = 4
    /// FontDescriptor `/StemV`, required (Table 122) but read only by viewers that substitute a
    /// font for one not embedded, which ours always are: 80 is a regular-weight vertical stem.
    static let regularStemV = 80
    /// The most mappings one `beginbfchar` … `endbfchar` block may hold: Adobe TN #5014 (CMap and
    /// CIDFont Files) limits each such block to 100, and §9.10.3 ToUnicode CMaps use that syntax.
    static let bfcharChunk = 100
    /// A subset's tag is six uppercase letters (§9.9.2).
    static let subsetTagLength = 6

    /// `numbering` nil: the face's natural one. Forcing one is honoured for TrueType faces only
    /// (tests of the glyph-id path); CFF faces always take theirs, the only one readers agree with.
    init(face: FontFace, resourceName: String, ref: PDFRef, numbering: GlyphUsage.Numbering? = nil) {
        self.face = face
        self.resourceName = resourceName
        self.ref = ref
        usage = GlyphUsage(face: face, numbering: face.hasTrueTypeOutlines ? numbering : nil)
    }

    /// The glyphs shown so far.
    public var usedGlyphs: Set<UInt32> { usage.usedGlyphs }

    /// Records shaped glyphs for subsetting and ToUnicode; returns each glyph's CID and `/W` width.
    func record(_ glyphs: [ShapedGlyph], text: String) -> [(code: UInt16, width: Double)] {
        usage.record(glyphs, text: text)
    }

    /// The subset tag (§9.9.2) from a stable hash of the glyph set and the font name.
    static func subsetTag(glyphs: [UInt32], name: String) -> String {
        let letters = UInt64(26)  // A–Z
        var h = StableHash()
        h.combine(Array(name.utf8))
        for g in glyphs { h.combine(g) }
        var v = h.value
        var tag = ""
        for _ in 0..<subsetTagLength {
            tag.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(v % letters))))
            v /= letters
        }
        return tag
    }

    /// A subset font program, by the outlines it holds, which set the CIDFont's subtype and the
    /// descriptor's font file key (Table 126).
    private enum Program {
        case trueType([UInt8])
        case cff([UInt8])
    }

    /// Writes the font's objects: Type0, the CIDFont, FontDescriptor, font program and ToUnicode.
    func write(into writer: inout PDFWriter, compression: Int32?) throws {
        if usage.numbering == .byUse {
            guard let subset = try face.subsetProgram(inOrder: usage.slotGlyph) else { throw subsetFailure() }
            let glyphs = usage.slotGlyph.enumerated().map { (cid: UInt32($0.offset), gid: $0.element) }
            try write(into: &writer, program: .trueType(subset.program), glyphs: glyphs, compression: compression)
            return
        }
        let gids = Set([0] + usedGlyphs)
        // (CID, glyph id) of every glyph shown, in CID order.
        let glyphs = gids.map { (cid: UInt32(usage.code(of: $0)), gid: $0) }.sorted { $0.cid < $1.cid }
        let program: Program
        if face.hasTrueTypeOutlines {
            program = .trueType([UInt8](try face.subset(glyphs: gids, numbering: .retain).data))
        } else if face.cffKeying != nil {
            let numbering: FontFace.GlyphNumbering = usage.numbering == .cid ? .compact : .retain
            program = .cff(try face.cffSubsetProgram(glyphs: gids, numbering: numbering).program)
        } else {
            // Neither glyf nor a readable CFF table (CFF2 variable fonts): nothing a PDF 1.7 embeds.
            throw subsetFailure()
        }
        try write(into: &writer, program: program, glyphs: glyphs, compression: compression)
    }

    private func subsetFailure() -> ShenbaoFailure {
        ShenbaoFailure.unusable(.fontSubsetFailed, file: face.path,
            zh: "无法为 PDF 截取字体子集（\(face.familyName)）。请换用其他字体。",
            en: "cannot subset the font \(face.familyName) for the PDF; use another font.")
    }

    private func write(into writer: inout PDFWriter, program: Program, glyphs: [(cid: UInt32, gid: UInt32)],
                       compression: Int32?) throws {
        let baseFont = PDFFont.subsetTag(glyphs: glyphs.map(\.gid), name: face.postScriptName) + "+" + face.postScriptName
        let cidRef = writer.allocate()
        let descriptorRef = writer.allocate()
        let fileRef = writer.allocate()
        let toUnicodeRef = writer.allocate()
        func em(_ v: Int32) -> PDFObject { .real(GlyphUsage.glyphSpace(v, unitsPerEm: face.unitsPerEm)) }

        writer.write(ref, .dictionary([
            "Type": .name("Font"), "Subtype": .name("Type0"), "BaseFont": .name(baseFont),
            "Encoding": .name("Identity-H"), "DescendantFonts": .array([.ref(cidRef)]),
            "ToUnicode": .ref(toUnicodeRef),
        ]))

        let (subtype, fileKey, bytes, fileEntries): (String, String, [UInt8], PDFDictionary)
        switch program {
        case .trueType(let data):
            (subtype, fileKey, bytes, fileEntries) = ("CIDFontType2", "FontFile2", data, ["Length1": .integer(data.count)])
        case .cff(let data):
            (subtype, fileKey, bytes, fileEntries) = ("CIDFontType0", "FontFile3", data, ["Subtype": .name("CIDFontType0C")])
        }
        var cid: PDFDictionary = [
            "Type": .name("Font"), "Subtype": .name(subtype), "BaseFont": .name(baseFont),
            "CIDSystemInfo": .dictionary(["Registry": .string(Array("Adobe".utf8)),
                                          "Ordering": .string(Array("Identity".utf8)), "Supplement": .integer(0)]),
            "FontDescriptor": .ref(descriptorRef),
        ]
        let (dw, w) = widths(glyphs)
        cid["DW"] = .integer(dw)
        if !w.isEmpty { cid["W"] = .array(w) }
        if case .trueType = program { cid["CIDToGIDMap"] = .name("Identity") }
        writer.write(cidRef, .dictionary(cid))

        let box = face.boundingBox
        writer.write(descriptorRef, .dictionary([
            "Type": .name("FontDescriptor"), "FontName": .name(baseFont), "Flags": .integer(PDFFont.symbolicFlags),
            "FontBBox": .array([em(box.xMin), em(box.yMin), em(box.xMax), em(box.yMax)]),
            "ItalicAngle": .integer(0), "Ascent": em(face.ascender), "Descent": em(face.descender),
            "CapHeight": em(face.capHeight), "StemV": .integer(PDFFont.regularStemV), fileKey: .ref(fileRef),
        ]))
        writer.writeStream(fileRef, fileEntries, data: bytes, compression: compression)
        writer.writeStream(toUnicodeRef, [:], data: toUnicodeCMap(), compression: compression)
    }

    /// `/DW` and `/W` (§9.7.4.3): the commonest width (a full em for CJK) as `/DW`, an integer
    /// because poppler ignores a real one and falls back to 1000; `/W` lists the others as runs
    /// of consecutive CIDs.
    private func widths(_ glyphs: [(cid: UInt32, gid: UInt32)]) -> (dw: Int, w: [PDFObject]) {
        var counts: [Double: Int] = [:]
        for g in glyphs { counts[usage.width(of: g.gid), default: 0] += 1 }
        let dw = (counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
                  ?? GlyphUsage.glyphSpaceEm).rounded()
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
        return (Int(dw), w)
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
            let chunk = entries[i..<min(i + PDFFont.bfcharChunk, entries.count)]
            out += "\(chunk.count) beginbfchar\n"
            for (code, text) in chunk {
                bytes.removeAll(keepingCapacity: true)
                PDFObject.appendHex([UInt8((code >> 8) & 0xFF), UInt8(code & 0xFF)], to: &bytes)
                out += "<" + String(decoding: bytes, as: UTF8.self) + "> <"
                bytes.removeAll(keepingCapacity: true)
                PDFObject.appendHex(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, to: &bytes)
                out += String(decoding: bytes, as: UTF8.self) + ">\n"
            }
            out += "endbfchar\n"
            i += PDFFont.bfcharChunk
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
