/// A calendar date without time or zone: what forms print (`2024年5月31日`) and rules compare.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2024-05-31`, `2024/5/31` and `2024年5月31日` (the forms spreadsheets use);
    /// a time part after `T` or a space is ignored.
    public init?(parsing text: String) {
        var s = text.trimmed
        if let cut = s.firstIndex(where: { $0 == "T" || $0 == " " }) { s = String(s[..<cut]) }
        let parts: [Substring]
        if s.hasSuffix("日"), s.contains("年"), s.contains("月") {
            parts = s.dropLast().split(whereSeparator: { $0 == "年" || $0 == "月" })
        } else if s.contains("-") {
            parts = s.split(separator: "-", omittingEmptySubsequences: false)
        } else {
            parts = s.split(separator: "/", omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[0].count == 4 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601 (`2024-05-31`).
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The same day `months` months later, clamped to the month's last day.
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y)))!
    }

    /// Formats with a small pattern language: `yyyy`, `M`, `MM`, `d`, `dd`; other characters as written.
    public func formatted(_ pattern: String) -> String {
        var out = ""
        var chars = Array(pattern)[...]
        func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        while let c = chars.first {
            var run = 0
            while run < chars.count, chars[chars.startIndex + run] == c { run += 1 }
            switch c {
            case "y": out += run == 2 ? pad2(year % 100) : String(year)
            case "M": out += run >= 2 ? pad2(month) : String(month)
            case "d": out += run >= 2 ? pad2(day) : String(day)
            default: out += String(repeating: c, count: run)
            }
            chars = chars.dropFirst(run)
        }
        return out
    }

    /// `2024年5月31日`, as GB/T 9704 prints dates.
    public var chinese: String { formatted("yyyy年M月d日") }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

import Foundation
