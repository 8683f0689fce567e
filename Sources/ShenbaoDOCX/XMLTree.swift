import ShenbaoCore
import ShenbaoTemplate

/// A mutable XML element tree, the form a template part takes while it is compiled.
///
/// Built from libxml2's parse (`XMLParsing`), annotated in place (tags found, sections placed),
/// then written back out as the compiled part's byte pieces. Qualified names are kept exactly
/// as written (`w:p`), and namespace declarations are ordinary attributes, so writing an
/// untouched element reproduces it.
final class XElement {
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [XNode]
    weak var parent: XElement?

    // Compilation annotations.
    /// For a text carrier (`w:t`): its text split at the tags found in it.
    var segments: [TextSegment]?
    /// Section markers placed just before / after this element (row and paragraph sections).
    var before: [PieceEvent] = []
    var after: [PieceEvent] = []
    /// A tag-only paragraph that disappears from the output.
    var dropped = false
    /// A placeholder picture's `a:blip`: its relationship attribute (`r:embed`) points at the
    /// image the expression names, once filled.
    var placeholder: (attribute: String, expression: Expression, location: String)?

    init(name: String, attributes: [(name: String, value: String)] = [], children: [XNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements, in order.
    var elements: [XElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// The first child element named `name`.
    func child(_ name: String) -> XElement? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// The concatenated text of the direct text children.
    var text: String {
        var s = ""
        for case .text(let t) in children { s += t }
        return s
    }

    /// Every descendant element (depth first, document order), not including self.
    func forEachDescendant(_ body: (XElement) -> Void) {
        for case .element(let e) in children {
            body(e)
            e.forEachDescendant(body)
        }
    }

    /// The nearest ancestor named `name`.
    func ancestor(_ name: String) -> XElement? {
        var p = parent
        while let e = p {
            if e.name == name { return e }
            p = e.parent
        }
        return nil
    }

    /// Ancestors from the parent up to the root.
    var ancestors: [XElement] {
        var list: [XElement] = []
        var p = parent
        while let e = p { list.append(e); p = e.parent }
        return list
    }
}

/// A node of the tree.
enum XNode {
    case element(XElement)
    case text(String)
    case comment(String)
    case processingInstruction(target: String, content: String)
}

/// A parsed XML part: its declaration and root.
final class XDocument {
    var root: XElement
    /// `standalone="yes"` in the declaration (Word writes it on every part).
    var standalone: Bool

    init(root: XElement, standalone: Bool) {
        self.root = root
        self.standalone = standalone
    }
}

extension XElement {
    /// Writes the start tag (`<w:p a="b">`).
    func writeStartTag(into out: inout [UInt8], selfClosing: Bool = false) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        for (n, v) in attributes {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: n.utf8)
            out.append(contentsOf: "=\"".utf8)
            MarkupEscape.append(v, as: .xmlAttribute, into: &out)
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: selfClosing ? "/>".utf8 : ">".utf8)
    }

    func writeEndTag(into out: inout [UInt8]) {
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
    }

    /// Serialises this element as it is, ignoring annotations.
    func write(into out: inout [UInt8]) {
        if children.isEmpty {
            writeStartTag(into: &out, selfClosing: true)
            return
        }
        writeStartTag(into: &out)
        for child in children { child.write(into: &out) }
        writeEndTag(into: &out)
    }
}

extension XNode {
    func write(into out: inout [UInt8]) {
        switch self {
        case .element(let e): e.write(into: &out)
        case .text(let t): MarkupEscape.append(t, as: .xmlText, into: &out)
        case .comment(let c):
            out.append(contentsOf: "<!--".utf8); out.append(contentsOf: c.utf8); out.append(contentsOf: "-->".utf8)
        case .processingInstruction(let target, let content):
            out.append(contentsOf: "<?".utf8); out.append(contentsOf: target.utf8)
            if !content.isEmpty { out.append(UInt8(ascii: " ")); out.append(contentsOf: content.utf8) }
            out.append(contentsOf: "?>".utf8)
        }
    }
}

extension XDocument {
    /// The XML declaration Word writes on every part.
    var declaration: [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"UTF-8\"\(standalone ? " standalone=\"yes\"" : "")?>\r\n".utf8)
    }

    /// The whole document, as it is (no annotations applied).
    func serialized() -> [UInt8] {
        var out = declaration
        root.write(into: &out)
        return out
    }
}
