import Foundation

/// Where the tests find the package, `../shared`, and room for their files.
public enum TestFolders {
    /// The package root (this file is `Tests/ShenbaoTestSupport/TestFolders.swift`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the package (or `$SHENBAO_SHARED`), nil when absent: tests that need it
    /// carry `.requires(.shared)` and are reported as skipped, never passed.
    public static let shared: URL? = {
        let url = ProcessInfo.processInfo.environment["SHENBAO_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// A fresh temporary folder; the caller removes it.
    public static func temporary(_ name: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
