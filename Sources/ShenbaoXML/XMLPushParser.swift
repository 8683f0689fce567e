import CLibXML2
import Glibc
import ShenbaoCore

/// An element's tag as the parser hands it to an `XMLContentHandler`: valid only during the call
/// (never keep one),
/// read without copying (names and attribute values are libxml2's bytes), so a handler that
/// looks at a few attributes of 300,000 cells allocates nothing for the rest. Names are local
/// names (namespace prefixes dropped: SpreadsheetML reads the same with `x:` or without).
public struct XMLTag {
    fileprivate let localName: UnsafePointer<xmlChar>
    /// Five pointers per attribute: local name, prefix, URI, value start, value end.
    fileprivate let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let count: Int

    fileprivate init(localName: UnsafePointer<xmlChar>, pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        self.localName = localName
        self.pointers = pointers
        self.count = count
    }

    /// Whether the local name is `name`.
    public func `is`(_ name: StaticString) -> Bool { XMLName.equal(localName, name) }

    public var name: String { String(cString: localName) }

    /// The bytes of the attribute with local name `name`, nil when absent.
    public func attributeBytes(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let pointers else { return nil }
        for i in 0 ..< count {
            guard let local = pointers[5 * i], XMLName.equal(local, name),
                  let start = pointers[5 * i + 3], let end = pointers[5 * i + 4] else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The attribute with local name `name`, as text.
    public func attribute(_ name: StaticString) -> String? {
        attributeBytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every attribute as (local name, value), in document order.
    public var attributes: [(name: String, value: String)] {
        guard let pointers else { return [] }
        return (0 ..< count).compactMap { i in
            guard let local = pointers[5 * i], let start = pointers[5 * i + 3], let end = pointers[5 * i + 4] else { return nil }
            return (String(cString: local), String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self))
        }
    }
}

/// A closing tag's local name, valid only during the call.
public struct XMLName {
    fileprivate let pointer: UnsafePointer<xmlChar>

    fileprivate init(_ pointer: UnsafePointer<xmlChar>) { self.pointer = pointer }

    public func `is`(_ name: StaticString) -> Bool { Self.equal(pointer, name) }
    public var string: String { String(cString: pointer) }

    fileprivate static func equal(_ pointer: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        pointer.pointee == name.utf8Start.pointee
            && strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }
}

/// What receives a part's content, in document order. A handler throws to stop parsing with that
/// failure (a worksheet's bad cell reference); text may come in several pieces.
public protocol XMLContentHandler: AnyObject {
    func start(_ tag: XMLTag) throws(ShenbaoFailure)
    func end(_ name: XMLName) throws(ShenbaoFailure)
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws(ShenbaoFailure)
}

/// Parses a part under `XMLHardening`'s rules with libxml2's SAX2 push parser, a chunk at a time:
/// memory stays proportional to a chunk however long the part, so a 100,000-row worksheet never
/// becomes a tree, and it runs three times faster than libxml2's pull reader (`xmlTextReader`),
/// which builds and frees a node per step (bench/sheets). Only elements, text and the internal
/// subset (refused) have callbacks: with no entity or DTD callbacks libxml2 declares and
/// substitutes nothing, and builds no tree.
public enum XMLPushParser {
    /// Bytes handed to the parser at a time.
    public static let chunkSize = 256 << 10

    /// Parses `bytes` (the part `part` of `file`), calling `handler`. Refuses declarations, malformed XML
    /// and nesting past `XMLHardening.maxDepth`; rethrows what the handler throws.
    public static func parse(_ bytes: [UInt8], part: String, file: String?, _ refusal: XMLRefusal,
                             handler: any XMLContentHandler) throws(ShenbaoFailure) {
        try Session(bytes, part: part, file: file, refusal, handler: handler).run { _ in }
    }

    /// A parse that can be advanced a chunk at a time (`XMLStreamReader`).
    final class Session {
        private let bytes: [UInt8]
        private let part: String
        private let file: String?
        private let refusal: XMLRefusal
        private let sink: Sink
        private let context: xmlParserCtxtPtr
        private var fed = 0
        private(set) var finished = false

        init(_ bytes: [UInt8], part: String, file: String?, _ refusal: XMLRefusal, handler: any XMLContentHandler) throws(ShenbaoFailure) {
            if XMLHardening.containsDeclaration(bytes) { throw XMLHardening.declarationFailure(part: part, file: file, refusal) }
            xmlInitParser()
            let sink = Sink(handler: handler)
            var callbacks = Sink.callbacks()
            guard let context = xmlCreatePushParserCtxt(&callbacks, Unmanaged.passUnretained(sink).toOpaque(), nil, 0, part) else {
                throw ShenbaoFailure.unusable(refusal.malformed, file: file, zh: "无法创建 XML 解析器", en: "cannot create an XML parser")
            }
            // Parts are UTF-8 whatever they declare, so a declaration cannot hide in another encoding.
            xmlCtxtResetPush(context, nil, 0, part, "UTF-8")
            xmlCtxtUseOptions(context, XMLHardening.options)
            sink.context = context
            self.sink = sink
            self.context = context
            self.bytes = bytes
            // With the encoding fixed, libxml2 would read a UTF-8 byte order mark as content.
            fed = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            self.part = part
            self.file = file
            self.refusal = refusal
        }

        deinit { xmlFreeParserCtxt(context) }

        /// Feeds every remaining chunk, calling `afterChunk` after each.
        func run(_ afterChunk: (Session) throws(ShenbaoFailure) -> Void) throws(ShenbaoFailure) {
            while !finished {
                try feed()
                try afterChunk(self)
            }
        }

        /// Parses the next chunk; the last one ends the document.
        func feed() throws(ShenbaoFailure) {
            let count = min(XMLPushParser.chunkSize, bytes.count - fed)
            let last = fed + count == bytes.count
            let status = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlParseChunk(context, $0.baseAddress.map { $0 + fed }, Int32(count), last ? 1 : 0)
                }
            }
            fed += count
            finished = finished || last
            if let failure = sink.failure { finished = true; throw failure }
            if sink.declared { finished = true; throw XMLHardening.declarationFailure(part: part, file: file, refusal) }
            if sink.tooDeep { finished = true; throw XMLHardening.tooDeepFailure(part: part, file: file, refusal) }
            if status != 0 || context.pointee.wellFormed == 0 {
                finished = true
                throw XMLHardening.malformedFailure(part: part, file: file, refusal, error: context.pointee.lastError)
            }
        }
    }

    /// What libxml2's callbacks see as their user data: forwards to the handler, counts depth,
    /// and keeps the first failure (stopping the parser).
    private final class Sink {
        let handler: any XMLContentHandler
        var context: xmlParserCtxtPtr?
        var depth = 0
        var tooDeep = false
        var declared = false
        var failure: ShenbaoFailure?

        init(handler: any XMLContentHandler) { self.handler = handler }

        func stop() { if let context { xmlStopParser(context) } }

        func guarded(_ body: () throws(ShenbaoFailure) -> Void) {
            guard failure == nil else { return }
            do { try body() } catch {
                failure = error
                stop()
            }
        }

        static func from(_ context: UnsafeMutableRawPointer?) -> Sink? {
            context.map { Unmanaged<Sink>.fromOpaque($0).takeUnretainedValue() }
        }

        static func callbacks() -> xmlSAXHandler {
            var h = xmlSAXHandler()
            h.initialized = UInt32(XML_SAX2_MAGIC)
            h.internalSubset = { context, _, _, _ in
                guard let sink = Sink.from(context) else { return }
                sink.declared = true
                sink.stop()
            }
            h.startElementNs = { context, name, _, _, _, _, count, _, attributes in
                guard let sink = Sink.from(context), let name else { return }
                sink.depth += 1
                if sink.depth > XMLHardening.maxDepth {
                    sink.tooDeep = true
                    sink.stop()
                    return
                }
                sink.guarded { () throws(ShenbaoFailure) in
                    try sink.handler.start(XMLTag(localName: name, pointers: attributes, count: Int(count)))
                }
            }
            h.endElementNs = { context, name, _, _ in
                guard let sink = Sink.from(context), let name else { return }
                sink.depth -= 1
                sink.guarded { () throws(ShenbaoFailure) in try sink.handler.end(XMLName(name)) }
            }
            let characters: charactersSAXFunc = { context, bytes, count in
                guard let sink = Sink.from(context), let bytes, count > 0 else { return }
                sink.guarded { () throws(ShenbaoFailure) in
                    try sink.handler.text(UnsafeBufferPointer(start: bytes, count: Int(count)))
                }
            }
            h.characters = characters
            h.cdataBlock = characters
            return h
        }
    }
}
