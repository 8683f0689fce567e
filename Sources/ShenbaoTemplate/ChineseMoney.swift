/// Amounts in 人民币大写, as invoices and application budgets write them:
/// `12345.6` → `壹万贰仟叁佰肆拾伍元陆角`, `10005` → `壹万零伍元整`.
public enum ChineseMoney {
    private static let digits = Array("零壹贰叁肆伍陆柒捌玖")
    private static let placeUnits = ["", "拾", "佰", "仟"]
    private static let groupUnits = ["", "万", "亿", "万亿"]

    public static func uppercase(_ amount: Double) -> String {
        let cents = Int((abs(amount) * 100).rounded())
        let sign = amount < 0 && cents > 0 ? "负" : ""
        let yuan = cents / 100, jiao = cents / 10 % 10, fen = cents % 10
        var out = ""
        if yuan > 0 { out += integer(yuan) + "元" }
        if jiao == 0 && fen == 0 { return sign + (yuan == 0 ? "零元整" : out + "整") }
        if jiao > 0 { out += String(digits[jiao]) + "角" } else if yuan > 0 { out += "零" }
        if fen > 0 { out += String(digits[fen]) + "分" }
        return sign + out
    }

    /// A positive whole number in groups of four digits (万, 亿), with one 零 for each run of zeros.
    static func integer(_ n: Int) -> String {
        var groups: [Int] = []
        var rest = n
        while rest > 0 { groups.append(rest % 10000); rest /= 10000 }
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
            let d = group / Int(pow10(place)) % 10
            if d == 0 { zero = !out.isEmpty; continue }
            if zero { out += "零"; zero = false }
            out += String(digits[d]) + placeUnits[place]
        }
        return out
    }

    private static func pow10(_ n: Int) -> Int { [1, 10, 100, 1000][n] }
}
