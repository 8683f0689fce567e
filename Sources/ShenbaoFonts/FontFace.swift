import CHarfBuzz
import Foundation
import ShenbaoCore

/// One face of a TrueType/OpenType file (a `.ttf`, or one face of a `.ttc`), loaded once and shared.
///
/// Why a class and `@unchecked Sendable`: the HarfBuzz face and font are made immutable right after
/// loading, and HarfBuzz documents immutable `hb_face_t`/`hb_font_t` as safe to use from many threads;
/// each shaping call makes its own `hb_buffer_t`. So one `FontFace` serves every render job at once.
public final class FontFace: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The file the face was read from.
    public let path: String
    /// The face's index inside a collection (0 for a plain `.ttf`).
    public let faceIndex: UInt32
    /// Font units per em (`head.unitsPerEm`): every metric below is in these units.
    public let unitsPerEm: Int32
    /// Typographic ascender (positive, font units), as HarfBuzz reports it from OS/2 or hhea.
    public let ascender: Int32
    /// Typographic descender (negative, font units).
    public let descender: Int32
    /// Height of capital letters (font units); estimated as 70% of the em when the font does not say.
    public let capHeight: Int32
    /// The font's bounding box (xMin, yMin, xMax, yMax) in font units, from `head`.
    public let boundingBox: (xMin: Int32, yMin: Int32, xMax: Int32, yMax: Int32)
    /// Number of glyphs in the face (`maxp.numGlyphs`).
    public let glyphCount: UInt32
    /// PostScript name (name id 6), used for the PDF `/BaseFont`; spaces removed, never empty.
    public let postScriptName: String
    /// Family name (name id 1), for messages.
    public let familyName: String
    /// How the face's CFF outlines identify glyphs (name- or CID-keyed); nil when it has no
    /// readable `CFF ` table (TrueType outlines). Read once here: a PDF needs it for every glyph.
    public let cffKeying: CFFKeying?
    /// Whether `subset(inOrder:)` can subset this face: it has TrueType outlines (`glyf`/`loca`).
    /// Read once here: every PDF font of every record asks, and each look at a table is an
    /// allocation HarfBuzz makes.
    public let hasTrueTypeOutlines: Bool

    let blob: OpaquePointer
    let face: OpaquePointer
    let font: OpaquePointer

    /// Loads face `index` of the font file at `path`.
    ///
    /// Throws `font.unreadable` (exit 2) when the file is missing or is not a font.
    public init(path: String, index: UInt32 = 0) throws {
        guard let blob = hb_blob_create_from_file_or_fail(path) else {
            throw ShenbaoFailure.unusable(.fontUnreadable, file: path,
                zh: "无法读取字体文件。请确认文件存在且可读。",
                en: "cannot read the font file; check that it exists and is readable.")
        }
        let faceCount = hb_face_count(blob)
        guard index < max(faceCount, 1), let face = hb_face_create(blob, index),
              hb_face_get_glyph_count(face) > 0 else {
            hb_blob_destroy(blob)
            throw ShenbaoFailure.unusable(.fontUnreadable, file: path,
                zh: "不是可用的 TrueType/OpenType 字体，或没有第 \(index) 个字面（共 \(faceCount) 个）。",
                en: "not a usable TrueType/OpenType font, or it has no face \(index) (it has \(faceCount)).")
        }
        hb_face_make_immutable(face)
        let font = hb_font_create(face)!
        hb_ot_font_set_funcs(font)
        hb_font_make_immutable(font)
        self.blob = blob
        self.face = face
        self.font = font
        self.path = path
        self.faceIndex = index
        let upem = Int32(hb_face_get_upem(face))
        self.unitsPerEm = upem
        // hb_font_create scales to upem, so these come back in font units.
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        self.ascender = extents.ascender
        self.descender = extents.descender
        var cap: hb_position_t = 0
        if hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) != 0, cap > 0 {
            self.capHeight = cap
        } else {
            self.capHeight = upem * 7 / 10
        }
        self.glyphCount = hb_face_get_glyph_count(face)
        self.cffKeying = CFFKeying.read(face)
        self.hasTrueTypeOutlines = FontFace.hasTables(face, ["glyf", "loca", "head", "hhea", "hmtx", "maxp"])
        self.boundingBox = FontFace.headBoundingBox(face) ?? (0, extents.descender, upem, extents.ascender)
        let ps = FontFace.name(face, 6)
        let family = FontFace.name(face, 1) ?? "Font"
        self.familyName = family
        let base = (ps ?? family).filter { !$0.isWhitespace && $0.isASCII && !"()<>[]{}/%#".contains($0) }
        self.postScriptName = base.isEmpty ? "Font" : base
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
    }

    public static func == (a: FontFace, b: FontFace) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { "\(familyName) (\(path):\(faceIndex))" }

    /// The nominal glyph for `scalar` from the face's `cmap`, or nil when the face lacks it.
    public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        var gid: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar.value, &gid) != 0 && gid != 0 ? gid : nil
    }

    /// Horizontal advance of glyph `gid` in font units (`hmtx`), the width a PDF `/W` array records.
    public func advance(glyph gid: UInt32) -> Int32 {
        hb_font_get_glyph_h_advance(font, gid)
    }

    /// The scalars of `text` this face has no glyph for, each once, in order; controls and format
    /// characters (line breaks, tabs, zero-width joiners) are ignored because they are never drawn.
    public func missingScalars(in text: String) -> [Unicode.Scalar] {
        var seen = Set<Unicode.Scalar>()
        var result: [Unicode.Scalar] = []
        for s in text.unicodeScalars where FontFace.isDrawn(s) && glyph(for: s) == nil {
            if seen.insert(s).inserted { result.append(s) }
        }
        return result
    }

    /// Whether a scalar leaves ink or takes room, so that a font must supply a glyph for it.
    static func isDrawn(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        // Private-use characters count as drawn: legacy GBK data maps rare hanzi there, and
        // printing them as empty boxes is exactly what the validator must warn about.
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
            return false
        default:
            return true
        }
    }

    /// Every Unicode scalar the face maps to a glyph (from `cmap`).
    public func coveredScalars() -> Set<UInt32> {
        let set = hb_set_create()
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(face, set)
        var result = Set<UInt32>()
        var cp: hb_codepoint_t = UInt32.max
        while hb_set_next(set, &cp) != 0 { result.insert(cp) }
        return result
    }

    private static func name(_ face: OpaquePointer, _ id: hb_ot_name_id_t) -> String? {
        var length: UInt32 = 0
        let needed = hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &length, nil)
        guard needed > 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(needed) + 1)
        length = needed + 1
        _ = hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &length, &buffer)
        let s = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return s.isEmpty ? nil : s
    }

    /// Reads xMin..yMax from the `head` table (offset 36, four int16), ISO/IEC 14496-22 §5.2.2.
    private static func headBoundingBox(_ face: OpaquePointer) -> (Int32, Int32, Int32, Int32)? {
        let tag: hb_tag_t = (UInt32(UInt8(ascii: "h")) << 24) | (UInt32(UInt8(ascii: "e")) << 16)
            | (UInt32(UInt8(ascii: "a")) << 8) | UInt32(UInt8(ascii: "d"))
        guard let table = hb_face_reference_table(face, tag) else { return nil }
        defer { hb_blob_destroy(table) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(table, &length), length >= 44 else { return nil }
        func i16(_ at: Int) -> Int32 {
            Int32(Int16(bitPattern: UInt16(UInt8(bitPattern: data[at])) << 8 | UInt16(UInt8(bitPattern: data[at + 1]))))
        }
        return (i16(36), i16(38), i16(40), i16(42))
    }
}
