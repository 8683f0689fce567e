import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XML re-serialised so that two documents print the same exactly when they mean the same, and a
/// change reads as a small diff: one element per line, indented by depth, attributes (namespace
/// declarations among them) sorted by name, the whitespace between elements dropped, and text
/// kept byte for byte on its element's line (as docxtemplater's `xmlprettify` does for its goldens).
public enum CanonicalXML {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The canonical lines of the XML document `bytes`, each ending in "\n". Throws unless the
    /// document is well-formed: FoundationXML's `XMLParser` is strict where its `XMLDocument`
    /// quietly repairs (a mismatched end tag, a repeated attribute), which would hide a broken part.
    public static func format(_ bytes: [UInt8]) throws -> String {
        let parser = XMLParser(data: Data(bytes))
        let writer = Writer()
        parser.delegate = writer
        let parsed = parser.parse()
        // The parser reports some truncated documents as parsed, so the root must have been closed.
        guard parsed, parser.parserError == nil, writer.depth == 0, writer.closedRoot else {
            let reason = parser.parserError.map { "error \(($0 as NSError).code)" } ?? "no complete root element"
            throw Failure(description: "not well-formed XML (\(reason) near line \(parser.lineNumber))")
        }
        return (declaration(bytes).map { $0 + "\n" } ?? "") + writer.out
    }

    /// The XML declaration as written, its spacing normalised (the parser does not report it).
    static func declaration(_ bytes: [UInt8]) -> String? {
        var text = bytes.prefix(200)[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        guard text.starts(with: "<?xml".utf8) else { return nil }
        let head = String(decoding: text, as: UTF8.self)
        guard let end = head.range(of: "?>") else { return nil }
        return head[..<end.upperBound].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Writes the parser's events as they come. An element's start tag waits (`pending`) until
    /// its first child: an element that holds only text is written whole on one line.
    private final class Writer: NSObject, XMLParserDelegate {
        var out = ""
        /// Elements open now.
        var depth = 0
        /// Whether the root element has ended.
        var closedRoot = false
        private var pending: String?
        /// Characters since the last tag.
        private var text = ""

        private func pad(_ level: Int) -> String { String(repeating: "  ", count: max(0, level)) }

        private func flushPending() {
            guard let open = pending else { return }
            out += pad(depth - 1) + open + ">\n"
            pending = nil
        }

        /// Text among elements (mixed content) on its own line; whitespace there is the file's layout.
        private func flushText() {
            if !text.allSatisfy(\.isWhitespace) { out += pad(depth) + CanonicalXML.escape(text, quote: false) + "\n" }
            text = ""
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            flushPending()
            flushText()
            // Namespace declarations come among the attributes (namespaces are not processed).
            let sorted = attributes.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            pending = "<" + name + sorted.map { " \($0.key)=\"\(CanonicalXML.escape($0.value, quote: true))\"" }.joined()
            depth += 1
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let open = pending {
                out += pad(depth - 1) + open + (text.isEmpty ? "/>" : ">" + CanonicalXML.escape(text, quote: false) + "</\(name)>") + "\n"
                pending = nil
                text = ""
            } else {
                flushText()
                out += pad(depth - 1) + "</\(name)>\n"
            }
            depth -= 1
            if depth == 0 { closedRoot = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, foundComment comment: String) {
            flushPending()
            flushText()
            out += pad(depth) + "<!--" + comment + "-->\n"
        }

        func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
            flushPending()
            flushText()
            out += pad(depth) + "<?" + target + (data.map { " " + $0 } ?? "") + "?>\n"
        }
    }

    /// `&`, `<`, `>` (and `"` in attribute values) escaped, and line breaks and tabs as character
    /// references, so that every element stays on one line.
    static func escape(_ text: String, quote: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quote: out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
