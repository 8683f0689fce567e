import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoDOCX
import ShenbaoTemplate

/// `shenbao check-template TEMPLATE [DATA]` (spec/cli.md): every template error at once (exit 2);
/// with DATA, also the tags without data (exit 1) and the data fields no tag uses (a warning).
struct CheckTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-template", abstract: "检查模板 Check a template (and what data it needs).")

    @Argument(help: "模板 Word template (.docx) or plain-text template.") var template: String
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
            let delimiters = self.delimiters.flatMap(Delimiters.init(spec:)) ?? .mustache
            let tags: [DOCXTag]
            if template.lowercased().hasSuffix(".docx") || template.lowercased().hasSuffix(".dotx") {
                tags = try Fill.loadTemplate(template, delimiters: delimiters).tags
            } else {
                tags = try plainTextTags(delimiters)
            }
            let en = global.lang == .en
            guard let data else {
                print(en ? "\(template): no template errors (\(tags.count) tags)" : "\(template)：模板没有错误（共 \(tags.count) 个标签）")
                return
            }
            let document = try DataLoader.load(path: data)
            let usage = TemplateUsage(tags: tags, data: document.root)
            var diagnostics = usage.missing.map { item in
                Diagnostic(id: "template.tag_without_data", file: data, line: document.line(of: item.path), path: item.path,
                           message: Localized(zh: "模板 \(item.location) 的标签在数据中没有值", en: "the tag at \(item.location) of the template has no value in the data"))
            }
            diagnostics += usage.unused.map { path in
                Diagnostic(id: "template.unused_data", severity: .warning, file: data, line: document.line(of: path), path: path,
                           message: Localized(zh: "没有标签使用这个数据字段", en: "no tag uses this data field"))
            }
            print(en ? "\(template): no template errors (\(tags.count) tags); \(usage.missing.count) without data, \(usage.unused.count) data fields unused"
                     : "\(template)：模板没有错误（共 \(tags.count) 个标签）；\(usage.missing.count) 个标签没有数据，\(usage.unused.count) 个数据字段未被使用")
            if !usage.missing.isEmpty { throw ShenbaoFailure(.invalidData, diagnostics) }
            printDiagnostics(diagnostics, global.lang)
        }
    }

    /// A plain-text template's tags, from the shared engine.
    private func plainTextTags(_ delimiters: Delimiters) throws -> [DOCXTag] {
        let parsed = try Template.load(path: template, delimiters: delimiters)
        return parsed.referencedPaths.map { DOCXTag(kind: .value, expression: Expression(path: $0), location: template, scopes: []) }
    }
}
