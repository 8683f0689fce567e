import Foundation
import ShenbaoTestSupport
import Testing

/// `shenbao fill` and `check-template` end to end: the built binary, outputs read back with python-docx.
@Suite struct FillCLITests {
    static let example = CLI.packageRoot.appendingPathComponent("templates/examples")

    /// Builds a small template with python-docx: a tag split over a bold and an italic run,
    /// a header and footer tag, a title, a row loop and a paragraph loop.
    static func makeTemplate(at path: String) throws {
        let program = """
        import sys
        from docx import Document
        d = Document()
        d.core_properties.title = "{{title}}"
        d.sections[0].header.paragraphs[0].add_run("页眉 {{unit}}")
        d.sections[0].footer.paragraphs[0].add_run("页脚 {{date | cn_date}}")
        p = d.add_paragraph()
        r = p.add_run("单位：{{un"); r.bold = True
        r = p.add_run("it}}。"); r.italic = True
        t = d.add_table(rows=1, cols=2)
        t.rows[0].cells[0].text = "{{#items}}{{@number}}"
        t.rows[0].cells[1].text = "{{name}}{{/items}}"
        d.add_paragraph("{{#notes}}")
        d.add_paragraph("注：{{.}}")
        d.add_paragraph("{{/notes}}")
        d.add_paragraph("完")
        d.save(sys.argv[1])
        """
        let result = try CLI.python(program, [path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    static let data = """
    title: 申请表
    unit: 浦东 & <公司>
    date: 2024-05-16
    items: [{name: 甲}, {name: 乙}, {name: 丙}]
    notes: [第一条, 第二条]
    """

    @Test(.requires(.pythonDocx)) func fillsTextRowsFormattingHeadersFootersAndTitle() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.makeTemplate(at: dir.appendingPathComponent("t.docx").path)
        try Self.data.write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["fill", "t.docx", "d.yaml", "-o", "out.docx"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let read = try CLI.python("""
        import sys, json
        from docx import Document
        d = Document(sys.argv[1])
        print(json.dumps({
          "paragraphs": [p.text for p in d.paragraphs],
          "runs": [[r.text, bool(r.bold), bool(r.italic)] for r in d.paragraphs[0].runs],
          "rows": [[c.text for c in r.cells] for r in d.tables[0].rows],
          "header": d.sections[0].header.paragraphs[0].text,
          "footer": d.sections[0].footer.paragraphs[0].text,
          "title": d.core_properties.title}, ensure_ascii=False))
        """, [dir.appendingPathComponent("out.docx").path])
        #expect(read.status == 0, "\(read.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
        #expect(json["paragraphs"] as? [String] == ["单位：浦东 & <公司>。", "注：第一条", "注：第二条", "完"])
        // The value takes the bold run where its tag began; the text after the tag stays italic.
        let runs = try #require(json["runs"] as? [[Any]])
        #expect(runs.count == 2)
        #expect(runs.first?[0] as? String == "单位：浦东 & <公司>" && runs.first?[1] as? Bool == true)
        #expect(runs.last?[0] as? String == "。" && runs.last?[2] as? Bool == true)
        #expect(json["rows"] as? [[String]] == [["1", "甲"], ["2", "乙"], ["3", "丙"]])
        #expect(json["header"] as? String == "页眉 浦东 & <公司>")
        #expect(json["footer"] as? String == "页脚 2024年5月16日")
        #expect(json["title"] as? String == "申请表")
    }

    @Test(.requires(.pythonDocx)) func badTemplateExitsTwoAndWritesNothing() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try CLI.python("""
        import sys
        from docx import Document
        d = Document()
        d.add_paragraph("{{#project.outputs}}序号")
        d.add_paragraph("{{name | shout}}")
        d.save(sys.argv[1])
        """, [dir.appendingPathComponent("bad.docx").path])
        #expect(made.status == 0, "\(made.stderr)")
        try "a: 1\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["fill", "bad.docx", "d.yaml", "-o", "out.docx", "--lang", "en"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("word/document.xml ¶1: section \"project.outputs\" is never closed (\"{{#project.outputs}}序号\") [template.unclosed_section]"))
        #expect(result.stderr.contains("word/document.xml ¶2: unknown filter \"shout\""))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.docx").path))
        let check = try CLI.run(["check-template", "bad.docx"], in: dir)
        #expect(check.status == 2)
        #expect(check.stderr.contains("[template.unclosed_section]") && check.stderr.contains("[template.unknown_filter]"))
    }

    @Test func notAZipIsRefused() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "not a zip".write(to: dir.appendingPathComponent("t.docx"), atomically: true, encoding: .utf8)
        try "a: 1\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let refused = try CLI.run(["fill", "t.docx", "d.yaml", "-o", "out.docx"], in: dir)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("[zip.not_zip]"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.docx").path))
    }

    @Test(.requires(.pythonDocx)) func strictListsEveryMissingValueAndWritesNothing() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "a: 1\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        try Self.makeTemplate(at: dir.appendingPathComponent("t.docx").path)
        let strict = try CLI.run(["fill", "t.docx", "d.yaml", "-o", "out.docx", "--strict"], in: dir)
        #expect(strict.status == 1)
        for path in ["title", "unit", "date", "items", "notes"] { #expect(strict.stderr.contains("\(path): "), "\(path) not listed") }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.docx").path))
    }

    @Test(.requires(.pythonDocx)) func severalDataFilesFillAFolderWithOneTemplateParse() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.makeTemplate(at: dir.appendingPathComponent("t.docx").path)
        try Self.data.write(to: dir.appendingPathComponent("甲.yaml"), atomically: true, encoding: .utf8)
        try "{\"unit\": \"乙公司\"}".write(to: dir.appendingPathComponent("乙.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["fill", "t.docx", "甲.yaml", "乙.json", "-o", "out"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let read = try CLI.python("""
        import sys
        from docx import Document
        for f in sys.argv[1:]: print(Document(f).paragraphs[0].text)
        """, ["out/甲.docx", "out/乙.docx"].map { dir.appendingPathComponent($0).path })
        #expect(read.stdout == "单位：浦东 & <公司>。\n单位：乙公司。\n")
    }

    @Test(.requires(.pythonDocx)) func parallelFillKeepsEveryGoodRecordAndReportsBadOnesInFileOrder() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.makeTemplate(at: dir.appendingPathComponent("t.docx").path)
        var files: [String] = []
        for i in 1...12 {
            let name = String(format: "r%02d.yaml", i)
            let text = i == 4 || i == 9 ? "unit: [broken\n" : "unit: 单位\(i)\n"
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            files.append(name)
        }
        let result = try CLI.run(["fill", "t.docx"] + files + ["-o", "out", "--jobs", "3"], in: dir)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0].hasPrefix("r04.yaml:") && lines[1].hasPrefix("r09.yaml:"), "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted()
        #expect(written == files.filter { $0 != "r04.yaml" && $0 != "r09.yaml" }.map { $0.replacingOccurrences(of: ".yaml", with: ".docx") })
    }

    @Test(.requires(.pythonDocx)) func exampleTemplateFillsWithItsSampleData() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("申请表-填写.docx").path
        let result = try CLI.run(["fill", Self.example.appendingPathComponent("申请表模板.docx").path,
                                  Self.example.appendingPathComponent("申请表模板.yaml").path, "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try CLI.python("""
        import sys
        from docx import Document
        d = Document(sys.argv[1])
        text = "\\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
        assert "{{" not in text, text
        for s in ["项目名称：社区嵌入式养老服务标准化试点", "☑ 重点项目", "☐ 一般项目", "人民币捌拾万元整", "2024年7月1日", "社区养老服务质量评价指南"]:
            assert s in text, s
        assert len(d.inline_shapes) == 1 and round(d.inline_shapes[0].width.mm) == 42
        print("ok")
        """, [out])
        #expect(read.stdout == "ok\n", "\(read.stderr)")
        let check = try CLI.run(["check-template", Self.example.appendingPathComponent("申请表模板.docx").path,
                                 Self.example.appendingPathComponent("申请表模板.yaml").path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("applicant.standardization.body") && check.stderr.contains("[template.unused_data]"))
    }

    @Test(.requires(.pythonDocx)) func checkTemplateListsTagsWithoutDataAndUnusedFields() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.makeTemplate(at: dir.appendingPathComponent("t.docx").path)
        try "title: 表\nunit: 甲\nitems: [{name: 甲, extra: 1}]\nunused_field: x\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let ok = try CLI.run(["check-template", "t.docx", "--lang", "en"], in: dir)
        #expect(ok.status == 0 && ok.stdout.contains("no template errors"), "\(ok.stderr)")
        let result = try CLI.run(["check-template", "t.docx", "d.yaml", "--lang", "en"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("date: the tag at word/footer1.xml ¶1 of the template has no value in the data [template.tag_without_data]"))
        #expect(result.stderr.contains("notes: ") && !result.stderr.contains("d.yaml:2: unit"))
        #expect(result.stderr.contains("d.yaml:4: warning: unused_field: no tag uses this data field [template.unused_data]"))
        #expect(result.stderr.contains("items.extra: no tag uses this data field"))
    }

    @Test(.requires(.shared)) func docxtemplaterConformanceCasesPass() throws {
        let shared = try #require(TestFolders.shared)
        let runner = shared.appendingPathComponent("conformance/docxtemplater/run.py").path
        let result = try Subprocess.run("python3", [runner, "--bin", CLI.binary.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("29 passed, 0 failed"))
    }
}
