import ShenbaoCore
import ShenbaoForms

/// One data row read as a record: its data document, or why the row could not be read.
public struct SheetRecord: Sendable {
    /// The row number the spreadsheet shows (the header is row 1 in a CSV).
    public var row: Int
    /// The record, as a data file would give it; `file` is `名单.xlsx:row 5` and has no lines, so
    /// every validation message names the row. Nil when the row could not be read.
    public var document: DataDocument?
    /// Why the row could not be read (`sheet.row`, one per cell): the record is `failed`.
    public var failures: [Diagnostic]
    /// What the reader noticed about this row without refusing it (`sheet.ragged`).
    public var warnings: [Diagnostic]
}

/// The records of a sheet under a form definition (spec/cli.md `batch`): the header read into
/// columns (`SheetColumns`), each non-empty row into a value tree (`RecordTree`) of cells typed
/// by their fields (`CellTyping`). Rows are independent: a row that cannot be read is a failed
/// record with its reasons, never a stop and never a silent skip; only rows with no cell at all
/// are no records (the blank rows below a table).
public struct SheetRecords: Sendable {
    /// The file the sheet was read from, as messages name it.
    public let file: String
    public let columns: [SheetColumn]
    /// About the sheet as a whole (`sheet.unknown_column`).
    public let warnings: [Diagnostic]
    /// The non-empty data rows, in the sheet's order: one record each.
    private let rows: [SheetRow]
    private let rowWarnings: [String: [Diagnostic]]
    private let tree: RecordTree

    /// Reads the header of `sheet` (read from `file`) into columns of `definition`'s form; the
    /// rows are made records when asked for (`record(_:)`), so a batch holds the sheet's cells
    /// and no more than the records it is working on. Throws only when the header itself is
    /// unusable (`sheet.header`, exit 2).
    public init(sheet: Sheet, file: String, definition: FormDefinition) throws(ShenbaoFailure) {
        let (columns, warnings) = try SheetColumns.read(sheet, file: file, definition: definition)
        self.file = file
        self.columns = columns
        self.warnings = warnings
        var rowWarnings: [String: [Diagnostic]] = [:]
        for warning in sheet.warnings { rowWarnings[warning.file ?? "", default: []].append(warning) }
        self.rowWarnings = rowWarnings
        tree = RecordTree(paths: columns.map(\.path))
        rows = sheet.rows.filter { row in row.cells.contains(where: { !$0.isBlank }) }
    }

    /// One per non-empty data row.
    public var count: Int { rows.count }

    /// Every record, in the sheet's order, made anew at each call (a batch takes them one by one).
    public func all() -> [SheetRecord] { rows.indices.map(record) }

    /// The record of the `i`-th non-empty data row (0-based).
    public func record(_ i: Int) -> SheetRecord {
        let row = rows[i]
        let location = SheetRow.location(file: file, row: row.number)
        var values = [Value?](repeating: nil, count: columns.count)
        var failures: [Diagnostic] = []
        for (i, column) in columns.enumerated() {
            switch CellTyping.type(row[column.index], field: column.field) {
            case .missing: continue
            case .value(let value): values[i] = value
            case .unreadable(let why):
                failures.append(Diagnostic(id: .sheetRow, file: location, path: column.path, label: column.header,
                    message: Localized(zh: "\(column.letters) 列：\(why.zh)", en: "column \(column.letters): \(why.en)")))
            }
        }
        let document = failures.isEmpty ? DataDocument(file: location, root: tree.build(values)) : nil
        return SheetRecord(row: row.number, document: document, failures: failures, warnings: rowWarnings[location] ?? [])
    }
}
