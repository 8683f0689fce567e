import Foundation
import ShenbaoCore
import ShenbaoForms

/// The kinds of file a form renders to.
public enum OutputFormat: String, Sendable, CaseIterable {
    case pdf, docx

    /// The format an output path's extension names, if any.
    public init?(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        self.init(rawValue: ext)
    }
}

extension FormPrinter {
    /// The whole render of one data file, as `render` and `batch` do it: validate first with the
    /// notice the data names (errors: exit 1 and no output, unless `draft`), then build the
    /// template context and render. Returns the file and the warnings (and, for a draft, the
    /// errors) to report.
    public func render(document: DataDocument, options: PrintOptions, format: OutputFormat) throws -> (Data, [Diagnostic]) {
        let notice = try Validator.notice(for: document)
        let validator = Validator(notice: notice, glyphs: FontCoverage(library: library))
        let issues: [Diagnostic]
        do {
            issues = try validator.validate(document, definition: FormDefinition.load(name: layout.form))
        }
        if issues.hasErrors && !options.draft { throw ShenbaoFailure(.invalidData, issues) }
        let context = try FormContext.build(document: document, notice: notice)
        switch format {
        case .pdf: return (try pdf(context: context, options: options), issues)
        case .docx: return (try docx(context: context, options: options), issues)
        }
    }
}

extension FormContext {
    /// The context a layout renders `document` with, under `notice` (by default the one the data names).
    public static func build(document: DataDocument, notice: NoticeConfig? = nil) throws -> Value {
        let notice = try notice ?? Validator.notice(for: document)
        return build(data: document.root, notice: try NoticeFiles.root(of: notice.file))
    }
}

/// Notice files as written, read once per process: every record of a batch names the same notice.
enum NoticeFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var roots: [String: Value] = [:]

    static func root(of path: String) throws -> Value {
        lock.lock()
        if let root = roots[path] { lock.unlock(); return root }
        lock.unlock()
        let root = try DataLoader.load(path: path).root
        lock.lock()
        roots[path] = root
        lock.unlock()
        return root
    }
}
