import Foundation
import ShenbaoCore
import ShenbaoDOCX
import ShenbaoLayout

/// Writes WordprocessingML as strings: paragraphs, tables with grid columns and `gridSpan`,
/// fonts with `w:eastAsia`, A4 sections with GB/T 9704 margins, header and footer parts.
struct DOCXWriter {
    let setup: PageSetup
    let title: String
    let measurer: any TextMeasurer
    /// The seal image and its file extension (`png`, `jpeg`), placed over signature blocks that take it.
    var seal: (data: Data, kind: String)?
    /// The copy being written: drawing ids must be unique in the document.
    var copy = 1

    /// Body width in twentieths of a point (dxa), for table widths.
    var bodyWidth: Int { twips(setup.width - setup.left - setup.right) }

    static let eastAsiaFont = "宋体"
    static let latinFont = "Times New Roman"

    /// WordprocessingML measures most lengths in twentieths of a point (dxa, ECMA-376 Part 1 §17.18.23).
    func twips(_ points: Double) -> Int { Int((points * 20).rounded()) }
    /// Font sizes are in half-points (§17.3.2.38).
    func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }
    /// The z-order Word gives a picture placed in front of text: above the text, below later shapes.
    static let sealZOrder = 251_659_264
    /// Word and LibreOffice set lines a little taller than our measure, so a page the layout
    /// fills exactly (the cover) would spill: spacers taller than `tallSpacer` give up a fifth.
    static let tallSpacer = 56.0, tallSpacerShare = 0.8
    /// The smallest exact line height, one point: a paragraph that only carries a page break.
    static let hairline = 20

    func run(_ text: String, size: Double, bold: Bool) -> String {
        var r = "<w:r><w:rPr>"
        if bold { r += "<w:b/><w:bCs/>" }
        r += "<w:sz w:val=\"\(halfPoints(size))\"/><w:szCs w:val=\"\(halfPoints(size))\"/></w:rPr>"
        r += "<w:t xml:space=\"preserve\">\(MarkupEscape.escaped(text, as: .xmlText))</w:t></w:r>"
        return r
    }

    func jc(_ a: Alignment) -> String {
        switch a {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        case .justify: return "both"
        }
    }

    func paragraph(_ text: String, style: ShenbaoLayout.TextStyle, before: Double = 0, after: Double = 0,
                   keepNext: Bool = false, rightIndent: Double = 0, extraPPr: String = "", runs: String = "") -> String {
        var p = "<w:p><w:pPr>"
        if keepNext { p += "<w:keepNext/>" }
        p += "<w:spacing w:before=\"\(twips(before))\" w:after=\"\(twips(after))\" w:line=\"\(Int((style.leading * 240).rounded()))\" w:lineRule=\"auto\"/>"
        if style.firstIndent > 0 || rightIndent > 0 {
            p += "<w:ind w:firstLine=\"\(twips(style.firstIndent))\" w:right=\"\(twips(rightIndent))\"/>"
        }
        p += "<w:jc w:val=\"\(jc(style.align))\"/>"
        p += "<w:rPr><w:sz w:val=\"\(halfPoints(style.size))\"/></w:rPr>"
        p += extraPPr + "</w:pPr>"
        if !text.isEmpty { p += run(text, size: style.size, bold: style.bold) }
        return p + runs + "</w:p>"
    }

    /// The body XML of the blocks.
    func body(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks { out += self.block(block, width: setup.width - setup.left - setup.right) }
        return out
    }

    func block(_ block: Block, width: Double) -> String {
        switch block {
        case .paragraph(let p):
            let lines = p.text.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.enumerated().map { i, line in
                paragraph(String(line), style: p.style, before: i == 0 ? p.spaceBefore : 0,
                          after: i == lines.count - 1 ? p.spaceAfter : 0, keepNext: p.keepWithNext)
            }.joined()
        case .spacer(let h):
            let height = h > Self.tallSpacer ? h * Self.tallSpacerShare : h
            return "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(max(Self.hairline, twips(height)))\" w:lineRule=\"exact\"/></w:pPr></w:p>"
        case .pageBreak:
            // A one-point paragraph: a full page (the cover) still holds it, so the break never
            // spills onto a page of its own and leaves that page blank.
            return "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>"
                + "<w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val=\"2\"/></w:rPr><w:br w:type=\"page\"/></w:r></w:p>"
        case .signature(let s):
            // As the PDF sets it: lines centred in a column at the right, the seal centred on the
            // column over the name and the date. Word has no column box, so each line gets the
            // right indent that centres it there.
            var style = s.style
            style.align = .right
            let geometry = SignatureGeometry(s, width: width, measurer: measurer)
            var lines = geometry.lines
            let captionIndex = geometry.captionIndex ?? -1
            if let seal = s.seal { lines[captionIndex] = seal.caption }
            let widths = geometry.widths, column = geometry.column
            let right = width - geometry.columnX - column
            let spaceBefore = s.seal.map { max(0, $0.diameter / 2 - style.size * style.leading * 1.5) } ?? 0
            let placed = s.seal.map { $0.takesImage && seal != nil } ?? false
            return lines.enumerated().map { i, line in
                let indent = right + (column - widths[i]) / 2
                if i == captionIndex, placed, let spec = s.seal {
                    // Anchored to this paragraph (between the name and the date), in front of the text.
                    let centerX = geometry.centerX
                    let lineHeight = style.size * style.leading
                    let anchor = sealAnchor(x: centerX - spec.diameter / 2, y: lineHeight / 2 - spec.diameter / 2,
                                            diameter: spec.diameter, id: copy * 100 + i)
                    return paragraph("", style: style, keepNext: true, rightIndent: indent, runs: anchor)
                }
                return paragraph(line, style: style, before: i == 0 ? spaceBefore : 0, keepNext: i < lines.count - 1,
                                 rightIndent: indent)
            }.joined()
        case .table(let t):
            return table(t, width: width)
        }
    }

    /// A picture anchored to its paragraph (ECMA-376 Part 1 §20.4.2.3 anchor), not wrapping text.
    func sealAnchor(x: Double, y: Double, diameter: Double, id: Int) -> String {
        let emu = { (points: Double) in Int((points / Length.Unit.emu.points).rounded()) }
        let d = emu(diameter)
        return "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"\(Self.sealZOrder)\" "
            + "behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>"
            + "<wp:positionH relativeFrom=\"column\"><wp:posOffset>\(emu(x))</wp:posOffset></wp:positionH>"
            + "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>\(emu(y))</wp:posOffset></wp:positionV>"
            + "<wp:extent cx=\"\(d)\" cy=\"\(d)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapNone/>"
            + "<wp:docPr id=\"\(id)\" name=\"印章 \(id)\"/><wp:cNvGraphicFramePr/>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"\(id)\" name=\"seal\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"rIdSeal\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(d)\" cy=\"\(d)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    }

    func table(_ t: Table, width: Double) -> String {
        let total = t.columns.reduce(0, +)
        let grid = t.columns.map { Int((Double(twips(width)) * $0 / total).rounded()) }
        let border = Int((t.lineWidth * 8).rounded()) // eighths of a point
        var x = "<w:tbl><w:tblPr><w:tblW w:w=\"\(grid.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        if t.border == .box {
            x += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                "<w:\($0) w:val=\"single\" w:sz=\"\(border)\" w:space=\"0\" w:color=\"000000\"/>"
            }.joined() + "</w:tblBorders>"
        }
        x += "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"\(twips(t.paddingY))\" w:type=\"dxa\"/>"
        x += "<w:left w:w=\"\(twips(t.paddingX))\" w:type=\"dxa\"/><w:bottom w:w=\"\(twips(t.paddingY))\" w:type=\"dxa\"/>"
        x += "<w:right w:w=\"\(twips(t.paddingX))\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
        x += grid.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (r, row) in t.rows.enumerated() {
            x += "<w:tr><w:trPr><w:cantSplit w:val=\"false\"/>"
            if r < t.headerRows { x += "<w:tblHeader/>" }
            if row.minHeight > 0 { x += "<w:trHeight w:val=\"\(twips(row.minHeight))\" w:hRule=\"atLeast\"/>" }
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
                    let line = "w:val=\"single\" w:sz=\"\(border)\" w:space=\"0\" w:color=\"000000\""
                    let none = "w:val=\"nil\""
                    x += "<w:tcBorders><w:top \(b == .box ? line : none)/><w:left \(b == .box ? line : none)/>"
                    x += "<w:bottom \(b == .none ? none : line)/><w:right \(b == .box ? line : none)/></w:tcBorders>"
                }
                let v = cell.valign == .middle ? "center" : cell.valign == .bottom ? "bottom" : "top"
                x += "<w:vAlign w:val=\"\(v)\"/></w:tcPr>"
                var content = cell.content.map { block($0, width: Double(w) / 20 - 2 * t.paddingX) }.joined()
                if !content.hasSuffix("</w:p>") { content += "<w:p/>" }
                x += content + "</w:tc>"
            }
            x += "</w:tr>"
        }
        return x + "</w:tbl>" + "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(max(20, twips(t.spaceAfter)))\" w:lineRule=\"exact\"/></w:pPr></w:p>"
    }
}
