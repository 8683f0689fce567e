import ShenbaoCore
import ShenbaoXML

/// The shared string table (ECMA-376 Part 1 §18.4.9 `sst`): cells of type `s` hold an index
/// into it. An item is plain (`<si><t>…</t></si>`) or rich text, runs of `<r><t>…</t></r>`
/// whose texts join into the cell's text (§18.4.4 `r`); phonetic runs (`rPh`, furigana) are
/// not part of the text and are skipped.
enum XLSXSharedStrings {
    static func read(_ bytes: [UInt8], part: String, file: String) throws(ShenbaoFailure) -> [String] {
        let reader = try XMLStreamReader(bytes, part: part, file: file, XLSXPackage.refusal)
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, phonetic = 0
        while let event = try reader.next() {
            switch event {
            case .start(let e):
                switch e.name {
                case "sst": strings.reserveCapacity(min(Int(e.attribute("uniqueCount") ?? "") ?? 0, bytes.count / 8))
                case "si": inItem = true; current = ""
                case "rPh": phonetic += 1
                case "t": inText = inItem && phonetic == 0
                default: break
                }
            case .end(let name):
                switch name {
                case "si": strings.append(XString.decode(current)); inItem = false
                case "rPh": phonetic -= 1
                case "t": inText = false
                default: break
                }
            case .text(let t):
                if inText { current += t }
            }
        }
        return strings
    }
}
