/// The character classes Chinese line breaking needs (a subset of the kinsoku rules of
/// GB/T 15834-2011 and JIS X 4051 that forms meet): what may not start a line, what may not
/// end one, and what is set one em wide.
public enum CJKBreaking {
    /// Closing and pause punctuation that must never begin a line: it stays with the
    /// character before it (the character is pushed to the next line with it).
    public static let noLineStart: Set<Unicode.Scalar> = Set(
        "，。、；：？！）》」』】〕〉〗”’…—·％‰,.;:?!)]}%～".unicodeScalars)

    /// Opening brackets and quotes that must never end a line: they go down with what follows.
    public static let noLineEnd: Set<Unicode.Scalar> = Set("（《「『【〔〈〖“‘([{".unicodeScalars)

    /// Characters set on the em grid: ideographs, kana, Hangul, full-width forms and CJK
    /// punctuation. Each is its own break opportunity; a run of anything else is a word.
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF01...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        case 0x2014, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B7, 0x2610, 0x2611, 0x2612, 0x25A1, 0x25A0:
            // — … ‘ ’ “ ” · and the ballot boxes ☐☑☒ □■, set full width in Chinese text.
            return true
        default:
            return false
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }
}
