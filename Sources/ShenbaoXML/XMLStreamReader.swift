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

/// Reads a part as a stream of events under `XMLHardening`'s rules. libxml2's SAX2 push parser
/// runs over the part a chunk at a time and its callbacks queue the chunk's events: memory stays
/// proportional to a chunk however long the part, so a 100,000-row worksheet never becomes a
/// tree, and it is three times faster than libxml2's pull reader (`xmlTextReader`), which builds
/// and frees a node per step (bench/sheets).
public final class XMLStreamReader {
    /// Bytes handed to the parser at a time.
    static let chunkSize = 256 << 10

    private let bytes: [UInt8]
    private let part: String
    private let file: String?
    private let refusal: XMLRefusal
    private let sink = EventSink()
    private let context: xmlParserCtxtPtr
    private var fed = 0
    private var position = 0

    /// A reader over `bytes`. Refuses declarations at once.
    public init(_ bytes: [UInt8], part: String, file: String?, _ refusal: XMLRefusal) throws(ShenbaoFailure) {
        if XMLHardening.containsDeclaration(bytes) { throw XMLHardening.declarationFailure(part: part, file: file, refusal) }
        xmlInitParser()
        var handler = EventSink.handler()
        guard let context = xmlCreatePushParserCtxt(&handler, Unmanaged.passUnretained(sink).toOpaque(), nil, 0, part) else {
            throw ShenbaoFailure.unusable(refusal.malformed, file: file, zh: "无法创建 XML 解析器", en: "cannot create an XML parser")
        }
        // Parts are UTF-8 whatever they declare, so a declaration cannot hide in another encoding.
        xmlCtxtResetPush(context, nil, 0, part, "UTF-8")
        xmlCtxtUseOptions(context, XMLHardening.options)
        sink.context = context
        self.context = context
        self.bytes = bytes
        self.part = part
        self.file = file
        self.refusal = refusal
    }

    deinit {
        xmlFreeParserCtxt(context)
    }

    /// The next event, or nil at the end of the part.
    public func next() throws(ShenbaoFailure) -> XMLEvent? {
        while position == sink.events.count {
            if sink.finished { return nil }
            sink.events.removeAll(keepingCapacity: true)
            position = 0
            try feed()
        }
        position += 1
        return sink.events[position - 1]
    }

    /// Parses the next chunk, queueing its events; the last one ends the document.
    private func feed() throws(ShenbaoFailure) {
        let count = min(Self.chunkSize, bytes.count - fed)
        let last = fed + count == bytes.count
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlParseChunk(context, $0.baseAddress.map { $0 + fed }, Int32(count), last ? 1 : 0)
            }
        }
        fed += count
        if last {
            sink.flushText()
            sink.finished = true
        }
        if sink.declared { throw XMLHardening.declarationFailure(part: part, file: file, refusal) }
        if sink.tooDeep { throw XMLHardening.tooDeepFailure(part: part, file: file, refusal) }
        if status != 0 || context.pointee.wellFormed == 0 {
            throw XMLHardening.malformedFailure(part: part, file: file, refusal, error: context.pointee.lastError)
        }
    }
}

/// Where the SAX2 callbacks put what they see (libxml2 hands each callback this object as its
/// user data). Text is gathered as bytes and becomes one `.text` event before the next tag.
private final class EventSink {
    var events: [XMLEvent] = []
    var text: [UInt8] = []
    var depth = 0
    var tooDeep = false
    var declared = false
    var finished = false
    var context: xmlParserCtxtPtr?

    func flushText() {
        guard !text.isEmpty else { return }
        events.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }

    func stop() {
        if let context { xmlStopParser(context) }
    }

    fileprivate static func sink(_ context: UnsafeMutableRawPointer?) -> EventSink? {
        context.map { Unmanaged<EventSink>.fromOpaque($0).takeUnretainedValue() }
    }

    fileprivate static func string(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
    }

    /// Only elements, text and the internal subset (refused) are handled: with no entity or DTD
    /// callbacks libxml2 declares and substitutes nothing, and builds no tree.
    static func handler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = UInt32(XML_SAX2_MAGIC)
        h.internalSubset = { context, _, _, _ in
            guard let sink = EventSink.sink(context) else { return }
            sink.declared = true
            sink.stop()
        }
        h.startElementNs = { context, name, _, _, _, _, attributeCount, _, attributes in
            guard let sink = EventSink.sink(context) else { return }
            sink.flushText()
            sink.depth += 1
            if sink.depth > XMLHardening.maxDepth {
                sink.tooDeep = true
                sink.stop()
                return
            }
            var list: [(name: String, value: String)] = []
            if let attributes, attributeCount > 0 {
                list.reserveCapacity(Int(attributeCount))
                // Five pointers per attribute: local name, prefix, URI, value start, value end.
                for i in 0 ..< Int(attributeCount) {
                    guard let local = attributes[5 * i] else { continue }
                    list.append((String(cString: local), EventSink.string(attributes[5 * i + 3], attributes[5 * i + 4])))
                }
            }
            sink.events.append(.start(XMLStart(name: name.map { String(cString: $0) } ?? "", attributes: list)))
        }
        h.endElementNs = { context, name, _, _ in
            guard let sink = EventSink.sink(context) else { return }
            sink.flushText()
            sink.depth -= 1
            sink.events.append(.end(name.map { String(cString: $0) } ?? ""))
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            guard let sink = EventSink.sink(context), let bytes, count > 0 else { return }
            sink.text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        h.characters = characters
        h.cdataBlock = characters
        return h
    }
}
