import CLibXML2
import ShenbaoCore

/// One step of a streamed part: an element opens (with its attributes), closes, or text.
public enum XMLEvent: Sendable {
    /// An element opens; an empty element (`<c r="A1"/>`) is followed at once by its `end`.
    case start(XMLStart)
    /// An element closes: its local name.
    case end(String)
    /// Character data (entity references such as `&amp;` already decoded; CDATA included).
    case text(String)
}

/// An element's start tag, with names as local names (namespace prefixes dropped: SpreadsheetML
/// parts are read the same whether a writer uses the default namespace or `x:`).
public struct XMLStart: Sendable {
    public var name: String
    public var attributes: [(name: String, value: String)]

    /// The value of the attribute with local name `name`.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}

/// Reads a part as a stream of events under `XMLHardening`'s rules, with libxml2's pull parser
/// (`xmlTextReader`): memory stays proportional to one element however long the part, so a
/// 100,000-row worksheet never becomes a tree.
public final class XMLStreamReader {
    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let part: String
    private let file: String?
    private let refusal: XMLRefusal
    /// The element just started was empty: its `end` comes next.
    private var pendingEnd: String?

    /// A reader over `bytes` (a copy is kept for the reader's life). Refuses declarations at once.
    public init(_ bytes: [UInt8], part: String, file: String?, _ refusal: XMLRefusal) throws(ShenbaoFailure) {
        if XMLHardening.containsDeclaration(bytes) { throw XMLHardening.declarationFailure(part: part, file: file, refusal) }
        xmlInitParser()
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes.lazy.map { CChar(bitPattern: $0) })
        guard let reader = xmlReaderForMemory(buffer.baseAddress, Int32(bytes.count), part, "UTF-8", XMLHardening.options) else {
            buffer.deallocate()
            throw ShenbaoFailure.unusable(refusal.malformed, file: file, zh: "无法创建 XML 解析器", en: "cannot create an XML parser")
        }
        self.reader = reader
        self.buffer = buffer
        self.part = part
        self.file = file
        self.refusal = refusal
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// The next event, or nil at the end of the part.
    public func next() throws(ShenbaoFailure) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name)
        }
        while true {
            xmlResetLastError()
            switch xmlTextReaderRead(reader) {
            case 1: break
            case 0: return nil
            default:
                throw XMLHardening.malformedFailure(part: part, file: file, refusal, error: xmlGetLastError()?.pointee)
            }
            if xmlTextReaderDepth(reader) > Int32(XMLHardening.maxDepth) {
                throw XMLHardening.tooDeepFailure(part: part, file: file, refusal)
            }
            switch xmlReaderTypes(rawValue: UInt32(xmlTextReaderNodeType(reader))) {
            case XML_READER_TYPE_ELEMENT:
                let name = Self.string(xmlTextReaderConstLocalName(reader))
                var attributes: [(name: String, value: String)] = []
                let empty = xmlTextReaderIsEmptyElement(reader) == 1
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    // Namespace declarations are attributes to the reader; they carry no data here.
                    if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                    attributes.append((Self.string(xmlTextReaderConstLocalName(reader)), Self.string(xmlTextReaderConstValue(reader))))
                }
                if empty { pendingEnd = name }
                return .start(XMLStart(name: name, attributes: attributes))
            case XML_READER_TYPE_END_ELEMENT:
                return .end(Self.string(xmlTextReaderConstLocalName(reader)))
            case XML_READER_TYPE_TEXT, XML_READER_TYPE_CDATA, XML_READER_TYPE_WHITESPACE,
                 XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
                return .text(Self.string(xmlTextReaderConstValue(reader)))
            case XML_READER_TYPE_DOCUMENT_TYPE, XML_READER_TYPE_ENTITY, XML_READER_TYPE_ENTITY_REFERENCE:
                throw XMLHardening.declarationFailure(part: part, file: file, refusal)
            default:
                continue
            }
        }
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}
