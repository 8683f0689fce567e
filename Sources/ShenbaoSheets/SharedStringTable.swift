import ShenbaoCore

/// The shared string table a written workbook's text cells point into (ECMA-376 Part 1 §18.4.9):
/// each distinct text stored once, in the order first used, so a report's repeated statuses and
/// districts cost one entry each and the output is deterministic.
struct SharedStringTable {
    private(set) var strings: [String] = []
    private var index: [String: Int] = [:]
    private var uses = 0

    /// The index of `text`, adding it when new.
    mutating func index(of text: String) -> Int {
        uses += 1
        if let i = index[text] { return i }
        index[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    /// `xl/sharedStrings.xml`.
    func xml() -> [UInt8] {
        var out = Array(XLSXWriter.declaration.utf8)
        out += Array("<sst xmlns=\"\(XLSXWriter.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(strings.count)\">".utf8)
        for s in strings {
            // Leading or trailing spaces and line breaks survive only with xml:space (XML 1.0 §2.10).
            let preserve = s.first.map(\.isWhitespace) == true || s.last.map(\.isWhitespace) == true
            out += Array((preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>").utf8)
            MarkupEscape.append(XString.encode(s), as: .xmlText, into: &out)
            out += Array("</t></si>".utf8)
        }
        out += Array("</sst>".utf8)
        return out
    }
}
