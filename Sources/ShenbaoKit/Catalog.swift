import Foundation
import ShenbaoFormLayout
import ShenbaoForms

/// What is built in: the form layouts and notice configurations, with their files (`shenbao forms`),
/// and the JSON Schemas generated from the form definitions (`shenbao schema`).
public enum Catalog {
    /// A built-in form layout.
    public struct Form: Sendable {
        public var name: String
        public var path: String
        /// nil when the layout has errors (`check-template` says which).
        public var title: String?
        public var copies: Int?
        /// The form definition's file, when there is one.
        public var definition: String?
    }

    /// A notice configuration.
    public struct Notice: Sendable {
        public var id: String
        public var path: String
        /// nil when the file has errors.
        public var documentNumber: String?
        public var title: String?
        /// The deadline in Chinese (2024年5月31日) and ISO form.
        public var deadlineChinese: String?
        public var deadline: String?
    }

    public static var forms: [Form] {
        BuiltInForms.names.map { name in
            let path = BuiltInForms.path(of: name)
            guard let layout = try? BuiltInForms.layout(name) else { return Form(name: name, path: path) }
            let definition = TemplatesFolder.url("definitions/\(layout.form).yaml").path
            return Form(name: name, path: path, title: layout.title, copies: layout.copies,
                        definition: FileManager.default.fileExists(atPath: definition) ? definition : nil)
        }
    }

    public static var notices: [Notice] {
        let dir = TemplatesFolder.url("notices")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return files.map { file in
            let path = dir.appendingPathComponent(file).path
            guard let notice = try? NoticeConfig.load(path: path) else { return Notice(id: String(file.dropLast(5)), path: path) }
            return Notice(id: notice.id, path: path, documentNumber: notice.documentNumber, title: notice.title,
                          deadlineChinese: notice.deadline.chinese, deadline: "\(notice.deadline)")
        }
    }

    /// The id of the notice used when none is named.
    public static var defaultNoticeID: String { NoticeConfig.defaultID }

    /// The JSON Schema of a form's data, with the value lists of notice `notice`.
    public static func schema(form: String, notice: String) throws -> String {
        let definition = try FormDefinition.load(dataForm: form)
        return SchemaGenerator.text(for: definition, notice: try NoticeConfig.load(id: notice))
    }
}
