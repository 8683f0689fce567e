import Foundation
import Testing
import ShenbaoTestSupport

/// Issue #8: what a new user types must end with exit 0/1/2/64 and a clear message, never a
/// signal, and never harm an input file. One test per reported case, plus its neighbours.
@Suite struct UserMistakesCLITests {
    static let sample = CLI.packageRoot.appendingPathComponent("templates/samples/application.yaml").path
    static let template = CLI.packageRoot.appendingPathComponent("templates/examples/申请表模板.docx").path
    static let templateData = CLI.packageRoot.appendingPathComponent("templates/examples/申请表模板.yaml").path

    @Test func aFolderWhereAFileBelongsIsExitTwo() throws {
        let dir = try CLI.temporaryFolder()
        let d = dir.appendingPathComponent("d").path
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        let cases: [[String]] = [
            ["validate", d], ["render", "application", d, "-o", dir.appendingPathComponent("a.pdf").path],
            ["fill", Self.template, d, "-o", dir.appendingPathComponent("a.docx").path],
            ["fill", d, Self.templateData, "-o", dir.appendingPathComponent("b.docx").path],
            ["render", "application", Self.sample, "-o", dir.appendingPathComponent("c.pdf").path, "--seal", d],
        ]
        for arguments in cases {
            let r = try CLI.run(arguments)
            #expect(r.status == 2, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("不是文件"), "\(arguments): \(r.stderr)")
        }
    }

    @Test func standardOutputThatCannotBeWrittenIsExitTwo() throws {
        for arguments in [["render", "application", Self.sample, "-o", "-"], ["schema", "application"], ["forms"],
                          ["validate", "--json", Self.sample]] {
            let r = try Subprocess.run("sh", ["-c", "\"$0\" \"$@\" > /dev/full", CLI.binary.path] + arguments)
            #expect(r.status == 2, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("output.write"), "\(arguments): \(r.stderr)")
        }
    }

    @Test func endlessStandardInputStopsAtTheLimit() throws {
        let r = try Subprocess.run("sh", ["-c", "head -c 20000000 /dev/zero | \"$0\" validate -", CLI.binary.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("data.too_large"), "\(r.stderr)")
    }

    @Test func anOutputThatIsAnInputIsRefusedAndTheInputKept() throws {
        let dir = try CLI.temporaryFolder()
        let t = dir.appendingPathComponent("t.docx"), d = dir.appendingPathComponent("d.yaml")
        try FileManager.default.copyItem(atPath: Self.template, toPath: t.path)
        try FileManager.default.copyItem(atPath: Self.templateData, toPath: d.path)
        let link = dir.appendingPathComponent("link.docx")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: t.path)
        let before = try Data(contentsOf: t)
        for output in [t.path, dir.appendingPathComponent("./t.docx").path, link.path] {
            let r = try CLI.run(["fill", t.path, d.path, "-o", output])
            #expect(r.status == 2, "\(output): \(r.stderr)")
            #expect(r.stderr.contains("output.is_input"), "\(r.stderr)")
        }
        #expect(try Data(contentsOf: t) == before)
        let m = dir.appendingPathComponent("m.mustache")
        try Data("{{applicant.name}}".utf8).write(to: m)
        let r = try CLI.run(["text", m.path, d.path, "-o", m.path])
        let kept = try String(contentsOf: m, encoding: .utf8)
        #expect(r.status == 2 && kept == "{{applicant.name}}")
    }

    @Test func anOutputNamingAnotherFormatIsAUsageError() throws {
        let dir = try CLI.temporaryFolder()
        let fill = try CLI.run(["fill", Self.template, Self.templateData, "-o", dir.appendingPathComponent("x.pdf").path])
        #expect(fill.status == 64, "\(fill.stderr)")
        let render = try CLI.run(["render", "application", Self.sample, "-o", dir.appendingPathComponent("x.pdf").path, "--format", "docx"])
        #expect(render.status == 64, "\(render.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.pdf").path))
    }

    @Test func outputFoldersAndMissingParentsBehaveOneWay() throws {
        let dir = try CLI.temporaryFolder()
        let nested = dir.appendingPathComponent("nodir/sub/a.pdf").path
        #expect(try CLI.run(["render", "application", Self.sample, "-o", nested]).status == 0)
        #expect(FileManager.default.fileExists(atPath: nested))
        let existing = dir.appendingPathComponent("existing")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        #expect(try CLI.run(["render", "application", Self.sample, "-o", existing.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: existing.appendingPathComponent("application.pdf").path))
        #expect(try CLI.run(["fill", Self.template, Self.templateData, "-o", existing.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: existing.appendingPathComponent("申请表模板.docx").path))
    }

    @Test func aReadOnlyOutputKeepsItsModeAndALinkStaysALink() throws {
        let dir = try CLI.temporaryFolder()
        let target = dir.appendingPathComponent("real.pdf"), link = dir.appendingPathComponent("link.pdf")
        try Data("old".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: target.path)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        #expect(try CLI.run(["render", "application", Self.sample, "-o", link.path]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: target.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o444)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        let written = try Data(contentsOf: target)
        #expect(written.starts(with: Array("%PDF".utf8)))
    }

    @Test func strictJSONWithLinesAndHelpfulEncodingMessages() throws {
        let dir = try CLI.temporaryFolder()
        let trailing = dir.appendingPathComponent("t.json")
        try Data("{\n  \"form\": \"application\",\n  \"a\": 1,\n}\n".utf8).write(to: trailing)
        let r = try CLI.run(["validate", trailing.path])
        #expect(r.status == 2 && r.stderr.contains("t.json:4") && r.stderr.contains("data.syntax"), "\(r.stderr)")
        let empty = dir.appendingPathComponent("e.yaml")
        try Data().write(to: empty)
        #expect(try CLI.run(["validate", empty.path]).stderr.contains("数据文件是空的"))
        let gbk = dir.appendingPathComponent("g.yaml")
        try Data([0x66, 0x6F, 0x72, 0x6D, 0x3A, 0x20, 0xC9, 0xEA, 0xC7, 0xEB]).write(to: gbk) // "form: 申请" in GBK
        #expect(try CLI.run(["validate", gbk.path]).stderr.contains("另存为 UTF-8"))
        let doc = dir.appendingPathComponent("old.docx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)).write(to: doc)
        #expect(try CLI.run(["fill", doc.path, Self.templateData, "-o", dir.appendingPathComponent("o.docx").path]).stderr.contains(".doc"))
    }

    @Test func usageErrorsGetAChineseLine() throws {
        let r = try CLI.run(["render", "application"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("用法错误"), "\(r.stderr)")
        let english = try CLI.run(["render", "application", "--lang", "en"])
        #expect(!english.stderr.contains("用法错误"))
    }

    @Test func theShippedSampleChecksCleanAgainstItsLayout() throws {
        let r = try CLI.run(["check-template", "application", Self.sample])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(!r.stderr.contains("declarations."), "\(r.stderr)")
    }

    @Test func textEscapesHTMLWhenAsked() throws {
        let dir = try CLI.temporaryFolder()
        let t = dir.appendingPathComponent("t.mustache"), d = dir.appendingPathComponent("d.yaml")
        try Data("{{x}}|{{{x}}}".utf8).write(to: t)
        try Data("x: \"& < > \\\" '\"\n".utf8).write(to: d)
        #expect(try CLI.run(["text", t.path, d.path]).stdout == "& < > \" '|& < > \" '")
        #expect(try CLI.run(["text", t.path, d.path, "--escape", "html"]).stdout == "&amp; &lt; &gt; &quot; &#39;|& < > \" '")
    }
}
