import Foundation

/// One problem found in an input: a data file, a template, a form layout.
///
/// Every module reports problems in this one shape, so the CLI prints them the same way
/// and `--json` can carry them: a stable `id` scripts can match on, where it is (file,
/// line, data path or template part), and a message that says what to do.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// A stable identifier scripts can match on: a rule id (`credit_code.checksum`) or an error
    /// code (`template.unclosed_section`). The code names ids only through the catalog's
    /// constants (`DiagnosticCatalog.swift`); rule ids that a notice or a form definition
    /// declares are read from those files.
    public struct ID: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The id as printed and in JSON: `credit_code.checksum`.
        public let rawValue: String
        /// What it means, for the catalog in the docs (empty for ids read from configuration).
        public let meaning: String

        /// An id; the code makes these only in the catalog, configuration readers from their files.
        public init(_ rawValue: String, meaning: String = "") {
            self.rawValue = rawValue
            self.meaning = meaning
        }

        public static func == (a: ID, b: ID) -> Bool { a.rawValue == b.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
        public static func < (a: ID, b: ID) -> Bool { a.rawValue < b.rawValue }
        public var description: String { rawValue }
    }

    public var id: ID
    public var severity: Severity
    /// The file the problem is in, as the user named it.
    public var file: String?
    /// 1-based line in `file`, where it can be known.
    public var line: Int?
    /// The data path (`applicant.credit_code`) or template location (`word/document.xml ¶12`).
    public var path: String?
    /// The Chinese label of the field, for data problems.
    public var label: String?
    public var message: Localized
    /// The underlying error, when one caused this (an OS error, a library's error): kept for the
    /// English message and for reports, never shown raw in place of a message.
    public var cause: String?

    public init(id: ID, severity: Severity = .error, file: String? = nil, line: Int? = nil,
                path: String? = nil, label: String? = nil, message: Localized, cause: (any Error)? = nil) {
        self.cause = cause.map(Diagnostic.describe)
        self.id = id
        self.severity = severity
        self.file = file
        self.line = line
        self.path = path
        self.label = label
        self.message = message
    }

    /// An OS error as the OS says it ("No space left on device"), not Foundation's wrapping of it.
    static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return String(describing: error)
    }

    /// `file:line: 申请单位.统一社会信用代码 (applicant.credit_code): message [rule]`
    public func formatted(_ lang: Lang) -> String {
        var head = ""
        if let file { head += file + (line.map { ":\($0)" } ?? "") + ": " }
        if severity == .warning { head += lang == .zh ? "警告: " : "warning: " }
        if let path {
            if let label, lang == .zh { head += "\(label) (\(path)): " } else { head += "\(path): " }
        }
        let because = cause.map { lang == .zh ? "（原因：\($0)）" : " (cause: \($0))" } ?? ""
        return head + message.text(lang) + because + " [\(id)]"
    }
}

/// How a command ended, as `spec/cli.md` numbers it.
public enum ExitStatus: Int32, Sendable {
    /// Done; for `validate`, no errors.
    case ok = 0
    /// The data is incomplete or breaks a rule.
    case invalidData = 1
    /// An input could not be used: unreadable, malformed or refused.
    case unusableInput = 2
    /// Wrong use of the command line.
    case usage = 64
}

/// The error every module throws up to the CLI: all problems found, gathered, and the exit status they mean.
public struct ShenbaoFailure: Error, Sendable {
    public var status: ExitStatus
    public var diagnostics: [Diagnostic]

    public init(_ status: ExitStatus, _ diagnostics: [Diagnostic]) {
        self.status = status
        self.diagnostics = diagnostics
    }

    /// An unusable input (exit 2) with one message.
    public static func unusable(_ id: Diagnostic.ID, file: String? = nil, line: Int? = nil,
                                zh: String, en: String) -> ShenbaoFailure {
        ShenbaoFailure(.unusableInput, [Diagnostic(id: id, file: file, line: line, message: Localized(zh: zh, en: en))])
    }

    /// Any error caught at a job's edge as a failure: a `ShenbaoFailure` as it is (with `file`
    /// filled in where its diagnostics lack one), a `Diagnostic` as an unusable input, and
    /// anything else as `internal` with its cause kept, never as raw text in place of a message.
    public init(caught error: any Error, file: String?) {
        switch error {
        case let failure as ShenbaoFailure:
            self = failure
        case let diagnostic as Diagnostic:
            self.init(.unusableInput, [diagnostic])
        default:
            self.init(.unusableInput, [Diagnostic(id: .internalError, file: file, message: Localized(
                zh: "处理时出现意外错误，请报告此问题", en: "an unexpected error occurred; please report it"), cause: error)])
        }
        if let file {
            diagnostics = diagnostics.map { d in
                var d = d
                if d.file == nil { d.file = file }
                return d
            }
        }
    }
}
