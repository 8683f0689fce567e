import ShenbaoCore

/// How this module refuses a key, a certificate or a signature: always an unusable input (exit 2,
/// `spec/cli.md` "Signing"), with its own id, the file or URI it is about, a message in both
/// languages that says what to do, and the library error that caused it kept apart.
enum SigningFailure {
    static func refuse(_ id: Diagnostic.ID, _ file: String?, zh: String, en: String,
                       cause: (any Error)? = nil) -> ShenbaoFailure {
        ShenbaoFailure(.unusableInput, [Diagnostic(id: id, file: file, message: Localized(zh: zh, en: en), cause: cause)])
    }

    /// Runs `body`, turning a library's parse error into `sign.key_unreadable` (saying `zh`/`en`)
    /// with its cause; refusals of this module pass through.
    static func unreadable<T>(_ source: String?, zh: String, en: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ShenbaoFailure {
            throw failure
        } catch {
            throw refuse(.signKeyUnreadable, source, zh: zh, en: en, cause: error)
        }
    }
}
