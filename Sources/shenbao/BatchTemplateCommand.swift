import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao batch-template -o SHEET.xlsx [--form application]` (spec/cli.md): the workbook a
/// district's clerks fill, which `batch` reads back.
struct BatchTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-template", abstract: "生成批量申报表格模板 Write the batch spreadsheet template (.xlsx).")

    @Option(name: .shortAndLong, help: "输出文件（.xlsx） Output workbook.") var output: String
    @Option(help: "表单 Form (default application).") var form: String = "application"
    @Option(help: "通知配置的 id Notice id.") var notice: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            let jobs = try OutputPlan.jobs(inputs: ["-"], output: output, extensions: ["xlsx"])
            try AtomicFile.write(try BatchTemplateFile.workbook(form: form, notice: notice), to: jobs[0].output)
        }
    }
}
