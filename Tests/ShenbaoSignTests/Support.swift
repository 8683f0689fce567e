import Foundation
import ShenbaoCore
import ShenbaoSign
import ShenbaoTestSupport
import Testing

/// The shared test files, or the error that made them fail.
func pki() throws -> TestPKI {
    try TestPKI.shared.get()
}

/// Expects `body` to be refused as an unusable input (exit 2) with `id`, and returns the
/// English message for further checks.
@discardableResult
func expectRefusal(_ id: Diagnostic.ID, sourceLocation: SourceLocation = #_sourceLocation,
                   _ body: () throws -> Any) -> String {
    do {
        _ = try body()
        Issue.record("expected \(id), but nothing was refused", sourceLocation: sourceLocation)
    } catch let failure as ShenbaoFailure {
        #expect(failure.status == .unusableInput, sourceLocation: sourceLocation)
        #expect(failure.diagnostics.map(\.id) == [id], "\(failure.diagnostics.map { $0.formatted(.en) })",
                sourceLocation: sourceLocation)
        if let message = failure.diagnostics.first?.message {
            #expect(!message.zh.isEmpty && !message.en.isEmpty, sourceLocation: sourceLocation)
            return message.en
        }
    } catch {
        Issue.record("expected \(id), got \(error)", sourceLocation: sourceLocation)
    }
    return ""
}

/// The bytes a test signs: stand-ins for a PDF's two `/ByteRange` spans.
let coveredParts: [Data] = [Data("%PDF-1.7 first part of the file ".utf8), Data(" second part, after /Contents\n%%EOF\n".utf8)]
