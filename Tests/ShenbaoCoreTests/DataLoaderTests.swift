import ShenbaoTestSupport
import Foundation
import Testing
@testable import ShenbaoCore

@Suite struct DataLoaderTests {
    func yaml(_ text: String) throws -> DataDocument {
        try DataLoader.load(data: Data(text.utf8), file: "t.yaml", format: .yaml)
    }

    @Test func loadsTypedValuesWithLines() throws {
        let doc = try yaml("""
            form: application
            applicant:
              name: 上海某公司
              postal_code: "200120"
              staff: 3
            project:
              start_date: 2024-07-01
              social: false
              outputs:
                - {level: 地方标准, name: 规范}
            """)
        #expect(doc.root.value(at: "applicant.name") == .text("上海某公司"))
        #expect(doc.root.value(at: "applicant.postal_code") == .text("200120"))
        #expect(doc.root.value(at: "applicant.staff") == .integer(3))
        #expect(doc.root.value(at: "project.start_date") == .date(CivilDate(year: 2024, month: 7, day: 1)!))
        #expect(doc.root.value(at: "project.social") == .bool(false))
        #expect(doc.root.value(at: "project.outputs.1.level") == .text("地方标准"))
        #expect(doc.line(of: "applicant.postal_code") == 4)
        #expect(doc.line(of: "project.outputs.1.name") == 10)
        #expect(doc.line(of: "applicant.missing") == 2)
        if case .map(let map) = doc.root { #expect(map.keys == ["form", "applicant", "project"]) }
    }

    @Test func plainScalarsAreTypedAsYAMLWritersExpect() throws {
        let doc = try yaml("""
            a: 020123
            b: "200120"
            c: !!str 42
            d: 1.5
            e: ~
            f: 13761234567
            g: 021-58881234
            h: -7
            i: yes
            j: 2024-5-31
            k: 1e3
            """)
        #expect(doc.root["a"] == .text("020123"))
        #expect(doc.root["b"] == .text("200120"))
        #expect(doc.root["c"] == .text("42"))
        #expect(doc.root["d"] == .decimal(1.5))
        #expect(doc.root["e"] == .null)
        #expect(doc.root["f"] == .integer(13761234567))
        #expect(doc.root["g"] == .text("021-58881234"))
        #expect(doc.root["h"] == .integer(-7))
        #expect(doc.root["i"] == .bool(true))
        #expect(doc.root["j"] == .date(CivilDate(year: 2024, month: 5, day: 31)!))
        #expect(doc.root["k"] == .decimal(1000))
    }

    @Test func jsonKeepsLines() throws {
        let doc = try DataLoader.load(data: Data("{\n  \"a\": {\n    \"b\": \"2024-05-31\"\n  }\n}".utf8), file: "t.json", format: .json)
        #expect(doc.root.value(at: "a.b")?.civilDate == CivilDate(year: 2024, month: 5, day: 31))
        #expect(doc.line(of: "a.b") == 3)
    }

    @Test func malformedYAMLNamesTheLine() throws {
        do {
            _ = try yaml("a: 1\nb: [1, 2\nc: 3\n")
            Issue.record("expected a failure")
        } catch let failure as ShenbaoFailure {
            #expect(failure.status == .unusableInput)
            #expect(failure.diagnostics.first?.id == "data.syntax")
            #expect(failure.diagnostics.first?.line != nil)
        }
    }

    @Test func malformedJSONIsRefused() throws {
        #expect(throws: ShenbaoFailure.self) {
            try DataLoader.load(data: Data("{\"a\": 1 \"b\": 2}".utf8), file: "t.json", format: .json)
        }
    }

    @Test func invalidUTF8NamesTheLine() throws {
        var bytes = Data("a: 1\nb: ".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        do {
            _ = try DataLoader.load(data: bytes, file: "t.yaml", format: .yaml)
            Issue.record("expected a failure")
        } catch let failure as ShenbaoFailure {
            #expect(failure.diagnostics.first?.id == "data.encoding")
            #expect(failure.diagnostics.first?.line == 2)
        }
    }

    @Test func aliasBombIsRefused() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        do {
            _ = try yaml(text)
            Issue.record("expected a failure")
        } catch let failure as ShenbaoFailure {
            #expect(failure.diagnostics.first?.id == "data.too_many_values")
        }
    }

    @Test func deepNestingIsRefused() throws {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: ShenbaoFailure.self) { try yaml(text) }
    }
}

@Suite struct CivilDateTests {
    @Test func parsesTheAcceptedForms() {
        let d = CivilDate(year: 2024, month: 5, day: 31)
        #expect(CivilDate(parsing: "2024-05-31") == d)
        #expect(CivilDate(parsing: "2024/5/31") == d)
        #expect(CivilDate(parsing: "2024年5月31日") == d)
        #expect(CivilDate(parsing: "2024-02-30") == nil)
        #expect(CivilDate(parsing: "31/5/2024") == nil)
    }

    @Test func formatsAndCounts() {
        let d = CivilDate(year: 2024, month: 7, day: 1)!
        #expect(d.chinese == "2024年7月1日")
        #expect(d.formatted("yyyy-MM-dd") == "2024-07-01")
        #expect(d.adding(months: 24) == CivilDate(year: 2026, month: 7, day: 1))
        #expect(CivilDate(year: 2024, month: 1, day: 31)!.adding(months: 1) == CivilDate(year: 2024, month: 2, day: 29))
    }

    @Test func keepingHoldsOnlyTheGivenPathsAndTheirLines() throws {
        let document = try DataLoader.load(data: Data("""
            applicant:
              name: 某公司
              contact: {name: 张三, phone: "021-1"}
            project:
              name: 试点
              outputs:
                - {name: 规范}
            declarations: {good_credit: true}
            """.utf8), file: "a.yaml", format: .yaml)
        let kept = document.keeping(["applicant.name", "project.outputs.1.name", "missing.path"])
        #expect(kept.root == .map(OrderedMap([
            ("applicant", .map(OrderedMap([("name", .text("某公司"))]))),
            ("project", .map(OrderedMap([("outputs", .list([.map(OrderedMap([("name", .text("规范"))]))]))]))),
        ])))
        #expect(kept.line(of: "applicant.name") == 2)
        #expect(kept.lines["declarations"] == nil)
        #expect(kept.file == "a.yaml")
    }
}
