import Testing
@testable import ShenbaoLayout

@Suite struct LineBreakerTests {
    let breaker = LineBreaker(measurer: FakeMeasurer())

    @Test func breaksBetweenIdeographsToTheWidth() {
        let lines = breaker.lines("一二三四五六七八九十", width: 40, size: 10)
        #expect(lines.map(\.text) == ["一二三四", "五六七八", "九十"])
        #expect(lines.map(\.isLast) == [false, false, true])
        #expect(lines[0].width == 40)
    }

    @Test func closingPunctuationNeverStartsALine() {
        // "四" would end line 1 and "，" start line 2: the breaker pushes "三" down with it.
        let lines = breaker.lines("一二三四，五六七八。", width: 40, size: 10)
        #expect(lines.map(\.text) == ["一二三", "四，五六", "七八。"])
    }

    @Test func openingPunctuationNeverEndsALine() {
        let lines = breaker.lines("一二三《四五》六", width: 40, size: 10)
        #expect(lines.map(\.text) == ["一二三", "《四五》", "六"])
    }

    @Test func latinWordsAndNumbersAreNotBroken() {
        let lines = breaker.lines("电话021-58881234转邮箱sunjg@xh-care.example.cn", width: 130, size: 10)
        #expect(lines.contains { $0.text.contains("021-58881234") })
        #expect(lines.contains { $0.text.contains("sunjg@xh-care.example.cn") })
        for line in lines { #expect(line.width <= 130) }
    }

    @Test func spacesSeparateWordsAndAreDroppedAtBreaks() {
        let lines = breaker.lines("alpha beta gamma", width: 55, size: 10)
        #expect(lines.map(\.text) == ["alpha beta", "gamma"])
    }

    @Test func aWordWiderThanTheLineIsCutRatherThanOverflowing() {
        let lines = breaker.lines("abcdefghijkl", width: 30, size: 10)
        #expect(lines.map(\.text) == ["abcdef", "ghijkl"])
    }

    @Test func rulesHoldOnLongMixedText() {
        let sample = "社区嵌入式养老需求增长快，服务内容和质量评价缺少统一标准。建立标准体系（含地方标准1项、团体标准2项），"
            + "满意度达到95%；落实专项经费80万元！“试点”《规范》「指南」『评价』：完成？"
        let text = String(repeating: sample, count: 20)
        for width in stride(from: 60.0, through: 300, by: 7) {
            let lines = breaker.lines(text, width: width, size: 10)
            #expect(lines.map(\.text).joined() == text)
            for line in lines {
                if let first = line.text.unicodeScalars.first { #expect(!CJKBreaking.noLineStart.contains(first), "\(line.text)") }
                if let last = line.text.unicodeScalars.last, !line.isLast { #expect(!CJKBreaking.noLineEnd.contains(last), "\(line.text)") }
                #expect(line.width <= width + 0.001)
            }
            // Numbers (80, 95%) are never cut: no digit at a line's end followed by one at the next start.
            for (a, b) in zip(lines, lines.dropFirst()) {
                let end = a.text.unicodeScalars.last.map { ("0"..."9").contains($0) } ?? false
                let start = b.text.unicodeScalars.first.map { ("0"..."9").contains($0) || $0 == "%" } ?? false
                #expect(!(end && start), "\(a.text) | \(b.text)")
            }
        }
    }

    @Test func firstLineIndentNarrowsOnlyTheFirstLine() {
        let lines = breaker.lines("一二三四五六七八", width: 40, size: 10, firstIndent: 20)
        #expect(lines.map(\.text) == ["一二", "三四五六", "七八"])
    }
}
