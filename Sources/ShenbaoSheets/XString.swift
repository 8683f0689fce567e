/// SpreadsheetML's escape for characters XML cannot carry (ECMA-376 Part 1 §22.9.2.19
/// `ST_Xstring`): `_xHHHH_` stands for the UTF-16 code unit HHHH, so Excel writes a carriage
/// return in a cell as `_x000D_`, and a literal `_x0041_` as `_x005F_x0041_` (escaping its `_`).
enum XString {
    /// Decodes every `_xHHHH_` in `text` (surrogate pairs as two escapes); others stay as written.
    static func decode(_ text: String) -> String {
        guard text.mayHoldXStringEscape else { return text }
        var units: [UInt16] = []
        let source = Array(text.utf16)
        var i = 0
        while i < source.count {
            if let unit = escape(in: source, at: i) {
                units.append(unit)
                i += 7
            } else {
                units.append(source[i])
                i += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Escapes what `decode` would otherwise misread: the `_` that starts a `_xHHHH_` lookalike.
    static func encode(_ text: String) -> String {
        guard text.mayHoldXStringEscape else { return text }
        let source = Array(text.utf16)
        var units: [UInt16] = []
        for i in source.indices {
            if escape(in: source, at: i) != nil { units.append(contentsOf: Array("_x005F_".utf16)) } else { units.append(source[i]) }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The code unit of an escape starting at `i`: `_`, `x`, four hex digits, `_`.
    private static func escape(in s: [UInt16], at i: Int) -> UInt16? {
        guard i + 6 < s.count, s[i] == 0x5F, s[i + 1] == 0x78, s[i + 6] == 0x5F else { return nil }
        var value: UInt16 = 0
        for unit in s[(i + 2) ..< (i + 6)] {
            guard let scalar = Unicode.Scalar(unit), let digit = Character(scalar).hexDigitValue else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
