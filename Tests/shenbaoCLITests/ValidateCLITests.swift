import Foundation
import Testing

/// End-to-end tests of `shenbao validate` and `shenbao schema`: the built binary run as a
/// subprocess, its exit codes, text report (standard error) and JSON report (standard output).
@Suite struct ValidateCLITests {
    static let root = CLI.packageRoot

    func run(_ arguments: [String], in directory: URL? = nil) throws -> CLI.Result {
        try CLI.run(arguments, in: directory ?? Self.root)
    }

    /// A scratch folder holding `files` (name → content).
    func scratch(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryFolder()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    var sample: String { get throws { try String(contentsOf: Self.root.appendingPathComponent("templates/samples/application.yaml"), encoding: .utf8) } }

    /// The sample with the credit code's check character wrong (line 7), a short phone number
    /// (line 16), a late date (line 50) and a false declaration (line 41).
    var defective: String {
        get throws {
            try sample.replacingOccurrences(of: "913101153325803473", with: "91310115MA1H8R7C6D")
                .replacingOccurrences(of: "021-58881234", with: "021-5888")
                .replacingOccurrences(of: "submitted_on: 2024-05-16", with: "submitted_on: 2024-06-03")
                .replacingOccurrences(of: "  good_credit: true", with: "  good_credit: false")
        }
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func sampleValidatesClean() throws {
        let r = try run(["validate", "templates/samples/application.yaml", "templates/samples/opinion.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("["))
        let j = try run(["validate", "templates/samples/application.yaml", "--json"])
        #expect(j.stdout == #"{"files": [{"file": "templates/samples/application.yaml", "form": "application", "valid": true, "issues": []}]}"# + "\n")
    }

    @Test func textReportListsEveryIssueWithFileLineLabelAndRule() throws {
        let dir = try scratch(["bad.yaml": try defective])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["validate", "bad.yaml"], in: dir)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("bad.yaml:7: 申请单位.统一社会信用代码 (applicant.credit_code): 统一社会信用代码校验位应为 7，实为 D") && $0.hasSuffix("[credit_code.checksum]") })
        #expect(lines.contains { $0.hasPrefix("bad.yaml:16: 申请单位.联系电话 (applicant.contact.phone): ") && $0.hasSuffix("[phone.format]") })
        #expect(lines.contains { $0.hasPrefix("bad.yaml:41: 申请单位承诺.信用良好 (declarations.good_credit): ") && $0.hasSuffix("[eligibility.good_credit]") })
        #expect(lines.contains { $0.hasPrefix("bad.yaml:50: 申请日期 (submitted_on): ") && $0.hasSuffix("[deadline]") })
        #expect(lines.filter { $0.hasSuffix("]") }.count == 4)
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let dir = try scratch(["bad.yaml": try defective, "good.yaml": try sample])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["validate", "good.yaml", "bad.yaml", "--json"], in: dir)
        #expect(r.status == 1)
        let files = try #require(try json(r.stdout)["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == ["good.yaml", "bad.yaml"])
        #expect(files.map { $0["valid"] as? Bool } == [true, false])
        #expect(files[1]["form"] as? String == "application")
        let issues = try #require(files[1]["issues"] as? [[String: Any]])
        #expect(issues.map { $0["rule"] as? String ?? "" } == ["credit_code.checksum", "phone.format", "eligibility.good_credit", "deadline"])
        let first = issues[0]
        #expect(Set(first.keys) == ["rule", "severity", "path", "line", "message"])
        #expect(first["severity"] as? String == "error")
        #expect(first["path"] as? String == "applicant.credit_code")
        #expect(first["line"] as? Int == 7)
        #expect((first["message"] as? String)?.hasPrefix("统一社会信用代码校验位应为 7，实为 D") == true)
        let en = try run(["validate", "bad.yaml", "--json", "--lang", "en"], in: dir)
        #expect(en.stdout.contains("the credit code's check character should be 7, not D"))
    }

    @Test func warningsAloneExitZero() throws {
        let dir = try scratch(["beijing.yaml": try sample.replacingOccurrences(of: "913101153325803473", with: "91110000600037341L")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["validate", "beijing.yaml"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr.contains("beijing.yaml:7: 警告: 申请单位.统一社会信用代码 (applicant.credit_code): "))
        #expect(r.stderr.contains("[credit_code.region]"))
        let j = try json(try run(["validate", "beijing.yaml", "--json"], in: dir).stdout)
        let file = try #require((j["files"] as? [[String: Any]])?.first)
        #expect(file["valid"] as? Bool == true)
        #expect((file["issues"] as? [[String: Any]])?.first?["severity"] as? String == "warning")
    }

    @Test func aCharacterNoFontHasIsAGlyphWarningNamingIt() throws {
        let dir = try scratch(["pua.yaml": try sample.replacingOccurrences(of: "name: 上海浦东智慧养老服务有限公司", with: "name: 上海浦东\u{10FFFD}养老服务有限公司")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["validate", "pua.yaml", "--lang", "en"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("pua.yaml:6: warning: applicant.name: "), "\(r.stderr)")
        #expect(r.stderr.contains("U+10FFFD") && r.stderr.contains("[glyph.missing]"))
    }

    @Test func unusableInputsExitTwo() throws {
        let dir = try scratch(["broken.yaml": "form: application\napplicant: [unclosed\n", "good.yaml": try sample,
                               "noform.yaml": "applicant: {name: x}\n", "data.txt": "x"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try run(["validate", "missing.yaml"], in: dir).status == 2)
        #expect(try run(["validate", "broken.yaml"], in: dir).status == 2)
        #expect(try run(["validate", "noform.yaml"], in: dir).status == 2)
        #expect(try run(["validate", "data.txt"], in: dir).status == 2)
        let unknown = try run(["validate", "good.yaml", "--form", "budget"], in: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("[form.unknown]"))
        #expect(try run(["validate", "good.yaml", "--form", "summary"], in: dir).status == 2)
        // The other files are still checked and reported.
        let mixed = try run(["validate", "missing.yaml", "good.yaml", "--json"], in: dir)
        #expect(mixed.status == 2)
        let files = try #require(try json(mixed.stdout)["files"] as? [[String: Any]])
        #expect(files.map { $0["valid"] as? Bool } == [false, true])
        #expect(try run(["validate", "good.yaml", "--notice", "nowhere-2030"], in: dir).status == 2)
    }

    @Test func formFlagAndNoticeFile() throws {
        let dir = try scratch(["noform.yaml": try sample.replacingOccurrences(of: "form: application\n", with: "")])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try run(["validate", "noform.yaml", "--form", "application"], in: dir).status == 0)
        let notice = Self.root.appendingPathComponent("Tests/ShenbaoFormsTests/Fixtures/test-notice.yaml").path
        let r = try run(["validate", "noform.yaml", "--form", "application", "--notice", notice], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("[deadline]"))
    }

    @Test func duplicatesAcrossFilesGiven() throws {
        let dir = try scratch(["a.yaml": try sample, "b.yaml": try sample])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["validate", "a.yaml", "b.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("a.yaml:7: 申请单位.统一社会信用代码 (applicant.credit_code): "))
        #expect(r.stderr.components(separatedBy: "[duplicate]").count == 3)
    }

    @Test func jsonDataAndStandardInputKeepLines() throws {
        let data = """
            {
              "form": "opinion",
              "application": {"project_name": "社区嵌入式养老服务标准化试点", "applicant_name": "上海浦东智慧养老服务有限公司",
                "credit_code": "91350100M000100Y4Z", "category": "重点项目"},
              "recommender": {"name": "上海市浦东新区市场监督管理局", "kind": "区市场监管局", "district": "浦东新区",
                "contact": {"name": "赵敏", "phone": "021-50282345"}},
              "review": "不通过",
              "decision": "同意推荐",
              "text": "同意。",
              "date": "2024-05-27"
            }
            """
        let dir = try scratch(["op.json": data])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["validate", "op.json", "--lang", "en"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("op.json:4: application.credit_code: the credit code's check character should be 3, not Z"))
        #expect(r.stderr.contains("op.json:4: warning: application.credit_code: "))
        #expect(r.stderr.contains("op.json:8: decision: "))
        #expect(r.stderr.contains("[opinion.decision]"))
        let piped = try CLI.run(["validate", "-", "--json"], input: Data(data.utf8), in: dir)
        #expect(piped.status == 1)
        let file = try #require((try json(piped.stdout)["files"] as? [[String: Any]])?.first)
        #expect(file["file"] as? String == "-")
        #expect((file["issues"] as? [[String: Any]])?.first?["line"] as? Int == 4)
    }

    @Test func committedSchemasEqualTheCommandOutput() throws {
        for form in ["application", "opinion"] {
            let r = try run(["schema", form])
            #expect(r.status == 0, "\(r.stderr)")
            let committed = try String(contentsOf: Self.root.appendingPathComponent("templates/schema/\(form).json"), encoding: .utf8)
            #expect(r.stdout == committed, "templates/schema/\(form).json is stale: run `shenbao schema \(form) -o templates/schema/\(form).json`")
            _ = try json(r.stdout)
        }
        #expect(try run(["schema", "budget"]).status == 2)
        #expect(try run(["schema", "summary"]).status == 2)
    }
}
