import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao schema FORM [-o OUT] [--notice ID]`: the JSON Schema of a form's data, generated from
/// its definition (the files in templates/schema/ are this command's output, committed).
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "输出表单的 JSON Schema Print a form's JSON Schema.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "表单：application 或 opinion Form: application or opinion.")
    var form: String

    @Option(name: .shortAndLong, help: "写入文件（- 为标准输出） Write to this file (- for standard output).")
    var output: String = "-"

    @Option(help: "通知配置的 id（取值列表来自通知） Notice id the value lists come from.")
    var notice: String = Catalog.defaultNoticeID

    func run() throws {
        try reporting(global.lang) {
            try AtomicFile.write(Data(try Catalog.schema(form: form, notice: notice).utf8), to: output)
        }
    }
}
