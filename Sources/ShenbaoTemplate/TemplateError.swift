import ShenbaoCore

/// One problem in a template, found before anything is rendered.
public struct TemplateError: Error, Sendable, Hashable {
    /// Stable id: `template.unclosed_section`, `template.unknown_filter`, `template.malformed_tag`,
    /// `template.unopened_close`, `template.mismatched_close`, `template.partial_depth`.
    public var id: Diagnostic.ID
    public var message: Localized
    /// UTF-8 offset of the problem in the lexed source.
    public var offset: Int
    /// A short excerpt of the source at the problem, so a person can find it.
    public var excerpt: String

    public init(id: Diagnostic.ID, message: Localized, offset: Int = 0, excerpt: String = "") {
        self.id = id
        self.message = message
        self.offset = offset
        self.excerpt = excerpt
    }

    /// Takes the excerpt from `source` at `offset` (about 24 characters).
    func located(in source: [UInt8], at offset: Int) -> TemplateError {
        var copy = self
        copy.offset = offset
        copy.excerpt = TemplateError.excerpt(of: source, at: offset)
        return copy
    }

    /// The 1-based line of `offset` in `source`.
    public static func line(of offset: Int, in source: String) -> Int {
        var line = 1
        for byte in source.utf8.prefix(offset) where byte == 0x0A { line += 1 }
        return line
    }

    static func excerpt(of source: [UInt8], at offset: Int, characters: Int = 24) -> String {
        let tail = String(decoding: source[min(offset, source.count)...], as: UTF8.self)
        let line = tail.prefix(while: { $0 != "\n" && $0 != "\r" })
        let cut = line.prefix(characters)
        return cut.count < line.count ? cut + "…" : String(cut)
    }

    /// The error as a diagnostic for `file`, with `location` (a part and paragraph) as its path.
    public func diagnostic(file: String? = nil, line: Int? = nil, location: String? = nil) -> Diagnostic {
        let suffix = excerpt.isEmpty ? nil : Localized(zh: "（“\(excerpt)”）", en: " (\"\(excerpt)\")")
        return Diagnostic(id: id, file: file, line: line, path: location,
                          message: Localized(zh: message.zh + (suffix?.zh ?? ""), en: message.en + (suffix?.en ?? "")))
    }
}

/// Every error of one template, gathered so they can be reported at once.
public struct TemplateErrors: Error, Sendable {
    public var errors: [TemplateError]

    public init(_ errors: [TemplateError]) { self.errors = errors }
}
