import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoDOCX
import ShenbaoPrint
import ShenbaoTemplate

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
            let delimiters = self.delimiters.flatMap(Delimiters.init(spec:)) ?? .mustache
            let tags: [DOCXTag]
            let lower = template.lowercased()
            let isLayout = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || BuiltInForms.names.contains(template)
            if lower.hasSuffix(".docx") || lower.hasSuffix(".dotx") {
                tags = try Fill.loadTemplate(template, delimiters: delimiters).tags
            } else if isLayout {
                tags = try BuiltInForms.layout(template).references.map(tag)
            } else {
                tags = try Template.load(path: template, delimiters: delimiters).references.map(tag)
            }
            let en = global.lang == .en
            guard let data else {
                print(en ? "\(template): no template errors (\(tags.count) tags)" : "\(template)：模板没有错误（共 \(tags.count) 个标签）")
                return
            }
            let document = try DataLoader.load(path: data)
            // A layout also sees what the renderer adds (notice.*, counts.*); unused fields are the data's own.
            let seen = isLayout ? try FormContext.build(document: document) : document.root
            let usage = TemplateUsage(tags: tags, data: seen)
            let unused = isLayout ? TemplateUsage(tags: tags, data: document.root).unused : usage.unused
            var diagnostics = usage.missing.map { item in
                Diagnostic(id: "template.tag_without_data", file: data, line: document.line(of: item.path), path: item.path,
                           message: Localized(zh: "模板 \(item.location) 的标签在数据中没有值", en: "the tag at \(item.location) of the template has no value in the data"))
            }
            diagnostics += unused.map { path in
                Diagnostic(id: "template.unused_data", severity: .warning, file: data, line: document.line(of: path), path: path,
                           message: Localized(zh: "没有标签使用这个数据字段", en: "no tag uses this data field"))
            }
            print(en ? "\(template): no template errors (\(tags.count) tags); \(usage.missing.count) without data, \(unused.count) data fields unused"
                     : "\(template)：模板没有错误（共 \(tags.count) 个标签）；\(usage.missing.count) 个标签没有数据，\(unused.count) 个数据字段未被使用")
            if !usage.missing.isEmpty { throw ShenbaoFailure(.invalidData, diagnostics) }
            printDiagnostics(diagnostics, global.lang)
        }
    }

    /// A plain-text template's or a form layout's tag, in the shape the DOCX usage check reads.
    private func tag(_ reference: TagReference) -> DOCXTag {
        let kind: DOCXTag.Kind = switch reference.kind {
        case .value: .value
        case .section: .section
        case .invertedSection: .invertedSection
        }
        return DOCXTag(kind: kind, expression: reference.expression, location: template, scopes: reference.scopes)
    }
}
