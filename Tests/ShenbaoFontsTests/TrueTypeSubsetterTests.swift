import Foundation
import ShenbaoTestSupport
import Testing
@testable import ShenbaoFonts

/// `FontFace.subset(inOrder:)`: our own glyf/loca subsetter, numbering glyphs as asked.
@Suite("TrueType subsets numbered in order of use")
struct TrueTypeSubsetterTests {
    static let dejaVuPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    /// Runs a fontTools script with python3; nil (and a printed reason) when fontTools is missing.
    static func fontTools(_ script: String, _ arguments: [String]) throws -> ProcessResult? {
        guard Subprocess.pythonHas("fontTools") else { print("skipped: fontTools absent"); return nil }
        return try Subprocess.python(script, arguments)
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

    @Test func dejaVuCompositesAreRenumberedAndFlattenToTheSameOutlines() throws {
        guard FileManager.default.fileExists(atPath: Self.dejaVuPath) else { print("skipped: DejaVu Sans absent"); return }
        let face = try FontFace(path: Self.dejaVuPath)
        // ǅ is a composite of a composite (ž = z + caron), é and ő composites, ☑ and Å simple.
        let order: [UInt32] = [0] + "ǅé☑Åőa".unicodeScalars.map { face.glyph(for: $0)! }
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
        guard let result = try Self.fontTools(Self.compareScript, [Self.dejaVuPath, file.path,
                                                                  order.map(String.init).joined(separator: ",")]) else { return }
        #expect(result.status == 0 && result.stdout.hasPrefix("ok"), "\(result.stderr)")
    }

    @Test func umingSubsetHoldsOnlyTheGlyphsUsed() throws {
        guard hasUMing else { print("skipped: \(umingPath) absent"); return }
        let face = try FontFace(path: umingPath)
        #expect(face.hasTrueTypeOutlines)
        var order: [UInt32] = [0]
        for g in face.shape("申请表上海市标准化试点项目").map(\.gid) where !order.contains(g) { order.append(g) }
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
        guard let result = try Self.fontTools(Self.compareScript, [umingPath, file.path,
                                                                  order.map(String.init).joined(separator: ",")]) else { return }
        #expect(result.status == 0 && result.stdout.hasPrefix("ok"), "\(result.stderr)")
    }

    @Test func malformedRequestsFailCleanly() throws {
        guard FileManager.default.fileExists(atPath: Self.dejaVuPath) else { print("skipped: DejaVu Sans absent"); return }
        let face = try FontFace(path: Self.dejaVuPath)
        #expect(throws: (any Error).self) { try face.subset(inOrder: [0, face.glyphCount + 5]) }
    }
}
