import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoFormLayout
import ShenbaoForms
import ShenbaoPrint

/// Renders the print packs of one form for any number of records, as `render`, `batch` and the
/// server do it: the layout and fonts are loaded once; each record is validated first with the
/// notice it names (errors: exit 1 and no output, unless a draft), then laid out and written.
/// Safe to use from many threads.
public struct PackRenderer: Sendable {
    let printer: FormPrinter

    /// The renderer of `form`: a built-in name (`application`) or a layout file. Throws
    /// `form.unknown`, layout errors, or `font.missing` (all exit 2).
    public init(form: String, fonts: FontLibrary? = nil) throws {
        printer = try FormPrinter(layout: BuiltInForms.layout(form), library: fonts ?? FontLibrary.standard())
    }

    /// A renderer over a printer already made (tests share one per form).
    init(printer: FormPrinter) { self.printer = printer }

    /// The form's title (上海市市级标准化试点项目申请表).
    public var title: String { printer.layout.title }
    /// Copies the form prints by default (the application 3).
    public var defaultCopies: Int { printer.layout.copies }

    /// A pack rendered: its bytes, and the warnings (for a draft, also the errors) to report.
    public struct Output: Sendable {
        public var bytes: Data
        public var issues: [Diagnostic]
    }

    /// Validates `document` and renders it in `format`; with `signing`, a PDF is signed over the
    /// form's own seal (exit 2 for a DOCX: Word files carry no PAdES signature).
    public func render(_ document: DataDocument, format: OutputFormat, options: PrintOptions,
                       signing: PackSigning? = nil) throws -> Output {
        let rendered = try render(document, formats: [format], options: options, signing: signing)
        return Output(bytes: rendered.files[0], issues: rendered.issues)
    }

    /// Every issue of `document` under the notice it names (throws when the notice is unusable).
    public func validate(_ document: DataDocument) throws -> [Diagnostic] {
        let notice = try Validator.notice(for: document)
        let validator = Validator(notice: notice, glyphs: FontCoverage(library: printer.library))
        return validator.validate(document, definition: try FormDefinition.load(name: printer.layout.form))
    }

    /// Validates `document` (unless `issues` are those `validate` already found) and renders it
    /// in each of `formats` from one layout: a batch's PDF and DOCX of a record are laid out once.
    public func render(_ document: DataDocument, formats: [OutputFormat], options: PrintOptions,
                       signing: PackSigning? = nil, issues known: [Diagnostic]? = nil) throws -> (files: [Data], issues: [Diagnostic]) {
        let issues = try known ?? validate(document)
        if issues.hasErrors && !options.draft { throw ShenbaoFailure(.invalidData, issues) }
        var options = options
        options.record = PackRecord(application: document.root, form: printer.layout.form)
        if let signing {
            guard formats.allSatisfy({ $0 == .pdf }) else {
                throw ShenbaoFailure.unusable(.signFormat, file: document.file,
                    zh: "只有 PDF 可以数字签名：请把输出改为 .pdf", en: "only a PDF can be signed: make the output a .pdf")
            }
            options.signature = signing.request(form: printer.layout.form)
        }
        return (try printer.render(context: context(document), formats: formats, options: options), issues)
    }

    /// `count` documents' packs in one PDF written to `sink`, in order, each starting on an odd
    /// page; each is read (`document(i)`) and laid out when its turn comes, and the file goes to
    /// `sink` as it is written, so memory holds one record at a time and never the file.
    public func combinedPDF(count: Int, options: PrintOptions, to sink: any ByteSink,
                            document: (Int) throws -> DataDocument) throws {
        try printer.combinedPDF(count: count, options: options, to: sink) { try context(document($0)) }
    }

    /// What the layout renders for `document`: its printable fields and its notice.
    private func context(_ document: DataDocument) throws -> Value {
        let definition = try FormDefinition.load(name: printer.layout.form)
        var printable = document
        printable.root = definition.printable(document.root)
        return try FormContexts.build(document: printable, notice: try Validator.notice(for: document))
    }
}

extension PackRecord {
    /// The record of an application's data, as its pack records it; nil for other forms.
    init?(application root: Value, form: String) {
        guard form == "application" else { return nil }
        func text(_ path: String) -> String { root.value(at: path)?.plainText ?? "" }
        self.init(form: form, projectName: text("project.name"), applicant: text("applicant.name"),
                  creditCode: text("applicant.credit_code"))
    }
}

/// The context a layout renders a data document with, and the notice files it reads.
public enum FormContexts {
    /// Notice files as written, read once per process: every record of a batch names the same notice.
    private static let roots = Locked<[String: Value]>([:])

    /// The context for `document` under `notice` (by default the one the data names).
    public static func build(document: DataDocument, notice: NoticeConfig? = nil) throws -> Value {
        let notice = try notice ?? Validator.notice(for: document)
        let root = try roots.value(notice.file) { try DataLoader.load(path: notice.file).root }
        return FormContext.build(data: document.root, notice: root)
    }
}
