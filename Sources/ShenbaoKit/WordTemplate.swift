import Foundation
import ShenbaoDOCX
import ShenbaoTemplate

/// A user's tagged Word template, read and compiled once, filled for any number of records
/// (safe from many threads).
public struct WordTemplate: Sendable {
    let compiled: DOCXTemplate
    /// The file, for messages.
    public let file: String

    /// Templates larger than this are refused before reading (the ZIP limits apply after).
    static let maxTemplateBytes = 100 << 20

    /// Reads and compiles the template at `path`; every template error at once (exit 2).
    public init(path: String, delimiters: Delimiters = .mustache) throws {
        let data = try InputFile.read(path, limit: Self.maxTemplateBytes, unreadable: .templateUnreadable,
                                      tooLarge: .templateTooLarge, limitText: "100 MB")
        compiled = try DOCXTemplate(bytes: [UInt8](data), file: path, delimiters: delimiters)
        file = path
    }

    /// The template's tags, for `check-template`.
    public var tags: [DOCXTag] { compiled.tags }

    /// The filled document for `document` and its warnings; with `strict`, every missing value
    /// is an error (exit 1). Images named in the data are looked up beside the data file.
    public func fill(_ document: DataDocument, strict: Bool) throws -> (bytes: Data, warnings: [Diagnostic]) {
        let folder = document.file == "-" ? nil : (document.file as NSString).deletingLastPathComponent
        let (bytes, warnings) = try compiled.fillReporting(document.root, strict: strict, dataFile: document.file,
                                                           resourceDirectory: folder.map { $0.isEmpty ? "." : $0 })
        return (Data(bytes), warnings)
    }
}

/// Plain-text templates (e-mails, file names, notes) in the same language as Word templates.
public enum TextTemplates {
    /// How `{{x}}` output is escaped.
    public enum Escape: String, Sendable, CaseIterable {
        /// As written (the default for plain text).
        case none
        /// `& < > " '` as HTML entities, as Mustache does, for HTML e-mails.
        case html
    }

    /// Renders the template at `path` with `document`; partials are read from `partials` as
    /// `NAME.mustache`.
    public static func render(path: String, document: DataDocument, partials: String?, strict: Bool,
                              escape: Escape = .none) throws -> String {
        let parsed = try Template.load(path: path)
        let escaping: @Sendable (String) -> String
        switch escape {
        case .html: escaping = Template.htmlEscape
        case .none: escaping = { $0 }
        }
        let source = { (name: String) -> String? in
            guard let partials else { return nil }
            let url = URL(fileURLWithPath: partials).appendingPathComponent(name + ".mustache")
            return (try? Data(contentsOf: url)).flatMap { String(validating: $0, as: UTF8.self) }
        }
        return try parsed.render(document.root, partials: source, strict: strict, escape: escaping)
    }
}
