import ShenbaoCore

/// ZIP problems are diagnostics like every other problem: archives here are untrusted user input
/// (Word templates, workbooks), so every limit the reader enforces has its own id (`zip.ratio`,
/// `zip.too_large` …), letting the CLI and tests tell a zip bomb from a damaged file.
extension Diagnostic {
    /// A ZIP problem; the reader does not know the file's name, the caller adds it (`failure(file:)`).
    static func zip(_ id: Diagnostic.ID, zh: String, en: String) -> Diagnostic {
        Diagnostic(id: id, message: Localized(zh: zh, en: en))
    }

    static func zipCorrupt(_ zh: String, _ en: String) -> Diagnostic {
        zip(.zipCorrupt, zh: "ZIP 文件已损坏：\(zh)", en: "damaged ZIP file: \(en)")
    }

    /// The problem as the CLI reports it for `file` (exit 2: an input that cannot be used).
    public func failure(file: String?) -> ShenbaoFailure {
        var d = self
        if d.file == nil { d.file = file }
        return ShenbaoFailure(.unusableInput, [d])
    }
}
