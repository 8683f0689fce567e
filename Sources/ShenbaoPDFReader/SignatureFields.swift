import ShenbaoCore
import ShenbaoPDFWriter

/// A signature found in a signature field (ISO 32000-1 §12.7.4.5) with a signature dictionary
/// as its value (§12.8.1, Table 252): what `verify` reports and checks.
public struct PDFSignature: Sendable, Hashable {
    /// The field's fully qualified name (§12.7.3.2): the partial names `/T` joined by periods.
    public let fieldName: String
    /// The field dictionary, nil when it is not an indirect object.
    public let fieldRef: PDFRef?
    /// The signature dictionary (`/V`), nil when it is direct in the field.
    public let signatureRef: PDFRef?
    public let dictionary: PDFDictionary
    /// The widget's page, from 0 (found through the pages' `/Annots`, else the widget's `/P`).
    public let pageIndex: Int?
    public let pageRef: PDFRef?
    /// The widget's `/Rect`; an invisible signature's is empty.
    public let rect: PDFRect?
    public let filter: String?
    public let subFilter: String?
    /// `/ByteRange` as written: four offsets and lengths if well formed (`coverage(of:)` checks).
    public let byteRange: [Int]
    /// `/Contents`: the DER-encoded signature (CMS SignedData or PKCS#1), without the zero padding
    /// after it as far as its own DER length says.
    public let contents: [UInt8]
    /// `/M`, as written (a PDF date, `PDFDate.parse`), `/Name`, `/Reason`, `/Location`, `/ContactInfo`.
    public let signingTime: String?
    public let signerName: String?
    public let reason: String?
    public let location: String?
    public let contactInfo: String?
    /// The revision the signature covers: the one whose end is where `/ByteRange` stops; nil when
    /// it stops anywhere else.
    public let revision: Int?
    /// Where the `/Contents` string lies in the file, from `<` to one past `>`; nil when the
    /// signature dictionary is inside an object stream, where no byte range can leave it out.
    public let contentsRange: Range<Int>?
}

extension PDFDocumentReader {
    /// The signatures of the document as it stands, in field order: signature fields (`/FT /Sig`,
    /// inherited) under `/AcroForm /Fields` and their `/Kids`, each with a `/V` dictionary.
    public func signatures() throws(ShenbaoFailure) -> [PDFSignature] {
        guard let form = try acroForm(), let fields = try array(form["Fields"]) else { return [] }
        var pageOfWidget: [Int: (index: Int, ref: PDFRef)] = [:]
        for page in try pages() {
            for case .ref(let annotation) in page.annotations { pageOfWidget[annotation.number] = (page.index, page.ref) }
        }
        var walk = FieldWalk(reader: self, pageOfWidget: pageOfWidget)
        for field in fields { try walk.visit(field, parentName: nil, inheritedType: nil, depth: 0) }
        return walk.found
    }

    /// The revision whose end a signature's covered bytes stop at, allowing for the `%%EOF` line's
    /// end-of-line being covered or not.
    func revision(endingAt end: Int) -> Int? {
        revisions.firstIndex { $0.eofOffset <= end && end <= $0.end }
    }

    /// Where the value at `path` (keys into nested dictionaries) of the object `number` lies in the
    /// file, when that object is in the file and not in an object stream.
    func valueRange(ofObject number: Int, path: [String]) -> Range<Int>? {
        guard let defining = revisions.last(where: { $0.objects[number] != nil }),
              let offset = defining.offsets[number] else { return nil }
        var parser = PDFParser(bytes, at: offset)
        guard (try? parser.header()) == number else { return nil }
        return try? parser.valueRange(path: path[...])
    }
}

extension PDFParser {
    /// Reads a dictionary at the lexer's position up to the value of `path`'s first key, and
    /// returns that value's byte range (or, with keys left, the range inside it).
    mutating func valueRange(path: ArraySlice<String>) throws(ShenbaoFailure) -> Range<Int>? {
        guard let key = path.first, try lexer.next() == .dictionaryOpen else { return nil }
        while true {
            switch try lexer.next() {
            case .name(let name) where name == key:
                if path.count > 1 { return try valueRange(path: path.dropFirst()) }
                lexer.skipWhitespace()
                let start = lexer.position
                _ = try parseObject(depth: 1)
                return start..<lexer.position
            case .name:
                _ = try parseObject(depth: 1)
            default:
                return nil
            }
        }
    }
}

/// Walks the field tree (§12.7.3.1): a kid with `/T` is a child field, one without is a widget.
private struct FieldWalk {
    let reader: PDFDocumentReader
    let pageOfWidget: [Int: (index: Int, ref: PDFRef)]
    var found: [PDFSignature] = []
    var seen: Set<Int> = []

    mutating func visit(_ field: PDFObject, parentName: String?, inheritedType: String?, depth: Int) throws(ShenbaoFailure) {
        guard depth <= PDFReadLimits.maxNesting else {
            throw .pdfTooDeep("表单域树", "form field tree", limit: PDFReadLimits.maxNesting)
        }
        if case .ref(let ref) = field, !seen.insert(ref.number).inserted { return }
        guard let dictionary = try reader.dictionary(field) else { return }
        let partial = PDFText.decode(dictionary["T"])
        let name = [parentName, partial].compactMap { $0 }.joined(separator: ".")
        let type = dictionary["FT"]?.nameValue ?? inheritedType
        let kids = try reader.array(dictionary["Kids"]) ?? []
        var widgets: [PDFObject] = []
        for kid in kids {
            guard let kidDictionary = try reader.dictionary(kid) else { continue }
            if kidDictionary["T"] != nil {
                try visit(kid, parentName: name, inheritedType: type, depth: depth + 1)
            } else {
                widgets.append(kid)
            }
        }
        guard type == "Sig", let value = dictionary["V"], let signature = try reader.dictionary(value) else { return }
        let widget = dictionary["Subtype"]?.nameValue == "Widget" || kids.isEmpty ? field : widgets.first ?? field
        try found.append(describe(field: field, name: name, value: value, signature: signature, widget: widget))
    }

    private func describe(field: PDFObject, name: String, value: PDFObject, signature: PDFDictionary,
                          widget: PDFObject) throws(ShenbaoFailure) -> PDFSignature {
        let widgetDictionary = try reader.dictionary(widget)
        var page: (index: Int, ref: PDFRef)?
        if case .ref(let w) = widget { page = pageOfWidget[w.number] }
        if page == nil, case .ref(let p)? = widgetDictionary?["P"] {
            page = pageOfWidget.values.first { $0.ref == p }
        }
        let byteRange = try reader.array(signature["ByteRange"])?.compactMap(\.integerValue) ?? []
        var revision: Int?
        if byteRange.count == 4, byteRange.allSatisfy({ $0 >= 0 }) {
            let (end, overflow) = byteRange[2].addingReportingOverflow(byteRange[3])
            if !overflow { revision = reader.revision(endingAt: end) }
        }
        var contentsRange: Range<Int>?
        if case .ref(let s) = value {
            contentsRange = reader.valueRange(ofObject: s.number, path: ["Contents"])
        } else if case .ref(let f) = field {
            contentsRange = reader.valueRange(ofObject: f.number, path: ["V", "Contents"])
        }
        func text(_ key: String) throws(ShenbaoFailure) -> String? { PDFText.decode(try reader.resolve(signature[key])) }
        return PDFSignature(
            fieldName: name, fieldRef: field.refValue, signatureRef: value.refValue, dictionary: signature,
            pageIndex: page?.index, pageRef: page?.ref,
            rect: PDFRect(pdfArray: try reader.array(widgetDictionary?["Rect"])),
            filter: signature["Filter"]?.nameValue, subFilter: signature["SubFilter"]?.nameValue,
            byteRange: byteRange, contents: Self.trimmed(try reader.resolve(signature["Contents"])?.stringBytes ?? []),
            signingTime: try text("M"), signerName: try text("Name"), reason: try text("Reason"),
            location: try text("Location"), contactInfo: try text("ContactInfo"),
            revision: revision, contentsRange: contentsRange)
    }

    /// `/Contents` is zero-padded to its placeholder's size (§12.8.1); the DER value's own length
    /// (X.690 §8.1.3) says where it ends. Padding is removed only if it is all zeros; an
    /// indefinite length, or a length past the bytes, leaves them as they are.
    static func trimmed(_ contents: [UInt8]) -> [UInt8] {
        guard contents.count >= 2 else { return contents }
        let first = contents[1]
        var length = Int(first), header = 2
        if first >= 0x80 {
            let count = Int(first & 0x7F)
            guard (1...4).contains(count), contents.count >= 2 + count else { return contents }
            length = contents[2..<(2 + count)].reduce(0) { $0 << 8 | Int($1) }
            header = 2 + count
        }
        let total = header + length
        guard total <= contents.count, contents[total...].allSatisfy({ $0 == 0 }) else { return contents }
        return Array(contents[..<total])
    }
}
