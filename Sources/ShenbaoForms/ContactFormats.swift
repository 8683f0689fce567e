import ShenbaoCore

/// The shapes of telephone numbers, e-mail addresses and postal codes the forms accept,
/// written out by hand (no regular expressions: thousands of records are checked per second).
public enum ContactFormats {
    /// A mainland mobile number: `1[3-9]` and 9 more digits, optionally after `+86`
    /// (spaces and `-` between groups allowed).
    public static func isMobile(_ text: String) -> Bool {
        var s = Substring(HalfWidth.fold(text).filter { $0 != " " && $0 != "-" })
        if s.hasPrefix("+86") { s = s.dropFirst(3) } else if s.hasPrefix("0086") { s = s.dropFirst(4) }
        let digits = Array(s)
        guard digits.count == 11, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return digits[0] == "1" && ("3"..."9").contains(digits[1])
    }

    /// A landline of the area `areaCode` (the notice's: `021` for Shanghai) and 8 digits (the area
    /// code may be written `(021)` or left out), optionally followed by an extension (`-801`,
    /// `转801`, `ext 801`); or a mobile.
    public static func isPhone(_ text: String, areaCode: String) -> Bool {
        if isMobile(text) { return true }
        var s = Substring(HalfWidth.fold(text).trimmed)
        for prefix in ["\(areaCode)-", "\(areaCode) ", "(\(areaCode))", "（\(areaCode)）", areaCode] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count)
            break
        }
        s = s.drop { $0 == " " }
        let number = s.prefix { ($0.isASCII && $0.isNumber) || $0 == " " }
        let digits = number.filter { $0 != " " }
        guard digits.count == 8, let first = digits.first, first != "0", first != "1" else { return false }
        var rest = s.dropFirst(number.count)
        if rest.isEmpty { return true }
        rest = rest.drop { $0 == " " }
        var matched = false
        for marker in ["-", "转", "ext.", "ext", "x", "#", "分机"] where rest.lowercased().hasPrefix(marker) {
            rest = rest.dropFirst(marker.count).drop { $0 == " " }
            matched = true
            break
        }
        if rest.hasSuffix("分机") { rest = rest.dropLast(2) }
        return matched && (1...6).contains(rest.count) && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// An e-mail address: one `@`, a local part without spaces, a domain of dot-separated labels
    /// (letters, digits, `-`), at least two of them.
    public static func isEmail(_ text: String) -> Bool {
        let s = text.trimmed
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
              parts[0].allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != "<" && $0 != ">" }),
              !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || !$0.isASCII })
            else { return false }
        }
        return labels.last!.count >= 2
    }

    /// Six digits.
    public static func isPostalCode(_ text: String) -> Bool {
        let s = HalfWidth.fold(text).trimmed
        return s.count == 6 && s.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
