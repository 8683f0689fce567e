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

/// Reads a part as a pull stream of events, for the small parts whose code reads best as a loop
/// (relationships, the workbook, styles): `XMLPushParser` underneath, each chunk's events queued.
public final class XMLStreamReader {
    private let collector = Collector()
    private let session: XMLPushParser.Session
    private var position = 0

    /// A reader over `bytes`. Refuses declarations at once.
    public init(_ bytes: [UInt8], part: String, file: String?, _ refusal: XMLRefusal) throws(ShenbaoFailure) {
        session = try XMLPushParser.Session(bytes, part: part, file: file, refusal, handler: collector)
    }

    /// The next event, or nil at the end of the part.
    public func next() throws(ShenbaoFailure) -> XMLEvent? {
        while position == collector.events.count {
            if session.finished { return nil }
            collector.events.removeAll(keepingCapacity: true)
            position = 0
            try session.feed()
            if session.finished { collector.flushText() }
        }
        position += 1
        return collector.events[position - 1]
    }

    /// Turns callbacks into events; text is gathered and becomes one `.text` before the next tag.
    private final class Collector: XMLContentHandler {
        var events: [XMLEvent] = []
        var text: [UInt8] = []

        func flushText() {
            guard !text.isEmpty else { return }
            events.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }

        func start(_ tag: XMLTag) {
            flushText()
            events.append(.start(XMLStart(name: tag.name, attributes: tag.attributes)))
        }

        func end(_ name: XMLName) {
            flushText()
            events.append(.end(name.string))
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: bytes) }
    }
}
