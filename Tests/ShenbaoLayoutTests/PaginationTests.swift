import Testing
@testable import ShenbaoLayout

@Suite struct PaginationTests {
    let layout = Layout(measurer: FakeMeasurer())

    @Test func aLongTextCellFlowsOverPagesWithoutLosingACharacter() {
        let long = String(repeating: "社区嵌入式养老服务标准化试点，建立服务规范与评价指南。", count: 111) // 3,000 characters
        #expect(long.count > 2_990)
        let table = Table(columns: [1], rows: [
            Row([Cell(text: "三、立项依据", style: TextStyle(bold: true, align: .left))]),
            Row([Cell(text: long, valign: .top)]),
        ])
        let pages = layout.pages([.table(table)])
        #expect(pages.count >= 3)
        let flowed = texts(pages).dropFirst().joined()
        #expect(flowed == long)
        let body = PageSetup.a4.body
        for page in pages {
            for case .text(let run) in page.items {
                #expect(run.y <= body.maxY && run.y >= body.y)
            }
            // Every page's part of the row is boxed down to the foot of the text block or the row's end.
            #expect(page.items.contains { if case .rect = $0 { return true } else { return false } })
        }
    }

    @Test func headerRowsRepeatOnEveryPageOfAListTable() {
        var rows: TableRows = [Row([Cell(text: "序号"), Cell(text: "名称")])]
        for i in 1...80 { rows.append(Row([Cell(text: "\(i)"), Cell(text: "成果名称\(i)")])) }
        let pages = layout.pages([.table(Table(columns: [1, 4], rows: rows, headerRows: 1))])
        #expect(pages.count > 1)
        for page in pages {
            let runs = page.items.compactMap { if case .text(let r) = $0 { return r } else { return nil } }
            #expect(runs.first?.text == "序号")
            #expect(runs.first.map { abs($0.y - PageSetup.a4.top) < 30 } == true)
        }
        let all = texts(pages).filter { $0.hasPrefix("成果名称") }
        #expect(all == (1...80).map { "成果名称\($0)" })
    }

    @Test func aHeadingStaysWithWhatFollows() {
        var blocks: [Block] = []
        // Fill the page to within two lines of its foot.
        let body = PageSetup.a4.body
        blocks.append(.spacer(0))
        blocks.append(.paragraph(Paragraph("开头")))
        blocks.append(.spacer(body.height - 18 - 20))
        blocks.append(.paragraph(Paragraph("四、试点目标", keepWithNext: true)))
        blocks.append(.table(Table(columns: [1], rows: [Row([Cell(text: "目标一\n目标二\n目标三")])])))
        let pages = layout.pages(blocks)
        #expect(pages.count == 2)
        #expect(texts([pages[1]]).first == "四、试点目标")
    }

    /// A text box with a minimum height whose text grew past it flows on from under its heading;
    /// an opinion box drawn at its minimum height moves whole, its heading with it.
    @Test func aGrownTextBoxFlowsFromUnderItsHeadingAndAMinimumBoxMovesWithIt() {
        let body = PageSetup.a4.body
        let text = String(repeating: "梳理服务流程，编制标准体系表，制定服务规范与评价指南。", count: 24)
        func blocks(_ cell: String) -> [Block] {
            [.spacer(0), .paragraph(Paragraph("开头")), .spacer(body.height * 0.8),
             .paragraph(Paragraph("五、主要任务", keepWithNext: true)),
             .table(Table(columns: [1], rows: [Row([Cell(text: cell, valign: .top)], minHeight: 113)]))]
        }
        let grown = layout.pages(blocks(text))
        #expect(grown.count == 2)
        let first = texts([grown[0]])
        #expect(first.last != "五、主要任务" && first.contains("五、主要任务"), "\(first)")
        #expect(texts(grown).drop { $0 != "五、主要任务" }.dropFirst().joined() == text)
        let box = layout.pages(blocks("意见"))
        #expect(box.count == 2)
        #expect(texts([box[1]]) == ["五、主要任务", "意见"])
    }

    @Test func rowsThatFitOnAFreshPageMoveRatherThanSplit() {
        let body = PageSetup.a4.body
        let table = Table(columns: [1, 1], rows: [Row([Cell(text: "申请单位"), Cell(text: "上海某某公司")])])
        let pages = layout.pages([.spacer(0), .paragraph(Paragraph("x")), .spacer(body.height - 30), .table(table)])
        #expect(pages.count == 2)
        #expect(texts([pages[1]]) == ["申请单位", "上海某某公司"])
    }

    @Test func colspanCellsSpanTheirColumns() {
        let table = Table(columns: [1, 1, 2], rows: [Row([Cell(text: "甲"), Cell(text: "乙", colspan: 2)])])
        let page = layout.pages([.table(table)])[0]
        let rects = page.items.compactMap { if case .rect(let r, _) = $0 { return r } else { return nil } }
        let w = PageSetup.a4.body.width
        #expect(rects.count == 2)
        #expect(abs(rects[0].width - w / 4) < 0.001)
        #expect(abs(rects[1].width - w * 3 / 4) < 0.001)
        #expect(abs(rects[1].x - (PageSetup.a4.left + w / 4)) < 0.001)
    }

    @Test func theSealSitsOverTheNameWithTheDateJustBelowItsCentre() {
        let sig = SignatureBlock(lines: ["申请单位：上海某某公司", "2024年5月16日"])
        let page = layout.pages([.signature(sig)])[0]
        let seal = page.items.compactMap { if case .seal(let s) = $0 { return s } else { return nil } }.first!
        let runs = page.items.compactMap { if case .text(let r) = $0 { return r } else { return nil } }
        let name = runs.first { $0.text.hasPrefix("申请单位") }!
        let date = runs.first { $0.text.hasPrefix("2024") }!
        #expect(abs(seal.diameter - 42.mm) < 0.001)
        #expect(name.y < seal.center.y)                       // name above the centre, under the seal
        #expect(date.y - 12 < seal.center.y + 12 && date.y > seal.center.y) // date just below the centre
        #expect(seal.center.y - seal.diameter / 2 >= PageSetup.a4.top - 0.001)
        #expect(seal.center.x + seal.diameter / 2 <= PageSetup.a4.width - PageSetup.a4.right)
        #expect(seal.caption.text == "（盖章）")
    }

    @Test func pageNumbersAndCopyMarksSitOutsideTheTextBlock() {
        let furniture = PageFurniture(measurer: FakeMeasurer())
        let setup = PageSetup.a4
        let n = furniture.pageNumber(3, on: setup)
        #expect(n.text == "— 3 —")
        #expect(n.y > setup.height - setup.bottom)
        #expect(abs((n.x + FakeMeasurer().width(of: n.text, size: n.size) / 2) - setup.width / 2) < 0.001)
        let mark = furniture.copyMark(copy: 1, of: 3, on: setup)
        #expect(mark.text == "第1份 共3份")
        #expect(mark.y < setup.top)
        #expect(abs(mark.x + FakeMeasurer().width(of: mark.text, size: mark.size) - (setup.width - setup.right)) < 0.001)
    }
}

/// `Layout.pages(_:each:)`, which a batch's summary is written through page by page.
@Suite struct PageStreamTests {
    let layout = Layout(measurer: FakeMeasurer())

    static let header = Row([Cell(text: "序号"), Cell(text: "名称")])

    /// Body row `i` (from 1) of the list table.
    static func row(_ i: Int) -> Row {
        Row([Cell(text: "\(i)"), Cell(text: "成果名称\(i)，" + String(repeating: "标准", count: i % 40))])
    }

    /// A list table of 400 rows over many pages, a heading and a page break around it.
    func blocks(_ rows: TableRows) -> [Block] {
        [.paragraph(Paragraph("推荐汇总表", keepWithNext: true)), .table(Table(columns: [1, 4], rows: rows, headerRows: 1)),
         .pageBreak, .paragraph(Paragraph("共 400 项"))]
    }

    var blocks: [Block] { blocks(TableRows([Self.header] + (1...400).map(Self.row))) }

    /// Remembers whether it was asked about one character (single-threaded: a layout measures on
    /// the thread that lays out).
    final class Watch: @unchecked Sendable {
        let watched: Unicode.Scalar
        var measured = false
        init(_ watched: Unicode.Scalar) { self.watched = watched }
    }

    struct WatchingMeasurer: TextMeasurer {
        let watch: Watch
        func advance(of scalar: Unicode.Scalar, size: Double, bold: Bool) -> Double {
            if scalar == watch.watched { watch.measured = true }
            return FakeMeasurer().advance(of: scalar, size: size, bold: bold)
        }
        var ascender: Double { 0.8 }
        var descender: Double { 0.2 }
    }

    /// The first page is handed on before the table's last row is measured, and the pages handed
    /// on are those laid out whole.
    @Test func aPageIsHandedOnBeforeTheRowsAfterItAreMeasured() {
        // 終 only in the last row.
        let table = blocks(TableRows([Self.header] + (1..<400).map(Self.row) + [Row([Cell(text: "400"), Cell(text: "終")])]))
        let watch = Watch("終")
        let watching = Layout(measurer: WatchingMeasurer(watch: watch))
        var handed: [Page] = []
        var measuredAtFirstPage: Bool?
        watching.pages(table) { page in
            if handed.isEmpty { measuredAtFirstPage = watch.measured }
            handed.append(page)
        }
        #expect(measuredAtFirstPage == false)
        #expect(watch.measured)
        #expect(handed.count > 10)
        #expect(handed == layout.pages(table))
        #expect(texts(handed).contains("終"))
    }

    /// Rows made as they are asked for lay out as the same rows held, and are made when placed:
    /// by the first page, only the rows it shows (and the next, which did not fit) were made.
    @Test func madeRowsLayOutAsHeldRowsAndAreMadeWhenPlaced() {
        let made = Made()
        var rows = TableRows([Self.header])
        rows.append(count: 400) { k in
            made.rows.insert(k)
            return Self.row(k + 1)
        }
        var madeAtFirstPage: Set<Int>?
        var handed: [Page] = []
        layout.pages(blocks(rows)) { page in
            if handed.isEmpty { madeAtFirstPage = made.rows }
            handed.append(page)
        }
        #expect(handed == layout.pages(blocks))
        #expect(rows == TableRows([Self.header] + (1...400).map(Self.row)))
        let firstPageRows = texts([handed[0]]).filter { $0.hasPrefix("成果名称") }.count
        #expect(firstPageRows > 1)
        #expect(madeAtFirstPage == Set(0...firstPageRows))
    }

    /// The rows a made run made (single-threaded, as `Watch`).
    final class Made: @unchecked Sendable {
        var rows = Set<Int>()
    }

    struct Stop: Error, Equatable {}

    /// A writer that fails stops the layout there: no page is handed on after the failure.
    @Test func aFailingPageStopsTheLayout() {
        var handed = 0
        #expect(throws: Stop()) {
            try layout.pages(blocks) { (_: Page) throws(Stop) in
                handed += 1
                if handed == 3 { throw Stop() }
            }
        }
        #expect(handed == 3)
    }
}
