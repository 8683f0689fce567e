import Foundation
import Testing

/// `shenbao check-template` on form layouts and plain-text templates (Word templates: FillCLITests).
@Suite struct CheckTemplateCLITests {
    static let samples = CLI.packageRoot.appendingPathComponent("templates/samples")

    @Test func aBuiltInLayoutAgainstCompleteDataHasNoTagWithoutData() throws {
        let result = try CLI.run(["check-template", "opinion", Self.samples.appendingPathComponent("opinion.yaml").path, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 without data"))
    }

    @Test func aLayoutFileNamesTheFieldsTheDataLacks() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: Self.samples.appendingPathComponent("opinion.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "text: 经初审", with: "remark: 经初审")
        try text.write(to: dir.appendingPathComponent("o.yaml"), atomically: true, encoding: .utf8)
        let layout = CLI.packageRoot.appendingPathComponent("templates/forms/opinion.yaml").path
        let result = try CLI.run(["check-template", layout, "o.yaml", "--lang", "en"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("text: the tag at"), "\(result.stderr)")
        #expect(result.stderr.contains("remark: no tag uses this data field"), "\(result.stderr)")
    }

    @Test func sectionsResolveInnerPathsAsMustacheDoes() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{{#items}}{{name}} {{unit}}{{/items}}".write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        try "unit: 甲\nitems: [{name: a}, {name: b}]\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["check-template", "t.txt", "d.yaml", "--lang", "en"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 without data, 0 data fields unused"))
    }
}
