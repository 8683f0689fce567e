/// Escaping for XML (1.0 §2.4, §3.3.3) and HTML: the one place the project escapes markup, for
/// filled Word templates, the DOCX forms, the XML of workbooks and Mustache's HTML output.
///
/// XML cannot hold some characters at all: C0 controls other than tab, line feed and carriage
/// return, and U+FFFE/U+FFFF (text copied from Word often carries `\x0b`). They are dropped, except
/// vertical tab and form feed, which Word uses for manual line and page breaks: those become line
/// breaks. So no data can ever make a part that Word or LibreOffice cannot open.
public enum MarkupEscape {
    /// Where the text goes.
    public enum Context: Sendable {
        /// Element content: `& < >` escaped, a carriage return as `&#xD;` (it would be normalised away).
        case xmlText
        /// A double-quoted attribute value: `& < "` and tab, line feed, carriage return as references.
        case xmlAttribute
        /// HTML, as Mustache escapes `{{x}}`: `& < > " '`.
        case html
    }

    /// Appends `text` escaped for `context`. In XML text, `lineBreak` and `tab` (when given) stand
    /// in for line feeds and tabs: WordprocessingML writes them as `w:br` and `w:tab`.
    public static func append(_ text: String, as context: Context, into out: inout [UInt8],
                              lineBreak: [UInt8]? = nil, tab: [UInt8]? = nil) {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            switch (byte, context) {
            case (UInt8(ascii: "&"), _): out.append(contentsOf: amp)
            case (UInt8(ascii: "<"), _): out.append(contentsOf: lt)
            case (UInt8(ascii: ">"), .xmlText), (UInt8(ascii: ">"), .html): out.append(contentsOf: gt)
            case (UInt8(ascii: "\""), .xmlAttribute), (UInt8(ascii: "\""), .html): out.append(contentsOf: quot)
            case (UInt8(ascii: "'"), .html): out.append(contentsOf: apos)
            case (_, .html): out.append(byte)
            case (0x0A, .xmlText), (0x0B, .xmlText), (0x0C, .xmlText):
                if let lineBreak { out.append(contentsOf: lineBreak) } else { out.append(0x0A) }
            case (0x09, .xmlText): if let tab { out.append(contentsOf: tab) } else { out.append(byte) }
            case (0x0D, .xmlText): if lineBreak == nil { out.append(contentsOf: cr) }
            case (0x0B, .xmlAttribute), (0x0C, .xmlAttribute), (0x0A, .xmlAttribute): out.append(contentsOf: lf)
            case (0x09, .xmlAttribute): out.append(contentsOf: ht)
            case (0x0D, .xmlAttribute): out.append(contentsOf: cr)
            case (0 ..< 0x20, _): break
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
            case (0xEF, .xmlText) where i + 1 < bytes.count && bytes[i] == 0xBF && bytes[i + 1] >= 0xBE,
                 (0xEF, .xmlAttribute) where i + 1 < bytes.count && bytes[i] == 0xBF && bytes[i + 1] >= 0xBE:
                i += 2
            default: out.append(byte)
            }
        }
    }

    /// `text` escaped for `context`, as a String.
    public static func escaped(_ text: String, as context: Context) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        append(text, as: context, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether XML can hold `scalar` at all (XML 1.0 §2.2).
    public static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0 ..< 0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
    private static let cr = Array("&#xD;".utf8), lf = Array("&#xA;".utf8), ht = Array("&#x9;".utf8)
}
