import ShenbaoCore

/// Amounts in 人民币大写, as invoices and application budgets write them:
/// `12345.6` → `壹万贰仟叁佰肆拾伍元陆角`, `10005` → `壹万零伍元整`.
///
/// Exact to the fen: the amount is read from its decimal digits (the data file's own text where
/// the loader kept it), never through binary floating point, so 99999999999999.99 stays 玖角玖分.
public enum ChineseMoney {
    private static let digits = Array("零壹贰叁肆伍陆柒捌玖")
    private static let placeUnits = ["", "拾", "佰", "仟"]
    private static let groupUnits = ["", "万"]
    /// 万亿 is the largest group unit written: amounts must stay under 10^16 yuan.
    static let maxYuanDigits = 16

    /// The amount in words, or nil when `value` is not a finite amount under 10^16 yuan.
    public static func uppercase(_ value: Value) -> String? {
        let text: String
        switch value {
        case .integer(let i): text = String(i)
        // The loader keeps only decimals that a Double holds exactly (15 significant digits), so
        // the shortest description gives back the digits that were written.
        case .decimal(let d): guard d.isFinite else { return nil }; text = "\(d)"
        case .text(let s): text = s.trimmingCharacters(in: .whitespaces)
        default: return nil
        }
        guard let (negative, yuanDigits, cents) = parse(text) else { return nil }
        return words(negative: negative, yuan: yuanDigits, cents: cents)
    }

    /// Sign, the yuan as digits (no leading zeros), and jiao·fen as 0…99, rounded half up from
    /// the third decimal; nil for anything but a plain decimal (`1e5` is spelt out first).
    static func parse(_ text: String) -> (Bool, [Int], Int)? {
        var s = Substring(text)
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let n = Int(s[s.index(after: e)...]), abs(n) < 64 else { return nil }
            exponent = n
            s = s[..<e]
        }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, parts.count <= 2 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty), (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var all = (whole + fraction).compactMap { $0.wholeNumberValue }
        var point = whole.count + exponent
        if point < 0 { all.insert(contentsOf: repeatElement(0, count: -point), at: 0); point = 0 }
        if point > all.count { all += repeatElement(0, count: point - all.count) }
        var yuan = Array(all[..<point].drop { $0 == 0 })
        let frac = Array(all[point...]) + [0, 0, 0]
        var cents = frac[0] * 10 + frac[1]
        if frac[2] >= 5 { cents += 1 }
        if cents == 100 {
            cents = 0
            // Carry into the yuan digits.
            var i = yuan.count - 1
            while i >= 0 && yuan[i] == 9 { yuan[i] = 0; i -= 1 }
            if i >= 0 { yuan[i] += 1 } else { yuan.insert(1, at: 0) }
        }
        guard yuan.count <= maxYuanDigits else { return nil }
        return (negative && (!yuan.isEmpty || cents > 0), yuan, cents)
    }

    static func words(negative: Bool, yuan: [Int], cents: Int) -> String {
        let sign = negative ? "负" : ""
        let jiao = cents / 10, fen = cents % 10
        var out = ""
        if !yuan.isEmpty { out += integer(yuan) + "元" }
        if jiao == 0 && fen == 0 { return sign + (yuan.isEmpty ? "零元整" : out + "整") }
        if jiao > 0 { out += String(digits[jiao]) + "角" } else if !yuan.isEmpty { out += "零" }
        if fen > 0 { out += String(digits[fen]) + "分" }
        return sign + out
    }

    /// A positive whole number (its digits): above 亿 the part over 10^8 is itself a number
    /// (玖拾玖万玖仟玖佰玖拾玖亿, not 玖拾玖万亿玖仟…亿), with 零 where the rest starts with zeros.
    static func integer(_ number: [Int]) -> String {
        let digits = Array(number.drop { $0 == 0 })
        guard digits.count > 8 else { return belowYi(digits) }
        let high = integer(Array(digits[..<(digits.count - 8)])) + "亿"
        let low = Array(digits[(digits.count - 8)...].drop { $0 == 0 })
        if low.isEmpty { return high }
        return high + (low.count < 8 ? "零" : "") + belowYi(low)
    }

    /// Up to eight digits in groups of four (万), one 零 for each run of zeros.
    static func belowYi(_ number: [Int]) -> String {
        var groups: [Int] = []
        var end = number.count
        while end > 0 {
            let start = max(0, end - 4)
            groups.append(number[start..<end].reduce(0) { $0 * 10 + $1 })
            end = start
        }
        var out = "", zeroPending = false
        for index in stride(from: groups.count - 1, through: 0, by: -1) {
            let group = groups[index]
            if group == 0 { zeroPending = !out.isEmpty; continue }
            if !out.isEmpty && (zeroPending || group < 1000) { out += "零" }
            zeroPending = false
            out += groupText(group) + groupUnits[min(index, groupUnits.count - 1)]
        }
        return out
    }

    private static func groupText(_ group: Int) -> String {
        var out = "", zero = false
        for place in stride(from: 3, through: 0, by: -1) {
            let d = group / [1, 10, 100, 1000][place] % 10
            if d == 0 { zero = !out.isEmpty; continue }
            if zero { out += "零"; zero = false }
            out += String(digits[d]) + placeUnits[place]
        }
        return out
    }
}
