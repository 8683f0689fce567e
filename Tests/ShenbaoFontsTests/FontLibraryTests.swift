import Foundation
import ShenbaoTestSupport
import ShenbaoCore
import Testing
@testable import ShenbaoFonts

@Suite("FontLibrary: the record file, missing fonts, fallback")
struct FontLibraryTests {
    static let recordFile = TestFolders.packageRoot.appendingPathComponent("fonts/fonts.yaml").path

    @Test func recordFileMatchesTheBuiltInRecords() throws {
        let (records, defaultID) = try FontRecord.load(path: Self.recordFile)
        #expect(defaultID == "uming-cn")
        #expect(records == FontRecord.builtInRecords)
        #expect(records.map(\.id) == ["uming-cn", "dejavu-sans", "noto-serif-cjk-sc", "hanamin-b", "babelstone-han"])
        // The requirements the font tests skip on name the same files.
        #expect(records.map(\.files) == [[Requirement.umingPath], [Requirement.dejaVuPath], [Requirement.notoSerifCJKPath],
                                          [Requirement.hanaMinBPath], [Requirement.babelStoneHanPath]])
        #expect(records[2].faceIndex == Requirement.notoSerifCJKSCIndex)
    }

    /// One test per recorded font, so that an absent font file is a visible skip of its own test.
    @Test(.requires(.uming)) func installedMainFontIsTheRecordedOne() throws {
        try Self.expectRecorded(FontRecord.builtIn)
    }

    @Test(.requires(.dejaVu)) func installedDejaVuIsTheRecordedOne() throws {
        try Self.expectRecorded(FontRecord.builtInFallbacks[0])
    }

    @Test(.requires(.notoSerifCJK)) func installedNotoSerifCJKIsTheRecordedOne() throws {
        try Self.expectRecorded(FontRecord.builtInFallbacks[1], family: "Noto Serif CJK SC")
    }

    @Test(.requires(.hanaMinB)) func installedHanaMinBIsTheRecordedOne() throws {
        try Self.expectRecorded(FontRecord.builtInFallbacks[2])
    }

    @Test(.requires(.babelStoneHan)) func installedBabelStoneHanIsTheRecordedOne() throws {
        try Self.expectRecorded(FontRecord.builtInFallbacks[3])
    }

    /// The file's checksum, the face's family and, where dpkg can say, the package's version are
    /// the recorded ones: a package upgrade shows as a stale record naming the new version.
    static func expectRecorded(_ record: FontRecord, family: String? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = try #require(record.existingFile, sourceLocation: sourceLocation)
        let out = try Subprocess.run("sha256sum", [file]).stdout
        #expect(out.hasPrefix(record.sha256), "the packaged font \(file) changed; update fonts/fonts.yaml",
                sourceLocation: sourceLocation)
        let face = try FontFace(path: file, index: record.faceIndex)
        #expect(face.familyName == (family ?? record.family), sourceLocation: sourceLocation)
        if Subprocess.available("dpkg-query") {
            let installed = try Subprocess.run("dpkg-query", ["-W", "-f", "${Version}", record.package]).stdout
            #expect(installed == record.version, "\(record.package) is \(installed); update fonts/fonts.yaml",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(.requires(.uming, .dejaVu)) func recordedFallbackComesBeforeFontconfig() throws {
        let dejavu = try #require(FontRecord.builtInFallbacks[0].existingFile)
        let face = try #require(FontLibrary().fallbackFace(for: "\u{2611}"))
        #expect(face.path == dejavu)
        // Without the recorded fallback the library still finds one through fontconfig.
        #expect(FontLibrary(records: [.builtIn]).fallbackFace(for: "\u{2611}") != nil)
    }

    /// Each character UMing lacks comes from the first recorded fallback that has it, though later
    /// ones have it too: 𠮷 (Extension B) from Noto Serif CJK SC, 𪚥 (B, not in Noto) from HanaMinB,
    /// 𰀀 (G) from BabelStone Han; and another order in the records gives another face.
    @Test(.requires(.uming, .notoSerifCJK, .hanaMinB, .babelStoneHan))
    func fallbacksAreTriedInTheRecordedOrder() throws {
        let (records, defaultID) = try FontRecord.load(path: Self.recordFile)
        let library = FontLibrary(records: records, defaultID: defaultID)
        let expected: [(Unicode.Scalar, String)] = [("\u{20BB7}", "Noto Serif CJK SC"), ("\u{2A6A5}", "HanaMinB"),
                                                    ("\u{30000}", "BabelStone Han"), ("\u{2611}", "DejaVu Sans")]
        for (scalar, family) in expected {
            #expect(try library.mainFace().glyph(for: scalar) == nil)
            #expect(library.fallbackFace(for: scalar)?.familyName == family, "U+\(String(scalar.value, radix: 16))")
            // The first record in order that has the glyph: no later one is asked first.
            let first = records.dropFirst().first { record in
                (try? FontFace(path: record.files[0], index: record.faceIndex))?.glyph(for: scalar) != nil
            }
            #expect(first?.family == family)
        }
        let reversed = FontLibrary(records: [records[0]] + records.dropFirst().reversed())
        #expect(reversed.fallbackFace(for: "\u{20BB7}")?.familyName == "BabelStone Han")
    }

    @Test func missingFontNamesThePackage() {
        var record = FontRecord.builtIn
        record.files = ["/nonexistent/uming.ttc"]
        let library = FontLibrary(records: [record])
        do {
            _ = try library.mainFace()
            Issue.record("a missing font was not reported")
        } catch let failure as ShenbaoFailure {
            #expect(failure.status == .unusableInput)
            #expect(failure.diagnostics.first?.id == "font.missing")
            #expect(failure.diagnostics.first?.message.zh.contains("fonts-arphic-uming") == true)
            #expect(failure.diagnostics.first?.message.en.contains("apt-get install fonts-arphic-uming") == true)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(.requires(.uming)) func fallbackFindsAFaceForWhatTheMainFontLacks() throws {
        let library = FontLibrary()
        let main = try library.mainFace()
        #expect(try library.face(for: "申") === main)
        // U+2200 (∀) is not in UMing; DejaVu has it.
        #expect(main.glyph(for: "\u{2200}") == nil)
        let fallback = try #require(library.fallbackFace(for: "\u{2200}"))
        #expect(fallback.glyph(for: "\u{2200}") != nil)
        #expect(library.fallbackFace(for: "\u{2200}") === fallback, "cached")
        let runs = try library.runs(in: "申报∀x 表")
        #expect(runs.map(\.text) == ["申报", "∀", "x 表"])
        #expect(runs.map(\.scalarOffset) == [0, 2, 3])
        #expect(runs[1].face === fallback)
        // A private-use character no font has is reported, once; drawable and control ones are not.
        #expect(try library.missingScalars(in: "申∀\u{10FFFD}x\n\u{10FFFD}\u{200D}") == ["\u{10FFFD}"])
    }
}
