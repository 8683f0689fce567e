import Foundation
import ShenbaoDOCX
import ShenbaoFormLayout
import ShenbaoForms
import ShenbaoTemplate

/// `check-template`: every error of a template at once (exit 2), and with a data file the tags
/// without data (errors) and the data fields no tag uses (warnings).
public struct TemplateCheck: Sendable {
    /// How many tags the template has.
    public var tagCount: Int
    /// Tags without data: each an error.
    public var missing: [Diagnostic]
    /// Data fields no tag uses: each a warning.
    public var unused: [Diagnostic]

    /// Checks `template`: a Word template (`.docx`), a form layout (a file or a built-in name) or
    /// a plain-text template; with `data`, against that data file.
    public static func run(template: String, data: String?, delimiters: Delimiters = .mustache) throws -> TemplateCheck {
        let lower = template.lowercased()
        let isLayout = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || BuiltInForms.names.contains(template)
        let tags: [DOCXTag]
        if lower.hasSuffix(".docx") || lower.hasSuffix(".dotx") {
            tags = try WordTemplate(path: template, delimiters: delimiters).tags
        } else if isLayout {
            tags = try BuiltInForms.layout(template).references.map { tag($0, in: template) }
        } else {
            tags = try Template.load(path: template, delimiters: delimiters).references.map { tag($0, in: template) }
        }
        guard let data else { return TemplateCheck(tagCount: tags.count, missing: [], unused: []) }
        let document = try DataLoader.load(path: data)
        // A layout also sees what the renderer adds (notice.*, counts.*); unused fields are the data's own.
        let seen = isLayout ? try FormContexts.build(document: document) : document.root
        let usage = TemplateUsage(tags: tags, data: seen)
        var missing = usage.missing
        var unused = usage.unused
        if isLayout {
            // A layout prints its form's fields: only a required field is missing when absent,
            // and only where the list it sits in holds items (an empty 参与单位 prints no rows).
            let layout = try BuiltInForms.layout(template)
            let definition = try FormDefinition.load(name: layout.form)
            missing = missing.filter { item in
                let scopes = item.scopes.filter { $0 != "." && !$0.hasPrefix("@") }
                let generic = (scopes + [item.path]).joined(separator: "[].")
                guard definition.field(at: generic)?.required == .yes else { return false }
                var prefix = ""
                for scope in scopes {
                    prefix = prefix.isEmpty ? scope : prefix + "." + scope
                    if document.root.value(at: prefix)?.isBlank ?? true { return false }
                }
                return true
            }
            // The data's own fields, less those the layout reads through the notice
            // (`declarations.*` print as the notice's eligibility lines).
            unused = TemplateUsage(tags: tags, data: document.root).unused.filter { !$0.hasPrefix("declarations.") }
        }
        return TemplateCheck(
            tagCount: tags.count,
            missing: missing.map { item in
                Diagnostic(id: .templateTagWithoutData, file: data, line: document.line(of: item.path), path: item.path,
                           message: Localized(zh: "模板 \(item.location) 的标签在数据中没有值",
                                              en: "the tag at \(item.location) of the template has no value in the data"))
            },
            unused: unused.map { path in
                Diagnostic(id: .templateUnusedData, severity: .warning, file: data, line: document.line(of: path), path: path,
                           message: Localized(zh: "没有标签使用这个数据字段", en: "no tag uses this data field"))
            })
    }

    /// A plain-text template's or a form layout's tag, in the shape the DOCX usage check reads.
    private static func tag(_ reference: TagReference, in template: String) -> DOCXTag {
        let kind: DOCXTag.Kind = switch reference.kind {
        case .value: .value
        case .section: .section
        case .invertedSection: .invertedSection
        }
        return DOCXTag(kind: kind, expression: reference.expression, location: template, scopes: reference.scopes)
    }
}
