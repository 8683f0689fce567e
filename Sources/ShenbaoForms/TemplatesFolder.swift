import Foundation

/// Finds the `templates/` folder (notices, form definitions, layouts, samples) at run time, so the
/// same binary works from the build folder, from an installed copy and from tests.
///
/// Order: the environment variable `SHENBAO_TEMPLATES`; `../share/shenbao/templates` beside an
/// installed executable; a `templates/` folder in the executable's folder or one of its ancestors
/// (`.build/debug/shenbao` → `../../templates`); the same walking up from the current directory;
/// and last the package root this file was compiled in.
public enum TemplatesFolder {
    /// The folder holding `notices/`, `definitions/`, `schema/`…
    public static var url: URL { located }

    /// A file or folder inside the templates folder (`notices/shanghai-2024.yaml`).
    public static func url(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }

    private static let located: URL = locate(
        environment: ProcessInfo.processInfo.environment,
        executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "."),
        currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))

    /// The search itself, with its inputs explicit so tests can exercise each step.
    static func locate(environment: [String: String], executable: URL, currentDirectory: URL) -> URL {
        if let path = environment["SHENBAO_TEMPLATES"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        let exeFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        // An installed binary (`make install`: PREFIX/bin/shenbao) reads PREFIX/share/shenbao/templates.
        let installed = exeFolder.deletingLastPathComponent().appendingPathComponent("share/shenbao/templates", isDirectory: true)
        if isTemplatesFolder(installed) { return installed }
        let starts = [exeFolder, currentDirectory]
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent("templates", isDirectory: true)
                if isTemplatesFolder(candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return packageRoot.appendingPathComponent("templates", isDirectory: true)
    }

    /// A folder counts only if it holds the form definitions, so an unrelated `templates/` is skipped.
    static func isTemplatesFolder(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("definitions").path, isDirectory: &isDir)
            && isDir.boolValue
    }

    /// The package root at build time: Sources/ShenbaoForms/TemplatesFolder.swift → ../../..
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
