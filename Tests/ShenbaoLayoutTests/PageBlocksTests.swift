import Testing
@testable import ShenbaoLayout

/// `Page.blocks`, what a format that paginates itself (DOCX) writes page by page, must hold
/// exactly what the page shows: laid out alone, a page's blocks fill one page with the same text
/// in the same places.
@Suite struct PageBlocksTests {
    let layout = Layout(measurer: FakeMeasurer())

    /// The text runs of a page with their positions, to a hundredth of a point.
    func runs(_ page: Page) -> [String] {
        page.items.compactMap { item in
            guard case .text(let r) = item else { return nil }
            func f(_ v: Double) -> String { String((v * 100).rounded() / 100) }
            return "\(r.text)@\(f(r.x)),\(f(r.y)) tc\(f(r.charSpacing))"
        }
    }

    func expectPagesLayOutAgain(_ blocks: [Block], sourceLocation: SourceLocation = #_sourceLocation) {
        let pages = layout.pages(blocks)
        for (i, page) in pages.enumerated() {
            let again = layout.pages(page.blocks)
            #expect(again.count == 1, "page \(i + 1) makes \(again.count) pages", sourceLocation: sourceLocation)
            #expect(runs(again[0]) == runs(page), "page \(i + 1)", sourceLocation: sourceLocation)
        }
    }

    static let long = String(repeating: "社区嵌入式养老服务标准化试点，建立服务规范与评价指南。", count: 111)

    @Test func aLongTextCellSplitOverPages() {
        let table = Table(columns: [1], rows: [
            Row([Cell(text: "三、立项依据", style: TextStyle(bold: true, align: .left))]),
            Row([Cell(text: Self.long, style: TextStyle(firstIndent: 24), valign: .top)], minHeight: 113),
        ])
        let pages = layout.pages([.paragraph(Paragraph("标题")), .table(table), .paragraph(Paragraph("之后"))])
        #expect(pages.count >= 3)
        expectPagesLayOutAgain([.paragraph(Paragraph("标题")), .table(table), .paragraph(Paragraph("之后"))])
        // The middle page holds a table of one row part, set to the top, as tall as drawn.
        guard case .table(let middle)? = pages[1].blocks.first else { Issue.record("\(pages[1].blocks)"); return }
        #expect(middle.rows.count == 1 && middle.rows[0].cells[0].valign == .top)
        #expect(middle.rows[0].minHeight > PageSetup.a4.body.height - 2)
    }

    @Test func aListTableRepeatsItsHeaderOnEveryPage() {
        var rows: TableRows = [Row([Cell(text: "序号"), Cell(text: "名称")])]
        for i in 1...80 { rows.append(Row([Cell(text: "\(i)"), Cell(text: "成果名称\(i)")])) }
        let blocks: [Block] = [.table(Table(columns: [1, 4], rows: rows, headerRows: 1, spaceBefore: 8, spaceAfter: 8))]
        expectPagesLayOutAgain(blocks)
        for page in layout.pages(blocks) {
            guard case .table(let t)? = page.blocks.first else { Issue.record("\(page.blocks)"); continue }
            #expect(t.headerRows == 1)
            #expect(t.rows[0].cells[0].content == [.paragraph(Paragraph("序号"))])
        }
    }

    /// A paragraph a page breaks is cut at that line: the rest goes on without its first-line
    /// indent, the cut-off part runs on (its last line set full), and no character is lost.
    @Test func aLongParagraphIsCutWhereThePageBreaksIt() {
        let text = "申请单位 Shanghai Pudong Smart Care 应当" + Self.long + "\n" + Self.long
        let paragraph = Paragraph(text, style: TextStyle(firstIndent: 24), spaceBefore: 6, spaceAfter: 6)
        let blocks: [Block] = [.spacer(30), .paragraph(paragraph), .spacer(30), .paragraph(Paragraph("完"))]
        expectPagesLayOutAgain(blocks)
        let pages = layout.pages(blocks).map { page in
            page.blocks.compactMap { block -> Paragraph? in
                if case .paragraph(let p) = block, p.text != "完" { return p } else { return nil }
            }
        }.filter { !$0.isEmpty }
        #expect(pages.count >= 3)
        // Every page but the last ends in a part that runs on; a part that goes on from an
        // earlier page has no first-line indent.
        #expect(pages.map { $0.last!.runsOn } == Array(repeating: true, count: pages.count - 1) + [false])
        #expect(pages.dropFirst().allSatisfy { $0[0].style.firstIndent == 0 || $0[0].text.hasPrefix("社区") })
        let parts = pages.flatMap { $0 }
        let squeezed = { (s: String) in s.filter { !$0.isWhitespace } }
        #expect(squeezed(parts.map(\.text).joined()) == squeezed(text))
    }

    @Test func spaceAtAPageHeadOrFootIsLeftOut() {
        let body = PageSetup.a4.body
        let blocks: [Block] = [.spacer(40), .paragraph(Paragraph("开头")), .spacer(body.height),
                               .paragraph(Paragraph("下页", spaceBefore: 12)), .pageBreak, .spacer(10), .signature(SignatureBlock(lines: ["甲", "乙"]))]
        let pages = layout.pages(blocks)
        #expect(pages.count == 3)
        #expect(pages[0].blocks == [.paragraph(Paragraph("开头"))])
        #expect(pages[1].blocks == [.paragraph(Paragraph("下页"))])
        #expect(pages[2].blocks == [.signature(SignatureBlock(lines: ["甲", "乙"]))])
        expectPagesLayOutAgain(blocks)
    }
}
