import Testing
@testable import ShenbaoLayout

@Suite struct TableDetailTests {
    let layout = Layout(measurer: FakeMeasurer())

    func runs(_ page: Page) -> [TextRun] { page.items.compactMap { if case .text(let r) = $0 { return r } else { return nil } } }
    func rects(_ page: Page) -> [Rect] { page.items.compactMap { if case .rect(let r, _) = $0 { return r } else { return nil } } }

    @Test func justifiedLinesFillTheWidthExceptTheLast() {
        let width = PageSetup.a4.body.width
        let text = String(repeating: "标准化试点，", count: 20)
        let page = layout.pages([.paragraph(Paragraph(text))])[0]
        let lines = runs(page)
        #expect(lines.count > 1)
        for line in lines.dropLast() {
            let n = Double(line.text.unicodeScalars.count)
            let natural = FakeMeasurer().width(of: line.text, size: line.size)
            #expect(abs(natural + line.charSpacing * (n - 1) - width) < 0.01)
        }
        #expect(lines.last?.charSpacing == 0)
    }

    @Test func aSplitRowKeepsItsCellsTheSameHeightOnEveryPage() {
        let long = String(repeating: "试点内容说明。", count: 400)
        let table = Table(columns: [1, 4], rows: [Row([Cell(text: "立项依据"), Cell(text: long, valign: .top)])])
        let pages = layout.pages([.table(table)])
        #expect(pages.count >= 2)
        for page in pages {
            let boxes = rects(page)
            #expect(boxes.count == 2)
            #expect(abs(boxes[0].height - boxes[1].height) < 0.001)
            #expect(boxes[0].maxY <= PageSetup.a4.height - PageSetup.a4.bottom + 0.01)
        }
        // The label is printed once, on the first page, at the top of its (split) cell.
        #expect(runs(pages[0]).first?.text == "立项依据")
        #expect(!runs(pages[1]).contains { $0.text == "立项依据" })
    }

    @Test func underlinedCellsDrawOnlyTheirBottomRule() {
        let table = Table(columns: [1, 2], rows: [Row([Cell(text: "项目名称：", border: CellBorder.none), Cell(text: "试点", border: .bottom)])],
                          border: .none)
        let page = layout.pages([.table(table)])[0]
        #expect(rects(page).isEmpty)
        let lines = page.items.compactMap { if case .line(let a, let b, _) = $0 { return (a, b) } else { return nil } }
        #expect(lines.count == 1)
        #expect(lines[0].0.y == lines[0].1.y)
        #expect(abs(lines[0].0.x - (PageSetup.a4.left + PageSetup.a4.body.width / 3)) < 0.001)
    }

    @Test func minHeightBoxesPutBottomContentAtTheBottom() {
        let sig = SignatureBlock(lines: ["推荐部门（盖章）", "年　月　日"], seal: SealSpec(caption: "", takesImage: false))
        let table = Table(columns: [1], rows: [Row([Cell([.signature(sig)], valign: .bottom)], minHeight: 200)])
        let page = layout.pages([.table(table)])[0]
        let box = rects(page)[0]
        #expect(abs(box.height - 200) < 0.001)
        let seal = page.items.compactMap { if case .seal(let s) = $0 { return s } else { return nil } }.first
        #expect(seal?.takesImage == false)
        let date = runs(page).first { $0.text.hasPrefix("年") }!
        #expect(box.maxY - date.y < 70)   // near the foot of the box
    }

    @Test func landscapePagesUseTheirOwnTextBlock() {
        let setup = PageSetup.a4Landscape
        #expect(setup.width > setup.height)
        let table = Table(columns: [1], rows: [Row([Cell(text: "汇总")])])
        let page = Layout(measurer: FakeMeasurer(), setup: setup).pages([.table(table)])[0]
        #expect(abs(rects(page)[0].width - setup.body.width) < 0.001)
        #expect(page.setup == setup)
    }
}
