import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoForms

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
    var notice: String = NoticeConfig.defaultID

    func run() throws {
        try reporting(global.lang) {
            let definition = try FormDefinition.load(dataForm: form)
            let text = SchemaGenerator.text(for: definition, notice: try NoticeConfig.load(id: notice))
            try AtomicFile.write(Data(text.utf8), to: output)
        }
    }
}
