import Foundation
import ShenbaoCore
import ShenbaoDOCX
import ShenbaoLayout
import ShenbaoZip

extension FormPrinter {
    /// The print pack as a Word document made from the same blocks as the PDF: one section per
    /// copy, each starting on an odd page with its page numbers restarting at 1 and its own
    /// header carrying the copy mark (ECMA-376 Part 1 §17.6.17 sectPr, §17.18.94 ST_SectionMark).
    public func docx(context: Value, options: PrintOptions = PrintOptions()) throws -> Data {
        let blocks = try self.blocks(context: context)
        let copies = max(1, options.copies ?? layout.copies)
        var writer = DOCXWriter(setup: layout.page, title: layout.title, measurer: measurer)
        if let seal = options.seal {
            guard let kind = DOCXWriter.imageKind(seal.data) else {
                throw ShenbaoFailure.unusable("image.unsupported", file: seal.name,
                    zh: "印章图片应为 PNG 或 JPEG", en: "the seal image must be a PNG or JPEG")
            }
            writer.seal = (seal.data, kind)
        }
        return Data(writer.package(blocks: blocks, copies: copies, draft: options.draft))
    }
}

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

    static func imageKind(_ data: Data) -> String? {
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "png" }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpeg" }
        return nil
    }
    /// Body width in twentieths of a point (dxa), for table widths.
    var bodyWidth: Int { twips(setup.width - setup.left - setup.right) }

    static let eastAsiaFont = "宋体"
    static let latinFont = "Times New Roman"

    func twips(_ points: Double) -> Int { Int((points * 20).rounded()) }

    func run(_ text: String, size: Double, bold: Bool) -> String {
        var r = "<w:r><w:rPr>"
        if bold { r += "<w:b/><w:bCs/>" }
        r += "<w:sz w:val=\"\(Int((size * 2).rounded()))\"/><w:szCs w:val=\"\(Int((size * 2).rounded()))\"/></w:rPr>"
        r += "<w:t xml:space=\"preserve\">\(XMLEscape.markup(text))</w:t></w:r>"
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
        p += "<w:rPr><w:sz w:val=\"\(Int((style.size * 2).rounded()))\"/></w:rPr>"
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
            // Word and LibreOffice set lines a little taller than our measure, so a page the layout
            // fills exactly (the cover) would spill; tall spacers give up a fifth of their height.
            let height = h > 56 ? h * 0.8 : h
            return "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(max(20, twips(height)))\" w:lineRule=\"exact\"/></w:pPr></w:p>"
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
            var lines = s.lines
            var captionIndex = -1
            if let seal = s.seal {
                captionIndex = max(0, lines.count - 1)
                lines.insert(seal.caption, at: captionIndex)
            }
            let widths = lines.map { measurer.width(of: $0, size: style.size, bold: style.bold) }
            let column = widths.max() ?? 0
            var right = s.rightIndent
            if let seal = s.seal, width - right - column / 2 > width - seal.diameter / 2 - 2 {
                right += (width - right - column / 2) - (width - seal.diameter / 2 - 2)
            }
            let spaceBefore = s.seal.map { max(0, $0.diameter / 2 - style.size * style.leading * 1.5) } ?? 0
            let placed = s.seal.map { $0.takesImage && seal != nil } ?? false
            return lines.enumerated().map { i, line in
                let indent = right + (column - widths[i]) / 2
                if i == captionIndex, placed, let spec = s.seal {
                    // Anchored to this paragraph (between the name and the date), in front of the text.
                    let centerX = width - right - column / 2
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
        let emu = { (points: Double) in Int((points * 12700).rounded()) }
        let d = emu(diameter)
        return "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"251659264\" "
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

    func sectionProperties(copy: Int, copies: Int) -> String {
        let landscape = setup.width > setup.height
        var s = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\(copy)\"/>"
        s += "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
        if copy > 1 { s += "<w:type w:val=\"oddPage\"/>" }
        s += "<w:pgSz w:w=\"\(twips(setup.width))\" w:h=\"\(twips(setup.height))\"\(landscape ? " w:orient=\"landscape\"" : "")/>"
        s += "<w:pgMar w:top=\"\(twips(setup.top))\" w:right=\"\(twips(setup.right))\" w:bottom=\"\(twips(setup.bottom))\" "
        s += "w:left=\"\(twips(setup.left))\" w:header=\"\(twips(setup.top - 12.mm))\" w:footer=\"\(twips(setup.bottom - 14.mm))\" w:gutter=\"0\"/>"
        s += "<w:pgNumType w:start=\"1\"/><w:docGrid w:linePitch=\"312\"/></w:sectPr>"
        return s
    }

    static let wordNS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    static let vmlNS = "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""

    func header(copy: Int, copies: Int, draft: Bool) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr \(Self.wordNS) \(Self.vmlNS)>"
        let mark = copies > 1 ? "第\(copy)份 共\(copies)份" : ""
        x += paragraph(mark, style: ShenbaoLayout.TextStyle(size: 12, align: .right, leading: 1))
        if draft {
            // The watermark shape Word itself writes for 水印 (VML text path, rotated, behind the text).
            x += "<w:p><w:r><w:pict><v:shape id=\"ShenbaoDraftMark\" o:spt=\"136\" style=\"position:absolute;margin-left:0;margin-top:0;width:420pt;height:160pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin\" fillcolor=\"#c0c0c0\" stroked=\"f\"><v:fill opacity=\".5\"/><v:path textpathok=\"t\"/><v:textpath on=\"t\" fitshape=\"t\" style=\"font-family:&quot;\(Self.eastAsiaFont)&quot;;font-size:1pt\" string=\"草稿\"/></v:shape></w:pict></w:r></w:p>"
        }
        return x + "</w:hdr>"
    }

    var footer: String {
        let size = 28
        func r(_ inner: String) -> String { "<w:r><w:rPr><w:sz w:val=\"\(size)\"/></w:rPr>\(inner)</w:r>" }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr \(Self.wordNS)><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            + r("<w:t xml:space=\"preserve\">— </w:t>") + r("<w:fldChar w:fldCharType=\"begin\"/>")
            + r("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>") + r("<w:fldChar w:fldCharType=\"separate\"/>")
            + r("<w:t>1</w:t>") + r("<w:fldChar w:fldCharType=\"end\"/>") + r("<w:t xml:space=\"preserve\"> —</w:t>")
            + "</w:p></w:ftr>"
    }

    var styles: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles \(Self.wordNS)><w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"\(Self.latinFont)\" w:hAnsi=\"\(Self.latinFont)\" w:eastAsia=\"\(Self.eastAsiaFont)\" w:cs=\"\(Self.latinFont)\"/>"
            + "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }

    mutating func package(blocks: [Block], copies: Int, draft: Bool) -> [UInt8] {
        let content = body(blocks)
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(Self.wordNS)><w:body>"
        for copy in 1...copies {
            // Copies are the same blocks; only drawing ids (with a seal) differ per copy.
            self.copy = copy
            document += seal == nil || copy == 1 ? content : body(blocks)
            if copy < copies {
                document += "<w:p><w:pPr>\(sectionProperties(copy: copy, copies: copies))</w:pPr></w:p>"
            } else {
                document += sectionProperties(copy: copy, copies: copies)
            }
        }
        document += "</w:body></w:document>"

        var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        rels += "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        rels += "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
        var types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        if let seal {
            types += "<Default Extension=\"\(seal.kind)\" ContentType=\"image/\(seal.kind)\"/>"
            rels += "<Relationship Id=\"rIdSeal\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/seal.\(seal.kind)\"/>"
        }
        types += "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        types += "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        types += "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        types += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        var zip = ZipWriter()
        var headers: [(String, String)] = []
        for copy in 1...copies {
            rels += "<Relationship Id=\"rIdHeader\(copy)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header\(copy).xml\"/>"
            types += "<Override PartName=\"/word/header\(copy).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
            headers.append(("word/header\(copy).xml", header(copy: copy, copies: copies, draft: draft)))
        }
        rels += "</Relationships>"
        types += "</Types>"
        let root = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "</Relationships>"
        let core = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(XMLEscape.markup(title))</dc:title><dc:creator>Shenbao</dc:creator></cp:coreProperties>"
        zip.add("[Content_Types].xml", contents: Array(types.utf8))
        zip.add("_rels/.rels", contents: Array(root.utf8))
        zip.add("docProps/core.xml", contents: Array(core.utf8))
        zip.add("word/document.xml", contents: Array(document.utf8))
        zip.add("word/_rels/document.xml.rels", contents: Array(rels.utf8))
        zip.add("word/styles.xml", contents: Array(styles.utf8))
        zip.add("word/footer1.xml", contents: Array(footer.utf8))
        for (name, xml) in headers { zip.add(name, contents: Array(xml.utf8)) }
        if let seal { zip.add("word/media/seal.\(seal.kind)", contents: Array(seal.data), level: 0) }
        return zip.finish()
    }
}
