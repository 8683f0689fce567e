/// What the placer put on the current page, turned into the blocks the page shows
/// (`Page.blocks`) when the page is done: whole blocks where the page holds all of one,
/// paragraphs cut at the lines where a page begins or ends, and each table's part of the page as
/// a table of its own (its header rows repeated, rows split as the page splits them, every row
/// as tall as drawn). A format that paginates itself (DOCX) writes these with a page break
/// between pages, and its pages hold what the PDF's do.
struct PageContent: Sendable {
    /// One thing placed, in order.
    enum Placed: Sendable {
        /// A chunk of one of the blocks (its source says which).
        case chunk(Chunk)
        /// A table's row, or the part of a split row on this page, as drawn.
        case row(table: Int, Row, header: Bool)
        /// A table's space before or after it.
        case space(table: Int, before: Bool, Double)

        var isSpace: Bool {
            switch self {
            case .chunk(let c): c.isSpace
            case .space: true
            case .row: false
            }
        }
    }

    let blocks: [Block]
    let measurer: BlockMeasurer
    /// The width the blocks are set in.
    let width: Double
    var placed: [Placed] = []

    init(blocks: [Block], measurer: BlockMeasurer, width: Double) {
        self.blocks = blocks; self.measurer = measurer; self.width = width
    }

    /// The current page's blocks; the next page starts empty. Space at the foot of a page is
    /// left out: it shows nothing there, and the layout may have cut it short.
    mutating func finishPage() -> [Block] {
        while placed.last?.isSpace == true { placed.removeLast() }
        var out: [Block] = []
        var chunks: [Chunk] = []
        var fragment: (block: Int, table: Table)?
        func flushChunks() {
            out += measurer.blocks(of: chunks, from: blocks, width: width)
            chunks = []
        }
        func flushTable() {
            if let f = fragment { out.append(.table(f.table)) }
            fragment = nil
        }
        for item in placed {
            switch item {
            case .chunk(let c):
                flushTable()
                chunks.append(c)
            case .row(let block, let row, let header):
                flushChunks()
                if fragment?.block != block { flushTable(); fragment = (block, emptyFragment(block)) }
                fragment!.table.rows.append(row)
                if header, fragment!.table.rows.count == fragment!.table.headerRows + 1 { fragment!.table.headerRows += 1 }
            case .space(let block, let before, let height):
                flushChunks()
                if fragment?.block != block { flushTable(); fragment = (block, emptyFragment(block)) }
                if before { fragment!.table.spaceBefore = height } else { fragment!.table.spaceAfter = height }
            }
        }
        flushChunks()
        flushTable()
        placed = []
        return out
    }

    /// Table `block` without rows, header rows or spaces: the start of its part of a page.
    func emptyFragment(_ block: Int) -> Table {
        guard case .table(var t) = blocks[block] else { preconditionFailure("block \(block) is not a table") }
        t.rows = []
        t.headerRows = 0
        t.spaceBefore = 0
        t.spaceAfter = 0
        return t
    }
}

extension MeasuredTable {
    /// A row as drawn `height` tall with the content it has here, for `Page.blocks`; `top`: set
    /// to the top, as the parts of a split row are.
    func row(_ box: RowBox, height: Double, top: Bool) -> Row {
        let cells = box.cells.map { box in
            Cell(measurer.blocks(of: box.chunks, from: box.cell.content, width: box.inner),
                 colspan: box.cell.colspan, valign: top ? .top : box.cell.valign, border: box.cell.border,
                 region: box.cell.region)
        }
        return Row(cells, minHeight: height)
    }
}
