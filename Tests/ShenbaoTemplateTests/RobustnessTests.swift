import ShenbaoTestSupport
import Testing
import ShenbaoCore
@testable import ShenbaoTemplate

/// Templates are untrusted input: whatever the text, parsing either succeeds or reports errors,
/// and rendering finishes. Seeded, so a failure repeats.
@Suite struct RobustnessTests {
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["{{", "}}", "{", "}", "#", "^", "/", "!", ">", "&", "%", "=", "|", "\"", " ", "\n", ".",
                         "a", "b", "list", "@index", "@last", "default", "cn_money", "check", "申", "☑", "\\", "<%", "%>"]

    @Test func randomTemplatesNeverCrashTheParserOrRenderer() throws {
        var rng = SeededGenerator(state: 130)
        let data: Value = ["a": "x", "b": ["c": 1.5], "list": [["a": "1"], ["a": "2"]]]
        var parsed = 0
        for _ in 0..<3_000 {
            let length = Int.random(in: 1...40, using: &rng)
            let source = (0..<length).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            do {
                let template = try Template.parse(source)
                parsed += 1
                _ = try template.render(data, partials: { _ in source })
                _ = try template.render(data, strict: true)
            } catch is TemplateErrors {
            } catch is ShenbaoFailure {
            }
        }
        #expect(parsed > 100, "the generator should also make valid templates")
    }

    @Test func partialsThatMultiplyAreStoppedWithAMessage() throws {
        let template = try Template.parse("{{> a}}{{> a}}")
        do {
            _ = try template.render(["x": 1], partials: { _ in "{{> a}}{{> a}}" })
            Issue.record("expected a failure")
        } catch let failure as ShenbaoFailure {
            #expect(failure.status == .unusableInput)
            #expect(failure.diagnostics.first?.id == "template.partial_depth")
        }
    }

    @Test func nestedSectionsOverListsAreBounded() throws {
        let list: Value = .list(Array(repeating: ["t": .text(String(repeating: "长", count: 100))], count: 20))
        let source = String(repeating: "{{#l}}", count: 8) + "{{t}}" + String(repeating: "{{/l}}", count: 8)
        do {
            _ = try Template.parse(source).render(["l": list])
            Issue.record("expected a failure")
        } catch let failure as ShenbaoFailure {
            #expect(failure.diagnostics.first?.id == "template.output_too_large")
        }
    }
}
