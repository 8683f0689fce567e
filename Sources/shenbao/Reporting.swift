import ArgumentParser
import Dispatch
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

/// Waits for async engine work (verification's certificate path building, the server's run)
/// from a synchronous command.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let result = Locked<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let value = await body()
        result.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    guard let value = result.withLock({ $0 }) else { preconditionFailure("the task signalled without a result") }
    return value
}
