import Foundation
import ShenbaoTestSupport
import Testing
@testable import ShenbaoFonts

let umingPath = Requirement.umingPath

@Suite("FontFace: metrics, glyphs, shaping, subsetting")
struct FontFaceTests {
    @Test(.requires(.uming)) func loadsTheChineseFaceOfTheCollection() throws {
        let face = try FontFace(path: umingPath, index: 0)
        #expect(face.familyName == "AR PL UMing CN")
        #expect(face.postScriptName == "UMingCN")
        #expect(face.unitsPerEm > 0)
        #expect(face.ascender > 0 && face.descender < 0)
        #expect(face.capHeight > 0 && face.capHeight < face.unitsPerEm)
        #expect(face.glyph(for: "申") != nil)
        #expect(face.glyph(for: "\u{1F600}") == nil)
        #expect(face.missingScalars(in: "申报\u{1F600}\n表\u{1F600}") == ["\u{1F600}"])
    }

    @Test(.requires(.uming)) func shapingGivesScalarClustersAndAdvances() throws {
        let face = try FontFace(path: umingPath)
        let text = "申报A1，好"
        let glyphs = face.shape(text)
        #expect(glyphs.map(\.cluster) == [0, 1, 2, 3, 4, 5])
        #expect(glyphs[0].gid == face.glyph(for: "申"))
        #expect(glyphs[0].xAdvance == face.advance(glyph: glyphs[0].gid))
        // A CJK ideograph is one em wide in UMing.
        #expect(face.advance(of: "申", size: 10) == 10)
        let total = glyphs.reduce(0) { $0 + Double($1.xAdvance) } * 12 / Double(face.unitsPerEm)
        #expect(abs(face.advance(of: text, size: 12) - total) < 1e-9)
        // Clusters count scalars, not UTF-16 units: an astral character is one.
        let astral = face.shape("𠀀申")
        #expect(astral.map(\.cluster) == [0, 1])
    }

    @Test(.requires(.uming)) func manyThreadsShareOneFace() async throws {
        let face = try FontFace(path: umingPath)
        let expected = face.shape("上海市市级标准化试点项目申请表")
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 { group.addTask { (0..<50).allSatisfy { _ in face.shape("上海市市级标准化试点项目申请表") == expected } } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 })
    }

    @Test(.requires(.uming)) func subsetIsAValidSmallTrueType() throws {
        let face = try FontFace(path: umingPath)
        let gids = Set(face.shape("上海市市级标准化试点项目申请表").map(\.gid))
        let retained = try face.subset(glyphs: gids, numbering: .retain)
        let compact = try face.subset(glyphs: gids, numbering: .compact)
        for subset in [retained, compact] {
            // sfnt version 0x00010000: a TrueType outline font.
            #expect(Array(subset.data.prefix(4)) == [0, 1, 0, 0])
        }
        // Retaining ids keeps a loca/hmtx slot for every glyph up to the highest id; compact does not.
        #expect(compact.data.count < 40_000)
        #expect(retained.data.count > compact.data.count && retained.data.count < 400_000)
        #expect(gids.allSatisfy { retained.glyphMap[$0] == $0 })
        #expect(compact.glyphMap.count == gids.count + 1 && compact.glyphMap[0] == 0)
        #expect(Set(compact.glyphMap.values).count == compact.glyphMap.count)
        // The subset loads again, keeps the glyphs' advances, and (retain) the same glyph ids.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-subset-\(UUID().uuidString).ttf")
        try retained.data.write(to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let reloaded = try FontFace(path: dir.path)
        for g in gids { #expect(reloaded.advance(glyph: g) == face.advance(glyph: g)) }
        #expect(reloaded.glyph(for: "申") == face.glyph(for: "申"))
        #expect(reloaded.glyph(for: "乙") == nil)
    }

    /// FreeType (through fontconfig) reads the subset too: poppler renders with FreeType.
    @Test(.requires(.uming, .fcScan)) func freeTypeReadsTheSubset() throws {
        let face = try FontFace(path: umingPath)
        let gids = Set(face.shape("上海市市级标准化试点项目申请表").map(\.gid))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-subset-\(UUID().uuidString).ttf")
        try face.subset(glyphs: gids, numbering: .retain).data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let out = try Subprocess.run("fc-scan", ["--format", "%{fontformat}|%{family}", file.path]).stdout
        #expect(out.hasPrefix("TrueType|"), "fc-scan: \(out)")
    }

    @Test func unreadableFileIsAClearFailure() {
        #expect(throws: (any Error).self) { try FontFace(path: "/nonexistent/font.ttf") }
    }
}
