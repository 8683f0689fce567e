import Foundation
import ShenbaoFonts
import ShenbaoForms

/// The outcome of validating several files: per file its form and issues, and the exit status.
public struct ValidationReport: Sendable {
    public struct File: Sendable {
        public var file: String
        public var form: String?
        public var issues: [Diagnostic]
        /// The file could not be used at all (unreadable, malformed, unknown form or notice).
        public var unusable: Bool
        public var valid: Bool { !unusable && !issues.hasErrors }

        public init(file: String, form: String?, issues: [Diagnostic], unusable: Bool) {
            self.file = file
            self.form = form
            self.issues = issues
            self.unusable = unusable
        }
    }

    public var files: [File] = []

    public init(files: [File] = []) { self.files = files }

    public var status: ExitStatus {
        if files.contains(where: \.unusable) { return .unusableInput }
        return files.allSatisfy(\.valid) ? .ok : .invalidData
    }

    /// What the forms' fonts can print, for `glyph.missing`; nil (the rule is skipped) when the
    /// main font is not installed: rendering then says so, and validating still works.
    static func availableFonts() -> FontCoverage? {
        guard let library = try? FontLibrary.standard(), (try? library.mainFace()) != nil else { return nil }
        return FontCoverage(library: library)
    }

    /// Validates every file (`-` is standard input) against its form and notice, or those given;
    /// several files are also checked against each other (duplicates, ranks).
    public static func run(files paths: [String], form: String?, notice: String?) -> ValidationReport {
        run(inputs: paths.map { path in (path, { try DataLoader.load(path: path) }) }, form: form, notice: notice)
    }

    /// Validates data already in memory (JSON or YAML, detected), named `file` in the report:
    /// a server's request body, read under the same limits as a file.
    public static func run(data: Data, file: String, form: String?, notice: String?) -> ValidationReport {
        run(inputs: [(file, { try DataLoader.load(data: data, file: file, format: .detect) })], form: form, notice: notice)
    }

    /// The one validation loop: each input named in messages and loaded when its turn comes.
    static func run(inputs: [(file: String, load: () throws -> DataDocument)], form: String?, notice: String?) -> ValidationReport {
        let paths = inputs.map(\.file)
        var report = ValidationReport()
        var fixedNotice: NoticeConfig?
        if let notice {
            do {
                fixedNotice = notice.hasSuffix(".yaml") || notice.hasSuffix(".yml") || notice.contains("/")
                    ? try NoticeConfig.load(path: notice) : try NoticeConfig.load(id: notice)
            } catch let failure as ShenbaoFailure {
                report.files = paths.map { File(file: $0, form: form, issues: failure.diagnostics, unusable: true) }
                return report
            } catch {
                report.files = paths.map { File(file: $0, form: form, issues: [Diagnostic(id: .noticeUnreadable,
                    message: Localized(zh: "无法读取通知配置", en: "cannot read the notice"), cause: error)], unusable: true) }
                return report
            }
        }
        let glyphs = availableFonts()
        var loaded: [(index: Int, document: DataDocument, definition: FormDefinition)] = []
        for (path, load) in inputs {
            var name = form
            do {
                let document = try load()
                name = try Validator.formName(of: document, override: form)
                let definition = try FormDefinition.load(dataForm: name!)
                let noticeConfig = try fixedNotice ?? Validator.notice(for: document)
                let issues = Validator(notice: noticeConfig, glyphs: glyphs).validate(document, definition: definition)
                loaded.append((report.files.count, document, definition))
                report.files.append(File(file: path, form: name, issues: issues, unusable: false))
            } catch {
                let issues = ShenbaoFailure(caught: error, file: path).diagnostics
                report.files.append(File(file: path, form: name, issues: issues, unusable: true))
            }
        }
        if loaded.count > 1 {
            let batch = BatchRules.check(loaded.map { ($0.document, $0.definition) })
            for (k, entry) in loaded.enumerated() { report.files[entry.index].issues += batch[k] }
        }
        return report
    }

    /// `{"files": [{"file": …, "form": …, "valid": …, "issues": [{"rule", "severity", "path", "line", "message"}]}]}`
    public func json(_ lang: Lang) -> String { JSONText.encode(value(lang)) }

    /// The `--json` document as a value, for hosts that embed it in their own (a server's 422).
    public func value(_ lang: Lang) -> Value {
        let list: [Value] = files.map { file in
            let issues: [Value] = file.issues.map { d in
                var m = OrderedMap()
                m["rule"] = .text(d.id.rawValue)
                m["severity"] = .text(d.severity.rawValue)
                m["path"] = d.path.map(Value.text) ?? .null
                if let line = d.line { m["line"] = .integer(line) }
                m["message"] = .text(d.message.text(lang))
                return .map(m)
            }
            var m = OrderedMap()
            m["file"] = .text(file.file)
            m["form"] = file.form.map(Value.text) ?? .null
            m["valid"] = .bool(file.valid)
            m["issues"] = .list(issues)
            return .map(m)
        }
        return .map(OrderedMap([("files", .list(list))]))
    }

    /// One closing line: how many files, errors and warnings.
    public func summary(_ lang: Lang) -> String {
        let all = files.flatMap(\.issues)
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.count - errors
        let bad = files.filter { !$0.valid }.count
        if lang == .zh {
            return bad == 0 ? "校验通过：\(files.count) 个文件，无错误，\(warnings) 个警告"
                : "校验未通过：\(files.count) 个文件中 \(bad) 个有问题，共 \(errors) 个错误、\(warnings) 个警告"
        }
        return bad == 0 ? "valid: \(files.count) file(s), no errors, \(warnings) warning(s)"
            : "invalid: \(bad) of \(files.count) file(s), \(errors) error(s), \(warnings) warning(s)"
    }
}
