/// What a cell's number format says about how to read its number (ECMA-376 Part 1 §18.8.30
/// `numFmt`, §18.8.31 `numFmts`): as a date, as digits padded with zeros, or as a number.
enum NumberFormat: Sendable, Hashable {
    /// A date or time format: the number is a serial date (`ExcelDate`).
    case date
    /// A format of two or more zeros only (`000000`): Excel shows the number padded to that many digits,
    /// which is how a postal code or an ID kept as a number still shows its leading zeros.
    case zeroPadded(Int)
    case number

    /// Built-in format ids that are dates or times (§18.8.30's table): 14–22 and 45–47 in every
    /// locale, and in the East Asian locales (zh-cn among them) 27–36 and 50–58, such as 31,
    /// `yyyy"年"m"月"d"日"`, which a workbook names by id alone.
    static func builtIn(_ id: Int) -> NumberFormat {
        switch id {
        case 14 ... 22, 27 ... 36, 45 ... 47, 50 ... 58: return .date
        default: return .number
        }
    }

    /// Classifies a format code: a date when a date or time token (y m d h s) appears outside quoted text (`"年"`), escapes (`\-`), fill and padding
    /// (`*x`, `_x`) and brackets (`[Red]`, `[$-804]`, whose letters are no tokens; elapsed time
    /// `[h]` is). Only the first section counts (`0;[Red]-0` is a number).
    init(code: String) {
        var inQuote = false, inBracket = false, skipNext = false
        var bracket = ""
        var zeros = 0, others = false
        for ch in code {
            if ch == ";", !inQuote, !inBracket, !skipNext { break }
            if skipNext { skipNext = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; others = true; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(bracket.lowercased()) { self = .date; return }
                } else {
                    bracket.append(ch)
                }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": skipNext = true; others = true
            case "[": inBracket = true; bracket = ""
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                self = .date
                return
            case "0": zeros += 1
            default: others = true
            }
        }
        // A single `0` is an integer format, not padding.
        self = zeros > 1 && !others ? .zeroPadded(zeros) : .number
    }
}
