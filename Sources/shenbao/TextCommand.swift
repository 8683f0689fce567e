import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoTemplate

/// `shenbao text TEMPLATE DATA [--partials DIR] [-o OUT]` (spec/cli.md): plain-text templates
/// for e-mails, file names and notes, in the same language as Word templates and forms.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text", abstract: "渲染纯文本模板 Render a plain-text template with data.")

    @Argument(help: "模板文件 Template file (UTF-8 text).") var template: String
    @Argument(help: "数据文件 Data file (.json, .yaml, .yml; - for standard input).") var data: String
    @Option(name: .long, help: "局部模板目录 Folder of partials, read as NAME.mustache.") var partials: String?
    @Option(name: .shortAndLong, help: "输出文件 Output file (- for standard output).") var output: String = "-"
    @Flag(name: .long, help: "缺少数据时报错 Fail, listing every missing value.") var strict = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting(global.lang) {
            let parsed = try Template.load(path: template)
            let document = try DataLoader.load(path: data)
            let folder = partials
            let text = try parsed.render(document.root, partials: { name in
                guard let folder else { return nil }
                let url = URL(fileURLWithPath: folder).appendingPathComponent(name + ".mustache")
                return (try? Data(contentsOf: url)).flatMap { String(validating: $0, as: UTF8.self) }
            }, strict: strict, escape: { $0 })
            try AtomicFile.write(Data(text.utf8), to: output)
        }
    }
}
