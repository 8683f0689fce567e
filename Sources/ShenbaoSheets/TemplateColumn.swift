import ShenbaoForms

/// One column of the `batch-template` workbook: the field it fills and its header, the Chinese
/// label `SheetColumns` reads back to the same path.
public struct TemplateColumn: Sendable, Hashable {
    /// The header: the field's label (`统一社会信用代码`), its qualified label when the plain
    /// one is ambiguous, or list label, item number and item label (`预期成果.1.成果级别`).
    public var header: String
    /// The concrete data path (`project.expected_outputs.1.level`).
    public var path: String
    public var field: FieldDefinition
    /// For a list item's column: the list and the item's number (1-based).
    public var list: FieldDefinition?
    public var item: Int?

    /// The template's columns for `definition`, in the definition's order: every field a clerk
    /// fills — not `form` and `notice`, which `batch` gives — with a list's items numbered up to
    /// its `sheet_items` (3 when the definition does not say).
    public static func columns(of definition: FormDefinition) -> [TemplateColumn] {
        var out: [TemplateColumn] = []
        func header(for field: FieldDefinition) -> String {
            if definition.path(forLabel: field.label) == field.path { return field.label }
            return definition.qualifiedLabel(for: field.path) ?? field.path
        }
        func walk(_ field: FieldDefinition) {
            switch field.kind {
            case .record:
                field.fields.forEach(walk)
            case .list:
                guard let item = field.items?.field else { return }
                for n in 1 ... max(field.sheetItems ?? 3, 1) {
                    let base = field.path + ".\(n)"
                    if item.kind == .record {
                        for sub in item.fields {
                            out.append(TemplateColumn(header: "\(field.label).\(n).\(sub.label)", path: base + "." + sub.key,
                                                      field: sub, list: field, item: n))
                        }
                    } else {
                        out.append(TemplateColumn(header: "\(field.label).\(n)", path: base, field: item, list: field, item: n))
                    }
                }
            default:
                out.append(TemplateColumn(header: header(for: field), path: field.path, field: field, list: nil, item: nil))
            }
        }
        definition.fields.filter { $0.path != "form" && $0.path != "notice" }.forEach(walk)
        return out
    }
}
