/// One problem found in an input: a data file, a template, a form layout.
///
/// Every module reports problems in this one shape, so the CLI prints them the same way
/// and `--json` can carry them: a stable `id` scripts can match on, where it is (file,
/// line, data path or template part), and a message that says what to do.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// Stable identifier: a rule id (`credit_code.checksum`) or an error code (`template.unclosed_section`).
    public var id: String
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

    public init(id: String, severity: Severity = .error, file: String? = nil, line: Int? = nil,
                path: String? = nil, label: String? = nil, message: Localized) {
        self.id = id
        self.severity = severity
        self.file = file
        self.line = line
        self.path = path
        self.label = label
        self.message = message
    }

    /// `file:line: 申请单位.统一社会信用代码 (applicant.credit_code): message [rule]`
    public func formatted(_ lang: Lang) -> String {
        var head = ""
        if let file { head += file + (line.map { ":\($0)" } ?? "") + ": " }
        if severity == .warning { head += lang == .zh ? "警告: " : "warning: " }
        if let path {
            if let label, lang == .zh { head += "\(label) (\(path)): " } else { head += "\(path): " }
        }
        return head + message.text(lang) + " [\(id)]"
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
    public static func unusable(_ id: String, file: String? = nil, line: Int? = nil,
                                zh: String, en: String) -> ShenbaoFailure {
        ShenbaoFailure(.unusableInput, [Diagnostic(id: id, file: file, line: line, message: Localized(zh: zh, en: en))])
    }
}
