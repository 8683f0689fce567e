import CHarfBuzz
import Foundation

extension FontFace {
    /// Makes a TrueType subset whose glyph `i` is `glyphs[i]` of this face (composite glyphs'
    /// components follow, renumbered too), so a PDF can number its CIDs as the content first used
    /// them and still map CID → glyph with `/CIDToGIDMap /Identity`.
    ///
    /// Why our own and not hb-subset: HarfBuzz 6 cannot be told the new numbering (it keeps the old
    /// order or the old ids), and a CID-keyed PDF font needs only the tables ISO 32000-1 §9.9 names
    /// (`head`, `hhea`, `maxp`, `hmtx`, `loca`, `glyf`), plus `OS/2`, a two-name `name` and `post`
    /// format 3 for viewers that look. Copying a few hundred glyph records is several times faster
    /// than a general subsetter, and the result has no empty `loca`/`hmtx` slots.
    /// Hinting instructions are dropped (as with `HB_SUBSET_FLAGS_NO_HINTING`): print does not need them
    /// and the `fpgm`/`prep`/`cvt ` they would call are not kept.
    ///
    /// `glyphs[0]` should be 0 (`.notdef`). Returns nil when the face has no TrueType outlines
    /// (use `subset(glyphs:numbering:)` then); throws `font.subset_failed` for a malformed font.
    public func subset(inOrder glyphs: [UInt32]) throws -> Subset? {
        guard let (bytes, map) = try subsetProgram(inOrder: glyphs) else { return nil }
        return Subset(data: Data(bytes), glyphMap: map)
    }

    /// `subset(inOrder:)` as bytes, for callers that write them out straight away (a PDF stream)
    /// and should not pay for a copy into `Data` and back.
    public func subsetProgram(inOrder glyphs: [UInt32]) throws -> (program: [UInt8], glyphMap: [UInt32: UInt32])? {
        let referenced = ["head", "hhea", "maxp", "hmtx", "loca", "glyf"].map(table)
        // Every table referenced is let go, also when a later one is missing.
        defer { for t in referenced { if let t { hb_blob_destroy(t.blob) } } }
        guard let head = referenced[0], let hhea = referenced[1], let maxp = referenced[2],
              let hmtx = referenced[3], let loca = referenced[4], let glyf = referenced[5] else { return nil }
        guard head.bytes.count >= 54, hhea.bytes.count >= 36, maxp.bytes.count >= 6 else { throw subsetFailure() }
        let longLoca = head.bytes.u16(50) == 1
        let numGlyphs = Int(maxp.bytes.u16(4))
        let numberOfHMetrics = Int(hhea.bytes.u16(34))
        guard numberOfHMetrics >= 1, hmtx.bytes.count >= numberOfHMetrics * 4 + (numGlyphs - numberOfHMetrics) * 2,
              loca.bytes.count >= (numGlyphs + 1) * (longLoca ? 4 : 2) else { throw subsetFailure() }

        func glyphRange(_ g: Int) throws -> Range<Int> {
            guard g < numGlyphs else { throw subsetFailure() }
            let start = longLoca ? Int(loca.bytes.u32(g * 4)) : Int(loca.bytes.u16(g * 2)) * 2
            let end = longLoca ? Int(loca.bytes.u32(g * 4 + 4)) : Int(loca.bytes.u16(g * 2 + 2)) * 2
            guard start <= end, end <= glyf.bytes.count else { throw subsetFailure() }
            return start..<end
        }

        // New ids: the requested order, then components of composites as they are met.
        var order: [UInt32] = []
        var newID: [UInt32: UInt32] = [:]
        order.reserveCapacity(glyphs.count + 8)
        newID.reserveCapacity(glyphs.count + 8)
        for g in glyphs where newID[g] == nil {
            newID[g] = UInt32(order.count)
            order.append(g)
        }
        var glyfOut: [UInt8] = []
        var expected = 0
        for g in order { expected += try glyphRange(Int(g)).count + 3 }
        glyfOut.reserveCapacity(expected + 4096)
        var locaOut: [UInt32] = [0]
        locaOut.reserveCapacity(order.count + 8)
        var i = 0
        while i < order.count {
            let range = try glyphRange(Int(order[i]))
            if range.count >= 10 {
                let record = UnsafeRawBufferPointer(rebasing: glyf.bytes[range])
                let contours = Int16(bitPattern: record.u16(0))
                if contours >= 0 {
                    try appendSimple(record, contours: Int(contours), to: &glyfOut)
                } else {
                    try appendComposite(record, to: &glyfOut) { component in
                        if let known = newID[component] { return known }
                        guard Int(component) < numGlyphs, order.count < 0xFFFF else { throw subsetFailure() }
                        let id = UInt32(order.count)
                        newID[component] = id
                        order.append(component)
                        return id
                    }
                }
                while glyfOut.count % 4 != 0 { glyfOut.append(0) }
            }
            locaOut.append(UInt32(glyfOut.count))
            i += 1
        }

        let count = order.count
        var tables: [(tag: String, data: [UInt8])] = []
        var headOut = Array(head.bytes.prefix(54))
        headOut.put32(8, 0)                      // checkSumAdjustment, set at the end
        headOut.put16(50, 1)                     // indexToLocFormat: long offsets
        tables.append(("head", headOut))
        var hheaOut = Array(hhea.bytes.prefix(36))
        hheaOut.put16(34, UInt16(count))
        tables.append(("hhea", hheaOut))
        var maxpOut = Array(maxp.bytes)
        maxpOut.put16(4, UInt16(count))
        tables.append(("maxp", maxpOut))
        var hmtxOut: [UInt8] = []
        hmtxOut.reserveCapacity(count * 4)
        for g in order.map(Int.init) {
            let advance = hmtx.bytes.u16(min(g, numberOfHMetrics - 1) * 4)
            let lsb = g < numberOfHMetrics ? hmtx.bytes.u16(g * 4 + 2)
                : hmtx.bytes.u16(numberOfHMetrics * 4 + (g - numberOfHMetrics) * 2)
            hmtxOut.append16(advance)
            hmtxOut.append16(lsb)
        }
        tables.append(("hmtx", hmtxOut))
        var locaBytes: [UInt8] = []
        locaBytes.reserveCapacity(locaOut.count * 4)
        for offset in locaOut { locaBytes.append32(offset) }
        tables.append(("loca", locaBytes))
        tables.append(("glyf", glyfOut))
        if let os2 = table("OS/2") {
            tables.append(("OS/2", Array(os2.bytes)))
            hb_blob_destroy(os2.blob)
        }
        tables.append(("name", nameTable()))
        var post: [UInt8] = []
        if let original = table("post") {
            if original.bytes.count >= 32 { post = Array(original.bytes.prefix(32)) }
            hb_blob_destroy(original.blob)
        }
        if post.isEmpty { post = [UInt8](repeating: 0, count: 32) }
        post.put32(0, 0x0003_0000)               // format 3: no glyph names
        tables.append(("post", post))

        let font = FontFace.assemble(tables)
        var map: [UInt32: UInt32] = [:]
        map.reserveCapacity(glyphs.count)
        for g in glyphs { map[g] = newID[g] }
        return (font, map)
    }

    /// A simple glyph without its instructions (glyf §5.3.3: header, endPts, instructionLength, …).
    private func appendSimple(_ record: UnsafeRawBufferPointer, contours: Int, to out: inout [UInt8]) throws {
        let lengthAt = 10 + contours * 2
        guard record.count >= lengthAt + 2 else { throw subsetFailure() }
        let instructions = Int(record.u16(lengthAt))
        let rest = lengthAt + 2 + instructions
        guard rest <= record.count else { throw subsetFailure() }
        out.append(contentsOf: record[0..<lengthAt])
        out.append16(0)
        out.append(contentsOf: record[rest...])
    }

    /// A composite glyph with its components renumbered by `renumber` and its instructions dropped.
    private func appendComposite(_ record: UnsafeRawBufferPointer, to out: inout [UInt8],
                                 renumber: (UInt32) throws -> UInt32) throws {
        out.append(contentsOf: record[0..<10])
        var at = 10
        while true {
            guard at + 4 <= record.count else { throw subsetFailure() }
            var flags = record.u16(at)
            let more = flags & 0x0020 != 0
            var size = 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 { size += 2 } else if flags & 0x0040 != 0 { size += 4 } else if flags & 0x0080 != 0 { size += 8 }
            guard at + size <= record.count else { throw subsetFailure() }
            flags &= ~0x0100                     // WE_HAVE_INSTRUCTIONS: dropped
            out.append16(flags)
            out.append16(UInt16(try renumber(UInt32(record.u16(at + 2)))))
            out.append(contentsOf: record[(at + 4)..<(at + size)])
            at += size
            if !more { break }
        }
    }

    /// `name` format 0 with the family (1), subfamily (2), full (4) and PostScript (6) names, Windows
    /// Unicode BMP (platform 3, encoding 1, en-US): what viewers show for an embedded font.
    private func nameTable() -> [UInt8] {
        let names: [(UInt16, String)] = [(1, familyName), (2, "Regular"), (4, familyName), (6, postScriptName)]
        var strings: [UInt8] = []
        var out: [UInt8] = []
        out.append16(0)
        out.append16(UInt16(names.count))
        out.append16(UInt16(6 + 12 * names.count))
        for (id, text) in names {
            let utf16 = Array(text.utf16.prefix(200))
            out.append16(3); out.append16(1); out.append16(0x0409); out.append16(id)
            out.append16(UInt16(utf16.count * 2)); out.append16(UInt16(strings.count))
            for unit in utf16 { strings.append16(unit) }
        }
        return out + strings
    }

    /// The sfnt wrapper (OpenType §5.1): table directory sorted by tag, 4-byte aligned tables,
    /// checksums, and `head.checkSumAdjustment` so the whole font sums to 0xB1B0AFBA.
    static func assemble(_ tables: [(tag: String, data: [UInt8])]) -> [UInt8] {
        let sorted = tables.sorted { Array($0.tag.utf8).lexicographicallyPrecedes(Array($1.tag.utf8)) }
        var power = 1, log = 0
        while power * 2 <= sorted.count { power *= 2; log += 1 }
        var out: [UInt8] = []
        out.reserveCapacity(12 + 16 * sorted.count + sorted.reduce(0) { $0 + $1.data.count + 3 })
        out.append32(0x0001_0000)
        out.append16(UInt16(sorted.count))
        out.append16(UInt16(power * 16))
        out.append16(UInt16(log))
        out.append16(UInt16(sorted.count * 16 - power * 16))
        var offset = 12 + 16 * sorted.count
        var headAt = 0
        for t in sorted {
            out.append32(tag(t.tag))
            out.append32(checksum(t.data))
            out.append32(UInt32(offset))
            out.append32(UInt32(t.data.count))
            offset += (t.data.count + 3) & ~3
        }
        for t in sorted {
            if t.tag == "head" { headAt = out.count }
            out.append(contentsOf: t.data)
            while out.count % 4 != 0 { out.append(0) }
        }
        out.put32(headAt + 8, 0xB1B0_AFBA &- checksum(out))
        return out
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var i = 0
        bytes.withUnsafeBytes { raw in
            while i + 4 <= raw.count {
                sum &+= UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                i += 4
            }
        }
        var last: UInt32 = 0
        for (k, b) in bytes[i...].enumerated() { last |= UInt32(b) << (24 - 8 * k) }
        return sum &+ last
    }

    /// Whether `face` has every one of `names`, non-empty. Each reference is let go: a table the
    /// caller does not read must not outlive the look.
    static func hasTables(_ face: OpaquePointer, _ names: [String]) -> Bool {
        names.allSatisfy { name in
            guard let table = table(name, of: face) else { return false }
            hb_blob_destroy(table.blob)
            return true
        }
    }

    /// One table of the face as HarfBuzz holds it (no copy); the caller destroys `blob`.
    func table(_ name: String) -> (blob: OpaquePointer, bytes: UnsafeRawBufferPointer)? {
        Self.table(name, of: face)
    }

    /// Table `name` of `face`, non-empty; the caller destroys `blob`.
    static func table(_ name: String, of face: OpaquePointer) -> (blob: OpaquePointer, bytes: UnsafeRawBufferPointer)? {
        guard let blob = hb_face_reference_table(face, FontFace.tag(name)) else { return nil }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else {
            hb_blob_destroy(blob)
            return nil
        }
        return (blob, UnsafeRawBufferPointer(start: data, count: Int(length)))
    }
}

extension UnsafeRawBufferPointer {
    func u16(_ at: Int) -> UInt16 { UInt16(self[at]) << 8 | UInt16(self[at + 1]) }
    func u32(_ at: Int) -> UInt32 {
        UInt32(self[at]) << 24 | UInt32(self[at + 1]) << 16 | UInt32(self[at + 2]) << 8 | UInt32(self[at + 3])
    }
}

extension Array where Element == UInt8 {
    mutating func append16(_ v: UInt16) { append(UInt8(v >> 8)); append(UInt8(v & 0xFF)) }
    mutating func append32(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xFF)); append(UInt8((v >> 8) & 0xFF)); append(UInt8(v & 0xFF))
    }
    mutating func put16(_ at: Int, _ v: UInt16) { self[at] = UInt8(v >> 8); self[at + 1] = UInt8(v & 0xFF) }
    mutating func put32(_ at: Int, _ v: UInt32) {
        self[at] = UInt8(v >> 24); self[at + 1] = UInt8((v >> 16) & 0xFF)
        self[at + 2] = UInt8((v >> 8) & 0xFF); self[at + 3] = UInt8(v & 0xFF)
    }
}
