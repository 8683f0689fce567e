import ShenbaoCore

/// Why a ZIP archive was refused or could not be read: a stable id and a message in both languages.
///
/// Archives here are untrusted user input (Word templates), so every limit the reader enforces
/// has its own id, letting the CLI and tests tell a zip bomb from a damaged file.
public struct ZipError: Error, Sendable, Hashable {
    /// `zip.not_zip`, `zip.too_large`, `zip.ratio`, `zip.corrupt`, `zip.unsupported`, `zip.duplicate_entry`.
    public var id: String
    public var message: Localized

    public init(_ id: String, zh: String, en: String) {
        self.id = id
        self.message = Localized(zh: zh, en: en)
    }

    /// The same problem as the CLI reports it (exit 2: an input that cannot be used).
    public func failure(file: String?) -> ShenbaoFailure {
        ShenbaoFailure(.unusableInput, [Diagnostic(id: id, file: file, message: message)])
    }

    static func corrupt(_ zh: String, _ en: String) -> ZipError {
        ZipError("zip.corrupt", zh: "ZIP 文件已损坏：\(zh)", en: "damaged ZIP file: \(en)")
    }
}
