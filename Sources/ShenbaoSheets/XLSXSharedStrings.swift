import ShenbaoCore
import ShenbaoXML

/// The shared string table (ECMA-376 Part 1 §18.4.9 `sst`): cells of type `s` hold an index
/// into it. An item is plain (`<si><t>…</t></si>`) or rich text, runs of `<r><t>…</t></r>`
/// whose texts join into the cell's text (§18.4.4 `r`); phonetic runs (`rPh`, furigana) are
/// not part of the text and are skipped.
final class XLSXSharedStrings: XMLContentHandler {
    private(set) var strings: [String] = []
    private var current: [UInt8] = []
    private var inItem = false, inText = false, phonetic = 0

    static func read(_ bytes: [UInt8], part: String, file: String) throws(ShenbaoFailure) -> [String] {
        let table = XLSXSharedStrings()
        try XMLPushParser.parse(bytes, part: part, file: file, XLSXPackage.refusal, handler: table)
        return table.strings
    }

    func start(_ tag: XMLTag) {
        if tag.is("si") {
            inItem = true
            current.removeAll(keepingCapacity: true)
        } else if tag.is("t") {
            inText = inItem && phonetic == 0
        } else if tag.is("rPh") {
            phonetic += 1
        }
    }

    func end(_ name: XMLName) {
        if name.is("si") {
            strings.append(XString.decode(String(decoding: current, as: UTF8.self)))
            inItem = false
        } else if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            phonetic -= 1
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inText { current.append(contentsOf: bytes) }
    }
}
