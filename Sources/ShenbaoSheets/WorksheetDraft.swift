/// A worksheet to write: its cells and how a clerk should meet them — a bold, frozen header,
/// column widths and formats, drop-down lists. `XLSXWriter` turns drafts into a workbook.
public struct WorksheetDraft: Sendable, Hashable {
    /// How a column's cells are formatted, also the cells a clerk types later.
    public enum ColumnStyle: Sendable, Hashable {
        case general
        /// Number format `@` (ECMA-376 Part 1 §18.8.30, id 49): what is typed stays text, so a
        /// postal code keeps its leading zero and an 18-digit credit code all its digits.
        case text
        /// `yyyy-mm-dd`: typed dates show in ISO form.
        case date
        /// Wrapped text aligned to the top, for long explanations.
        case wrapped
    }

    /// One column's width (in characters of the default font, §18.3.1.13 `col`) and style.
    public struct Column: Sendable, Hashable {
        public var width: Double
        public var style: ColumnStyle

        public init(width: Double, style: ColumnStyle = .general) {
            self.width = width
            self.style = style
        }
    }

    /// A drop-down list on a column's cells (§18.3.1.32 `dataValidation`, type `list`).
    public struct DropDown: Sendable, Hashable {
        /// 0 for column A.
        public var column: Int
        /// Spreadsheet row numbers (1-based) the list applies to.
        public var rows: ClosedRange<Int>
        public var values: [String]

        public init(column: Int, rows: ClosedRange<Int>, values: [String]) {
            self.column = column
            self.rows = rows
            self.values = values
        }
    }

    /// The sheet's name as its tab shows it (at most 31 characters, none of `[]:*?/\`).
    public var name: String
    /// Rows from row 1.
    public var rows: [[Cell]]
    /// Row 1 is a header: bold, shaded and frozen so it stays in view (§18.3.1.66 `pane`).
    public var hasHeader: Bool
    public var columns: [Column]
    public var dropDowns: [DropDown]

    public init(name: String, rows: [[Cell]], hasHeader: Bool = true, columns: [Column] = [], dropDowns: [DropDown] = []) {
        self.name = name
        self.rows = rows
        self.hasHeader = hasHeader
        self.columns = columns
        self.dropDowns = dropDowns
    }
}
