import Foundation
import Testing

@Suite struct TextCLITests {
    @Test func rendersWithPartialsToStandardOutput() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "致{{applicant.name}}：{{#items}}{{@number}}.{{.}} {{/items}}\n{{> foot}}".write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        try "applicant: {name: 上海某公司}\nitems: [甲, 乙]\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("p"), withIntermediateDirectories: true)
        try "此致 {{applicant.name}}".write(to: dir.appendingPathComponent("p/foot.mustache"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["text", "t.txt", "d.yaml", "--partials", "p"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "致上海某公司：1.甲 2.乙 \n此致 上海某公司")
    }

    @Test func readsDataFromStandardInputAndWritesAFile() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{{a | cn_money}}".write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["text", "t.txt", "-", "-o", "out.txt"], input: Data("{\"a\": 10005}".utf8), in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("out.txt"), encoding: .utf8) == "壹万零伍元整")
    }

    @Test func templateErrorsExitTwoNamingFileLineAndIdsWithNoOutput() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "第一行\n{{#a}}{{b | shout}}".write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        try "a: 1\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["text", "t.txt", "d.yaml", "-o", "out.txt", "--lang", "en"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("t.txt:2: unknown filter \"shout\""))
        #expect(result.stderr.contains("[template.unclosed_section]"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.txt").path))
    }

    @Test func malformedDataExitsTwoWithTheLine() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{{a}}".write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        try "a: 1\nb: [1, 2\nc: 3\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["text", "t.txt", "d.yaml"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("d.yaml:"))
        #expect(result.stderr.contains("[data.syntax]"))
    }

    @Test func strictListsEveryMissingValueWithExitOne() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{{x}}{{y.z}}".write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        try "a: 1\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["text", "t.txt", "d.yaml", "--strict"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("“x”") && result.stderr.contains("“y.z”"))
    }

    @Test func wrongUsageExits64() throws {
        #expect(try CLI.run(["text"]).status == 64)
    }
}
