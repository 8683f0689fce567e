import CHarfBuzz

/// How the CFF program of a face (OpenType `CFF ` table) identifies its glyphs, which decides how a
/// PDF `CIDFontType0` selects them (ISO 32000-1 §9.7.4.2): a CID-keyed font (Top DICT with `ROS`)
/// maps CIDs to glyphs through its charset; in a name-keyed one the CIDs are the glyph ids.
public enum CFFKeying: Sendable {
    /// A name-keyed font (Type 1-like): CID = glyph id.
    case names
    /// A CID-keyed font, with the CID of each glyph read from its charset.
    case cids(CFFCharset)

    /// Reads the keying of the `CFF ` table of `face`; nil when the face has none, or it is malformed.
    static func read(_ face: OpaquePointer) -> CFFKeying? {
        guard let blob = hb_face_reference_table(face, FontFace.tag("CFF ")) else { return nil }
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return nil }
        return parse(UnsafeRawBufferPointer(start: data, count: Int(length)), glyphCount: Int(hb_face_get_glyph_count(face)))
    }

    /// The keying of the CFF program `bytes` with `glyphCount` glyphs; nil when it is malformed.
    static func parse(_ bytes: UnsafeRawBufferPointer, glyphCount: Int) -> CFFKeying? {
        try? CFFReader(bytes: bytes).keying(glyphCount: glyphCount)
    }
}

/// The glyph → CID map of a CID-keyed CFF font (Adobe TN #5176 §13 "Charsets"), as runs of
/// consecutive glyphs with consecutive CIDs: format 2 charsets, as in Noto CJK, are a few runs
/// for 65,535 glyphs, so the map is small and a lookup a binary search.
public struct CFFCharset: Sendable {
    /// (first glyph, its CID, glyphs in the run), sorted by glyph; glyph 0 (`.notdef`) is CID 0.
    let runs: [(glyph: UInt32, cid: UInt32, count: UInt32)]

    /// The CID of glyph `gid`, or nil when the font has no such glyph.
    public func cid(ofGlyph gid: UInt32) -> UInt32? {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].glyph + runs[mid].count <= gid { low = mid + 1 } else { high = mid }
        }
        guard low < runs.count, runs[low].glyph <= gid else { return nil }
        return runs[low].cid + (gid - runs[low].glyph)
    }
}

/// A bounds-checked reader of the parts of a CFF program the keying needs: header, Name INDEX,
/// Top DICT INDEX, the Top DICT's `ROS` (12 30) and `charset` (15) operators, and the charset.
private struct CFFReader {
    struct Malformed: Error {}
    let bytes: UnsafeRawBufferPointer

    func u8(_ at: Int) throws -> Int {
        guard at >= 0, at < bytes.count else { throw Malformed() }
        return Int(bytes[at])
    }

    func u16(_ at: Int) throws -> Int { try u8(at) << 8 | u8(at + 1) }

    func offset(_ at: Int, size: Int) throws -> Int {
        guard (1...4).contains(size) else { throw Malformed() }
        var v = 0
        for i in 0..<size { v = v << 8 | (try u8(at + i)) }
        return v
    }

    /// The byte ranges of the items of the INDEX at `at` (§5), and where the INDEX ends.
    func index(at: Int) throws -> (items: [Range<Int>], end: Int) {
        let count = try u16(at)
        if count == 0 { return ([], at + 2) }
        let size = try u8(at + 2)
        let base = at + 3 + (count + 1) * size - 1
        var items: [Range<Int>] = []
        var start = try offset(at + 3, size: size)
        for i in 1...count {
            let end = try offset(at + 3 + i * size, size: size)
            guard start >= 1, end >= start, base + end <= bytes.count else { throw Malformed() }
            items.append((base + start)..<(base + end))
            start = end
        }
        return (items, base + start)
    }

    /// The operators of the DICT in `range` (§4) with their integer operands; two-byte operators
    /// as 1200 + the second byte. Real operands (30) are skipped: none the keying needs is real.
    func dict(_ range: Range<Int>) throws -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        var operands: [Int] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let b0 = try u8(i)
            switch b0 {
            case 0...21:
                let op = b0 == 12 ? 1200 + (try u8(i + 1)) : b0
                i += b0 == 12 ? 2 : 1
                result[op] = operands
                operands.removeAll()
            case 28: operands.append(Int(Int16(truncatingIfNeeded: try u16(i + 1)))); i += 3
            case 29: operands.append(Int(Int32(truncatingIfNeeded: try offset(i + 1, size: 4)))); i += 5
            case 30:
                i += 1
                while try u8(i) & 0x0F != 0x0F, try u8(i) >> 4 != 0x0F { i += 1 }
                i += 1
                operands.append(0)
            case 32...246: operands.append(b0 - 139); i += 1
            case 247...250: operands.append((b0 - 247) * 256 + (try u8(i + 1)) + 108); i += 2
            case 251...254: operands.append(-(b0 - 251) * 256 - (try u8(i + 1)) - 108); i += 2
            default: throw Malformed()
            }
        }
        return result
    }

    /// Name-keyed, or CID-keyed with the charset's glyph → CID runs (formats 0, 1, 2, §13).
    func keying(glyphCount: Int) throws -> CFFKeying {
        let names = try index(at: try u8(2))
        let top = try index(at: names.end)
        guard let topDict = top.items.first else { throw Malformed() }
        let dict = try dict(topDict)
        guard dict[1230] != nil else { return .names }
        // A CID-keyed font has a custom charset; 0–2 name the predefined name-keyed ones.
        guard let at = dict[15]?.last, at > 2 else { throw Malformed() }
        var runs: [(glyph: UInt32, cid: UInt32, count: UInt32)] = [(0, 0, 1)]
        func add(_ cid: Int, _ count: Int) {
            let last = runs[runs.count - 1]
            if last.glyph > 0, last.cid + last.count == UInt32(cid) {
                runs[runs.count - 1].count += UInt32(count)
            } else {
                runs.append((last.glyph + last.count, UInt32(cid), UInt32(count)))
            }
        }
        var covered = 1
        var i = at + 1
        switch try u8(at) {
        case 0:
            while covered < glyphCount { add(try u16(i), 1); covered += 1; i += 2 }
        case 1, 2:
            let wide = try u8(at) == 2
            while covered < glyphCount {
                let first = try u16(i)
                let count = (wide ? try u16(i + 2) : try u8(i + 2)) + 1
                add(first, count)
                covered += count
                i += wide ? 4 : 3
            }
        default: throw Malformed()
        }
        return .cids(CFFCharset(runs: runs))
    }
}
