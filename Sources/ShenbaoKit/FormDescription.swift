import Foundation
import ShenbaoForms

/// A form's fields and the notice's choices as one JSON document, for a host that builds the
/// form's input page from them (the server's `/apply`): every field of the definition in its
/// order, with its label, required-ness, type, format, limits and allowed values resolved
/// against the notice, and the notice's deadline, contacts and fields with their directions.
/// A field added to the definition file appears in the document, and so on the page.
public enum FormDescription {
    /// The description of `form` (`application`) under `notice` (by default the default notice).
    public static func json(form: String, notice: String? = nil) throws -> String {
        let definition = try FormDefinition.load(dataForm: form)
        let config = try NoticeConfig.load(id: notice ?? NoticeConfig.defaultID)
        var groups = OrderedMap()
        for key in definition.groups.keys.sorted() { groups[key] = .text(definition.groups[key] ?? "") }
        let document: Value = [
            "form": .text(definition.name),
            "title": .text(definition.title),
            "groups": .map(groups),
            "fields": .list(definition.fields.map { field($0, notice: config) }),
            "notice": noticeValue(config),
        ]
        return JSONText.encode(document)
    }

    /// One field; a list's `item` and a record's `fields` nest. `values_from` stays named (as
    /// well as resolved) so a page can narrow 重点方向 to the chosen 重点领域's.
    static func field(_ f: FieldDefinition, notice: NoticeConfig) -> Value {
        var m = OrderedMap()
        m["path"] = .text(f.path)
        m["key"] = .text(f.key)
        m["label"] = .text(f.label)
        m["required"] = .text(f.required.rawValue)
        m["type"] = .text(f.kind.rawValue)
        if let format = f.format { m["format"] = .text(format.rawValue) }
        if let values = f.allowedValues(notice) { m["values"] = .list(values.map(Value.text)) }
        if let from = f.valuesFrom { m["values_from"] = .text(from) }
        if let maxLength = f.maxLength { m["max_length"] = .integer(maxLength) }
        if let budget = f.budget { m["budget"] = .integer(budget) }
        if let minimum = f.minimum { m["minimum"] = .integer(minimum) }
        if let value = f.defaultValue { m["default"] = value }
        if let when = f.when {
            var w = OrderedMap()
            if let path = when.path { w["path"] = .text(path) }
            if let equals = when.equals { w["equals"] = equals }
            if !when.oneOf.isEmpty { w["one_of"] = .list(when.oneOf.map(Value.text)) }
            m["when"] = .map(w)
        }
        if let item = f.items?.field { m["item"] = field(item, notice: notice) }
        if !f.fields.isEmpty { m["fields"] = .list(f.fields.map { field($0, notice: notice) }) }
        return .map(m)
    }

    static func noticeValue(_ n: NoticeConfig) -> Value {
        let fields: [Value] = n.keyFields.map { k in
            var m = OrderedMap()
            m["name"] = .text(k.name)
            m["text"] = .text(k.text)
            m["directions"] = .list(k.directions.map(Value.text))
            if let c = k.contact {
                var contact = OrderedMap()
                contact["name"] = .text(c.name)
                contact["phone"] = .text(c.phone)
                if let ext = c.phoneExtension { contact["extension"] = .text(ext) }
                m["contact"] = .map(contact)
            }
            return .map(m)
        }
        var submission = OrderedMap()
        if let online = n.submission.online { submission["online"] = .text(online) }
        submission["recipient"] = .text(n.submission.recipient)
        submission["address"] = .text(n.submission.address)
        submission["postcode"] = .text(n.submission.postcode)
        return [
            "id": .text(n.id),
            "title": .text(n.title),
            "document_number": .text(n.documentNumber),
            "issuer": .text(n.issuer),
            "deadline": .text("\(n.deadline)"),
            "deadline_chinese": .text(n.deadline.chinese),
            "copies": .integer(n.copies),
            "key_fields": .list(fields),
            "submission": .map(submission),
        ]
    }
}
