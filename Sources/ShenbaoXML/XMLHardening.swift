import CLibXML2
import ShenbaoCore

/// Which diagnostics a refused or malformed part is reported with, and what the user's file is
/// called in the message: each package format has its own ids (`docx.dtd`, `sheet.dtd`), so a
/// script can tell a hostile Word template from a hostile workbook.
public struct XMLRefusal: Sendable {
    /// A DOCTYPE or ENTITY declaration.
    public var declaration: Diagnostic.ID
    /// Not well-formed XML, or no root element.
    public var malformed: Diagnostic.ID
    /// Nesting deeper than `XMLHardening.maxDepth`.
    public var tooDeep: Diagnostic.ID
    /// What is refused, in both languages: 模板 / the template.
    public var subject: Localized

    public init(declaration: Diagnostic.ID, malformed: Diagnostic.ID, tooDeep: Diagnostic.ID, subject: Localized) {
        self.declaration = declaration
        self.malformed = malformed
        self.tooDeep = tooDeep
        self.subject = subject
    }
}

/// The one policy for parsing XML parts of untrusted packages (Word templates, workbooks) with
/// libxml2: no network (`XML_PARSE_NONET`), no DTD loading, no entity substitution, and a part
/// that declares a DOCTYPE or an entity at all is refused before parsing — billion-laughs and
/// XXE both need one, and no part Word, Excel, WPS or LibreOffice writes has one (ECMA-376
/// Part 2 §8.1.4 forbids DTDs in OPC parts). Nesting deeper than `maxDepth` is refused.
public enum XMLHardening {
    /// Deeper than any real part (Word's tables in tables rarely pass 40 levels; sheets use 6).
    public static let maxDepth = 256

    /// Options for every parse: no network, no error printing (errors are reported as diagnostics),
    /// CDATA as text. Entities are not substituted (`XML_PARSE_NOENT` is absent) and no DTD is loaded.
    public static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                                      | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// `<!DOCTYPE` or `<!ENTITY` anywhere in the bytes (parts are parsed as UTF-8, so a declaration
    /// cannot hide in another encoding).
    public static func containsDeclaration(_ bytes: [UInt8]) -> Bool {
        let doctype = Array("DOCTYPE".utf8), entity = Array("ENTITY".utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            var i = 0
            while i + 8 < n {
                if buffer[i] == UInt8(ascii: "<"), buffer[i + 1] == UInt8(ascii: "!") {
                    let rest = buffer[(i + 2)...]
                    if rest.starts(with: doctype) || rest.starts(with: entity) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The failure for a part that declares a DTD or entity.
    public static func declarationFailure(part: String, file: String?, _ refusal: XMLRefusal) -> ShenbaoFailure {
        ShenbaoFailure.unusable(refusal.declaration, file: file,
            zh: "\(part) 含有 DTD 或实体声明（DOCTYPE/ENTITY），出于安全考虑已拒绝该\(refusal.subject.zh)",
            en: "\(part) contains a DTD or entity declaration (DOCTYPE/ENTITY); \(refusal.subject.en) is refused for safety")
    }

    /// The failure for a part nested deeper than `maxDepth`.
    public static func tooDeepFailure(part: String, file: String?, _ refusal: XMLRefusal) -> ShenbaoFailure {
        ShenbaoFailure.unusable(refusal.tooDeep, file: file,
            zh: "\(part) 的元素嵌套超过 \(maxDepth) 层，已拒绝", en: "\(part) nests elements deeper than \(maxDepth) levels; refused")
    }

    /// The failure for a part that is not well-formed, from libxml2's error (nil: none recorded).
    static func malformedFailure(part: String, file: String?, _ refusal: XMLRefusal, error: xmlError?) -> ShenbaoFailure {
        let line = error.map { Int($0.line) } ?? 0
        let message = error?.message.map { String(cString: $0).filter { $0 != "\n" } } ?? "?"
        return ShenbaoFailure.unusable(refusal.malformed, file: file,
            zh: "\(part) 第 \(line) 行：XML 格式错误：\(message)",
            en: "\(part) line \(line): malformed XML: \(message)")
    }

    /// Parses a whole part into libxml2's tree and hands its root to `body` (for callers that
    /// rewrite parts, such as Word templates); the tree is freed when `body` returns. Refuses
    /// declarations, malformed XML and parts without a root; `body` enforces `maxDepth` as it walks.
    public static func withDocument<T>(_ bytes: [UInt8], part: String, file: String?, _ refusal: XMLRefusal,
                                       _ body: (_ root: UnsafeMutablePointer<xmlNode>, _ standalone: Bool) -> T) throws(ShenbaoFailure) -> T {
        if containsDeclaration(bytes) { throw declarationFailure(part: part, file: file, refusal) }
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else {
            throw ShenbaoFailure.unusable(refusal.malformed, file: file, zh: "无法创建 XML 解析器", en: "cannot create an XML parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), part, "UTF-8", options)
            }
        }
        guard let doc = parsed else {
            throw malformedFailure(part: part, file: file, refusal, error: context.pointee.lastError)
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw declarationFailure(part: part, file: file, refusal)
        }
        guard let root = xmlDocGetRootElement(doc) else {
            throw ShenbaoFailure.unusable(refusal.malformed, file: file, zh: "\(part) 没有根元素", en: "\(part) has no root element")
        }
        return body(root, doc.pointee.standalone == 1)
    }
}
