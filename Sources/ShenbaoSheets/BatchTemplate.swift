import ShenbaoCore
import ShenbaoForms

/// The workbook `shenbao batch-template` writes (spec/cli.md `batch-template`): a sheet a
/// district hands out, one header row of the form's Chinese labels (`TemplateColumn`), a
/// drop-down on every column with fixed values (from the definition and the notice: 单位性质,
/// 项目类别, 重点领域, 成果级别, 是/否…), text-formatted columns for codes and numbers that must
/// keep their digits, widths to fit, the header frozen; and a second sheet 填写说明 with each
/// column's rules. What it writes, `XLSXReader` and `SheetRecords` read back unchanged.
public enum BatchTemplate {
    /// Rows that get drop-downs and formats: 1,000 records below the header.
    public static let dataRows = 2 ... 1001
    /// The data sheet's name; the rules sheet's.
    public static let sheetName = "申报数据"
    public static let instructionsName = "填写说明"

    /// The workbook's bytes.
    public static func workbook(definition: FormDefinition, notice: NoticeConfig) -> [UInt8] {
        XLSXWriter.write(drafts(definition: definition, notice: notice))
    }

    /// The two sheets, before writing.
    public static func drafts(definition: FormDefinition, notice: NoticeConfig) -> [WorksheetDraft] {
        let columns = TemplateColumn.columns(of: definition)
        var dropDowns: [WorksheetDraft.DropDown] = []
        for (i, column) in columns.enumerated() {
            let values = column.field.kind == .boolean ? ["是", "否"] : column.field.allowedValues(notice)
            if let values, !values.isEmpty {
                dropDowns.append(WorksheetDraft.DropDown(column: i, rows: dataRows, values: values))
            }
        }
        let data = WorksheetDraft(name: sheetName, rows: [columns.map { .text($0.header) }],
                                  columns: columns.map { WorksheetDraft.Column(width: width(of: $0, notice: notice), style: style(of: $0.field)) },
                                  dropDowns: dropDowns)
        let instructions = WorksheetDraft(
            name: instructionsName, rows: TemplateInstructions(definition: definition, notice: notice).rows(columns),
            columns: [6, 28, 36, 16, 8, 40, 60].enumerated().map { i, w in
                WorksheetDraft.Column(width: w, style: i >= 5 ? .wrapped : .general)
            })
        return [data, instructions]
    }

    private static func style(of field: FieldDefinition) -> WorksheetDraft.ColumnStyle {
        switch field.kind {
        case .text, .longtext: return .text
        case .date: return .date
        default: return .general
        }
    }

    /// Wide enough for the header and a typical value, in Excel's width units (a CJK character is two).
    private static func width(of column: TemplateColumn, notice: NoticeConfig) -> Double {
        func units(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } }
        let field = column.field
        var content: Int
        switch field.kind {
        case .longtext: content = 50
        case .date: content = 12
        case .boolean: content = 6
        case .integer: content = 8
        case .enum: content = (field.allowedValues(notice) ?? []).map(units).max() ?? 10
        default:
            switch field.format {
            case .creditCode?: content = 22
            case .phone?, .mobile?: content = 18
            case .postalCode?: content = 10
            case .email?: content = 28
            case nil: content = min(field.budget ?? field.maxLength ?? 10, 20) * 2
            }
        }
        // Long headers wrap onto two lines in the header row, so they count half.
        content = max(content, (units(column.header) + 1) / 2 + 2, 8)
        return Double(min(content, 60))
    }
}
