import Foundation
import ShenbaoTestSupport
import Testing

/// `assertSnapshot` must itself fail when it should: a snapshot helper that passes on a
/// difference, or on a missing or re-recorded golden, would make every golden test meaningless.
/// These check `Snapshots.check`, which decides what `assertSnapshot` records.
@Suite struct SnapshotHelperTests {
    static func folder() throws -> URL { try TestFolders.temporary("snapshots") }

    @Test func aMatchingSnapshotRecordsNothing() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("a\nb\n".utf8).write(to: dir.appendingPathComponent("same.txt"))
        #expect(Snapshots.check("a\nb\n", named: "same", in: dir, recording: false) == nil)
    }

    @Test func aDifferenceIsAnIssueWithTheFirstDifferingLines() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let stored = (1...40).map { "line \($0)" }.joined(separator: "\n") + "\n"
        try Data(stored.utf8).write(to: dir.appendingPathComponent("form.pdf.txt"))
        let changed = stored.replacingOccurrences(of: "line 20\n", with: "line twenty\n")
        let failure = try #require(Snapshots.check(changed, named: "form.pdf", in: dir, recording: false))
        #expect(failure.contains("form.pdf.txt differs") && failure.contains(" line 19\n-line 20\n+line twenty"), "\(failure)")
        #expect(!failure.contains("line 21"), "only the first differing lines and those before them")
        // The stored file is left alone.
        #expect(try String(contentsOf: dir.appendingPathComponent("form.pdf.txt"), encoding: .utf8) == stored)
    }

    @Test func aMissingSnapshotIsWrittenAndFails() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("Snapshots")
        let failure = Snapshots.check("new\n", named: "fresh", in: sub, recording: false)
        #expect(failure?.contains("recorded the new snapshot") == true, "\(failure ?? "passed")")
        #expect(try String(contentsOf: sub.appendingPathComponent("fresh.txt"), encoding: .utf8) == "new\n")
    }

    @Test func recordingRewritesAndFails() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("old\n".utf8).write(to: dir.appendingPathComponent("r.txt"))
        let failure = Snapshots.check("new\n", named: "r", in: dir, recording: true)
        #expect(failure?.contains("re-recorded") == true, "\(failure ?? "passed")")
        // Even a snapshot that already matches fails while recording.
        #expect(Snapshots.check("new\n", named: "r", in: dir, recording: true) != nil)
        #expect(try String(contentsOf: dir.appendingPathComponent("r.txt"), encoding: .utf8) == "new\n")
    }

    @Test func diffShowsContextAndCutsLongChanges() throws {
        #expect(Snapshots.diff(expected: "x\n", actual: "x\n") == nil)
        // Canonically equal but not the same bytes (é composed and decomposed) is a difference.
        #expect(Snapshots.diff(expected: "caf\u{E9}\n", actual: "cafe\u{301}\n") != nil)
        let diff = try #require(Snapshots.diff(expected: "a\nb\nc\nd\ne\n", actual: "a\nb\nc\nD\ne\n", context: 2))
        #expect(diff == "@@ -2,3 +2,3 @@\n b\n c\n-d\n+D")
        let long = try #require(Snapshots.diff(expected: "", actual: (1...20).map(String.init).joined(separator: "\n"), limit: 5))
        #expect(long.hasSuffix("+5\n+… 15 more lines"), "\(long)")
        #expect(Snapshots.diff(expected: "a\n", actual: "a\r\n")?.contains("+a\r") == true)
    }
}
