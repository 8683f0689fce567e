import ArgumentParser
import Foundation
import ShenbaoKit

/// Runs a command body, turning failures into printed diagnostics and the documented exit code.
/// Whatever else escapes the engine is caught here too, with an id and its cause kept.
func reporting(_ lang: Lang, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let failure = ShenbaoFailure(caught: error, file: nil)
        printDiagnostics(failure.diagnostics, lang)
        throw ExitCode(failure.status.rawValue)
    }
}

/// Writes each diagnostic on its own line to standard error.
func printDiagnostics(_ diagnostics: [Diagnostic], _ lang: Lang) {
    var text = ""
    for diagnostic in diagnostics { text += diagnostic.formatted(lang) + "\n" }
    writeStandardError(text)
}

/// Standard error that cannot be written (closed, a full disk) has no one to tell: the text is
/// dropped rather than the process trapping.
func writeStandardError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
}
