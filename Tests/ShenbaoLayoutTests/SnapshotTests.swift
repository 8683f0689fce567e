import Foundation
import ShenbaoTestSupport
import Testing
@testable import ShenbaoLayout

/// Golden snapshots of positions for small fixed cases, compared as text with `assertSnapshot`
/// (Snapshots/ beside this file): a missing golden is written and the test fails until it is reviewed.
@Suite struct SnapshotTests {
    @Test func smallFormPage() throws {
        let furniture = PageFurniture(measurer: FakeMeasurer())
        let blocks: [Block] = [
            .paragraph(Paragraph("推荐意见表", style: TextStyle(size: 22, bold: true, align: .center), spaceAfter: 12)),
            .table(Table(columns: [1, 3], rows: [
                Row([Cell(text: "项目名称", style: TextStyle(align: .center)), Cell(text: "社区嵌入式养老服务标准化试点")]),
                Row([Cell(text: "意见", style: TextStyle(align: .center)),
                     Cell([.paragraph(Paragraph("经初审，申报材料齐全，符合申报条件，同意推荐。同意推荐。")),
                           .signature(SignatureBlock(lines: ["推荐部门：浦东新区市场监督管理局", "2024年5月27日"]))])]),
            ])),
        ]
        var pages = furniture.numbered(Layout(measurer: FakeMeasurer()).pages(blocks))
        pages[0].items.append(.text(furniture.copyMark(copy: 1, of: 1, on: pages[0].setup)))
        assertSnapshot(pages.map(\.snapshot).joined(), named: "small-form-page")
    }
}
