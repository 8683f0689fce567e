import ShenbaoCore
import ShenbaoZip
import ShenbaoXML

/// The parts of a Word package a fill reads, found as Word finds them (ECMA-376 Part 2, OPC):
/// the main document through the package relationships (`_rels/.rels`), headers, footers and
/// notes through the main part's relationships, content types from `[Content_Types].xml`.
struct DOCXPackage: Sendable {
    let archive: ZipArchive
    /// `word/document.xml` (or whatever `_rels/.rels` names).
    let mainPart: String
    /// The parts whose text may hold tags, main document first, in package order after it.
    let templatedParts: [TemplatedPart]
    /// Lower-cased extension → content type (`Default` entries).
    let defaultTypes: [String: String]

    struct TemplatedPart: Sendable, Hashable {
        var name: String
        /// WordprocessingML (`w:p`/`w:t`) or plain text fields (core properties).
        var isWordprocessing: Bool
    }

    static let officeDocumentTypes = ["/officeDocument/2006/relationships/officeDocument",
                                      "/officeDocument/relationships/officeDocument"]
    static let corePropertiesSuffix = "/metadata/core-properties"
    static let noteAndHeaderSuffixes = ["/relationships/header", "/relationships/footer",
                                        "/relationships/footnotes", "/relationships/endnotes"]

    init(archive: ZipArchive, file: String?) throws(ShenbaoFailure) {
        self.archive = archive
        func refuse(_ id: Diagnostic.ID, _ zh: String, _ en: String) -> ShenbaoFailure {
            ShenbaoFailure.unusable(id, file: file, zh: zh, en: en)
        }
        // Content types.
        guard let typesBytes = try Self.read(archive, "[Content_Types].xml", file) else {
            throw refuse(.docxNotWord, "缺少 [Content_Types].xml，不是 Word 文档", "[Content_Types].xml is missing: not a Word document")
        }
        let types = try XMLParsing.parse(typesBytes, part: "[Content_Types].xml", file: file)
        var defaults: [String: String] = [:], overrides: [String: String] = [:]
        for e in types.root.elements {
            if e.name.hasSuffix("Default"), let ext = e.attribute("Extension"), let type = e.attribute("ContentType") {
                defaults[ext.lowercased()] = type
            } else if e.name.hasSuffix("Override"), let part = e.attribute("PartName"), let type = e.attribute("ContentType") {
                overrides[Self.normalise(part).lowercased()] = type
            }
        }
        defaultTypes = defaults
        func contentType(_ part: String) -> String? {
            if let t = overrides[part.lowercased()] { return t }
            guard let dot = part.lastIndex(of: "."), !part[dot...].contains("/") else { return nil }
            return defaults[part[part.index(after: dot)...].lowercased()]
        }

        // Package relationships → main document and core properties.
        guard let rootRels = try Self.read(archive, "_rels/.rels", file) else {
            throw refuse(.docxNoMainPart, "缺少 _rels/.rels，找不到主文档部件", "_rels/.rels is missing: no main document part")
        }
        let relationships = try OPCRelationships.read(rootRels, part: "_rels/.rels", source: "", file: file, XMLParsing.refusal)
        guard let main = relationships.first(where: { rel in Self.officeDocumentTypes.contains { rel.type.hasSuffix($0) } })?.target,
              archive.entry(named: main) != nil else {
            throw refuse(.docxNoMainPart, "找不到主文档部件（_rels/.rels 中没有 officeDocument 关系或其目标不存在）",
                         "no main document part (_rels/.rels names no officeDocument, or its target is absent)")
        }
        guard let mainType = contentType(main), mainType.contains("wordprocessingml") || mainType.contains("ms-word") else {
            throw refuse(.docxNotWord, "主文档部件 \(main) 不是 Word 文档（内容类型 \(contentType(main) ?? "未知")）",
                         "main part \(main) is not a Word document (content type \(contentType(main) ?? "unknown"))")
        }
        mainPart = main
        var parts = [TemplatedPart(name: main, isWordprocessing: true)]
        let mainRelsName = OPCRelationships.relsName(of: main)
        if let mainRels = try Self.read(archive, mainRelsName, file) {
            var seen: Set<String> = [main]
            for rel in try OPCRelationships.read(mainRels, part: mainRelsName, source: main, file: file, XMLParsing.refusal)
            where Self.noteAndHeaderSuffixes.contains(where: { rel.type.hasSuffix($0) }) && !rel.external {
                if archive.entry(named: rel.target) != nil, seen.insert(rel.target).inserted {
                    parts.append(TemplatedPart(name: rel.target, isWordprocessing: true))
                }
            }
        }
        if let core = relationships.first(where: { $0.type.hasSuffix(Self.corePropertiesSuffix) })?.target,
           archive.entry(named: core) != nil {
            parts.append(TemplatedPart(name: core, isWordprocessing: false))
        }
        templatedParts = parts
    }

    static func read(_ archive: ZipArchive, _ name: String, _ file: String?) throws(ShenbaoFailure) -> [UInt8]? {
        do { return try archive.contents(named: name) } catch { throw error.failure(file: file) }
    }

    /// A part name without its leading `/`.
    static func normalise(_ name: String) -> String {
        name.hasPrefix("/") ? String(name.dropFirst()) : name
    }
}
