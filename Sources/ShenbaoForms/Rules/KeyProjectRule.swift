import ShenbaoCore

/// `key_project.field` and `key_project.direction`: a project of the notice's key category
/// (重点项目) must name one of the notice's fields and at least one direction listed under that
/// field; a field or direction given for any project must be one the notice lists.
public struct KeyProjectRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.keyProjectField, .keyProjectDirection] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        let all = context.definition.allFields
        guard let fieldDef = all.first(where: { $0.rule == .keyProjectField }) else { return [] }
        let notice = context.notice
        let keyCategories = notice.categories.filter(\.isKey).map(\.name)
        let categoryPath = fieldDef.when?.path
        let category = categoryPath.flatMap { context.present($0)?.scalarText }?.trimmed
        let isKey = category.map(keyCategories.contains) ?? false
        let keyName = keyCategories.first ?? ""
        var out: [Diagnostic] = []

        var keyField: NoticeConfig.KeyField?
        let fieldNames = notice.keyFields.map(\.name)
        if let given = context.present(fieldDef.path)?.scalarText?.trimmed {
            keyField = notice.keyField(named: given)
            if keyField == nil {
                out.append(context.issue(.keyProjectField, at: fieldDef.path,
                    zh: "「\(given)」不是通知所列的\(fieldDef.label)；请填写其中之一：\(fieldNames.choiceList)",
                    en: "“\(given)” is not a field the notice lists; use one of: \(fieldNames.joined(separator: ", "))"))
            }
        } else if isKey {
            out.append(context.issue(.keyProjectField, at: fieldDef.path,
                zh: "\(keyName)须填写\(fieldDef.label)；请填写其中之一：\(fieldNames.choiceList)",
                en: "a \(keyName) project needs a key field; use one of: \(fieldNames.joined(separator: ", "))"))
        }

        guard let listDef = all.first(where: { $0.rule == .keyProjectDirection && $0.kind == .list }) else { return out }
        let allowed = keyField?.directions ?? notice.allDirections
        switch context.value(listDef.path) {
        case .list(let items) where !items.isEmpty:
            for (i, item) in items.enumerated() {
                guard let text = item.scalarText?.trimmed, !text.isEmpty else { continue }
                guard !allowed.contains(text) else { continue }
                let path = "\(listDef.path).\(i + 1)"
                if let keyField {
                    out.append(context.issue(.keyProjectDirection, at: path,
                        zh: "「\(text)」不是「\(keyField.name)」的\(listDef.label)；请填写其中之一：\(allowed.choiceList)",
                        en: "“\(text)” is not a direction of \(keyField.name); use one of: \(allowed.joined(separator: ", "))"))
                } else {
                    out.append(context.issue(.keyProjectDirection, at: path,
                        zh: "「\(text)」不是通知所列的\(listDef.label)",
                        en: "“\(text)” is not a direction the notice lists"))
                }
            }
        case .some(let v) where !v.isBlank:
            break // not a list: the type rule reports it
        default:
            if isKey {
                let hint = keyField.map { "（\($0.name)：\($0.directions.choiceList)）" } ?? ""
                out.append(context.issue(.keyProjectDirection, at: listDef.path,
                    zh: "\(keyName)须填写至少一个\(listDef.label)\(hint)",
                    en: "a \(keyName) project needs at least one key direction"))
            }
        }
        return out
    }
}
