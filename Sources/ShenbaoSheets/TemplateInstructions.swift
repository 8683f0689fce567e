import ShenbaoCore
import ShenbaoForms

/// The rules of one template column as the 填写说明 sheet states them for a clerk: whether it
/// must be filled, what kind of value, the allowed values, and its format — all from the form
/// definition and the notice, so the sheet and the validator never disagree.
struct TemplateInstructions {
    let definition: FormDefinition
    let notice: NoticeConfig

    /// The sheet's header row.
    static let header = ["列", "表头", "数据路径", "必填", "类型", "可选值", "格式与说明"]

    /// One row per column of the data sheet.
    func rows(_ columns: [TemplateColumn]) -> [[Cell]] {
        var rows = [Self.header.map(Cell.text)]
        for (i, column) in columns.enumerated() {
            let values = column.field.allowedValues(notice) ?? (column.field.kind == .boolean ? ["是", "否"] : [])
            let endsList = column.list != nil && (i + 1 == columns.count || columns[i + 1].list?.path != column.list?.path)
            rows.append([.text(CellReference.letters(ofColumn: i)), .text(column.header), .text(column.path),
                         .text(required(column)), .text(kind(column.field)), .text(values.choiceList),
                         .text(format(column, endsList: endsList))])
        }
        return rows
    }

    private func required(_ column: TemplateColumn) -> String {
        if let list = column.list, let n = column.item {
            let whole = list.required == .conditional ? condition(list) : list.required == .yes ? "至少填写 1 项" : nil
            let itemNeeded = column.field.required == .yes || list.items?.field.kind != .record
            switch (n, whole, itemNeeded) {
            case (1, let w?, true): return "是（\(w)）"
            case (_, _, true): return "填写该项时必填"
            default: return "否"
            }
        }
        switch column.field.required {
        case .yes: return "是"
        case .no: return "否"
        case .conditional: return condition(column.field) ?? "视情况"
        }
    }

    /// When a conditional field is required, in words: 「项目类别」为重点项目时必填.
    private func condition(_ field: FieldDefinition) -> String? {
        guard let when = field.when else { return nil }
        if let path = when.path {
            let label = definition.label(for: path) ?? path
            let value = when.equals.map { v in v == .bool(true) ? "是" : v.plainText } ?? ""
            return "「\(label)」为\(value)时必填"
        }
        if !when.oneOf.isEmpty {
            return when.oneOf.map { definition.label(for: $0) ?? $0 }.joined(separator: "、") + "至少填写一项"
        }
        return nil
    }

    private func kind(_ field: FieldDefinition) -> String {
        switch field.kind {
        case .text: return "文本"
        case .longtext: return "长文本"
        case .integer: return "整数"
        case .boolean: return "是/否"
        case .date: return "日期"
        case .enum: return "选项"
        case .list: return "列表"
        case .record: return "记录"
        }
    }

    /// `endsList`: the last column of a list's items, which says how to give more.
    private func format(_ column: TemplateColumn, endsList: Bool) -> String {
        let field = column.field
        var notes: [String] = []
        switch field.format {
        case .creditCode?: notes.append("18 位统一社会信用代码（GB 32100-2015），如 91310115MA1K3BTP2B；本列为文本格式，请勿改为数字")
        case .phone?: notes.append("固定电话 021-XXXXXXXX（8 位，可带分机，如 021-64220000-2527）或手机号")
        case .mobile?: notes.append("11 位手机号，1 开头，可加 +86")
        case .email?: notes.append("电子邮箱，如 name@example.cn")
        case .postalCode?: notes.append("6 位数字，如 200032；本列为文本格式，开头的 0 会保留")
        case nil: break
        }
        switch field.kind {
        case .date: notes.append("日期，写作 2024-05-31、2024/5/31 或 2024年5月31日")
        case .boolean: notes.append("从下拉列表选 是 或 否（也可写 true/false、1/0）")
        case .enum: notes.append("从下拉列表中选择")
        case .integer: notes.append(field.minimum.map { "整数，至少为 \($0)" } ?? "整数")
        default: break
        }
        if let maxLength = field.maxLength { notes.append("不超过 \(maxLength) 字") }
        if let budget = field.budget { notes.append("表格中约容纳 \(budget) 字，超出会提示") }
        if let value = field.defaultValue { notes.append("不填时为「\(value == .bool(false) ? "否" : value.plainText)」") }
        if endsList, let n = column.item, let list = column.list {
            notes.append("需要更多项时，按同样写法增加列（\(list.label).\(n + 1)…）；也可只用一列「\(list.label)」写 JSON 数组")
        }
        return notes.joined(separator: "；")
    }
}
