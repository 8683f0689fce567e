import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao text TEMPLATE DATA [--partials DIR] [-o OUT] [--escape none|html]` (spec/cli.md):
/// plain-text templates for e-mails, file names and notes, in the same language as Word templates and forms.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text", abstract: "渲染纯文本模板 Render a plain-text template with data.")

    @Argument(help: "模板文件 Template file (UTF-8 text).") var template: String
    @Argument(help: "数据文件 Data file (.json, .yaml, .yml; - for standard input).") var data: String
    @Option(name: .long, help: "局部模板目录 Folder of partials, read as NAME.mustache.") var partials: String?
    @Option(name: .shortAndLong, help: "输出文件 Output file (- for standard output).") var output: String = "-"
    @Flag(name: .long, help: "缺少数据时报错 Fail, listing every missing value.") var strict = false
    @Option(name: .long, help: "转义：none（默认）或 html Escape {{x}}: none (default) or html.")
    var escape: TextTemplates.Escape = .none
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            let document = try DataLoader.load(path: data)
            let text = try TextTemplates.render(path: template, document: document, partials: partials,
                                                strict: strict, escape: escape)
            try OutputPlan.refuseOverwritingInputs([FileJob(input: data, output: output)], inputs: [data, template])
            try AtomicFile.write(Data(text.utf8), to: output)
        }
    }
}

extension TextTemplates.Escape: ExpressibleByArgument {}
