import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao check-template TEMPLATE [DATA]` (spec/cli.md): every template error at once (exit 2);
/// with DATA, also the tags without data (exit 1) and the data fields no tag uses (a warning).
struct CheckTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-template", abstract: "检查模板 Check a template (and what data it needs).")

    @Argument(help: "模板 Word template (.docx), form layout (.yaml, or a built-in form name) or plain-text template.")
    var template: String
    @Argument(help: "数据文件 Data file to compare with the template's tags.") var data: String?
    @Option(name: .long, help: "标签分隔符 Tag delimiters, e.g. \"{ }\" (default \"{{ }}\").") var delimiters: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let delimiters, Delimiters(spec: delimiters) == nil {
            throw ValidationError("--delimiters: expected two words such as \"{ }\" or \"<% %>\"")
        }
    }

    func run() throws {
        try reporting(global.lang) {
            let check = try TemplateCheck.run(template: template, data: data,
                                              delimiters: delimiters.flatMap(Delimiters.init(spec:)) ?? .mustache)
            let en = global.lang == .en
            var line = en ? "\(template): no template errors (\(check.tagCount) tags)" : "\(template)：模板没有错误（共 \(check.tagCount) 个标签）"
            if data != nil {
                line += en ? "; \(check.missing.count) without data, \(check.unused.count) data fields unused"
                           : "；\(check.missing.count) 个标签没有数据，\(check.unused.count) 个数据字段未被使用"
            }
            try AtomicFile.write(Data((line + "\n").utf8), to: "-")
            if !check.missing.isEmpty { throw ShenbaoFailure(.invalidData, check.missing + check.unused) }
            printDiagnostics(check.unused, global.lang)
        }
    }
}
