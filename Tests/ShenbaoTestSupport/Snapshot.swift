import Foundation
import Testing

/// Golden files compared as text: `<directory>/<name>.txt` holds what a test produced once and a
/// person reviewed, so any later change shows up as a readable diff in the failing test.
public enum Snapshots {
    /// `SHENBAO_RECORD_SNAPSHOTS=1`: every snapshot is rewritten (and its test fails, so that
    /// recording never passes unnoticed); review the change with `git diff` and run again.
    public static let recordingAll = ProcessInfo.processInfo.environment["SHENBAO_RECORD_SNAPSHOTS"] == "1"

    /// The first differing lines of two texts, shaped like a unified diff: a `@@ -line +line @@`
    /// header, up to `context` equal lines before, then at most `limit` lines of each side.
    /// Nil when the texts are the same byte for byte.
    public static func diff(expected: String, actual: String, context: Int = 3, limit: Int = 12) -> String? {
        if expected.utf8.elementsEqual(actual.utf8) { return nil }
        let old = lines(expected), new = lines(actual)
        var head = 0
        while head < old.count, head < new.count, old[head].utf8.elementsEqual(new[head].utf8) { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head,
              old[old.count - 1 - tail].utf8.elementsEqual(new[new.count - 1 - tail].utf8) { tail += 1 }
        let removed = old[head..<old.count - tail], added = new[head..<new.count - tail]
        let start = max(0, head - context)
        var out = ["@@ -\(start + 1),\(head - start + removed.count) +\(start + 1),\(head - start + added.count) @@"]
        out += old[start..<head].map { " " + $0 }
        func side(_ mark: String, _ part: ArraySlice<String>) {
            out += part.prefix(limit).map { mark + $0 }
            if part.count > limit { out.append("\(mark)… \(part.count - limit) more lines") }
        }
        side("-", removed)
        side("+", added)
        return out.joined(separator: "\n")
    }

    /// Lines split on "\n" only, so that a "\r" shows in the diff instead of vanishing.
    static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension Snapshots {
    /// What `assertSnapshot` does, without recording: nil when `actual` is the snapshot
    /// `<directory>/<name>.txt` byte for byte, else why the test must fail. A missing snapshot, or
    /// any snapshot when `recording`, is written first.
    /// `fileExtension` nil keeps `name` as the whole file name (a generated doc such as `diagnostics.md`).
    public static func check(_ actual: String, named name: String, in directory: URL, recording: Bool,
                             fileExtension: String? = "txt") -> String? {
        let url = directory.appendingPathComponent(fileExtension.map { name + "." + $0 } ?? name)
        let stored = FileManager.default.contents(atPath: url.path)
        if recording || stored == nil {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url, options: .atomic)
            } catch {
                return "could not write the snapshot \(url.path): \(error)"
            }
            let what = stored == nil ? "recorded the new snapshot" : "re-recorded (SHENBAO_RECORD_SNAPSHOTS=1) the snapshot"
            return "\(what) \(url.path); review it and run again"
        }
        guard let diff = diff(expected: String(decoding: stored!, as: UTF8.self), actual: actual) else { return nil }
        return """
            snapshot \(url.lastPathComponent) differs (- stored, + now); if the change is meant, rerun with \
            SHENBAO_RECORD_SNAPSHOTS=1 and review the diff of \(url.path)
            \(diff)
            """
    }
}

/// Compares `actual` with the snapshot `<directory>/<name>.txt`, recording an Issue (with the
/// first differing lines) when they differ. A missing snapshot is written and the test fails:
/// review the new file and run again. With `SHENBAO_RECORD_SNAPSHOTS=1` (`recording`) the
/// snapshot is rewritten whatever it held, and the test fails saying so.
public func assertSnapshot(_ actual: String, named name: String, in directory: URL, fileExtension: String? = "txt",
                           recording: Bool = Snapshots.recordingAll, sourceLocation: SourceLocation = #_sourceLocation) {
    if let failure = Snapshots.check(actual, named: name, in: directory, recording: recording, fileExtension: fileExtension) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}

/// `assertSnapshot` with the snapshot in the `Snapshots` folder beside the calling test file.
public func assertSnapshot(_ actual: String, named name: String, filePath: StaticString = #filePath,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    assertSnapshot(actual, named: name, in: directory, sourceLocation: sourceLocation)
}
