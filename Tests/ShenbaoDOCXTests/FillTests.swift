import ShenbaoTestSupport
import Foundation
import ShenbaoCore
import ShenbaoZip
import Testing
@testable import ShenbaoDOCX

@Suite struct FillTests {
    typealias F = DOCXFixture

    @Test func tagSplitOverRunsTakesTheFormatOfItsFirstRun() throws {
        let body = F.p(F.r("名称：{{pro", "<w:rPr><w:b/></w:rPr>") + F.r("ject.na", "<w:rPr><w:i/></w:rPr>") + F.r("me}}！", "<w:rPr><w:u/></w:rPr>"))
        let xml = try F.fill(F.package(body: body), ["project": ["name": "养老试点"]])
        #expect(F.paragraphs(xml) == ["名称：养老试点！"])
        #expect(xml.contains("<w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">名称：养老试点</w:t>"))
        #expect(xml.contains("<w:rPr><w:u/></w:rPr><w:t xml:space=\"preserve\">！</w:t>"))
    }

    @Test func rowLoopRepeatsTheWholeRow() throws {
        let row = "<w:tr><w:tc>\(F.para("{{#items}}{{@number}}"))</w:tc><w:tc>\(F.para("{{name}}{{/items}}"))</w:tc></w:tr>"
        let head = "<w:tr><w:tc>\(F.para("序号"))</w:tc><w:tc>\(F.para("名称"))</w:tc></w:tr>"
        let body = "<w:tbl><w:tblPr/>\(head)\(row)</w:tbl>"
        let data: Value = ["items": [["name": "甲"], ["name": "乙"], ["name": "丙"]]]
        let xml = try F.fill(F.package(body: body), data)
        #expect(F.paragraphs(xml) == ["序号", "名称", "1", "甲", "2", "乙", "3", "丙"])
        #expect(xml.components(separatedBy: "<w:tr>").count - 1 == 4)
    }

    @Test func tableWhoseOnlyRowIsAnEmptySectionDisappears() throws {
        let row = "<w:tr><w:tc>\(F.para("{{#items}}{{name}}"))</w:tc><w:tc>\(F.para("{{/items}}"))</w:tc></w:tr>"
        let xml = try F.fill(F.package(body: F.para("前") + "<w:tbl>\(row)</w:tbl>" + F.para("后")), ["items": []])
        #expect(!xml.contains("<w:tbl>"))
        #expect(F.paragraphs(xml) == ["前", "后"])
    }

    @Test func paragraphLoopRemovesTagOnlyParagraphs() throws {
        let body = F.para("之前") + F.para("{{#users}}") + F.para("用户 {{.}}") + F.para("{{/users}}") + F.para("之后")
        let xml = try F.fill(F.package(body: body), ["users": ["张三", "李四"]])
        #expect(F.paragraphs(xml) == ["之前", "用户 张三", "用户 李四", "之后"])
        let none = try F.fill(F.package(body: body), ["users": []])
        #expect(F.paragraphs(none) == ["之前", "之后"])
    }

    @Test func wordSmartQuotesInFilterArgumentsAreRead() throws {
        let body = F.para("{{category | check “重点项目”}} 重点项目 {{category ｜ check \"一般项目\"}} 一般项目")
        #expect(F.paragraphs(try F.fill(F.package(body: body), ["category": "重点项目"])) == ["☑ 重点项目 ☐ 一般项目"])
    }

    @Test func delimiterChangeCarriesOverToLaterParagraphs() throws {
        let body = F.para("{{=&lt;% %&gt;=}}{{原样}}") + F.para("&lt;% a %&gt; {{b}}")
        #expect(F.paragraphs(try F.fill(F.package(body: body), ["a": "甲", "b": "乙"])) == ["{{原样}}", "甲 {{b}}"])
    }

    @Test func partialsAreRefusedInWordTemplates() {
        do { _ = try DOCXTemplate(bytes: F.package(body: F.para("{{> footer}}"))); Issue.record("accepted") } catch {
            #expect(error.diagnostics.map(\.id) == ["template.partial_in_docx"])
        }
    }

    @Test func sectionTagParagraphsWithStraySpacesStillVanish() throws {
        let body = F.para("{{#users}} ") + F.para("{{.}}") + F.para(" {{/users}}")
        #expect(F.paragraphs(try F.fill(F.package(body: body), ["users": ["甲", "乙"]])) == ["甲", "乙"])
    }

    @Test func inlineSectionAndAnonymousClose() throws {
        let body = F.para("{{#list}}[{{.}}]{{/}}；{{^list}}无{{/list}}")
        #expect(F.paragraphs(try F.fill(F.package(body: body), ["list": ["a", "b"]])) == ["[a][b]；"])
        #expect(F.paragraphs(try F.fill(F.package(body: body), [:])) == ["；无"])
    }

    @Test func valuesAreEscapedAndLineBreaksBecomeBreaks() throws {
        let xml = try F.fill(F.package(body: F.para("{{v}}")), ["v": "a & b < c > d\n第二行\t制表"])
        #expect(xml.contains("a &amp; b &lt; c &gt; d</w:t><w:br/><w:t xml:space=\"preserve\">第二行</w:t><w:tab/>"))
        #expect(!xml.contains("a & b"))
    }

    @Test func headersAndCorePropertiesAreFilled() throws {
        let bytes = F.package(body: F.para("正文"), header: F.para("页眉 {{unit}}"))
        let data: Value = ["unit": "浦东 & 公司", "title": "申请表 <一>"]
        #expect(F.paragraphs(try F.fill(bytes, data, part: "word/header1.xml")) == ["页眉 浦东 & 公司"])
        let core = try F.fill(bytes, data, part: "docProps/core.xml")
        #expect(core.contains("<dc:title>申请表 &lt;一&gt;</dc:title>"))
    }

    @Test func outputIsByteIdenticalAcrossFills() throws {
        let template = try DOCXTemplate(bytes: F.package(body: F.para("{{a}}")), file: "t.docx")
        let first = try template.fill(["a": "一"]), second = try template.fill(["a": "一"])
        #expect(first == second)
    }

    @Test func untouchedPartsAreCopiedCompressedAsTheyWere() throws {
        let bytes = F.package(body: F.para("{{a}}"))
        let source = try ZipArchive(bytes: bytes)
        let out = try ZipArchive(bytes: DOCXTemplate(bytes: bytes).fill(["a": "x"]))
        #expect(out.entries.map(\.name) == source.entries.map(\.name))
        for name in ["word/styles.xml", "_rels/.rels", "[Content_Types].xml", "word/_rels/document.xml.rels"] {
            let a = try #require(source.entry(named: name)), b = try #require(out.entry(named: name))
            #expect(out.compressedBytes(of: b) == source.compressedBytes(of: a), "\(name) was not copied raw")
        }
    }

    @Test func templateErrorsAreCollectedWithPartParagraphAndExcerpt() throws {
        let body = F.para("标题") + F.para("{{#project.outputs}}序号") + F.para("{{x | bogus}}") + F.para("{{/nothing}}")
        do {
            _ = try DOCXTemplate(bytes: F.package(body: body), file: "t.docx")
            Issue.record("a broken template was accepted")
        } catch {
            #expect(error.status == .unusableInput)
            let ids = Set(error.diagnostics.map(\.id))
            #expect(ids == ["template.unknown_filter", "template.mismatched_close"])
            let unknown = try #require(error.diagnostics.first { $0.id == "template.unknown_filter" })
            #expect(unknown.path == "word/document.xml ¶3")
            #expect(unknown.message.en.contains("{{x | bogus}}"))
        }
        do {
            _ = try DOCXTemplate(bytes: F.package(body: F.para("a") + F.para("{{#project.outputs}}序号1234567890123456789012345")))
            Issue.record("an unclosed section was accepted")
        } catch {
            #expect(error.diagnostics.map(\.id) == ["template.unclosed_section"])
            #expect(error.diagnostics[0].formatted(.en)
                == "word/document.xml ¶2: section \"project.outputs\" is never closed (\"{{#project.outputs}}序号12…\") [template.unclosed_section]")
        }
    }

    @Test func strictListsEveryMissingPath() throws {
        let template = try DOCXTemplate(bytes: F.package(body: F.para("{{a}} {{b.c}} {{d | default \"无\"}}"), header: F.para("{{e}}")))
        do {
            _ = try template.fill(["a": 1], strict: true, dataFile: "x.yaml")
            Issue.record("strict fill with missing values succeeded")
        } catch {
            #expect(error.status == .invalidData)
            #expect(error.diagnostics.compactMap(\.path).sorted() == ["b.c", "e", "title"])
        }
        #expect(try template.fill(["a": 1]).count > 0) // not strict: missing renders empty
    }

    @Test func documentTypeAndEntityDeclarationsAreRefused() {
        let bomb = "<!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
        // In the main document itself (placed after the XML declaration) …
        var writer = ZipWriter()
        let source = try! ZipArchive(bytes: F.package(body: F.para("&lol2;")))
        for entry in source.entries {
            if entry.name == "word/document.xml" {
                let text = String(decoding: try! source.contents(of: entry), as: UTF8.self)
                    .replacingOccurrences(of: "?>\n<w:document", with: "?>\n\(bomb)<w:document")
                writer.add(entry.name, contents: Array(text.utf8))
            } else {
                writer.copy(entry, from: source)
            }
        }
        // … and in a part the fill would only copy (Word still parses it).
        let inOtherPart = F.package(body: F.para("x"), extraParts: [("word/evil.xml", "<?xml version=\"1.0\"?>\(bomb)<a/>")])
        for bytes in [writer.finish(), inOtherPart] {
            do {
                _ = try DOCXTemplate(bytes: bytes, file: "t.docx")
                Issue.record("a DTD was accepted")
            } catch {
                #expect(error.status == .unusableInput)
                #expect(error.diagnostics.map(\.id) == ["docx.dtd"])
            }
        }
    }

    @Test func packagesThatAreNotWordOrAreBombsAreRefused() {
        do { _ = try DOCXTemplate(bytes: Array("PK not really".utf8)); Issue.record("accepted") } catch {
            #expect(error.diagnostics.map(\.id) == ["zip.not_zip"])
        }
        var writer = ZipWriter()
        writer.add("word/document.xml", contents: [UInt8](repeating: 0x20, count: 11 << 20), level: 9)
        do { _ = try DOCXTemplate(bytes: writer.finish()); Issue.record("accepted") } catch {
            #expect(error.diagnostics.map(\.id) == ["zip.ratio"])
        }
        var noMain = ZipWriter()
        noMain.add("[Content_Types].xml", contents: Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8))
        noMain.add("_rels/.rels", contents: Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>".utf8))
        do { _ = try DOCXTemplate(bytes: noMain.finish()); Issue.record("accepted") } catch {
            #expect(error.diagnostics.map(\.id) == ["docx.no_main_part"])
        }
    }

    @Test func tooDeepNestingIsRefused() {
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 140) + F.para("x") + String(repeating: "</w:sdtContent></w:sdt>", count: 140)
        do { _ = try DOCXTemplate(bytes: F.package(body: deep)); Issue.record("accepted") } catch {
            #expect(["docx.too_deep", "docx.xml"].contains(error.diagnostics.first?.id ?? ""))
        }
    }

    /// A 1×1 PNG.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
                               8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 13, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0,
                               5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    @Test func placeholderPictureTakesTheImageAndKeepsItsSize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-ph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.png).write(to: folder.appendingPathComponent("seal.png"))
        let drawing = """
            <w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="1000" cy="2000"/><wp:docPr id="1" name="Picture 1" descr="{{%seal}}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """
        let template = try DOCXTemplate(bytes: F.package(body: drawing))
        #expect(template.tags.first.map { [$0.expression.path] } == ["seal"] && template.tags.first?.kind == .image)
        let filled = try ZipArchive(bytes: template.fill(["seal": "seal.png"], resourceDirectory: folder.path))
        let xml = String(decoding: try #require(try filled.contents(named: "word/document.xml")), as: UTF8.self)
        #expect(xml.contains("r:embed=\"shenbaoImage1\"") && xml.contains("<wp:extent cx=\"1000\" cy=\"2000\"/>"))
        #expect(xml.contains("descr=\"\""))
        #expect(try filled.contents(named: "word/media/shenbao-image1.png") == Self.png)
        let unfilled = try F.fill(F.package(body: drawing), [:])
        #expect(unfilled.contains("r:embed=\"rId5\""))
    }

    @Test func imagesBecomeMediaPartsWithRelationshipAndContentType() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-img-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A 1×1 PNG.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
                            8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 13, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0,
                            5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        try Data(png).write(to: folder.appendingPathComponent("seal.png"))
        let template = try DOCXTemplate(bytes: F.package(body: F.para("盖章：{{%seal | size \"42mm\" \"42mm\"}}")))
        let out = try ZipArchive(bytes: template.fill(["seal": "seal.png"], resourceDirectory: folder.path))
        let document = String(decoding: try #require(try out.contents(named: "word/document.xml")), as: UTF8.self)
        #expect(document.contains("<wp:extent cx=\"1512000\" cy=\"1512000\"/>"))
        #expect(document.contains("r:embed=\"shenbaoImage1\""))
        let rels = String(decoding: try #require(try out.contents(named: "word/_rels/document.xml.rels")), as: UTF8.self)
        #expect(rels.contains("Id=\"shenbaoImage1\"") && rels.contains("Target=\"media/shenbao-image1.png\""))
        let types = String(decoding: try #require(try out.contents(named: "[Content_Types].xml")), as: UTF8.self)
        #expect(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        #expect(try out.contents(named: "word/media/shenbao-image1.png") == png)
    }
}
