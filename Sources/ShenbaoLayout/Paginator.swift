/// Lays blocks out on pages in two passes, as fpdf2's tables do: pass 1 measures every block
/// without placing it (lines broken; of a table, its header and first row), pass 2 places the
/// measured pieces, measuring each later table row as it comes, breaking pages, splitting tall
/// table rows line by line and repeating header rows.
public struct Layout: Sendable {
    public var measurer: any TextMeasurer
    public var setup: PageSetup

    public init(measurer: any TextMeasurer, setup: PageSetup = .a4) {
        self.measurer = measurer
        self.setup = setup
    }

    /// The pages `blocks` fill, without page furniture (see `PageFurniture`); each page also
    /// holds the blocks it shows, cut where the page cuts them (`Page.blocks`).
    public func pages(_ blocks: [Block]) -> [Page] {
        var out: [Page] = []
        self.pages(blocks) { out.append($0) }
        return out
    }

    /// The pages `blocks` fill, each handed to `page` as soon as it is full, so a table of
    /// thousands of rows is never held as pages or measured whole: a row is measured when it is
    /// placed (`MeasuredTable.bodyRow(_:)`), and a page is let go once `page` returns.
    public func pages<Failure: Error>(_ blocks: [Block], each page: (Page) throws(Failure) -> Void) throws(Failure) {
        try withoutActuallyEscaping(page) { (page) throws(Failure) in
            let blockMeasurer = BlockMeasurer(measurer: measurer)
            var placer = Placer(setup: setup, blocks: blocks, measurer: blockMeasurer, emit: page)
            let body = setup.body
            // Pass 1: measure (a table's rows wait for pass 2).
            var pieces: [Piece] = []
            for (index, block) in blocks.enumerated() {
                switch block {
                case .table(let t):
                    pieces.append(.table(MeasuredTable(t, x: body.x, width: body.width, measurer: blockMeasurer), block: index))
                case .pageBreak: pieces.append(.pageBreak)
                default: pieces += blockMeasurer.chunks(block, index: index, width: body.width).map(Piece.chunk)
                }
            }
            // Pass 2: place.
            for (i, piece) in pieces.enumerated() {
                switch piece {
                case .pageBreak: try placer.newPage()
                case .chunk(let chunk):
                    if chunk.keepWithNext {
                        var need = chunk.height
                        var j = i + 1
                        while j < pieces.count, case .chunk(let c) = pieces[j], c.keepWithNext { need += c.height; j += 1 }
                        if j < pieces.count { need += pieces[j].minimumStart(pageHeight: setup.body.height) }
                        if need > placer.remaining && !placer.isFresh { try placer.newPage() }
                    }
                    try placer.place(chunk)
                case .table(let table, let index):
                    try placer.place(table, block: index)
                }
            }
            try placer.finish()
        }
    }
}

/// A measured piece of the flow.
enum Piece: Sendable {
    case chunk(Chunk)
    /// A table and its index among the blocks.
    case table(MeasuredTable, block: Int)
    case pageBreak

    func minimumStart(pageHeight: Double) -> Double {
        switch self {
        case .chunk(let c): return c.height
        case .table(let t, _): return t.spaceBefore + t.minimumStart(pageHeight: pageHeight)
        case .pageBreak: return 0
        }
    }
}

/// Pass 2: the cursor on the current page.
struct Placer<Failure: Error> {
    let setup: PageSetup
    /// Takes each page when it is full.
    let emit: (Page) throws(Failure) -> Void
    /// Pages handed on so far.
    var count = 0
    var items: [PageItem] = []
    /// What the page holds, for its blocks (`PageContent`).
    var content: PageContent
    var y: Double
    /// Nothing but repeated headers on the page yet.
    var isFresh = true

    init(setup: PageSetup, blocks: [Block], measurer: BlockMeasurer, emit: @escaping (Page) throws(Failure) -> Void) {
        self.setup = setup
        self.emit = emit
        content = PageContent(blocks: blocks, measurer: measurer, width: setup.body.width)
        y = setup.top
    }

    var bottom: Double { setup.height - setup.bottom }
    var remaining: Double { bottom - y }

    mutating func newPage() throws(Failure) {
        let page = Page(setup: setup, items: items, blocks: content.finishPage())
        items = []
        count += 1
        try emit(page)
        y = setup.top
        isFresh = true
    }

    /// Hands on the last page, if it holds anything or is the only one.
    mutating func finish() throws(Failure) {
        if !items.isEmpty || count == 0 { try newPage() }
    }

    /// Places `chunk`; false when it is a space the top of a page drops.
    @discardableResult
    mutating func place(_ chunk: Chunk) throws(Failure) -> Bool {
        if chunk.isSpace {
            if isFresh { return false }
            y = min(y + chunk.height, bottom)
            content.placed.append(.chunk(chunk))
            return true
        }
        if chunk.height > remaining + 0.01 && !isFresh { try newPage() }
        items += chunk.items.map { $0.offsetBy(setup.left, y) }
        y += chunk.height
        isFresh = false
        content.placed.append(.chunk(chunk))
        return true
    }

    mutating func place(_ table: MeasuredTable, block: Int) throws(Failure) {
        if table.spaceBefore > 0, try place(Chunk(height: table.spaceBefore, items: [], isSpace: true)) {
            content.placed[content.placed.count - 1] = .space(table: block, before: true, table.spaceBefore)
        }
        if table.minimumStart(pageHeight: bottom - setup.top) > remaining + 0.01 && !isFresh { try newPage() }
        placeHeader(table, block: block)
        let freshRoom = (bottom - setup.top) - table.headerHeight
        for index in 0..<table.rowCount {
            var rest = table.bodyRow(index)
            var split = false
            while true {
                let full = table.height(rest)
                if full <= remaining + 0.01 {
                    items += table.draw(rest, y: y, height: full, top: split)
                    content.placed.append(.row(table: block, table.row(rest, height: full, top: split), header: false))
                    y += full
                    isFresh = false
                    break
                }
                let splittable = table.isSplittable(rest, freshRoom: freshRoom)
                // How many chunks of each cell fit in what is left of this page.
                let room = remaining - 2 * table.paddingY
                var taken: [Int] = []
                for cell in rest.cells {
                    var used = 0.0, n = 0
                    for chunk in cell.chunks {
                        if used + chunk.height > room + 0.01 { break }
                        used += chunk.height
                        n += 1
                    }
                    taken.append(n)
                }
                let enough = zip(rest.cells, taken).contains { cell, n in n >= min(2, cell.chunks.count) && n > 0 }
                if !isFresh && (!splittable || !enough) {
                    try newPage()
                    placeHeader(table, block: block)
                    continue
                }
                if taken.allSatisfy({ $0 == 0 }) {
                    // Not even one line fits on an empty page: place the first line of each
                    // cell anyway so the flow always advances.
                    taken = rest.cells.map { $0.chunks.isEmpty ? 0 : 1 }
                }
                var head = rest
                for (c, n) in taken.enumerated() {
                    head.cells[c].chunks = Array(rest.cells[c].chunks.prefix(n))
                    rest.cells[c].chunks = Array(rest.cells[c].chunks.dropFirst(n))
                }
                head.minHeight = 0
                rest.minHeight = 0
                let segment = max(remaining, table.height(head))
                items += table.draw(head, y: y, height: segment, top: true)
                // Drawn down to the foot of the page; handed on a little shorter, so that rounding
                // in a format that paginates itself never pushes it onto the next page.
                let handed = max(table.height(head), segment - Self.footSlack)
                content.placed.append(.row(table: block, table.row(head, height: handed, top: true), header: false))
                y += segment
                isFresh = false
                split = true
                try newPage()
                placeHeader(table, block: block)
            }
        }
        if table.spaceAfter > 0, try place(Chunk(height: table.spaceAfter, items: [], isSpace: true)) {
            content.placed[content.placed.count - 1] = .space(table: block, before: false, table.spaceAfter)
        }
    }

    /// What a row part drawn to the foot of a page gives up in `Page.blocks`, in points.
    static var footSlack: Double { 1.0 }

    mutating func placeHeader(_ table: MeasuredTable, block: Int) {
        for row in table.header {
            let h = table.height(row)
            items += table.draw(row, y: y, height: h, top: false)
            content.placed.append(.row(table: block, table.row(row, height: h, top: false), header: true))
            y += h
        }
    }
}
