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
        #expect(records == [FontRecord.builtIn, FontRecord.builtInFallback])
        // The requirements the font tests skip on name the same files.
        #expect(FontRecord.builtIn.files == [Requirement.umingPath])
        #expect(FontRecord.builtInFallback.files == [Requirement.dejaVuPath])
    }

    /// One test per recorded font, so that an absent font file is a visible skip of its own test.
    @Test(.requires(.uming)) func installedMainFontIsTheRecordedOne() throws {
        try Self.expectRecordedChecksum(FontRecord.builtIn)
    }

    @Test(.requires(.dejaVu)) func installedFallbackFontIsTheRecordedOne() throws {
        try Self.expectRecordedChecksum(FontRecord.builtInFallback)
    }

    static func expectRecordedChecksum(_ record: FontRecord, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = try #require(record.existingFile, sourceLocation: sourceLocation)
        let out = try Subprocess.run("sha256sum", [file]).stdout
        #expect(out.hasPrefix(record.sha256), "the packaged font \(file) changed; update fonts/fonts.yaml",
                sourceLocation: sourceLocation)
    }

    @Test(.requires(.uming, .dejaVu)) func recordedFallbackComesBeforeFontconfig() throws {
        let dejavu = try #require(FontRecord.builtInFallback.existingFile)
        let face = try #require(FontLibrary().fallbackFace(for: "\u{2611}"))
        #expect(face.path == dejavu)
        // Without the recorded fallback the library still finds one through fontconfig.
        #expect(FontLibrary(records: [.builtIn]).fallbackFace(for: "\u{2611}") != nil)
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
