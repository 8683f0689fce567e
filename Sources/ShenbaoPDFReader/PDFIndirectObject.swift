import ShenbaoPDFWriter

/// A stream as read (ISO 32000-1 §7.3.8): its dictionary and its bytes still encoded, as a slice
/// of the file, so reading a document copies no stream data. `PDFObject` has no stream case
/// because a stream is only ever an indirect object; this is that case, not a second object model.
public struct PDFStream: Sendable, Hashable {
    public var dictionary: PDFDictionary
    /// The bytes between `stream` and `endstream`, filters not applied.
    public var data: ArraySlice<UInt8>

    public init(dictionary: PDFDictionary, data: ArraySlice<UInt8>) {
        self.dictionary = dictionary
        self.data = data
    }
}

/// The value of an indirect object (§7.3.10): a `PDFObject` or a stream.
public enum PDFIndirectObject: Sendable, Hashable {
    case object(PDFObject)
    case stream(PDFStream)

    /// The value as a `PDFObject`: a stream reads as its dictionary.
    public var value: PDFObject {
        switch self {
        case .object(let o): o
        case .stream(let s): .dictionary(s.dictionary)
        }
    }

    /// The dictionary of a dictionary or a stream.
    public var dictionary: PDFDictionary? {
        if case .dictionary(let d) = value { d } else { nil }
    }

    public var stream: PDFStream? {
        if case .stream(let s) = self { s } else { nil }
    }
}

extension PDFObject {
    public var integerValue: Int? { if case .integer(let i) = self { i } else { nil } }
    /// An integer or a real, as a Double.
    public var numberValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .real(let d): d
        default: nil
        }
    }
    public var nameValue: String? { if case .name(let n) = self { n } else { nil } }
    public var refValue: PDFRef? { if case .ref(let r) = self { r } else { nil } }
    public var arrayValue: [PDFObject]? { if case .array(let a) = self { a } else { nil } }
    public var dictionaryValue: PDFDictionary? { if case .dictionary(let d) = self { d } else { nil } }
    /// The bytes of a literal or a hexadecimal string.
    public var stringBytes: [UInt8]? {
        switch self {
        case .string(let b), .hexString(let b): b
        default: nil
        }
    }
}
