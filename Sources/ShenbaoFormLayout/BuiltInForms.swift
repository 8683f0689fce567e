import Foundation
import ShenbaoCore
import ShenbaoForms

/// The form layouts shipped in `templates/forms/`, and how a layout's labels are found in the
/// form definitions (`templates/definitions/`).
public enum BuiltInForms {
    /// Names of the built-in layouts (`application`, `opinion`, `summary`), sorted.
    public static var names: [String] {
        let dir = TemplatesFolder.url("forms")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The file of a built-in layout.
    public static func path(of name: String) -> String { TemplatesFolder.url("forms/\(name).yaml").path }

    /// The layout a `FORM` argument names: a built-in name, or the path of a layout file.
    /// Neither: exit 2 (`form.unknown`) listing the built-in names.
    public static func layout(_ form: String) throws -> FormLayout {
        if SafeName.isPlain(form), FileManager.default.fileExists(atPath: path(of: form)) {
            return try FormLayoutLoader.load(path: path(of: form), labels: label)
        }
        if form.contains("/") || form.hasSuffix(".yaml") || form.hasSuffix(".yml") {
            guard FileManager.default.fileExists(atPath: form) else {
                throw ShenbaoFailure.unusable(.formUnreadable, file: form, zh: "找不到表格版式文件", en: "form layout file not found")
            }
            return try FormLayoutLoader.load(path: form, labels: label)
        }
        throw ShenbaoFailure.unusable(.formUnknown,
            zh: "未知的表格「\(form)」（内置：\(names.joined(separator: "、"))；或给出版式文件路径）",
            en: "unknown form “\(form)” (built in: \(names.joined(separator: ", ")); or give a layout file path)")
    }

    /// The label of `path` in the definition of `form`: a field (`applicant.name`,
    /// `project.expected_outputs[].level`), or a summary's `header.<key>` / `columns.<key>`.
    @Sendable public static func label(form: String, path: String) -> String? {
        guard let definition = try? FormDefinition.load(name: form) else { return nil }
        if path.hasPrefix("header.") {
            let key = String(path.dropFirst(7))
            return definition.header.first { $0.key == key }?.label
        }
        if path.hasPrefix("columns.") {
            let key = String(path.dropFirst(8))
            return definition.columns.first { $0.key == key }?.label
        }
        return definition.label(for: path)
    }
}
