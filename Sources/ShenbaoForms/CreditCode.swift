import ShenbaoCore

/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters — registering
/// authority (1), organisation type (2), administrative division (3–8, GB/T 2260), organisation
/// identity (9–17) and a check character (18).
public enum CreditCode {
    /// The 31 characters a code may use (GB 32100-2015 §4.2: no I, O, Z, S, V), in value order 0–30.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    private static let valueOf: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// Weights of positions 1–17: 3^(i−1) mod 31 (GB 32100-2015 §5).
    public static let weights: [Int] = {
        var w: [Int] = []
        var x = 1
        for _ in 0..<17 { w.append(x); x = x * 3 % 31 }
        return w
    }()

    /// The code as it should be compared: spaces (also full-width) and `-` removed, upper-cased.
    public static func normalize(_ text: String) -> String {
        String(HalfWidth.fold(text).filter { !$0.isWhitespace && $0 != "-" }).uppercased()
    }

    /// Why a (normalised) code is malformed, or nil when its shape is right: 18 characters, the
    /// first 17 of the alphabet, positions 3–8 digits, the 18th a digit or letter.
    public static func formatProblem(_ code: String) -> (zh: String, en: String)? {
        let chars = Array(code)
        if chars.count != 18 {
            return ("应为 18 位，实为 \(chars.count) 位", "must have 18 characters, found \(chars.count)")
        }
        // The check character (18th) is compared by `credit_code.checksum`: a letter outside the
        // alphabet there (`…Y4Z`) is a wrong check character, not a malformed code.
        if let bad = chars[0..<17].first(where: { valueOf[$0] == nil }) {
            return ("含有不允许的字符「\(bad)」（不使用 I、O、Z、S、V）",
                    "contains the character “\(bad)”, which codes never use (no I, O, Z, S, V)")
        }
        if !(chars[17].isASCII && (chars[17].isNumber || chars[17].isUppercase)) {
            return ("第 18 位（校验码）应为数字或大写字母，实为「\(chars[17])」", "position 18 (check character) must be a digit or letter, found “\(chars[17])”")
        }
        if !chars[2..<8].allSatisfy({ $0.isASCII && $0.isNumber }) {
            return ("第 3–8 位（行政区划码）应为数字", "positions 3–8 (administrative division) must be digits")
        }
        return nil
    }

    /// The check character the first 17 characters call for: (31 − Σ vᵢ·wᵢ mod 31) mod 31.
    public static func checkCharacter(for code: String) -> Character? {
        let chars = Array(code)
        guard chars.count >= 17 else { return nil }
        var sum = 0
        for i in 0..<17 {
            guard let v = valueOf[chars[i]] else { return nil }
            sum += v * weights[i]
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// True for a well-formed code with the right check character.
    public static func isValid(_ text: String) -> Bool {
        let code = normalize(text)
        guard formatProblem(code) == nil, let check = checkCharacter(for: code) else { return false }
        return code.last == check
    }

    /// Positions 3–8: the administrative division of the registering authority.
    public static func divisionCode(_ code: String) -> String {
        String(Array(code)[2..<8])
    }
}

extension FormDefinition {
    /// The data as forms print it: credit codes in their normalised 18 characters (a code typed
    /// in lower case or with spaces passes validation, and must not print that way).
    /// Phone numbers, mobiles and postal codes typed in full-width digits print in ASCII.
    public func printable(_ root: Value) -> Value {
        allFields.filter { $0.format != nil && $0.format != .email }.reduce(root) { data, field in
            data.mapping(at: field.path) { value in
                guard let text = value.scalarText, !value.isBlank else { return value }
                return .text(field.format == .creditCode ? CreditCode.normalize(text) : HalfWidth.fold(text))
            }
        }
    }
}
