import ShenbaoCore
import ShenbaoFonts
import ShenbaoPDFWriter

/// The objects of one embedded font (ISO 32000-1 §9.7): Type0, the CIDFont, FontDescriptor, the
/// subset font program and ToUnicode, made from the glyphs a document showed (`GlyphUsage`) with
/// the streams already encoded, before any object number is known: so a font made once
/// (`FixedGlyphs`) is written into many files as it is. See `PDFFont` for the kinds of outlines.
struct FontObjects: Sendable {
    let type0: PDFDictionary
    let cidFont: PDFDictionary
    let descriptor: PDFDictionary
    /// `FontFile2` or `FontFile3` (Table 126).
    let fileKey: String
    let program: (dictionary: PDFDictionary, payload: [UInt8])
    let toUnicode: (dictionary: PDFDictionary, payload: [UInt8])

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

    /// A subset font program, by the outlines it holds, which set the CIDFont's subtype and the
    /// descriptor's font file key (Table 126).
    private enum Program {
        case trueType([UInt8])
        case cff([UInt8])
    }

    /// The objects for the glyphs `usage` holds, the font program subset to them.
    init(usage: GlyphUsage, compression: Int32?) throws {
        let face = usage.face
        if usage.numbering == .byUse {
            guard let subset = try face.subsetProgram(inOrder: usage.slotGlyph) else { throw Self.subsetFailure(face) }
            let glyphs = usage.slotGlyph.enumerated().map { (cid: UInt32($0.offset), gid: $0.element) }
            self.init(usage: usage, program: .trueType(subset.program), glyphs: glyphs, compression: compression)
            return
        }
        let gids = Set([0] + usage.usedGlyphs)
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
            throw Self.subsetFailure(face)
        }
        self.init(usage: usage, program: program, glyphs: glyphs, compression: compression)
    }

    private static func subsetFailure(_ face: FontFace) -> ShenbaoFailure {
        ShenbaoFailure.unusable(.fontSubsetFailed, file: face.path,
            zh: "无法为 PDF 截取字体子集（\(face.familyName)）。请换用其他字体。",
            en: "cannot subset the font \(face.familyName) for the PDF; use another font.")
    }

    private init(usage: GlyphUsage, program: Program, glyphs: [(cid: UInt32, gid: UInt32)], compression: Int32?) {
        let face = usage.face
        let baseFont = Self.subsetTag(glyphs: glyphs.map(\.gid), name: face.postScriptName) + "+" + face.postScriptName
        func em(_ v: Int32) -> PDFObject { .real(GlyphUsage.glyphSpace(v, unitsPerEm: face.unitsPerEm)) }

        type0 = ["Type": .name("Font"), "Subtype": .name("Type0"), "BaseFont": .name(baseFont), "Encoding": .name("Identity-H")]
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
            // Its place kept for the reference `write` puts in (a dictionary's keys keep their order).
            "FontDescriptor": .null,
        ]
        let (dw, w) = Self.widths(glyphs, usage: usage)
        cid["DW"] = .integer(dw)
        if !w.isEmpty { cid["W"] = .array(w) }
        if case .trueType = program { cid["CIDToGIDMap"] = .name("Identity") }
        cidFont = cid

        let box = face.boundingBox
        descriptor = [
            "Type": .name("FontDescriptor"), "FontName": .name(baseFont), "Flags": .integer(Self.symbolicFlags),
            "FontBBox": .array([em(box.xMin), em(box.yMin), em(box.xMax), em(box.yMax)]),
            "ItalicAngle": .integer(0), "Ascent": em(face.ascender), "Descent": em(face.descender),
            "CapHeight": em(face.capHeight), "StemV": .integer(Self.regularStemV),
        ]
        self.fileKey = fileKey
        self.program = PDFWriter.encodeStream(fileEntries, data: bytes, compression: compression)
        toUnicode = PDFWriter.encodeStream([:], data: Self.toUnicodeCMap(usage.codeTexts), compression: compression)
    }

    /// Writes the five objects, the Type0 font as `ref`.
    func write(into writer: inout PDFWriter, ref: PDFRef) {
        let cidRef = writer.allocate()
        let descriptorRef = writer.allocate()
        let fileRef = writer.allocate()
        let toUnicodeRef = writer.allocate()
        var type0 = self.type0
        type0["DescendantFonts"] = .array([.ref(cidRef)])
        type0["ToUnicode"] = .ref(toUnicodeRef)
        writer.write(ref, .dictionary(type0))
        var cid = cidFont
        cid["FontDescriptor"] = .ref(descriptorRef)
        writer.write(cidRef, .dictionary(cid))
        var descriptor = self.descriptor
        descriptor[fileKey] = .ref(fileRef)
        writer.write(descriptorRef, .dictionary(descriptor))
        writer.writeEncodedStream(fileRef, program.dictionary, payload: program.payload)
        writer.writeEncodedStream(toUnicodeRef, toUnicode.dictionary, payload: toUnicode.payload)
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

    /// `/DW` and `/W` (§9.7.4.3): the commonest width (a full em for CJK) as `/DW`, an integer
    /// because poppler ignores a real one and falls back to 1000; `/W` lists the others as runs
    /// of consecutive CIDs.
    private static func widths(_ glyphs: [(cid: UInt32, gid: UInt32)], usage: GlyphUsage) -> (dw: Int, w: [PDFObject]) {
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
    static func toUnicodeCMap(_ entries: [(code: UInt32, text: String)]) -> [UInt8] {
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
            let chunk = entries[i..<min(i + Self.bfcharChunk, entries.count)]
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
            i += Self.bfcharChunk
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
