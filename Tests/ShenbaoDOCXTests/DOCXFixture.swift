import Foundation
import ShenbaoCore
import ShenbaoZip
@testable import ShenbaoDOCX

/// Builds small Word packages in memory, part by part, for the fill tests.
enum DOCXFixture {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func package(body: String, header: String? = nil, extraParts: [(String, String)] = [],
                        documentPrefix: String = "") -> [UInt8] {
        var writer = ZipWriter()
        writer.add("[Content_Types].xml", contents: Array(("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
            """).utf8))
        writer.add("_rels/.rels", contents: Array(("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
            """).utf8))
        writer.add("word/document.xml", contents: Array(("""
            \(documentPrefix)<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document \(w)><w:body>\(body)<w:sectPr/></w:body></w:document>
            """).utf8))
        var rels = ""
        if header != nil {
            rels = "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
            writer.add("word/header1.xml", contents: Array("<w:hdr \(w)>\(header!)</w:hdr>".utf8))
        }
        writer.add("word/_rels/document.xml.rels", contents: Array(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>").utf8))
        writer.add("word/styles.xml", contents: Array(("<w:styles \(w)>" + String(repeating: "<w:style w:styleId=\"s\"/>", count: 50) + "</w:styles>").utf8))
        writer.add("docProps/core.xml", contents: Array("""
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{{title}}</dc:title><dc:creator>me</dc:creator></cp:coreProperties>
            """.utf8))
        for (name, text) in extraParts { writer.add(name, contents: Array(text.utf8)) }
        return writer.finish()
    }

    static func p(_ runs: String) -> String { "<w:p>\(runs)</w:p>" }
    static func r(_ text: String, _ rPr: String = "") -> String { "<w:r>\(rPr)<w:t>\(text)</w:t></w:r>" }
    static func para(_ text: String) -> String { p(r(text)) }

    /// Fills and returns the filled `word/document.xml` as text.
    static func fill(_ bytes: [UInt8], _ data: Value, strict: Bool = false, part: String = "word/document.xml") throws -> String {
        let template = try DOCXTemplate(bytes: bytes, file: "t.docx")
        let out = try template.fill(data, strict: strict)
        let archive = try ZipArchive(bytes: out)
        return String(decoding: try archive.contents(named: part) ?? [], as: UTF8.self)
    }

    /// The `w:t` texts of each paragraph of an XML string (no nested paragraphs in fixtures).
    static func paragraphs(_ xml: String) -> [String] {
        let paragraph = try! NSRegularExpression(pattern: "<w:p(?:\\s[^>]*)?/>|<w:p(?:\\s[^>]*)?>(.*?)</w:p>", options: [.dotMatchesLineSeparators])
        let text = try! NSRegularExpression(pattern: "<w:t(?:\\s[^>]*)?>(.*?)</w:t>", options: [.dotMatchesLineSeparators])
        let ns = xml as NSString
        return paragraph.matches(in: xml, range: NSRange(location: 0, length: ns.length)).map { match in
            guard match.range(at: 1).location != NSNotFound else { return "" }
            let inner = ns.substring(with: match.range(at: 1))
            let innerNS = inner as NSString
            let joined = text.matches(in: inner, range: NSRange(location: 0, length: innerNS.length))
                .map { innerNS.substring(with: $0.range(at: 1)) }.joined()
            return joined.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
