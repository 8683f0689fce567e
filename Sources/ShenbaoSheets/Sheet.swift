import ShenbaoCore

/// One cell as a spreadsheet holds it, before any form says what it should be: CSV cells are
/// always text; XLSX cells keep the type the workbook records (ECMA-376 Part 1 §18.3.1.4 `c`,
/// §18.18.11 `ST_CellType`), numbers styled as dates already read as dates.
public enum Cell: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    case date(CivilDate)

    /// True for an empty cell or text of whitespace only (a blank cell means "missing").
    public var isBlank: Bool {
        switch self {
        case .empty: return true
        case .text(let s): return s.allSatisfy(\.isWhitespace)
        default: return false
        }
    }

    /// The cell as a person reads it: numbers without a trailing `.0`, dates in ISO form,
    /// booleans as Excel shows them (TRUE, FALSE).
    public var displayText: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .number(let x): return Value.decimal(x).plainText
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.description
        }
    }
}

/// One data row, with the number a spreadsheet shows beside it (the header is row 1 in a CSV;
/// in a workbook, the row's own `r`).
public struct SheetRow: Sendable, Hashable {
    public var number: Int
    /// Cells by column, from column A; a row may be shorter than the header (missing cells are empty).
    public var cells: [Cell]

    public init(number: Int, cells: [Cell]) {
        self.number = number
        self.cells = cells
    }

    /// How messages name a row of `file`: `名单.xlsx:row 5`, so a validation message about a
    /// record read from a sheet says which row to correct.
    public static func location(file: String, row: Int) -> String { "\(file):row \(row)" }

    /// The cell in column `index` (0 for A), empty when the row is shorter.
    public subscript(index: Int) -> Cell {
        index < cells.count ? cells[index] : .empty
    }
}

/// A table read from a CSV file or one worksheet: the header cells (the first row), the data
/// rows below in order, and what the reader noticed without refusing the file (ragged rows).
public struct Sheet: Sendable, Hashable {
    /// The worksheet's name; nil for a CSV.
    public var name: String?
    /// The header row's cells as text (column A first).
    public var header: [String]
    /// The header's row number (1 in a CSV; the first non-empty row of a worksheet).
    public var headerRow: Int
    public var rows: [SheetRow]
    /// Problems that do not stop reading, each naming its row as `SheetRow.location` does (`sheet.ragged`).
    public var warnings: [Diagnostic]

    public init(name: String? = nil, header: [String], headerRow: Int = 1, rows: [SheetRow], warnings: [Diagnostic] = []) {
        self.name = name
        self.header = header
        self.headerRow = headerRow
        self.rows = rows
        self.warnings = warnings
    }

    /// Rows beyond this are refused (`sheet.too_large`): a district's batch is hundreds.
    public static let maxRows = 100_000
    /// Columns beyond this are refused: the application form has about 80.
    public static let maxColumns = 1_000
    /// Files larger than this are refused before they are read.
    public static let maxFileBytes = 64 << 20
}
