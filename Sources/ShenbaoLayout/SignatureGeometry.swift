/// Where a signature block's lines and seal go inside a box `width` points wide: the one
/// computation both the page layout (PDF) and the DOCX writer place signature blocks by.
///
/// The lines are centred in a column at the right. With a seal, an empty caption line is put
/// between the name (second-to-last line) and the date (last line), and the seal is centred on
/// it, so the seal sits over the name with the date just below its centre (GB/T 9704 §7.3.5.1);
/// the column moves left when the seal would otherwise cross the box's right edge.
public struct SignatureGeometry: Sendable {
    /// The lines to set, with an empty line at `captionIndex` when there is a seal.
    public let lines: [String]
    /// The line the seal is centred on (its caption is printed there when no image is placed).
    public let captionIndex: Int?
    /// Each line's width; at `captionIndex`, the caption's.
    public let widths: [Double]
    /// The column's width: the widest line or caption.
    public let column: Double
    /// The column's left edge, from the box's left.
    public let columnX: Double
    /// Each line's height: the style's size times its leading.
    public let lineHeight: Double
    /// The space above the first line, so a seal centred on the caption line does not rise
    /// above the block.
    public let top: Double
    /// The block's height: its lines, or down to the seal's foot when that is lower.
    public let height: Double

    /// The column's centre, which the seal and every line are centred on.
    public var centerX: Double { columnX + column / 2 }

    /// The seal may come no closer than this to the box's right rule, in points.
    static let sealClearance = 2.0

    public init(_ block: SignatureBlock, width: Double, measurer: any TextMeasurer) {
        let style = block.style
        var lines = block.lines
        var captionIndex: Int?
        if block.seal != nil {
            let at = max(0, lines.count - 1)
            lines.insert("", at: at)
            captionIndex = at
        }
        var widths = lines.map { measurer.width(of: $0, size: style.size, bold: style.bold) }
        if let seal = block.seal, let at = captionIndex {
            widths[at] = measurer.width(of: seal.caption, size: style.size, bold: style.bold)
        }
        let column = widths.max() ?? 0
        var columnX = max(0, width - block.rightIndent - column)
        if let seal = block.seal {
            let maxCenter = width - seal.diameter / 2 - Self.sealClearance
            if columnX + column / 2 > maxCenter { columnX = max(0, maxCenter - column / 2) }
        }
        let lineHeight = style.size * style.leading
        var top = 0.0
        var height = Double(lines.count) * lineHeight
        if let seal = block.seal, let at = captionIndex {
            let r = seal.diameter / 2
            let centerOffset = Double(at) * lineHeight + lineHeight / 2
            top = max(0, r - centerOffset)
            height = max(top + height, top + centerOffset + r)
        }
        self.lines = lines
        self.captionIndex = captionIndex
        self.widths = widths
        self.column = column
        self.columnX = columnX
        self.lineHeight = lineHeight
        self.top = top
        self.height = height
    }
}
