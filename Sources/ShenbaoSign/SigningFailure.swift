import ShenbaoCore

/// How this module refuses a key, a certificate or a signature: always an unusable input (exit 2,
/// `spec/cli.md` "Signing"), with its own id, the file or URI it is about, a message in both
/// languages that says what to do, and the library error that caused it kept apart.
enum SigningFailure {
    static func refuse(_ id: Diagnostic.ID, _ file: String?, zh: String, en: String,
                       cause: (any Error)? = nil) -> ShenbaoFailure {
        ShenbaoFailure(.unusableInput, [Diagnostic(id: id, file: file, message: Localized(zh: zh, en: en), cause: cause)])
    }
}
