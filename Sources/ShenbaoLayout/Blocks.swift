/// Horizontal placement of lines in their box.
public enum Alignment: String, Sendable, Hashable {
    case left, center, right
    /// Both edges flush, space spread between characters (两端对齐), last line flush left.
    case justify
}

/// Vertical placement of a cell's content when the row is taller than it.
public enum VerticalAlignment: String, Sendable, Hashable {
    case top, middle, bottom
}

/// How text is set: size in points, weight, alignment, line spacing.
public struct TextStyle: Sendable, Hashable {
    public var size: Double
    public var bold: Bool
    public var align: Alignment
    /// Line height as a multiple of the size.
    public var leading: Double
    /// First-line indent in points (two characters, 首行缩进两字, for running text).
    public var firstIndent: Double

    public init(size: Double = 12, bold: Bool = false, align: Alignment = .justify, leading: Double = 1.5,
                firstIndent: Double = 0) {
        self.size = size; self.bold = bold; self.align = align; self.leading = leading
        self.firstIndent = firstIndent
    }
}

/// Running text: one or more lines (`\n` separates paragraphs, each broken on its own).
public struct Paragraph: Sendable, Hashable {
    public var text: String
    public var style: TextStyle
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Never the last thing on a page (headings such as 三、立项依据 stay with their table).
    public var keepWithNext: Bool
    /// The paragraph goes on past its last line, on the next page (`Page.blocks` cut it there):
    /// a justified paragraph sets that line full, as the lines before it.
    public var runsOn: Bool

    public init(_ text: String, style: TextStyle = TextStyle(), spaceBefore: Double = 0, spaceAfter: Double = 0,
                keepWithNext: Bool = false, runsOn: Bool = false) {
        self.text = text; self.style = style
        self.spaceBefore = spaceBefore; self.spaceAfter = spaceAfter; self.keepWithNext = keepWithNext
        self.runsOn = runsOn
    }
}

/// Where a seal may be stamped or placed: over the last two lines of a signature block
/// (the unit's name and the date), as GB/T 9704 §7.3.5 places it.
public struct SealSpec: Sendable, Hashable {
    /// Diameter in points: 42 mm by default, at most 45 mm.
    public var diameter: Double
    /// Printed in the area when no seal image is given, for a physical stamp.
    public var caption: String
    /// Whether a seal image given for the form goes here (the signer's own block), or the area
    /// is only for a stamp by hand (a block another body signs).
    public var takesImage: Bool
    /// The area's name among the page's regions (`seal.applicant`), where a signature widget
    /// or an endorsement's seal is placed later.
    public var region: String?

    public init(diameter: Double = 42.mm, caption: String = "（盖章）", takesImage: Bool = true, region: String? = nil) {
        self.diameter = min(diameter, 45.mm)
        self.caption = caption
        self.takesImage = takesImage
        self.region = region
    }
}

/// A signature block: lines set in a column at the right (法定代表人（签字）, the unit's name,
/// the date), kept together on one page, with an optional seal area over the name and date.
public struct SignatureBlock: Sendable, Hashable {
    public var lines: [String]
    public var style: TextStyle
    public var seal: SealSpec?
    /// Space kept free between the column and the right edge of the box, in points.
    public var rightIndent: Double

    public init(lines: [String], style: TextStyle = TextStyle(align: .left), seal: SealSpec? = SealSpec(),
                rightIndent: Double = 24) {
        self.lines = lines; self.style = style; self.seal = seal; self.rightIndent = rightIndent
    }
}

/// Which edges of a cell are ruled.
public enum CellBorder: String, Sendable, Hashable {
    /// All four sides (表格).
    case box
    /// Only the bottom edge (underlined blanks of a cover page).
    case bottom
    case none
}

/// A table cell: blocks (paragraphs, signature blocks, spacers) in a ruled box spanning
/// `colspan` grid columns.
public struct Cell: Sendable, Hashable {
    public var content: [Block]
    public var colspan: Int
    public var valign: VerticalAlignment
    /// Overrides the table's border for this cell.
    public var border: CellBorder?
    /// Names the cell's box among the page's regions (`opinion`: the 推荐部门意见 box that an
    /// endorsement fills in later).
    public var region: String?

    public init(_ content: [Block], colspan: Int = 1, valign: VerticalAlignment = .middle, border: CellBorder? = nil,
                region: String? = nil) {
        self.content = content; self.colspan = max(1, colspan); self.valign = valign; self.border = border
        self.region = region
    }

    /// A cell holding one paragraph of text.
    public init(text: String, style: TextStyle = TextStyle(), colspan: Int = 1, valign: VerticalAlignment = .middle,
                border: CellBorder? = nil) {
        self.init([.paragraph(Paragraph(text, style: style))], colspan: colspan, valign: valign, border: border)
    }
}

/// A table row. Rows split across pages line by line when they do not fit, so a long text
/// cell flows on and is never cut.
public struct Row: Sendable, Hashable {
    public var cells: [Cell]
    /// Rows are at least this tall (an empty box for handwriting).
    public var minHeight: Double

    public init(_ cells: [Cell], minHeight: Double = 0) {
        self.cells = cells; self.minHeight = minHeight
    }
}

/// A table on a grid of columns; the first `headerRows` rows are repeated at the top of every
/// page the table continues on.
public struct Table: Sendable, Hashable {
    /// Relative column widths, scaled to the text block's width.
    public var columns: [Double]
    public var rows: TableRows
    public var headerRows: Int
    public var border: CellBorder
    /// Line width of the rules in points.
    public var lineWidth: Double
    public var paddingX: Double
    public var paddingY: Double
    public var spaceBefore: Double
    public var spaceAfter: Double

    public init(columns: [Double], rows: TableRows, headerRows: Int = 0, border: CellBorder = .box,
                lineWidth: Double = 0.75, paddingX: Double = 5, paddingY: Double = 4,
                spaceBefore: Double = 0, spaceAfter: Double = 0) {
        self.columns = columns; self.rows = rows; self.headerRows = headerRows; self.border = border
        self.lineWidth = lineWidth; self.paddingX = paddingX; self.paddingY = paddingY
        self.spaceBefore = spaceBefore; self.spaceAfter = spaceAfter
    }
}

/// What a form is made of, top to bottom; the layout places these on pages.
public indirect enum Block: Sendable, Hashable {
    case paragraph(Paragraph)
    case table(Table)
    case signature(SignatureBlock)
    /// Vertical space in points.
    case spacer(Double)
    /// The next block starts a new page.
    case pageBreak
}
