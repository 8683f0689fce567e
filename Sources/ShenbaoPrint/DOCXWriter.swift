import Foundation
import ShenbaoCore
import ShenbaoDOCX
import ShenbaoFonts
import ShenbaoLayout

/// Writes WordprocessingML as strings from the blocks of each laid-out page (`Page.blocks`), so
/// Word and LibreOffice break pages where the PDF does: each page after the first begins with a
/// page break, and every length is the layout's own, exact (lines, spaces, row heights), so no
/// page holds more than its PDF page. Tables are in `DOCXWriter+Table.swift`, the package's other
/// parts in `DOCXWriter+Package.swift`.
struct DOCXWriter {
    let setup: PageSetup
    let title: String
    let measurer: any TextMeasurer
    /// Which face sets which character (`FontLibrary.runs`), so runs the main font cannot set name
    /// the fallback font the PDF draws them in.
    let library: FontLibrary
    /// The face the document's default fonts name (`FontLibrary.mainFace`).
    let mainFace: FontFace
    /// The seal image and its file extension (`png`, `jpeg`), placed over signature blocks that take it.
    var seal: (data: Data, kind: String)?
    /// The copy being written: drawing ids must be unique in the document.
    var copy = 1

    /// The text block's width in points.
    var bodyWidth: Double { setup.width - setup.left - setup.right }

    /// WordprocessingML measures most lengths in twentieths of a point (dxa, ECMA-376 Part 1 §17.18.23).
    func twips(_ points: Double) -> Int { Int((points * 20).rounded()) }
    /// A vertical length in twips, rounded down: a page of rounded-down lengths never holds more
    /// than the layout put on it. (The epsilon keeps 18 pt from becoming 359 twips.)
    func twipsDown(_ points: Double) -> Int { Int((points * 20 + 1e-6).rounded(.down)) }
    /// Font sizes are in half-points (§17.3.2.38).
    func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }
    /// The z-order Word gives a picture placed in front of text: above the text, below later shapes.
    static let sealZOrder = 251_659_264
    /// The height in twips of a paragraph that only separates (two tables, a section break) or
    /// carries a page break: one twentieth of a point, next to nothing on the page.
    static let hairline = 1
    /// The font size (half-points) of such a paragraph's mark, so its font cannot make it taller.
    static let hairlineMark = 2

    /// One run per face `FontLibrary.runs` picks; runs in the main face take the document's
    /// default fonts, the others name their face (☑ ☐ in DejaVu Sans, as the PDF draws them).
    func runs(_ text: String, size: Double, bold: Bool) throws -> String {
        var out = ""
        for part in try library.runs(in: text) {
            out += "<w:r><w:rPr>"
            if part.face != mainFace {
                let name = MarkupEscape.escaped(part.face.familyName, as: .xmlAttribute)
                out += "<w:rFonts w:ascii=\"\(name)\" w:hAnsi=\"\(name)\" w:eastAsia=\"\(name)\" w:cs=\"\(name)\"/>"
            }
            if bold { out += "<w:b/><w:bCs/>" }
            out += "<w:sz w:val=\"\(halfPoints(size))\"/><w:szCs w:val=\"\(halfPoints(size))\"/></w:rPr>"
            out += "<w:t xml:space=\"preserve\">\(MarkupEscape.escaped(part.text, as: .xmlText))</w:t></w:r>"
        }
        return out
    }

    /// The justification of `align` (§17.18.44 ST_Jc); a justified paragraph a page cuts off is
    /// `distribute`d, so its last line is set full as in the PDF.
    func jc(_ a: Alignment, runsOn: Bool = false) -> String {
        switch a {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        case .justify: return runsOn ? "distribute" : "both"
        }
    }

    /// A paragraph whose lines are exactly `style.size × style.leading` tall (§17.3.1.33 spacing,
    /// lineRule `exact`): the layout's leading, whatever the font's own line gap.
    func paragraph(_ text: String, style: ShenbaoLayout.TextStyle, before: Double = 0, after: Double = 0,
                   keepNext: Bool = false, pageBreak: Bool = false, rightIndent: Double = 0, runsOn: Bool = false,
                   runs extra: String = "") throws -> String {
        var p = "<w:p><w:pPr>"
        if keepNext { p += "<w:keepNext/>" }
        if pageBreak { p += "<w:pageBreakBefore/>" }
        p += "<w:spacing w:before=\"\(twipsDown(before))\" w:after=\"\(twipsDown(after))\" "
        p += "w:line=\"\(twips(style.size * style.leading))\" w:lineRule=\"exact\"/>"
        if style.firstIndent > 0 || rightIndent > 0 {
            p += "<w:ind w:firstLine=\"\(twips(style.firstIndent))\" w:right=\"\(twips(rightIndent))\"/>"
        }
        p += "<w:jc w:val=\"\(jc(style.align, runsOn: runsOn))\"/>"
        p += "<w:rPr><w:sz w:val=\"\(halfPoints(style.size))\"/></w:rPr></w:pPr>"
        if !text.isEmpty { p += try runs(text, size: style.size, bold: style.bold) }
        return p + extra + "</w:p>"
    }

    /// An empty paragraph exactly `height` twips tall: a spacer, or a separator at `hairline`.
    func emptyParagraph(height: Int, pageBreak: Bool = false, properties: String = "") -> String {
        "<w:p><w:pPr>\(pageBreak ? "<w:pageBreakBefore/>" : "")"
            + "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(max(Self.hairline, height))\" w:lineRule=\"exact\"/>"
            + "<w:rPr><w:sz w:val=\"\(Self.hairlineMark)\"/></w:rPr>\(properties)</w:pPr></w:p>"
    }

    /// Page `i`'s blocks, after a page break unless it is the first.
    func body(of page: Page, at i: Int) throws -> String {
        try blocks(page.blocks, width: bodyWidth, pageBreak: i > 0)
    }

    /// `blocks` set `width` points wide; `pageBreak`: the first begins a page (§17.3.1.23
    /// pageBreakBefore). A page that begins with a table begins with a hairline paragraph carrying
    /// the break: LibreOffice ignores a break in a table's later rows, and the parts of one table on
    /// two pages need a paragraph between them anyway, as two tables in a row do, or Word joins them.
    func blocks(_ blocks: [Block], width: Double, pageBreak: Bool) throws -> String {
        var out = ""
        var breakPending = pageBreak
        var afterTable = false
        for block in blocks {
            if case .table(let t) = block, breakPending || (afterTable && t.spaceBefore == 0) {
                out += emptyParagraph(height: Self.hairline, pageBreak: breakPending)
                breakPending = false
            }
            out += try self.block(block, width: width, pageBreak: breakPending)
            breakPending = false
            if case .table(let t) = block { afterTable = t.spaceAfter == 0 } else { afterTable = false }
        }
        if breakPending { out += emptyParagraph(height: Self.hairline, pageBreak: true) }
        return out
    }

    /// One block (a table through `table`).
    func block(_ block: Block, width: Double, pageBreak: Bool) throws -> String {
        switch block {
        case .paragraph(let p):
            let lines = p.text.split(separator: "\n", omittingEmptySubsequences: false)
            return try lines.enumerated().map { i, line in
                let last = i == lines.count - 1
                return try paragraph(String(line), style: p.style, before: i == 0 ? p.spaceBefore : 0,
                                     after: last ? p.spaceAfter : 0, keepNext: p.keepWithNext,
                                     pageBreak: pageBreak && i == 0, runsOn: last && p.runsOn)
            }.joined()
        case .spacer(let h):
            return emptyParagraph(height: twipsDown(h), pageBreak: pageBreak)
        case .signature(let s):
            return try signature(s, width: width, pageBreak: pageBreak)
        case .table(let t):
            return try table(t, width: width)
        case .pageBreak:
            // Never among a page's blocks: the layout made it the end of a page.
            return ""
        }
    }

    /// A signature block as the PDF sets it (`SignatureGeometry`): lines centred in a column at the
    /// right, the seal centred on the column over the name and the date, the block as tall as the
    /// layout made it. Word has no column box, so each line gets the right indent that centres it there.
    func signature(_ s: SignatureBlock, width: Double, pageBreak: Bool) throws -> String {
        var style = s.style
        style.align = .right
        let geometry = SignatureGeometry(s, width: width, measurer: measurer)
        var lines = geometry.lines
        let captionIndex = geometry.captionIndex ?? -1
        if let seal = s.seal { lines[captionIndex] = seal.caption }
        let widths = geometry.widths, column = geometry.column
        let right = width - geometry.columnX - column
        let below = geometry.height - geometry.top - Double(lines.count) * geometry.lineHeight
        let placed = s.seal.map { $0.takesImage && seal != nil } ?? false
        return try lines.enumerated().map { i, line in
            let indent = right + (column - widths[i]) / 2
            let before = i == 0 ? geometry.top : 0, after = i == lines.count - 1 ? below : 0
            let keep = i < lines.count - 1, brk = pageBreak && i == 0
            if i == captionIndex, placed, let spec = s.seal {
                // Anchored to this paragraph (between the name and the date), in front of the text.
                let anchor = sealAnchor(x: geometry.centerX - spec.diameter / 2, y: geometry.lineHeight / 2 - spec.diameter / 2,
                                        diameter: spec.diameter, id: copy * 100 + i)
                return try paragraph("", style: style, before: before, after: after, keepNext: keep, pageBreak: brk,
                                     rightIndent: indent, runs: anchor)
            }
            return try paragraph(line, style: style, before: before, after: after, keepNext: keep, pageBreak: brk,
                                 rightIndent: indent)
        }.joined()
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
}
