import CHarfBuzz
import Foundation
import ShenbaoCore

extension FontFace {
    /// How a subset numbers its glyphs.
    public enum GlyphNumbering: Sendable {
        /// Glyph ids stay as in the full font (empty slots in between), so a PDF can use
        /// `/CIDToGIDMap /Identity` and content written before subsetting stays valid.
        case retain
        /// Glyphs are renumbered densely from 0 (smaller `loca`/`hmtx`); `glyphMap` gives old → new.
        case compact
    }

    /// A subset font program and, for `.compact`, how old glyph ids map to new ones.
    public struct Subset: Sendable {
        /// A font holding only the requested glyphs (TrueType ones fit a PDF `FontFile2`).
        public var data: Data
        /// Old glyph id → glyph id in `data` (identity for `.retain`).
        public var glyphMap: [UInt32: UInt32]
    }

    /// Tables a PDF CID font never reads (ISO 32000-1 §9.9: a CIDFontType2 needs only
    /// glyf/loca/head/hhea/hmtx/maxp, a CIDFontType0 only the CFF program, cmap/OS/2/name/post being
    /// harmless); layout tables are dropped because shaping is already done.
    static let droppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "mort", "feat",
                                "vhea", "vmtx", "VORG", "DSIG", "gasp", "hdmx", "LTSH", "VDMX", "EBDT", "EBLC",
                                "EBSC", "bdat", "bloc", "PCLT", "cvt ", "fpgm", "prep"]

    /// Makes a subset font (TrueType or OpenType/CFF, as the face is) holding `glyphs` (glyph 0,
    /// `.notdef`, is always kept), without hinting.
    ///
    /// Throws `font.subset_failed` (exit 2) if HarfBuzz cannot subset this face.
    public func subset(glyphs: Set<UInt32>, numbering: GlyphNumbering = .retain) throws -> Subset {
        try hbSubset(glyphs: glyphs, numbering: numbering) { result, map in
            guard let blob = hb_face_reference_blob(result) else { throw subsetFailure() }
            defer { hb_blob_destroy(blob) }
            var length: UInt32 = 0
            guard let bytes = hb_blob_get_data(blob, &length), length > 0 else { throw subsetFailure() }
            return Subset(data: Data(bytes: bytes, count: Int(length)), glyphMap: map)
        }
    }

    /// The bare CFF program (the `CFF ` table) of a subset holding `glyphs`, for a PDF `FontFile3`
    /// of subtype `CIDFontType0C` (ISO 32000-1 §9.9, Table 126), and the old → new glyph ids.
    ///
    /// A CID-keyed font keeps each glyph's CID in the subset's charset whatever the numbering, so
    /// `.compact` suits it; a name-keyed one needs `.retain`, as its glyph ids are the PDF's CIDs.
    /// Throws `font.subset_failed` when the face has no CFF outlines or HarfBuzz cannot subset it.
    public func cffSubsetProgram(glyphs: Set<UInt32>, numbering: GlyphNumbering) throws
        -> (program: [UInt8], glyphMap: [UInt32: UInt32]) {
        try hbSubset(glyphs: glyphs, numbering: numbering) { result, map in
            guard let table = hb_face_reference_table(result, FontFace.tag("CFF ")) else { throw subsetFailure() }
            defer { hb_blob_destroy(table) }
            var length: UInt32 = 0
            guard let bytes = hb_blob_get_data(table, &length), length > 0 else { throw subsetFailure() }
            return ([UInt8](UnsafeRawBufferPointer(start: bytes, count: Int(length))), map)
        }
    }

    /// Runs hb-subset on `glyphs` and hands `body` the subset face (valid only during the call)
    /// with the old → new glyph ids.
    private func hbSubset<T>(glyphs: Set<UInt32>, numbering: GlyphNumbering,
                             _ body: (OpaquePointer, [UInt32: UInt32]) throws -> T) throws -> T {
        guard let input = hb_subset_input_create_or_fail() else { throw subsetFailure() }
        defer { hb_subset_input_destroy(input) }
        var flags = HB_SUBSET_FLAGS_NO_HINTING.rawValue
        if numbering == .retain { flags |= HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue }
        hb_subset_input_set_flags(input, flags)
        let gset = hb_subset_input_glyph_set(input)
        hb_set_add(gset, 0)
        for g in glyphs.sorted() { hb_set_add(gset, g) }
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for t in FontFace.droppedTables { hb_set_add(drop, FontFace.tag(t)) }
        guard let result = hb_subset_or_fail(face, input) else { throw subsetFailure() }
        defer { hb_face_destroy(result) }
        var map: [UInt32: UInt32] = [:]
        let sorted = ([0] + glyphs.filter { $0 != 0 }).sorted()
        switch numbering {
        case .retain:
            for g in sorted { map[g] = g }
        case .compact:
            // hb-subset keeps the requested glyphs in their old order (plus composite components,
            // which we do not address directly), so read the real mapping back from HarfBuzz.
            if let hbMap = hb_subset_input_old_to_new_glyph_mapping(face, input, sorted) {
                map = hbMap
            } else {
                for (i, g) in sorted.enumerated() { map[g] = UInt32(i) }
            }
        }
        return try body(result, map)
    }

    static func tag(_ s: String) -> hb_tag_t {
        s.utf8.reduce(0) { ($0 << 8) | hb_tag_t($1) }
    }

    func subsetFailure() -> ShenbaoFailure {
        ShenbaoFailure.unusable(.fontSubsetFailed, file: path,
            zh: "无法为 PDF 截取字体子集（\(familyName)）。请换用其他字体。",
            en: "cannot subset the font \(familyName) for the PDF; use another font.")
    }
}

/// Recomputes hb-subset's old → new glyph ids with its plan API (HarfBuzz ≥ 4.0).
private func hb_subset_input_old_to_new_glyph_mapping(_ face: OpaquePointer, _ input: OpaquePointer,
                                                      _ glyphs: [UInt32]) -> [UInt32: UInt32]? {
    guard let plan = hb_subset_plan_create_or_fail(face, input) else { return nil }
    defer { hb_subset_plan_destroy(plan) }
    guard let map = hb_subset_plan_old_to_new_glyph_mapping(plan) else { return nil }
    var result: [UInt32: UInt32] = [:]
    for g in glyphs {
        let n = hb_map_get(map, g)
        if n != UInt32.max { result[g] = n }
    }
    return result
}
