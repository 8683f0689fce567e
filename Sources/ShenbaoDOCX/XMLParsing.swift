import CLibXML2
import ShenbaoCore
import ShenbaoXML

/// Parses package parts into `XElement` trees under `XMLHardening`'s rules for untrusted input
/// (no network, no DTDs, no entities, bounded nesting), reporting with the `docx.` ids.
enum XMLParsing {
    /// How a refused Word part is reported.
    static let refusal = XMLRefusal(declaration: .docxDtd, malformed: .docxXml, tooDeep: .docxTooDeep,
                                    subject: Localized(zh: "模板", en: "the template"))

    static func parse(_ bytes: [UInt8], part: String, file: String?) throws(ShenbaoFailure) -> XDocument {
        var tooDeep = false
        let document = try XMLHardening.withDocument(bytes, part: part, file: file, refusal) { root, standalone in
            XDocument(root: convert(root, depth: 0, tooDeep: &tooDeep), standalone: standalone)
        }
        if tooDeep { throw XMLHardening.tooDeepFailure(part: part, file: file, refusal) }
        return document
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func qualified(_ name: UnsafePointer<xmlChar>?, _ ns: UnsafeMutablePointer<xmlNs>?) -> String {
        let local = string(name)
        if let ns, let prefix = ns.pointee.prefix { return string(prefix) + ":" + local }
        return local
    }

    private static func convert(_ node: UnsafeMutablePointer<xmlNode>, depth: Int, tooDeep: inout Bool) -> XElement {
        let element = XElement(name: qualified(node.pointee.name, node.pointee.ns))
        var ns = node.pointee.nsDef
        while let n = ns {
            let prefix = n.pointee.prefix.map { "xmlns:" + string($0) } ?? "xmlns"
            element.attributes.append((prefix, string(n.pointee.href)))
            ns = n.pointee.next
        }
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                value += string(c.pointee.content)
                child = c.pointee.next
            }
            element.attributes.append((qualified(a.pointee.name, a.pointee.ns), value))
            attr = a.pointee.next
        }
        if depth >= XMLHardening.maxDepth {
            tooDeep = true
            return element
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                let e = convert(c, depth: depth + 1, tooDeep: &tooDeep)
                e.parent = element
                element.children.append(.element(e))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = string(c.pointee.content)
                if case .text(let previous)? = element.children.last {
                    element.children[element.children.count - 1] = .text(previous + text)
                } else {
                    element.children.append(.text(text))
                }
            case XML_COMMENT_NODE:
                element.children.append(.comment(string(c.pointee.content)))
            case XML_PI_NODE:
                element.children.append(.processingInstruction(target: string(c.pointee.name), content: string(c.pointee.content)))
            default:
                break
            }
            child = c.pointee.next
        }
        return element
    }
}
