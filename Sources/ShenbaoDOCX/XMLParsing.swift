import CLibXML2
import ShenbaoCore

/// Parses package parts with libxml2 under the rules for untrusted input.
///
/// No network (`XML_PARSE_NONET`), no DTD loading, no entity substitution; a part that
/// declares a DOCTYPE or an entity at all is refused before parsing (billion-laughs and XXE
/// need one, and no part Word writes has one); nesting deeper than `maxDepth` is refused.
enum XMLParsing {
    /// Deeper than any real document (Word's tables in tables rarely pass 40 levels).
    static let maxDepth = 256

    static func parse(_ bytes: [UInt8], part: String, file: String?) throws(ShenbaoFailure) -> XDocument {
        if containsDeclaration(bytes) {
            throw ShenbaoFailure.unusable(.docxDtd, file: file,
                zh: "\(part) 含有 DTD 或实体声明（DOCTYPE/ENTITY），出于安全考虑已拒绝该模板",
                en: "\(part) contains a DTD or entity declaration (DOCTYPE/ENTITY); the template is refused for safety")
        }
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else {
            throw ShenbaoFailure.unusable(.docxXml, file: file, zh: "无法创建 XML 解析器", en: "cannot create an XML parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, Int32(buffer.count), part, "UTF-8", options)
            }
        }
        guard let doc = parsed else {
            let error = context.pointee.lastError
            let message = error.message.map { String(String(cString: $0).filter { $0 != "\n" }) } ?? "?"
            throw ShenbaoFailure.unusable(.docxXml, file: file,
                zh: "\(part) 第 \(error.line) 行：XML 格式错误：\(message)",
                en: "\(part) line \(error.line): malformed XML: \(message)")
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw ShenbaoFailure.unusable(.docxDtd, file: file,
                zh: "\(part) 含有 DTD 声明，出于安全考虑已拒绝该模板",
                en: "\(part) contains a DTD declaration; the template is refused for safety")
        }
        guard let rootNode = xmlDocGetRootElement(doc) else {
            throw ShenbaoFailure.unusable(.docxXml, file: file, zh: "\(part) 没有根元素", en: "\(part) has no root element")
        }
        var tooDeep = false
        let root = convert(rootNode, depth: 0, tooDeep: &tooDeep)
        if tooDeep {
            throw ShenbaoFailure.unusable(.docxTooDeep, file: file,
                zh: "\(part) 的元素嵌套超过 \(maxDepth) 层，已拒绝", en: "\(part) nests elements deeper than \(maxDepth) levels; refused")
        }
        return XDocument(root: root, standalone: doc.pointee.standalone == 1)
    }

    /// `<!DOCTYPE` or `<!ENTITY` anywhere in the bytes.
    static func containsDeclaration(_ bytes: [UInt8]) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8), entity = Array("<!ENTITY".utf8)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "!") {
                if bytes[i...].starts(with: doctype) || bytes[i...].starts(with: entity) { return true }
            }
            i += 1
        }
        return false
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
        if depth >= maxDepth {
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
