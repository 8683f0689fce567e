import Foundation
import ShenbaoCore
import ShenbaoDOCX
import ShenbaoLayout
import ShenbaoZip

/// The parts of the package around the body: sections, header and footer, styles, relationships.
extension DOCXWriter {
    func sectionProperties(copy: Int, copies: Int) -> String {
        let landscape = setup.width > setup.height
        var s = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\(copy)\"/>"
        s += "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
        if copy > 1 { s += "<w:type w:val=\"oddPage\"/>" }
        s += "<w:pgSz w:w=\"\(twips(setup.width))\" w:h=\"\(twips(setup.height))\"\(landscape ? " w:orient=\"landscape\"" : "")/>"
        s += "<w:pgMar w:top=\"\(twips(setup.top))\" w:right=\"\(twips(setup.right))\" w:bottom=\"\(twips(setup.bottom))\" "
        s += "w:left=\"\(twips(setup.left))\" w:header=\"\(twips(headerDistance))\" w:footer=\"\(twips(footerDistance))\" w:gutter=\"0\"/>"
        // No document grid (§17.6.5 docGrid, ST_DocGrid `default`): a Chinese Word's default
        // grid of lines would round every line up to its pitch, taller than the layout's.
        s += "<w:pgNumType w:start=\"1\"/><w:docGrid w:type=\"default\"/></w:sectPr>"
        return s
    }

    /// The header's distance from the sheet's top edge (§17.6.11 pgMar header): its one line,
    /// `copyMarkSize` tall, set so the copy mark's baseline lies where the PDF's does
    /// (`PageFurniture.copyMarkRise` above the text block, the baseline where the layout puts it).
    var headerDistance: Double {
        let size = PageFurniture.standardCopyMarkSize
        return setup.top - PageFurniture.copyMarkRise - size * measurer.ascender
    }
    /// The footer's distance from the sheet's foot (pgMar footer), which Word measures to the
    /// footer's foot: its one line, a page number tall, then starts `PageFurniture.pageNumberDrop`
    /// under the text block, as the PDF's number does.
    var footerDistance: Double {
        setup.bottom - PageFurniture.pageNumberDrop - PageFurniture.standardPageNumberSize
    }
    /// The header reaches down to this far above the text block. LibreOffice starts the text of
    /// the first page of an odd-page section right under the header, not at the top margin; a
    /// header that fills its space keeps that page's text where the other pages' starts.
    static let headerSlack = 1.0
    /// The parts are repetitive markup: an 18-page pack's 180 KB document.xml deflates in
    /// 0.56 ms to 15.5 KB at level 1, against 1.31 ms to 12.3 KB at level 6 — a batch of
    /// thousands writes faster, and the files stay small.
    static let deflateLevel: Int32 = 1
    static let wordNS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    static let vmlNS = "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""

    func header(copy: Int, copies: Int, draft: Bool) throws -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr \(Self.wordNS) \(Self.vmlNS)>"
        let mark = copies > 1 ? "第\(copy)份 共\(copies)份" : ""
        let size = PageFurniture.standardCopyMarkSize
        let fill = setup.top - headerDistance - size - Self.headerSlack
        var watermark = ""
        if draft {
            // The watermark shape Word itself writes for 水印 (VML text path, rotated, behind the
            // text), in the copy mark's paragraph so the header stays one line tall.
            watermark = "<w:r><w:pict><v:shape id=\"ShenbaoDraftMark\" o:spt=\"136\" style=\"position:absolute;margin-left:0;margin-top:0;width:420pt;height:160pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin\" fillcolor=\"#c0c0c0\" stroked=\"f\"><v:fill opacity=\".5\"/><v:path textpathok=\"t\"/><v:textpath on=\"t\" fitshape=\"t\" style=\"font-family:&quot;\(fontName)&quot;;font-size:1pt\" string=\"草稿\"/></v:shape></w:pict></w:r>"
        }
        x += try paragraph(mark, style: ShenbaoLayout.TextStyle(size: size, align: .right, leading: 1), after: fill,
                           runs: watermark)
        return x + "</w:hdr>"
    }

    var footer: String {
        let size = halfPoints(PageFurniture.standardPageNumberSize)
        func r(_ inner: String) -> String { "<w:r><w:rPr><w:sz w:val=\"\(size)\"/></w:rPr>\(inner)</w:r>" }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr \(Self.wordNS)><w:p><w:pPr>"
            + "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(twips(PageFurniture.standardPageNumberSize))\" w:lineRule=\"exact\"/>"
            + "<w:jc w:val=\"center\"/></w:pPr>"
            + r("<w:t xml:space=\"preserve\">— </w:t>") + r("<w:fldChar w:fldCharType=\"begin\"/>")
            + r("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>") + r("<w:fldChar w:fldCharType=\"separate\"/>")
            + r("<w:t>1</w:t>") + r("<w:fldChar w:fldCharType=\"end\"/>") + r("<w:t xml:space=\"preserve\"> —</w:t>")
            + "</w:p></w:ftr>"
    }

    /// The font every run names: the face the PDF embeds (AR PL UMing CN), by the family name
    /// fontconfig knows it by, so LibreOffice sets it with the very advances the layout measured
    /// (`fc-match 宋体` gives DejaVu Sans here, and LibreOffice's own table swaps in Noto Sans CJK,
    /// whose taller lines and wider Latin cost pages). Word on Windows, lacking it, takes the
    /// font table's alternate name, 宋体 (`fontTable`), whose ideographs are one em and Latin
    /// half an em, as UMing's are.
    var fontName: String { MarkupEscape.escaped(library.main.family, as: .xmlAttribute) }
    /// The main font's stand-in where it is not installed (§17.8.3.1 altName).
    static let fontAltName = "宋体"
    /// 宋体's PANOSE class (§17.8.3.13 panose1) and the GB 2312 character set (§17.8.3.2
    /// charset, 0x86): what Word matches on when neither name is installed.
    static let fontPanose = "02010600030101010101", fontCharset = "86"

    /// Paragraph defaults (§17.7.5.1 pPrDefault) that make Word and LibreOffice break lines and
    /// pages as the layout does: no widow control (§17.3.1.44; the layout keeps no two lines
    /// together), East Asian line-breaking rules on (§17.3.1.16 kinsoku) and no hanging
    /// punctuation (§17.3.1.21 overflowPunct: the layout carries a character down with its
    /// comma instead), no extra space between CJK and Latin text or digits (§17.3.1.2–3
    /// autoSpaceDE/DN), no snapping to a character grid (§17.3.1.32 snapToGrid, §17.3.1.1
    /// adjustRightInd).
    var paragraphDefaults: String {
        "<w:widowControl w:val=\"0\"/><w:kinsoku w:val=\"1\"/><w:overflowPunct w:val=\"0\"/>"
            + "<w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/><w:adjustRightInd w:val=\"0\"/>"
            + "<w:snapToGrid w:val=\"0\"/><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
    }

    var styles: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles \(Self.wordNS)><w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"\(fontName)\" w:hAnsi=\"\(fontName)\" w:eastAsia=\"\(fontName)\" w:cs=\"\(fontName)\"/>"
            + "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr>\(paragraphDefaults)</w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }

    /// The font table (§17.8.3.9): the main font with its stand-in for machines without it.
    var fontTable: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:fonts \(Self.wordNS)>"
            + "<w:font w:name=\"\(fontName)\"><w:altName w:val=\"\(Self.fontAltName)\"/><w:panose1 w:val=\"\(Self.fontPanose)\"/>"
            + "<w:charset w:val=\"\(Self.fontCharset)\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>"
    }

    /// Document settings (§17.15.1.78): Word 2013's layout rules (§17.15.3.4 compatSetting
    /// compatibilityMode 15), which LibreOffice follows too, and CJK punctuation set full width,
    /// never compressed (§17.15.1.18 characterSpacingControl), as the layout sets it.
    var settings: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings \(Self.wordNS)>"
            + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
            + "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
            + "</w:compat></w:settings>"
    }

    /// The document being written: one section per copy, each page's blocks after a page break.
    ///
    /// document.xml is deflated as it is written, the first copy a page at a time as the layout
    /// hands pages on, so a summary of thousands of rows is never held as pages or as markup.
    /// The later copies of a pack without a seal are the first copy's body, held and written
    /// again (only a seal's drawing ids differ per copy); with a seal, the pages are held and
    /// written again. A three-copy pack's body is 180 KB: laying it out three times would cost
    /// more than holding it.
    struct Document: PageWriter {
        var writer: DOCXWriter
        let copies: Int
        let draft: Bool
        private let document = DeflateStream(level: DOCXWriter.deflateLevel)
        private var count = 0
        private var reused = ""
        private var held: [Page] = []

        init(writer: DOCXWriter, copies: Int, draft: Bool) {
            self.writer = writer; self.copies = copies; self.draft = draft
            document.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(DOCXWriter.wordNS)><w:body>")
        }

        mutating func add(_ page: Page) throws {
            let body = try writer.body(of: page, at: count)
            count += 1
            document.write(body)
            if copies > 1 {
                if writer.seal == nil { reused += body } else { held.append(page) }
            }
        }

        mutating func finish() throws -> Data {
            for copy in 1...copies {
                if copy > 1 {
                    writer.copy = copy
                    if writer.seal == nil {
                        document.write(reused)
                    } else {
                        for (i, page) in held.enumerated() { document.write(try writer.body(of: page, at: i)) }
                    }
                }
                if copy < copies {
                    // The section ends in a hairline paragraph, so a full last page still holds it.
                    document.write(writer.emptyParagraph(height: DOCXWriter.hairline,
                                                         properties: writer.sectionProperties(copy: copy, copies: copies)))
                } else {
                    document.write(writer.sectionProperties(copy: copy, copies: copies))
                }
            }
            document.write("</w:body></w:document>")
            return Data(try writer.package(document: document, copies: copies, draft: draft))
        }
    }

    /// The package around document.xml (written already into `document`): relationships,
    /// content types, styles, settings, fonts, header and footer, and the seal image.
    func package(document: DeflateStream, copies: Int, draft: Bool) throws -> [UInt8] {
        var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        rels += "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        rels += "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
        rels += "<Relationship Id=\"rIdFonts\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
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
        types += "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        types += "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
        types += "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        types += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        var headers: [(String, String)] = []
        for copy in 1...copies {
            rels += "<Relationship Id=\"rIdHeader\(copy)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header\(copy).xml\"/>"
            types += "<Override PartName=\"/word/header\(copy).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
            headers.append(("word/header\(copy).xml", try header(copy: copy, copies: copies, draft: draft)))
        }
        rels += "</Relationships>"
        types += "</Types>"
        let root = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "</Relationships>"
        let core = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(MarkupEscape.escaped(title, as: .xmlText))</dc:title><dc:creator>Shenbao</dc:creator></cp:coreProperties>"
        var zip = ZipWriter()
        for (name, xml) in [("[Content_Types].xml", types), ("_rels/.rels", root), ("docProps/core.xml", core)] {
            zip.add(name, text: xml, level: Self.deflateLevel)
        }
        zip.add("word/document.xml", finishing: document)
        let parts = [("word/_rels/document.xml.rels", rels), ("word/styles.xml", styles), ("word/settings.xml", settings),
                     ("word/fontTable.xml", fontTable), ("word/footer1.xml", footer)] + headers
        for (name, xml) in parts { zip.add(name, text: xml, level: Self.deflateLevel) }
        if let seal { zip.add("word/media/seal.\(seal.kind)", contents: Array(seal.data), level: 0) }
        return zip.finish()
    }
}
