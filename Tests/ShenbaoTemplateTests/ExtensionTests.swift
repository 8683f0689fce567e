import ShenbaoTestSupport
import Testing
import ShenbaoCore
@testable import ShenbaoTemplate

@Suite struct ExtensionTests {
    let data: Value = [
        "project": [
            "name": "社区嵌入式养老服务标准化试点",
            "category": "重点项目",
            "directions": ["养老服务", "基本公共服务"],
            "start_date": .date(CivilDate(year: 2024, month: 7, day: 1)!),
            "budget": 12345.6,
            "social": false,
            "outputs": [["level": "地方标准", "name": "规范"], ["level": "团体标准", "name": "指南"]],
        ],
        "empty": "",
        "code": " abc ",
    ]

    func render(_ source: String, strict: Bool = false) throws -> String {
        try Template.parse(source).render(data, strict: strict)
    }

    @Test func pipes() throws {
        #expect(try render("{{project.start_date | cn_date}}") == "2024年7月1日")
        #expect(try render("{{project.start_date | date \"yyyy/MM/dd\"}}") == "2024/07/01")
        #expect(try render("{{project.category | check \"重点项目\"}}重点 {{project.category | check \"一般项目\"}}一般") == "☑重点 ☐一般")
        #expect(try render("{{project.directions | check \"养老服务\"}}") == "☑")
        #expect(try render("{{project.social | check}}") == "☐")
        #expect(try render("{{project.directions | join \"、\"}}") == "养老服务、基本公共服务")
        #expect(try render("{{project.directions | join}}") == "养老服务、基本公共服务")
        #expect(try render("{{project.outputs | count}}") == "2")
        #expect(try render("{{project.budget | cn_money}}") == "壹万贰仟叁佰肆拾伍元陆角")
        #expect(try render("{{missing | default \"无\"}}|{{empty | default \"无\"}}") == "无|无")
        #expect(try render("[{{code | trim | upper}}]") == "[ABC]")
        #expect(try render("{{#project.category | eq \"重点项目\"}}key{{/project.category}}") == "key")
        #expect(try render("{{#project.category | ne \"重点项目\"}}key{{/project.category}}") == "")
    }

    @Test func wordCurlyQuotesAndFullWidthPipesReadAsTyped() throws {
        #expect(try render("{{project.category ｜ check “重点项目”}}") == "☑")
        #expect(try render("{{missing | default “无”}}") == "无")
        #expect(try render("{{missing | default \"他说“好”\"}}") == "他说“好”")
        #expect(throws: TemplateErrors.self) { try Template.parse("{{a ｜ shout “x”}}") }
    }

    @Test func loopVariables() throws {
        let out = try render("{{#project.outputs}}{{@number}}.{{name}}{{^@last}}, {{/@last}}{{/project.outputs}}")
        #expect(out == "1.规范, 2.指南")
        #expect(try render("{{#project.outputs}}{{#@first}}*{{/@first}}{{@index}}{{/project.outputs}}") == "*01")
    }

    @Test func anonymousCloseEndsTheInnermostSection() throws {
        #expect(try render("{{#project.outputs}}{{level}}{{/}}") == "地方标准团体标准")
    }

    @Test func missingValuesRenderEmptyOrFailUnderStrict() throws {
        #expect(try render("a{{nope}}b") == "ab")
        do {
            _ = try render("{{nope}}{{project.nope}}{{nope}}", strict: true)
            Issue.record("expected a failure")
        } catch let failure as ShenbaoFailure {
            #expect(failure.status == .invalidData)
            #expect(failure.diagnostics.map(\.path) == ["nope", "project.nope"])
        }
    }

    @Test func everyErrorIsReportedAtOnce() {
        do {
            _ = try Template.parse("{{#a}}x{{b | shout}}{{/c}}{{#d}}")
            Issue.record("expected errors")
        } catch {
            let ids = error.errors.map(\.id)
            #expect(ids.contains("template.unknown_filter"))
            #expect(ids.contains("template.mismatched_close"))
            #expect(ids.filter { $0 == "template.unclosed_section" }.count == 2)
            #expect(error.errors.first { $0.id == "template.unknown_filter" }?.excerpt.hasPrefix("{{b | shout}}") == true)
        }
    }

    @Test func unclosedTagAndQuote() {
        #expect(throws: TemplateErrors.self) { try Template.parse("{{a") }
        #expect(throws: TemplateErrors.self) { try Template.parse("{{a | default \"x}}") }
        #expect(throws: TemplateErrors.self) { try Template.parse("{{/a}}") }
    }

    @Test func singleBraceDelimiters() throws {
        let template = try Template.parse("{#project.outputs}{name};{/}", delimiters: Delimiters(spec: "{ }")!)
        #expect(try template.render(data) == "规范;指南;")
    }

    @Test func referencesCarryTheSectionsAroundThem() throws {
        let template = try Template.parse("{{a.b}}{{#project.outputs}}{{name}}{{^x}}{{@number}}{{/x}}{{/project.outputs}}")
        #expect(template.references.map(\.expression.path) == ["a.b", "project.outputs", "name", "x", "@number"])
        #expect(template.references.map(\.scopes) == [[], [], ["project.outputs"], ["project.outputs"], ["project.outputs", "x"]])
        #expect(template.references.map(\.kind) == [.value, .section, .value, .invertedSection, .value])
    }

    @Test func lexerRangesPointIntoTheSource() {
        let source = "申请{{applicant.name}}表"
        let (tokens, errors) = Lexer.tokenize(source)
        #expect(errors.isEmpty)
        guard tokens.count == 3, case .tag(let tag) = tokens[1] else { Issue.record("tokens: \(tokens)"); return }
        let bytes = Array(source.utf8)
        #expect(String(decoding: bytes[tag.range], as: UTF8.self) == "{{applicant.name}}")
        #expect(tag.expression?.path == "applicant.name")
    }
}

@Suite struct ChineseMoneyTests {
    @Test(arguments: [
        (12345.6, "壹万贰仟叁佰肆拾伍元陆角"), (10005, "壹万零伍元整"), (100000, "壹拾万元整"),
        (0.5, "伍角"), (12.05, "壹拾贰元零伍分"), (0, "零元整"), (100000005, "壹亿零伍元整"),
        (1010, "壹仟零壹拾元整"), (800000, "捌拾万元整"), (-3, "负叁元整"),
    ] as [(Double, String)])
    func uppercase(_ amount: Double, _ expected: String) {
        #expect(ChineseMoney.uppercase(.decimal(amount)) == expected)
    }

    /// Exact to the fen from the decimal text, rounding half up at the third decimal.
    @Test(arguments: [
        ("99999999999999.99", "玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        ("100000000", "壹亿元整"), ("100000001", "壹亿零壹元整"), ("1000010000", "壹拾亿零壹万元整"),
        ("0.005", "壹分"), ("9.995", "壹拾元整"), ("1e5", "壹拾万元整"), ("1.5E2", "壹佰伍拾元整"), ("-0.001", "零元整"),
        ("10000000000000000", nil), ("9999999999999999.995", nil), ("abc", nil), ("1.2.3", nil),
    ] as [(String, String?)])
    func exactFromText(_ text: String, _ expected: String?) {
        #expect(ChineseMoney.uppercase(.text(text)) == expected)
    }

    @Test func amountsItCannotWriteAreTemplateErrors() throws {
        let template = try Template.parse("{{a | cn_money}}")
        for bad: Value in [.decimal(1e20), .decimal(.infinity), .decimal(.nan), .decimal(-1e20)] {
            #expect(throws: TemplateError.self) { try template.render(.map(OrderedMap([("a", bad)]))) }
        }
        #expect(try template.render(.map(OrderedMap([("a", "无")]))) == "无")
    }
}

@Suite struct NestingTests {
    @Test func deepSectionsAreRefusedNotOverflowed() {
        let source = String(repeating: "{{#a}}", count: 20_000) + "x" + String(repeating: "{{/a}}", count: 20_000)
        #expect { _ = try Template.parse(source) } throws: { error in
            (error as? TemplateErrors)?.errors.map(\.id) == ["template.too_deep"]
        }
    }

    @Test func nestingUpToTheLimitRenders() throws {
        let n = Template.maxNesting
        let source = String(repeating: "{{#a}}", count: n) + "x" + String(repeating: "{{/a}}", count: n)
        #expect(try Template.parse(source).render(.map(OrderedMap([("a", true)]))) == "x")
    }
}
