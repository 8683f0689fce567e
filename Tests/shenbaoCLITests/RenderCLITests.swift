import Foundation
import ShenbaoTestSupport
import Testing

/// `shenbao render` and `shenbao forms` run as a user runs them (spec/cli.md).
@Suite struct RenderCLITests {
    static let sample = CLI.packageRoot.appendingPathComponent("templates/samples/application.yaml").path
    static let opinion = CLI.packageRoot.appendingPathComponent("templates/samples/opinion.yaml").path

    @Test(.requires(.pythonDocx)) func rendersThePackToPDFAndDOCX() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("申请表.pdf").path
        let result = try CLI.run(["render", "application", Self.sample, "-o", pdf])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: pdf))
        let docx = dir.appendingPathComponent("申请表.docx").path
        #expect(try CLI.run(["render", "application", Self.sample, "-o", docx, "--copies", "2"]).status == 0)
        let check = try CLI.python("""
        import docx, sys, zipfile
        d = docx.Document(sys.argv[1])
        s = d.sections
        assert len(s) == 2, len(s)
        assert str(s[1].start_type).endswith('ODD_PAGE (4)') or 'ODD_PAGE' in str(s[1].start_type), s[1].start_type
        assert abs(s[0].page_width.mm - 210) < 0.1 and abs(s[0].page_height.mm - 297) < 0.1
        assert abs(s[0].top_margin.mm - 37) < 0.1 and abs(s[0].left_margin.mm - 28) < 0.1
        assert abs(s[0].right_margin.mm - 26) < 0.1 and abs(s[0].bottom_margin.mm - 35) < 0.1
        assert s[0].header.paragraphs[0].text == '第1份 共2份', s[0].header.paragraphs[0].text
        assert s[1].header.paragraphs[0].text == '第2份 共2份'
        body = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode()
        assert 'w:gridSpan' in body and 'w:tblHeader' in body
        assert 'w:eastAsia' in zipfile.ZipFile(sys.argv[1]).read('word/styles.xml').decode()
        assert 'PAGE' in zipfile.ZipFile(sys.argv[1]).read('word/footer1.xml').decode()
        text = ''.join(c.text for t in d.tables for r in t.rows for c in r.cells)
        assert '913101153325803473' in text and '社区嵌入式养老服务规范' in text
        print('ok')
        """, [docx])
        #expect(check.stdout.contains("ok"), "\(check.stderr)")
    }

    @Test(.requires(.pythonDocx)) func docxCarriesTheSealOnEveryCopyAndTheDraftWatermark() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seal = dir.appendingPathComponent("seal.png")
        let png = try CLI.python("""
        import zlib, struct, sys
        w = h = 8
        raw = b''.join(b'\\x00' + bytes([200, 0, 0, 128]) * w for _ in range(h))
        def c(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
        open(sys.argv[1], 'wb').write(b'\\x89PNG\\r\\n\\x1a\\n' + c(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) + c(b'IDAT', zlib.compress(raw)) + c(b'IEND', b''))
        """, [seal.path])
        #expect(png.status == 0, "\(png.stderr)")
        let docx = dir.appendingPathComponent("a.docx").path
        let result = try CLI.run(["render", "application", Self.sample, "-o", docx, "--seal", seal.path, "--draft"])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try CLI.python("""
        import docx, sys, zipfile
        z = zipfile.ZipFile(sys.argv[1])
        body = z.read('word/document.xml').decode()
        assert body.count('<wp:anchor') == 3, body.count('<wp:anchor')
        assert 'word/media/seal.png' in z.namelist()
        ids = [int(x.split('"')[0]) for x in body.split('wp:docPr id="')[1:]]
        assert len(ids) == len(set(ids)), ids
        for i in (1, 2, 3):
            assert 'string="草稿"' in z.read('word/header%d.xml' % i).decode()
        docx.Document(sys.argv[1])
        print('ok')
        """, [docx])
        #expect(check.stdout.contains("ok"), "\(check.stderr)")
    }

    @Test func invalidDataExitsOneWithTheReportAndNoFile() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.yaml")
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
            .replacingOccurrences(of: "913101153325803473", with: "91310115MA1H8R7C6D")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("bad.pdf").path
        let result = try CLI.run(["render", "application", bad.path, "-o", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("credit_code.checksum"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // --draft renders anyway, marked.
        let draft = try CLI.run(["render", "application", bad.path, "-o", out, "--draft"])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func severalDataFilesGoIntoAFolder() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let second = dir.appendingPathComponent("第二份.yaml").path
        try FileManager.default.copyItem(atPath: Self.sample, toPath: second)
        let result = try CLI.run(["render", "application", Self.sample, second, "-o", out, "--format", "pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/application.pdf"))
        #expect(FileManager.default.fileExists(atPath: out + "/第二份.pdf"))
    }

    @Test func parallelRenderKeepsEveryGoodRecordAndReportsBadOnesInFileOrder() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = try String(contentsOfFile: Self.sample, encoding: .utf8)
        var files: [String] = []
        for i in 1...12 {
            let name = String(format: "r%02d.yaml", i)
            // r04 does not parse (exit 2), r09 fails validation (exit 1); the rest render.
            let text = i == 4 ? "unit: [broken\n" : i == 9 ? sample.replacingOccurrences(of: "913101153325803473", with: "91310115MA1H8R7C6D") : sample
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            files.append(name)
        }
        let result = try CLI.run(["render", "application"] + files + ["-o", "out", "--jobs", "3"], in: dir)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0].hasPrefix("r04.yaml:") && lines[1].hasPrefix("r09.yaml:")
                && lines[1].contains("credit_code.checksum"), "\(result.stderr)")
        let out = dir.appendingPathComponent("out")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == files.filter { $0 != "r04.yaml" && $0 != "r09.yaml" }.map { $0.replacingOccurrences(of: ".yaml", with: ".pdf") })
        // Rendered in parallel, each pack is byte for byte what one job alone makes.
        let serial = try CLI.run(["render", "application", "r01.yaml", "r12.yaml", "-o", "serial", "--jobs", "1"], in: dir)
        #expect(serial.status == 0, "\(serial.stderr)")
        for name in ["r01.pdf", "r12.pdf"] {
            let a = FileManager.default.contents(atPath: out.appendingPathComponent(name).path)
            let b = FileManager.default.contents(atPath: dir.appendingPathComponent("serial/\(name)").path)
            #expect(a != nil && a == b, "\(name)")
        }
        #expect(try CLI.run(["render", "application", "r01.yaml", "-o", "x.pdf", "--jobs", "0"], in: dir).status != 0)
    }

    @Test func twoDataFilesWithOneNameDoNotOverwriteEachOther() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.opinion, toPath: dir.appendingPathComponent("\(folder)/意见.yaml").path)
        }
        let r = try CLI.run(["render", "opinion", "a/意见.yaml", "b/意见.yaml", "-o", "out", "--lang", "en"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("b/意见.yaml: same name as another data file"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path) == ["意见.pdf"])
    }

    @Test func unknownFormsAndBadSealsAreUnusableInput() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.pdf").path
        let unknown = try CLI.run(["render", "nosuchform", Self.sample, "-o", out])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("form.unknown"))
        let seal = dir.appendingPathComponent("seal.png")
        try Data("not an image".utf8).write(to: seal)
        let bad = try CLI.run(["render", "opinion", Self.opinion, "-o", out, "--seal", seal.path])
        #expect(bad.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func formsListsTheBuiltInFormsAndNotices() throws {
        let result = try CLI.run(["forms"])
        #expect(result.status == 0)
        for name in ["application", "opinion", "summary", "shanghai-2024", "templates/forms/application.yaml",
                     "templates/notices/shanghai-2024.yaml"] {
            #expect(result.stdout.contains(name), "\(name)")
        }
    }
}
