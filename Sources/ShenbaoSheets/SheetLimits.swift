import ShenbaoCore

/// The failures for a spreadsheet past `Sheet`'s bounds (`sheet.too_large`), worded once for
/// the CSV and the XLSX reader. Bounds come before parsing where they can, so a hostile file
/// is refused before it costs memory.
enum SheetLimits {
    static func tooLargeFile(file: String) -> ShenbaoFailure {
        ShenbaoFailure.unusable(.sheetTooLarge, file: file,
            zh: "表格文件超过 \(Sheet.maxFileBytes >> 20) MB 上限，已拒绝",
            en: "the spreadsheet exceeds the \(Sheet.maxFileBytes >> 20) MB limit; refused")
    }

    static func tooManyRows(file: String) -> ShenbaoFailure {
        ShenbaoFailure.unusable(.sheetTooLarge, file: file,
            zh: "表格超过 \(Sheet.maxRows) 行数据的上限，已拒绝；请分成几个文件",
            en: "the spreadsheet has more than \(Sheet.maxRows) data rows; refused (split it into several files)")
    }

    static func tooManyColumns(file: String, row: Int) -> ShenbaoFailure {
        ShenbaoFailure.unusable(.sheetTooLarge, file: SheetRow.location(file: file, row: row),
            zh: "第 \(row) 行超过 \(Sheet.maxColumns) 列的上限，已拒绝",
            en: "row \(row) has more than \(Sheet.maxColumns) columns; refused")
    }
}
