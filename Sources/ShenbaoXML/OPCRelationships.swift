import ShenbaoCore

/// One relationship of an Open Packaging Conventions part (ECMA-376 Part 2 §9.3): how a Word
/// document finds its headers and a workbook its worksheets.
public struct OPCRelationship: Sendable, Hashable {
    public var id: String
    /// The relationship type URI; compare by suffix, as transitional and strict packages differ in the prefix.
    public var type: String
    /// The target part name resolved against the source part (no leading `/`), or the URI as
    /// written when `external`.
    public var target: String
    public var external: Bool
}

/// Reading `.rels` parts and resolving their targets (ECMA-376 Part 2 §9.3): the one copy the
/// DOCX and XLSX readers share.
public enum OPCRelationships {
    /// The relationships in `bytes` (the part `part`), targets resolved against `source`, the
    /// part they belong to (`""` for the package's own `_rels/.rels`).
    public static func read(_ bytes: [UInt8], part: String, source: String, file: String?,
                            _ refusal: XMLRefusal) throws(ShenbaoFailure) -> [OPCRelationship] {
        let reader = try XMLStreamReader(bytes, part: part, file: file, refusal)
        var out: [OPCRelationship] = []
        while let event = try reader.next() {
            guard case .start(let e) = event, e.name == "Relationship", let id = e.attribute("Id"),
                  let type = e.attribute("Type"), let target = e.attribute("Target") else { continue }
            let external = e.attribute("TargetMode") == "External"
            out.append(OPCRelationship(id: id, type: type, target: external ? target : resolve(target, from: source),
                                       external: external))
        }
        return out
    }

    /// `word/_rels/document.xml.rels` for `word/document.xml` (Part 2 §9.3.1).
    public static func relsName(of part: String) -> String {
        if let slash = part.lastIndex(of: "/") {
            return part[..<slash] + "/_rels/" + part[part.index(after: slash)...] + ".rels"
        }
        return "_rels/" + part + ".rels"
    }

    /// Resolves a relationship target against the folder of its source part (Part 2 §9.3.2,
    /// RFC 3986 §5.2 on part names): `../media/a.png` from `word/document.xml` → `media/a.png`.
    public static func resolve(_ target: String, from source: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var folder = source.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !folder.isEmpty { folder.removeLast() }
            default: folder.append(String(component))
            }
        }
        return folder.joined(separator: "/")
    }
}
