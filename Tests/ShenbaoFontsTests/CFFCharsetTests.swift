import Foundation
import ShenbaoTestSupport
import Testing
@testable import ShenbaoFonts

/// Reading how CFF outlines key their glyphs (Adobe TN #5176), which decides a PDF's CIDs.
@Suite("CFF keying and charsets")
struct CFFCharsetTests {
    /// A CFF program with one font: header, Name INDEX ("T"), a Top DICT (with `ROS` when
    /// CID-keyed, and a `charset` offset), empty String and Global Subr INDEXes, then `charset`.
    static func cff(cidKeyed: Bool, charset: [UInt8]) -> [UInt8] {
        var dict: [UInt8] = []
        // A real operand (FontMatrix-like, 0.001) the reader must step over.
        dict += [30, 0x0A, 0x00, 0x1F, 12, 7]
        // ROS: SIDs 391 and 392 (custom strings) and supplement 0, as 247–250 and 32–246 operands.
        if cidKeyed { dict += [248, 27, 248, 28, 139, 12, 30] }
        let header: [UInt8] = [1, 0, 4, 1]
        let name: [UInt8] = [0, 1, 1, 1, 2, UInt8(ascii: "T")]
        let topLength = dict.count + 6
        let charsetOffset = header.count + name.count + (5 + topLength) + 2 + 2
        dict += [29, 0, 0, UInt8(charsetOffset >> 8), UInt8(charsetOffset & 0xFF), 15]
        let top: [UInt8] = [0, 1, 1, 1, UInt8(1 + dict.count)] + dict
        return header + name + top + [0, 0] + [0, 0] + charset
    }

    static func keying(_ bytes: [UInt8], glyphs: Int) -> CFFKeying? {
        bytes.withUnsafeBytes { CFFKeying.parse($0, glyphCount: glyphs) }
    }

    static func cids(_ keying: CFFKeying?, upTo last: UInt32) -> [UInt32?] {
        guard case .cids(let charset)? = keying else { return [] }
        return (0...last).map { charset.cid(ofGlyph: $0) }
    }

    @Test func format0ListsEachGlyphsCID() {
        let keying = Self.keying(Self.cff(cidKeyed: true, charset: [0, 0, 100, 0, 7, 0, 8]), glyphs: 4)
        #expect(Self.cids(keying, upTo: 4) == [0, 100, 7, 8, nil])
    }

    @Test func format1And2GiveRuns() {
        let one = Self.keying(Self.cff(cidKeyed: true, charset: [1, 0, 10, 2, 0, 50, 1]), glyphs: 6)
        #expect(Self.cids(one, upTo: 6) == [0, 10, 11, 12, 50, 51, nil])
        let two = Self.keying(Self.cff(cidKeyed: true, charset: [2, 0x03, 0xE8, 0x01, 0x2B, 0, 5, 0, 0]), glyphs: 302)
        let all = Self.cids(two, upTo: 302)
        #expect(all.count == 303 && all[1] == 1000 && all[300] == 1299 && all[301] == 5 && all[302] == nil)
    }

    @Test func withoutROSTheFontIsNameKeyed() {
        guard case .names? = Self.keying(Self.cff(cidKeyed: false, charset: [0, 0, 1]), glyphs: 2) else {
            Issue.record("a Top DICT without ROS is name-keyed")
            return
        }
    }

    @Test func malformedProgramsAreRefusedNotTrusted() {
        let whole = Self.cff(cidKeyed: true, charset: [0, 0, 100, 0, 7])
        for cut in [3, 8, 20, whole.count - 1] {
            #expect(Self.keying(Array(whole.prefix(cut)), glyphs: 3) == nil, "cut at \(cut)")
        }
        #expect(Self.keying(Self.cff(cidKeyed: true, charset: [9, 0, 1]), glyphs: 2) == nil, "no format 9")
    }

    /// Noto Serif CJK SC is CID-keyed (Adobe-Identity-0); UMing has no CFF at all.
    @Test(.requires(.notoSerifCJK, .uming)) func installedFacesAreReadAsTheyAre() throws {
        let noto = try FontFace(path: Requirement.notoSerifCJKPath, index: Requirement.notoSerifCJKSCIndex)
        guard case .cids(let charset)? = noto.cffKeying else {
            Issue.record("Noto Serif CJK SC should be CID-keyed")
            return
        }
        let gid = try #require(noto.glyph(for: "\u{20BB7}"))
        #expect(charset.cid(ofGlyph: gid) == 59526)
        #expect(GlyphUsage.Numbering.natural(for: noto) == .cid)
        let uming = try FontFace(path: Requirement.umingPath)
        #expect(uming.cffKeying == nil)
        #expect(GlyphUsage.Numbering.natural(for: uming) == .byUse)
    }

    /// What the PDF relies on: a compact hb-subset of a CID-keyed font keeps each glyph's CID in
    /// its charset (fontTools names CID-keyed glyphs `cidNNNNN` after their CID).
    @Test(.requires(.notoSerifCJK, .fontTools)) func compactCFFSubsetKeepsTheCIDs() throws {
        let noto = try FontFace(path: Requirement.notoSerifCJKPath, index: Requirement.notoSerifCJKSCIndex)
        let gids = Set(["\u{20BB7}", "\u{2C317}", "䶮"].compactMap { noto.glyph(for: Unicode.Scalar($0)!) })
        #expect(gids.count == 3)
        let (program, map) = try noto.cffSubsetProgram(glyphs: gids, numbering: .compact)
        #expect(map.values.sorted() == [0, 1, 2, 3])
        let dir = try TestFolders.temporary("cff")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("subset.cff")
        try Data(program).write(to: file)
        let out = try Subprocess.python("""
            import sys
            from fontTools.cffLib import CFFFontSet
            f = CFFFontSet(); f.decompile(open(sys.argv[1], "rb"), None)
            top = f.topDictIndex[0]
            print(top.ROS[0], top.ROS[1], " ".join(top.charset))
            """, [file.path])
        #expect(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "Adobe Identity .notdef cid09494 cid59526 cid61612", "\(out.stderr)")
    }
}
