import ArgumentParser
import Foundation
import ShenbaoCore

/// Runs a command body, turning `ShenbaoFailure`s into printed diagnostics and the documented exit code.
func reporting(_ lang: Lang, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as ShenbaoFailure {
        printDiagnostics(failure.diagnostics, lang)
        throw ExitCode(failure.status.rawValue)
    }
}

/// Writes each diagnostic on its own line to standard error.
func printDiagnostics(_ diagnostics: [Diagnostic], _ lang: Lang) {
    var text = ""
    for diagnostic in diagnostics { text += diagnostic.formatted(lang) + "\n" }
    FileHandle.standardError.write(Data(text.utf8))
}
