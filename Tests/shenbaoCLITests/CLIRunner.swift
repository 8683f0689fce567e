import Foundation
import ShenbaoTestSupport

/// Runs the built `shenbao` executable as a user would, for end-to-end tests.
///
/// The binary is found through `SHENBAO_BIN`, else beside the test bundle (SwiftPM builds the
/// executable into the same folder), else in the package's `.build/debug`.
enum CLI {
    typealias Result = ProcessResult

    static let packageRoot = TestFolders.packageRoot
    static let shared = TestFolders.shared

    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["SHENBAO_BIN"] { return URL(fileURLWithPath: path) }
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("shenbao")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/shenbao")
    }()

    /// Runs `shenbao` with `arguments` in `directory`, feeding `input` on standard input.
    static func run(_ arguments: [String], input: Data? = nil, in directory: URL? = nil) throws -> Result {
        try Subprocess.run(executable: binary, arguments, input: input, in: directory)
    }

    /// A fresh temporary folder, removed by the caller with `FileManager.removeItem`.
    static func temporaryFolder() throws -> URL { try TestFolders.temporary("cli") }

    /// Runs a short Python program (python-docx and the like read what we wrote).
    static func python(_ program: String, _ arguments: [String] = []) throws -> Result {
        try Subprocess.python(program, arguments)
    }
}
