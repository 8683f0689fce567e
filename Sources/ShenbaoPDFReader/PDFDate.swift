import Foundation
import ShenbaoCore

/// Dates as PDF writes them (ISO 32000-1 §7.9.4): `D:YYYYMMDDHHmmSSOHH'mm'`, every part after the
/// year optional, `O` one of `+`, `-`, `Z`. A signature's `/M` is one (§12.8.1, Table 252).
public enum PDFDate {
    /// The moment `text` names; nil when it is not a PDF date. A missing zone reads as UTC.
    public static func parse(_ text: String) -> Date? {
        var chars = Array(text.utf8)
        if chars.starts(with: Array("D:".utf8)) { chars.removeFirst(2) }
        var at = 0
        func number(_ width: Int) -> Int? {
            guard at + width <= chars.count else { return nil }
            var value = 0
            for c in chars[at..<(at + width)] {
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(c - UInt8(ascii: "0"))
            }
            at += width
            return value
        }
        guard let year = number(4) else { return nil }
        let month = number(2) ?? 1, day = number(2) ?? 1
        let hour = number(2) ?? 0, minute = number(2) ?? 0, second = number(2) ?? 0
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        var offset = 0
        if at < chars.count, chars[at] == UInt8(ascii: "+") || chars[at] == UInt8(ascii: "-") {
            let sign = chars[at] == UInt8(ascii: "-") ? -1 : 1
            at += 1
            let zoneHours = number(2) ?? 0
            if at < chars.count, chars[at] == UInt8(ascii: "'") { at += 1 }
            let zoneMinutes = number(2) ?? 0
            offset = sign * (zoneHours * 3600 + zoneMinutes * 60)
        }
        let days = CivilDate.dayNumber(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second - offset))
    }
}
