import Foundation
import ShenbaoTestSupport
import Testing
@testable import ShenbaoFonts

/// `FontFace.subset(inOrder:)`: our own glyf/loca subsetter, numbering glyphs as asked.
@Suite("TrueType subsets numbered in order of use")
struct TrueTypeSubsetterTests {
    static let dejaVuPath = Requirement.dejaVuPath

    /// The glyph order the DejaVu tests subset: ǅ is a composite of a composite (ž = z + caron),
    /// é and ő composites, ☑ and Å simple.
    static func dejaVuOrder(_ face: FontFace) -> [UInt32] { [0] + "ǅé☑Åőa".unicodeScalars.map { face.glyph(for: $0)! } }

    /// UMing's glyphs for a line of a form, each once, in order of first use.
    static func umingOrder(_ face: FontFace) -> [UInt32] {
        var order: [UInt32] = [0]
        for g in face.shape("申请表上海市标准化试点项目").map(\.gid) where !order.contains(g) { order.append(g) }
        return order
    }

    /// Writes `face`'s subset in `order` to a temporary file, runs `compareScript` on it against
    /// the original and expects its "ok".
    static func expectFontToolsAgrees(_ face: FontFace, path: String, order: [UInt32],
                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let subset = try #require(try face.subset(inOrder: order), sourceLocation: sourceLocation)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-tt-\(UUID().uuidString).ttf")
        try subset.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Subprocess.python(compareScript, [path, file.path, order.map(String.init).joined(separator: ",")])
        #expect(result.status == 0 && result.stdout.hasPrefix("ok"), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// fontTools compares every glyph of the subset with the original one it came from: the same
    /// outline once composites are flattened, the same advance and side bearing; every table parses.
    static let compareScript = """
    import sys
    from fontTools.ttLib import TTFont
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    orig = TTFont(sys.argv[1], fontNumber=0)
    sub = TTFont(sys.argv[2])
    old = [int(x) for x in sys.argv[3].split(',')]
    for tag in sub.keys():
        sub[tag]
    assert sub['post'].formatType == 3.0
    assert sub['maxp'].numGlyphs == len(sub.getGlyphOrder()) >= len(old)
    assert 'fpgm' not in sub and 'cmap' not in sub
    osets, ssets = orig.getGlyphSet(), sub.getGlyphSet()
    oorder, sorder = orig.getGlyphOrder(), sub.getGlyphOrder()
    for new, o in enumerate(old):
        a, b = DecomposingRecordingPen(osets), DecomposingRecordingPen(ssets)
        osets[oorder[o]].draw(a)
        ssets[sorder[new]].draw(b)
        assert a.value == b.value, (new, o)
        assert orig['hmtx'][oorder[o]] == sub['hmtx'][sorder[new]], (new, o)
        g = sub['glyf'][sorder[new]]
        assert not hasattr(g, 'program') or len(g.program.getBytecode()) == 0, 'instructions kept'
    print('ok', len(sorder))
    """

    @Test(.requires(.dejaVu)) func dejaVuCompositesAreRenumbered() throws {
        let face = try FontFace(path: Self.dejaVuPath)
        let order = Self.dejaVuOrder(face)
        let subset = try #require(try face.subset(inOrder: order))
        #expect(Array(subset.data.prefix(4)) == [0, 1, 0, 0])
        for (i, g) in order.enumerated() { #expect(subset.glyphMap[g] == UInt32(i)) }
        #expect(FontFace.checksum([UInt8](subset.data)) == 0xB1B0_AFBA)
        #expect(try face.subset(inOrder: order)?.data == subset.data)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-tt-\(UUID().uuidString).ttf")
        try subset.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let reloaded = try FontFace(path: file.path)
        // The components (z, caron, D, e, acute, o, hungarumlaut …) follow the requested glyphs.
        #expect(reloaded.glyphCount > UInt32(order.count))
        for (i, g) in order.enumerated() { #expect(reloaded.advance(glyph: UInt32(i)) == face.advance(glyph: g)) }
    }

    /// The renumbered composites flatten to the same outlines as the originals.
    @Test(.requires(.dejaVu, .fontTools)) func dejaVuSubsetMatchesTheOriginalInFontTools() throws {
        let face = try FontFace(path: Self.dejaVuPath)
        try Self.expectFontToolsAgrees(face, path: Self.dejaVuPath, order: Self.dejaVuOrder(face))
    }

    @Test(.requires(.uming)) func umingSubsetHoldsOnlyTheGlyphsUsed() throws {
        let face = try FontFace(path: umingPath)
        #expect(face.hasTrueTypeOutlines)
        let order = Self.umingOrder(face)
        let subset = try #require(try face.subset(inOrder: order))
        // A dozen glyphs: no loca/hmtx slot for the face's other 27,000 (the retained subset is ~190 KB).
        #expect(subset.data.count < 12_000, "\(subset.data.count) bytes")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-tt-\(UUID().uuidString).ttf")
        try subset.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let reloaded = try FontFace(path: file.path)
        #expect(reloaded.glyphCount == UInt32(order.count))
        #expect(reloaded.postScriptName == "UMingCN")
        for (i, g) in order.enumerated() { #expect(reloaded.advance(glyph: UInt32(i)) == face.advance(glyph: g)) }
    }

    @Test(.requires(.uming, .fontTools)) func umingSubsetMatchesTheOriginalInFontTools() throws {
        let face = try FontFace(path: umingPath)
        try Self.expectFontToolsAgrees(face, path: umingPath, order: Self.umingOrder(face))
    }

    @Test(.requires(.dejaVu)) func malformedRequestsFailCleanly() throws {
        let face = try FontFace(path: Self.dejaVuPath)
        #expect(throws: (any Error).self) { try face.subset(inOrder: [0, face.glyphCount + 5]) }
    }
}
