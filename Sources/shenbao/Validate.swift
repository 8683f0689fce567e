import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoForms
import ShenbaoPrint

/// `shenbao validate DATA… [--form application|opinion] [--json] [--notice ID|FILE]` (spec/cli.md):
/// every issue of every file, then exit 0 (no errors), 1 (errors) or 2 (a file unusable).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "校验数据 Validate data files.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "数据文件（.yaml、.yml、.json；- 为标准输入） Data files.")
    var data: [String]

    @Option(help: "表单（默认取数据中的 form 键） Form: application or opinion (default: the data's form key).")
    var form: String?

    @Flag(help: "输出 JSON 报告到标准输出 Print one JSON report on standard output.")
    var json = false

    @Option(help: "通知配置的 id 或文件（默认取数据中的 notice 键） Notice id or file (default: the data's notice key).")
    var notice: String?

    func run() throws {
        let lang = global.lang
        let report = ValidationReport.run(files: data, form: form, notice: notice)
        if json {
            FileHandle.standardOutput.write(Data((report.json(lang) + "\n").utf8))
        } else {
            var text = ""
            for file in report.files {
                for issue in file.issues { text += issue.formatted(lang) + "\n" }
            }
            text += report.summary(lang) + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
        if report.status != .ok { throw ExitCode(report.status.rawValue) }
    }
}

/// The outcome of validating several files: per file its form and issues, and the exit status.
struct ValidationReport {
    struct File {
        var file: String
        var form: String?
        var issues: [Diagnostic]
        /// The file could not be used at all (unreadable, malformed, unknown form or notice).
        var unusable: Bool
        var valid: Bool { !unusable && !issues.hasErrors }
    }

    var files: [File] = []

    var status: ExitStatus {
        if files.contains(where: \.unusable) { return .unusableInput }
        return files.allSatisfy(\.valid) ? .ok : .invalidData
    }

    /// What the forms' fonts can print, for `glyph.missing`; nil (the rule is skipped) when the
    /// main font is not installed: rendering then says so, and validating still works.
    static func availableFonts() -> FontCoverage? {
        guard let library = try? FontLibrary.standard(), (try? library.mainFace()) != nil else { return nil }
        return FontCoverage(library: library)
    }

    static func run(files paths: [String], form: String?, notice: String?) -> ValidationReport {
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
                report.files = paths.map { File(file: $0, form: form, issues: [Diagnostic(id: "notice.unreadable",
                    message: Localized(zh: "无法读取通知配置：\(error)", en: "cannot read the notice: \(error)"))], unusable: true) }
                return report
            }
        }
        let glyphs = availableFonts()
        var loaded: [(index: Int, document: DataDocument, definition: FormDefinition)] = []
        for path in paths {
            var name = form
            do {
                let document = try DataLoader.load(path: path)
                name = try Validator.formName(of: document, override: form)
                let definition = try FormDefinition.load(dataForm: name!)
                let noticeConfig = try fixedNotice ?? Validator.notice(for: document)
                let issues = Validator(notice: noticeConfig, glyphs: glyphs).validate(document, definition: definition)
                loaded.append((report.files.count, document, definition))
                report.files.append(File(file: path, form: name, issues: issues, unusable: false))
            } catch let failure as ShenbaoFailure {
                let issues = failure.diagnostics.map { d -> Diagnostic in
                    var d = d
                    if d.file == nil { d.file = path }
                    return d
                }
                report.files.append(File(file: path, form: name, issues: issues, unusable: true))
            } catch {
                report.files.append(File(file: path, form: name, issues: [Diagnostic(id: "data.unreadable", file: path,
                    message: Localized(zh: "无法读取：\(error)", en: "cannot read: \(error)"))], unusable: true))
            }
        }
        if loaded.count > 1 {
            let batch = BatchRules.check(loaded.map { ($0.document, $0.definition) })
            for (k, entry) in loaded.enumerated() { report.files[entry.index].issues += batch[k] }
        }
        return report
    }

    /// `{"files": [{"file": …, "form": …, "valid": …, "issues": [{"rule", "severity", "path", "line", "message"}]}]}`
    func json(_ lang: Lang) -> String {
        let list: [Value] = files.map { file in
            let issues: [Value] = file.issues.map { d in
                var m = OrderedMap()
                m["rule"] = .text(d.id)
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
        return JSONText.encode(.map(OrderedMap([("files", .list(list))])))
    }

    /// One closing line: how many files, errors and warnings.
    func summary(_ lang: Lang) -> String {
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
