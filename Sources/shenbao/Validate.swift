import ArgumentParser
import Foundation
import ShenbaoKit

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
        try reporting(lang) {
            if json {
                try AtomicFile.write(Data((report.json(lang) + "\n").utf8), to: "-")
            } else {
                var text = ""
                for file in report.files {
                    for issue in file.issues { text += issue.formatted(lang) + "\n" }
                }
                text += report.summary(lang) + "\n"
                writeStandardError(text)
            }
        }
        if report.status != .ok { throw ExitCode(report.status.rawValue) }
    }
}
