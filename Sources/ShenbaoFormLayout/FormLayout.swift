import ShenbaoCore
import ShenbaoLayout
import ShenbaoTemplate

/// A form layout read from `templates/forms/<name>.yaml` (format: `templates/forms/README.md`):
/// what a form prints and where, with the template language in its cells. A new form is a new
/// file, not new code.
public struct FormLayout: Sendable {
    /// The layout's name (`application`), from the file name.
    public var name: String
    /// The form definition whose labels `label:` cells print, and whose data the form shows.
    public var form: String
    /// The form's title (for document properties and messages).
    public var title: String
    /// Copies in the print pack when `--copies` is not given.
    public var copies: Int
    public var page: PageSetup
    public var nodes: [LayoutNode]
    /// The file it was read from.
    public var file: String
}

/// Text with template tags, rendered against the form's data. Inside an `each` group it is
/// compiled wrapped in the list's section, so loop variables (`{{@number}}`) work as in any
/// Mustache section; one render gives the text for every item.
public struct TextTemplate: Sendable {
    public var source: String
    var template: Template
    /// The list the text is repeated over, when inside an `each`: the template is rendered in
    /// each item's context (`FormRenderer.Scope`).
    var each: String?
}

/// Optional overrides of a text style, written beside any text in a layout file.
public struct StyleSpec: Sendable, Hashable {
    public var size: Double?
    public var bold: Bool?
    public var align: Alignment?
    public var leading: Double?
    /// First-line indent in characters (em).
    public var indent: Double?

    func applied(to base: TextStyle) -> TextStyle {
        var s = base
        if let size { s.size = size }
        if let bold { s.bold = bold }
        if let align { s.align = align }
        if let leading { s.leading = leading }
        if let indent { s.firstIndent = indent * s.size }
        return s
    }
}

/// What kind of paragraph a text node is: it picks the base style.
public enum TextKind: String, Sendable {
    /// The form's title: 二号 bold, centred.
    case title
    /// A numbered section heading (一、申请单位基本情况): 四号 bold, kept with what follows.
    case heading
    /// Running text: 小四, justified.
    case text
}

/// A condition: an expression (`project.participants`, `project.category | eq "重点项目"`)
/// that is true when Mustache would render a section for it.
public struct Condition: Sendable {
    public var source: String
    var expression: Expression
}

/// One node of a layout, before data is applied.
public indirect enum LayoutNode: Sendable {
    case text(TextTemplate, kind: TextKind, style: StyleSpec, spaceBefore: Double?, spaceAfter: Double?)
    case spacer(Double)
    case pageBreak
    case table(LayoutTable)
    case signature(LayoutSignature)
    /// Children shown only when a condition holds, or repeated once per item of a list.
    case group(when: Condition?, each: String?, nodes: [LayoutNode])
}

/// A signature block in a layout.
public struct LayoutSignature: Sendable {
    public var lines: [TextTemplate]
    public var style: StyleSpec
    public var seal: SealSpec?
    /// Whether `--seal IMAGE` is placed here (the applicant's block), or only the caption is
    /// (a block another body stamps by hand).
    public var takesSealImage: Bool
}

/// A table in a layout.
public struct LayoutTable: Sendable {
    public var columns: [Double]
    public var headerRows: Int
    public var border: CellBorder
    public var rows: [LayoutRow]
    public var spaceBefore: Double
    public var spaceAfter: Double
    public var size: Double?
}

/// A row, or rows repeated per list item (`each`), or shown only when a condition holds.
public struct LayoutRow: Sendable {
    public var cells: [LayoutCell]
    public var minHeight: Double
    public var each: String?
    public var when: Condition?
}

/// A cell: a label from the form definition, template text, or blocks.
public struct LayoutCell: Sendable {
    public enum Content: Sendable {
        /// A label: the definition's label for a data path, with fixed text around it.
        case label(String)
        case text(TextTemplate)
        case nodes([LayoutNode])
    }
    public var content: Content
    public var isLabel: Bool
    public var span: Int
    public var style: StyleSpec
    public var valign: VerticalAlignment?
    public var border: CellBorder?
    /// The name of the cell's box among the page's regions (`region: opinion`).
    public var region: String?
}
