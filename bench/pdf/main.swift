// Measures the costs of putting Chinese text into a PDF: shaping, subsetting (ids retained vs
// compacted), deflate levels, and a whole document. Run: bench/pdf/run.sh (release build).
import CDeflate
import CZlib
import Foundation
import ShenbaoFonts
import ShenbaoPDF
import ShenbaoPDFWriter
import ShenbaoZip

let umingPath = "/usr/share/fonts/truetype/arphic/uming.ttc"
let gbsnPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
// The shared folder sits beside the package root (../shared), or beside the worktrees' parent.
let noticePath = ["../../../shared", "../../../../shared"].map {
    here.appendingPathComponent($0 + "/seeds/notice-2024-130.txt").standardized.path
}.first { FileManager.default.fileExists(atPath: $0) } ?? "../shared/seeds/notice-2024-130.txt"

func median(_ runs: Int = 15, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    return times.sorted()[runs / 2]
}
func ms(_ v: Double) -> String { String(format: "%.3f ms", v) }
func kb(_ n: Int) -> String { String(format: "%.1f KB", Double(n) / 1024) }

let face = try FontFace(path: umingPath, index: 0)
// Text: the 2024 notice (its distinct ideographs, punctuation, digits, Latin), topped up with
// common ideographs so that about 460 distinct glyphs are used, as a filled form set would.
var text = (try? String(contentsOfFile: noticePath, encoding: .utf8)) ?? ""
if text.isEmpty { print("note: \(noticePath) absent; using a synthetic text") }
var distinct = Set(face.shape(text).map(\.gid))
var cp: UInt32 = 0x4E00
var extra = ""
while distinct.count < 460 {
    let s = Unicode.Scalar(cp)!
    if let g = face.glyph(for: s), !distinct.contains(g) { distinct.insert(g); extra.unicodeScalars.append(s) }
    cp += 1
}
text += extra
let glyphs = face.shape(text)
let gids = Set(glyphs.map(\.gid))
print("text: \(text.unicodeScalars.count) scalars, \(gids.count) distinct glyphs (UMing CN, upem \(face.unitsPerEm), \(face.glyphCount) glyphs)")

// 1. Shaping.
let tShape = median(25) { _ = face.shape(text) }
let lines = text.split(separator: "\n").map(String.init)
let tShapeLines = median(25) { for l in lines { _ = face.shape(l) } }
print("shape whole text: \(ms(tShape)); per line (\(lines.count) lines): \(ms(tShapeLines))")

// 2. Subsetting, retain vs compact, and what each costs after deflate in the PDF.
for numbering in [FontFace.GlyphNumbering.retain, .compact] {
    var subset: FontFace.Subset? = nil
    let t = try median { subset = try face.subset(glyphs: gids, numbering: numbering) }
    let raw = [UInt8](subset!.data)
    var line = "subset \(numbering): \(ms(t)), \(kb(raw.count)) raw"
    for level: Int32 in [1, 6, 9] {
        var packed: [UInt8] = []
        let td = median { packed = zlibCompress(raw, level: level) }
        line += "; deflate \(level): \(kb(packed.count)) in \(ms(td))"
    }
    // libdeflate (same zlib format, no streaming) at comparable and higher levels.
    for level: Int32 in [1, 6, 9, 12] {
        let compressor = libdeflate_alloc_compressor(level)!
        defer { libdeflate_free_compressor(compressor) }
        var out = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, raw.count))
        var size = 0
        let td = median {
            size = raw.withUnsafeBytes { src in out.withUnsafeMutableBytes { dst in
                libdeflate_zlib_compress(compressor, src.baseAddress, src.count, dst.baseAddress, dst.count) } }
        }
        line += "\n    libdeflate \(level): \(kb(size)) in \(ms(td))"
    }
    if numbering == .compact {
        // CIDs stay the old ids in content streams, so a compact subset needs a CIDToGIDMap stream.
        let maxGid = Int(gids.max()!)
        var map = [UInt8](repeating: 0, count: (maxGid + 1) * 2)
        for (old, new) in subset!.glyphMap { map[Int(old) * 2] = UInt8(new >> 8); map[Int(old) * 2 + 1] = UInt8(new & 0xFF) }
        line += "; + CIDToGIDMap \(kb(map.count)) raw, \(kb(Deflate.compress(map, level: 6).count)) deflated"
    }
    print(line)
}

// 2b. Our own glyf/loca subsetter, glyphs numbered in order of first use (what PDFFont embeds).
do {
    var order: [UInt32] = [0]
    var seen: Set<UInt32> = [0]
    for g in glyphs where seen.insert(g.gid).inserted { order.append(g.gid) }
    var subset: FontFace.Subset? = nil
    let t = try median { subset = try face.subset(inOrder: order) }
    let raw = [UInt8](subset!.data)
    var line = "subset in order of use (own glyf/loca): \(ms(t)), \(kb(raw.count)) raw"
    for level: Int32 in [1, 6] {
        var packed: [UInt8] = []
        let td = median { packed = Deflate.compress(raw, level: level) }
        line += "; libdeflate \(level): \(kb(packed.count)) in \(ms(td))"
    }
    print(line)
}

// 3. A whole document: the text over A4 pages at 10.5 pt, at levels 1 and 6.
func document(level: Int32) throws -> Data {
    let doc = PDFDocument(options: .init(compressionLevel: level))
    let font = doc.embed(face)
    var page = doc.addPage(.a4)
    var y = 800.0
    for l in lines {
        var rest = Substring(l)
        while !rest.isEmpty {
            let chunk = String(rest.prefix(40))
            rest = rest.dropFirst(40)
            if y < 60 { page = doc.addPage(.a4); y = 800 }
            page.content.text(chunk, font: font, size: 10.5, x: 60, y: y)
            y -= 16
        }
    }
    return try doc.finish()
}
// `bench-pdf --write FILE` writes the level-6 document and stops (to compare bytes across runs).
if let at = CommandLine.arguments.firstIndex(of: "--write"), at + 1 < CommandLine.arguments.count {
    try document(level: 6).write(to: URL(fileURLWithPath: CommandLine.arguments[at + 1]))
    exit(0)
}
for level: Int32 in [1, 6, 9] {
    var pdf = Data()
    let t = try median(9) { pdf = try document(level: level) }
    print("document (level \(level)): \(ms(t)), \(kb(pdf.count))")
}
let small = [UInt8](repeating: 0, count: 600).enumerated().map { UInt8(($0.offset * 7) % 61) }
let tSmall = median(200) { _ = Deflate.compress(small, level: 6) }
let tSmallZ = median(200) { _ = zlibCompress(small, level: 6) }
print("deflate a 600-byte content stream: libdeflate \(ms(tSmall)) (compressor allocated per call), zlib \(ms(tSmallZ))")
let parts = try median(9) { let doc = PDFDocument(); _ = try face.subset(glyphs: gids); _ = doc }
print("  of which subsetting: \(ms(parts))")

// 4. Coverage of the CJK Unified Ideographs block (U+4E00–U+9FFF) and Extension A (U+3400–U+4DBF).
func coverage(_ f: FontFace) -> (Int, Int) {
    let all = f.coveredScalars()
    return (all.filter { (0x4E00...0x9FFF).contains($0) }.count, all.filter { (0x3400...0x4DBF).contains($0) }.count)
}
let u = coverage(face)
print("coverage UMing CN: URO \(u.0)/20992, Ext A \(u.1)/6592")
if let gbsn = try? FontFace(path: gbsnPath) {
    let g = coverage(gbsn)
    print("coverage gbsn00lp (\(gbsn.familyName)): URO \(g.0)/20992, Ext A \(g.1)/6592")
}

/// zlib's `compress2`, the baseline libdeflate is measured against.
func zlibCompress(_ bytes: [UInt8], level: Int32) -> [UInt8] {
    var destLength = compressBound(uLong(bytes.count))
    var out = [UInt8](repeating: 0, count: Int(destLength))
    let status = bytes.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            compress2(dst.baseAddress, &destLength, src.baseAddress, uLong(src.count), level)
        }
    }
    precondition(status == Z_OK, "compress2 failed: \(status)")
    out.removeSubrange(Int(destLength)...)
    return out
}
