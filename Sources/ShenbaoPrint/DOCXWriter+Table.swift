import Foundation
import ShenbaoLayout

/// Tables as the layout drew them: every row at least as tall as on the PDF page
/// (§17.4.81 trHeight, hRule `atLeast`) and never split (§17.4.6 cantSplit: the page's blocks
/// already hold each row part on the page the PDF puts it), cell margins the layout's paddings.
extension DOCXWriter {
    /// Border widths are in eighths of a point (§17.18.2 ST_BorderSize… §17.4.38 sz).
    static let eighthsPerPoint = 8.0

    /// How thick the rule along the top of row `r` is, and along the foot of the last row.
    ///
    /// LibreOffice counts a row's top rule in the row's height (and the last row's foot rule
    /// after it), where the layout draws rules on the rows' edges and counts neither. So the rule
    /// comes off the cells' top margin (and the last row's foot margin), and the row is exactly as
    /// tall as in the PDF; where a reader counts no rules, `atLeast` keeps it that tall.
    func rules(_ t: Table, row r: Int) -> (top: Double, foot: Double) {
        func ruled(_ cell: Cell, foot: Bool) -> Bool {
            let b = cell.border ?? t.border
            return b == .box || (foot && b == .bottom)
        }
        let top = t.rows[r].cells.contains { ruled($0, foot: false) }
            || (r > 0 && t.rows[r - 1].cells.contains { ruled($0, foot: true) })
        let foot = r == t.rows.count - 1 && t.rows[r].cells.contains { ruled($0, foot: true) }
        return (top ? t.lineWidth : 0, foot ? t.lineWidth : 0)
    }

    func table(_ t: Table, width: Double) throws -> String {
        let total = t.columns.reduce(0, +)
        let grid = t.columns.map { Int((Double(twips(width)) * $0 / total).rounded()) }
        let border = Int((t.lineWidth * Self.eighthsPerPoint).rounded())
        let line = "w:val=\"single\" w:sz=\"\(border)\" w:space=\"0\" w:color=\"000000\""
        let padY = twipsDown(t.paddingY), rule = twips(t.lineWidth)
        var x = t.spaceBefore > 0 ? emptyParagraph(height: twipsDown(t.spaceBefore)) : ""
        x += "<w:tbl><w:tblPr><w:tblW w:w=\"\(grid.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        if t.border == .box {
            x += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                "<w:\($0) \(line)/>"
            }.joined() + "</w:tblBorders>"
        }
        // Ruled tables take the rule off every cell's top margin once, here; other rows override it.
        let tableTop = t.border == .box ? max(0, padY - rule) : padY
        x += "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
        x += margin("top", tableTop) + margin("left", twips(t.paddingX)) + margin("bottom", padY) + margin("right", twips(t.paddingX))
        x += "</w:tblCellMar></w:tblPr><w:tblGrid>" + grid.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (r, row) in t.rows.enumerated() {
            let (top, foot) = rules(t, row: r)
            let topMargin = max(0, padY - twips(top)), footMargin = max(0, padY - twips(foot))
            x += "<w:tr><w:trPr><w:cantSplit/>"
            if r < t.headerRows { x += "<w:tblHeader/>" }
            let height = twipsDown(row.minHeight) - twips(foot)
            if height > 0 { x += "<w:trHeight w:val=\"\(height)\" w:hRule=\"atLeast\"/>" }
            x += "</w:trPr>"
            var column = 0
            for cell in row.cells {
                let span = min(cell.colspan, max(1, grid.count - column))
                let w = grid[min(column, grid.count - 1)..<min(column + span, grid.count)].reduce(0, +)
                column += span
                x += "<w:tc><w:tcPr><w:tcW w:w=\"\(w)\" w:type=\"dxa\"/>"
                if span > 1 { x += "<w:gridSpan w:val=\"\(span)\"/>" }
                let b = cell.border ?? t.border
                if b != t.border || t.border != .box {
                    let none = "w:val=\"nil\""
                    x += "<w:tcBorders><w:top \(b == .box ? line : none)/><w:left \(b == .box ? line : none)/>"
                    x += "<w:bottom \(b == .none ? none : line)/><w:right \(b == .box ? line : none)/></w:tcBorders>"
                }
                if topMargin != tableTop || footMargin != padY {
                    x += "<w:tcMar>" + margin("top", topMargin) + margin("bottom", footMargin) + "</w:tcMar>"
                }
                let v = cell.valign == .middle ? "center" : cell.valign == .bottom ? "bottom" : "top"
                x += "<w:vAlign w:val=\"\(v)\"/></w:tcPr>"
                var content = try blocks(cell.content, width: Double(w) / 20 - 2 * t.paddingX, pageBreak: false)
                // A cell ends with a paragraph (§17.4.66 tc).
                if !content.hasSuffix("</w:p>") { content += emptyParagraph(height: Self.hairline) }
                x += content + "</w:tc>"
            }
            x += "</w:tr>"
        }
        x += "</w:tbl>"
        if t.spaceAfter > 0 { x += emptyParagraph(height: twipsDown(t.spaceAfter)) }
        return x
    }

    /// A cell margin (§17.4.43 tblCellMar, §17.4.42 tcMar) in twips.
    func margin(_ side: String, _ value: Int) -> String { "<w:\(side) w:w=\"\(value)\" w:type=\"dxa\"/>" }
}
