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
        s += "w:left=\"\(twips(setup.left))\" w:header=\"\(twips(setup.top - Self.headerAboveText))\" w:footer=\"\(twips(setup.bottom - Self.footerBelowText))\" w:gutter=\"0\"/>"
        s += "<w:pgNumType w:start=\"1\"/><w:docGrid w:linePitch=\"\(Self.gridPitch)\"/></w:sectPr>"
        return s
    }

    /// The copy mark's header sits this far above the text block, as the PDF's copy mark does.
    static let headerAboveText = 12.mm
    /// The page number's footer sits this far below the text block (GB/T 9704 §7.5: 7 mm to the
    /// number's top; Word measures to the footer's top).
    static let footerBelowText = 14.mm
    /// The document grid's line pitch in twips: 15.6 pt, Word's own for 小四 宋体, so Word's
    /// CJK grid does not stretch lines beyond what the layout measured.
    static let gridPitch = 312
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
        let size = halfPoints(PageFurniture.standardPageNumberSize)
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
            + "<dc:title>\(MarkupEscape.escaped(title, as: .xmlText))</dc:title><dc:creator>Shenbao</dc:creator></cp:coreProperties>"
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
