/// A table measured for placing: columns resolved to positions, the header rows' and the first
/// body row's cells measured into chunks in pass 1, every other row when it is placed (pass 2).
struct MeasuredTable: Sendable {
    struct CellBox: Sendable {
        var x: Double
        var width: Double
        var chunks: [Chunk]
        var valign: VerticalAlignment
        var border: CellBorder
        var region: String?
        /// The cell as the form gave it, and the width its content was set in, for `Page.blocks`.
        var cell: Cell
        var inner: Double
        var contentHeight: Double { chunks.reduce(0) { $0 + $1.height } }
    }
    struct RowBox: Sendable {
        var cells: [CellBox]
        var minHeight: Double
        /// The row's index in `Table.rows`.
        var index: Int
    }

    /// The table as the form gave it, and what measured it (to cut its cells for `Page.blocks`).
    var table: Table
    var measurer: BlockMeasurer
    var header: [RowBox]
    /// The rows after the header: `rowCount` of them, each measured when it is asked for
    /// (`bodyRow(_:)`), so a table of thousands of rows is never held measured.
    let rowCount: Int
    /// The first of them, measured once: where the table may start (`minimumStart`) is asked
    /// before it is placed, and measuring took a tenth of a pack's render when asked again.
    private var first: RowBox?
    /// The grid's column edges, from the table's left edge to its right.
    private let edges: [Double]
    var paddingY: Double
    var lineWidth: Double
    var spaceBefore: Double
    var spaceAfter: Double

    init(_ table: Table, x: Double, width: Double, measurer: BlockMeasurer) {
        let total = table.columns.reduce(0, +)
        let gridWidths = table.columns.map { total > 0 ? $0 / total * width : width / Double(table.columns.count) }
        var edges = [x]
        for w in gridWidths { edges.append(edges.last! + w) }
        let headerCount = min(table.headerRows, table.rows.count)
        self.table = table
        self.measurer = measurer
        self.edges = edges
        rowCount = table.rows.count - headerCount
        paddingY = table.paddingY
        lineWidth = table.lineWidth
        spaceBefore = table.spaceBefore
        spaceAfter = table.spaceAfter
        // `measure` reads the properties set above; `header` must be set before it may be called.
        header = []
        header = (0..<headerCount).map(measure)
        first = rowCount > 0 ? measure(headerCount) : nil
    }

    /// Row `index` after the header, measured.
    func bodyRow(_ index: Int) -> RowBox {
        if index == 0, let first { return first }
        return measure(header.count + index)
    }

    /// `Table.rows[index]` measured: each cell's content broken into chunks in the cell's width.
    private func measure(_ index: Int) -> RowBox {
        let row = table.rows[index]
        let columns = edges.count - 1
        var column = 0
        var cells: [CellBox] = []
        for cell in row.cells {
            let start = min(column, columns - 1)
            let end = min(column + cell.colspan, columns)
            column += cell.colspan
            let cx = edges[start], cw = edges[max(end, start + 1)] - cx
            let inner = max(1, cw - 2 * table.paddingX)
            var chunks: [Chunk] = []
            for (i, block) in cell.content.enumerated() {
                chunks += measurer.chunks(block, index: i, width: inner).map { chunk in
                    var c = chunk
                    c.items = c.items.map { $0.offsetBy(table.paddingX, 0) }
                    return c
                }
            }
            cells.append(CellBox(x: cx, width: cw, chunks: chunks, valign: cell.valign,
                                 border: cell.border ?? table.border, region: cell.region, cell: cell, inner: inner))
        }
        return RowBox(cells: cells, minHeight: row.minHeight, index: index)
    }

    /// The height a row takes with the given remaining content per cell.
    func height(_ row: RowBox) -> Double {
        max(row.minHeight, (row.cells.map(\.contentHeight).max() ?? 0) + 2 * paddingY)
    }

    var headerHeight: Double { header.reduce(0) { $0 + height($1) } }

    /// The least a table needs on a page to start there: its header and the first two lines of
    /// its first row, or the whole first row when that row is kept together (`isSplittable`).
    func minimumStart(pageHeight: Double) -> Double {
        guard let first else { return headerHeight }
        if !isSplittable(first, freshRoom: pageHeight - headerHeight) { return headerHeight + height(first) }
        let firstLine = first.cells.map { $0.chunks.first?.height ?? 0 }.max() ?? 0
        return headerHeight + min(height(first), firstLine * 2 + 2 * paddingY)
    }

    /// Whether a row that does not fit may be split here rather than moved to the next page:
    /// one taller than a page must be; a short one, or a box drawn at its minimum height (an
    /// opinion box, a signature area), is kept whole; text that grew past its box's minimum
    /// and fills a third of a page flows on, so its heading is not left alone.
    func isSplittable(_ row: RowBox, freshRoom: Double) -> Bool {
        let full = height(row)
        return full > freshRoom || (full > row.minHeight + 0.01 && full >= freshRoom / 3)
    }

    /// The items of a row segment drawn at `y` with `height`; `top` aligns content to the top
    /// (a segment of a split row) instead of the cell's own alignment.
    func draw(_ row: RowBox, y: Double, height: Double, top: Bool) -> [PageItem] {
        var items: [PageItem] = []
        for cell in row.cells {
            switch cell.border {
            case .box: items.append(.rect(Rect(x: cell.x, y: y, width: cell.width, height: height), lineWidth: lineWidth))
            case .bottom: items.append(.line(from: Point(x: cell.x, y: y + height), to: Point(x: cell.x + cell.width, y: y + height),
                                             width: lineWidth))
            case .none: break
            }
            if let name = cell.region {
                items.append(.region(NamedRegion(name: name, rect: Rect(x: cell.x, y: y, width: cell.width, height: height))))
            }
            let free = height - 2 * paddingY - cell.contentHeight
            var cy = y + paddingY
            if !top && free > 0 {
                switch cell.valign {
                case .top: break
                case .middle: cy += free / 2
                case .bottom: cy += free
                }
            }
            for chunk in cell.chunks {
                items += chunk.items.map { $0.offsetBy(cell.x, cy) }
                cy += chunk.height
            }
        }
        return items
    }
}
