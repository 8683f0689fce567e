import ShenbaoCore
import ShenbaoTemplate
import ShenbaoZip
import ShenbaoXML

/// A user's tagged Word template, parsed and compiled once, filled many times
/// (spec/template-language.md, "In Word templates").
///
/// Parts without tags are copied into every output compressed, byte for byte; parts with tags
/// are compiled to pieces, so a fill is mostly appending bytes. Output is deterministic.
public struct DOCXTemplate: Sendable {
    /// The template's file name, for messages.
    public let file: String?
    let package: DOCXPackage
    let compiled: [String: CompiledPart]
    /// Every tag of the template, in part order, for `check-template`.
    public let tags: [DOCXTag]

    /// A part the fill parses into a tree may not be larger than this: real documents are a few
    /// megabytes, and a tree costs many times its text in memory.
    public static let maxPartBytes = 64 << 20

    /// Reads and compiles a template, refusing unsafe packages and reporting every template error at once.
    public init(bytes: [UInt8], file: String? = nil, delimiters: Delimiters = .mustache) throws(ShenbaoFailure) {
        self.file = file
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes) } catch { throw error.failure(file: file) }
        // Every XML part is checked for DTDs, not only those filled: Word parses them all.
        for entry in archive.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
            let contents: [UInt8]
            do { contents = try archive.contents(of: entry) } catch { throw error.failure(file: file) }
            if XMLHardening.containsDeclaration(contents) {
                throw XMLHardening.declarationFailure(part: entry.name, file: file, XMLParsing.refusal)
            }
        }
        package = try DOCXPackage(archive: archive, file: file)
        var compiled: [String: CompiledPart] = [:]
        var diagnostics: [Diagnostic] = []
        var tags: [DOCXTag] = []
        for part in package.templatedParts {
            if let entry = archive.entry(named: part.name), entry.uncompressedSize > Self.maxPartBytes {
                throw ShenbaoFailure.unusable(.docxPartTooLarge, file: file,
                    zh: "\(part.name) 解压后超过 \(Self.maxPartBytes >> 20) MB，已拒绝", en: "\(part.name) expands beyond \(Self.maxPartBytes >> 20) MB; refused")
            }
            guard let contents = try DOCXPackage.read(archive, part.name, file) else { continue }
            let document = try XMLParsing.parse(contents, part: part.name, file: file)
            let compiler = PartCompiler(part: part.name, file: file, document: document, wordprocessing: part.isWordprocessing)
            if let result = compiler.compile(delimiters: delimiters) { compiled[part.name] = result }
            diagnostics += compiler.diagnostics
            for found in compiler.tags {
                guard let expression = found.token.expression else { continue }
                let kind: DOCXTag.Kind
                switch found.token.kind {
                case .interpolation: kind = .value
                case .section: kind = .section
                case .inverted: kind = .invertedSection
                case .image: kind = .image
                default: continue
                }
                tags.append(DOCXTag(kind: kind, expression: expression, location: compiler.location(found.paragraph), scopes: found.scopes))
            }
            for placeholder in compiler.placeholders {
                tags.append(DOCXTag(kind: .image, expression: placeholder.expression, location: placeholder.location,
                                    scopes: compiler.scopes(atParagraph: placeholder.paragraph)))
            }
        }
        if !diagnostics.isEmpty { throw ShenbaoFailure(.unusableInput, diagnostics) }
        self.compiled = compiled
        self.tags = tags
    }

    /// Fills the template with `data` and returns the `.docx` bytes.
    ///
    /// - Parameters:
    ///   - strict: missing values are an error (exit 1) listing every missing path and where its tag is.
    ///   - dataFile: the data's file name, for messages.
    ///   - resourceDirectory: where relative image paths in the data are looked up (the data file's folder).
    public func fill(_ data: Value, strict: Bool = false, dataFile: String? = nil,
                     resourceDirectory: String? = nil) throws(ShenbaoFailure) -> [UInt8] {
        try fillReporting(data, strict: strict, dataFile: dataFile, resourceDirectory: resourceDirectory).bytes
    }

    /// `fill`, with the warnings a filled document carries: values whose control characters
    /// were dropped (`text.control_character`, once per path).
    public func fillReporting(_ data: Value, strict: Bool = false, dataFile: String? = nil,
                              resourceDirectory: String? = nil) throws(ShenbaoFailure) -> (bytes: [UInt8], warnings: [Diagnostic]) {
        let archive = package.archive
        var state = FillState(images: ImageSet(baseDirectory: resourceDirectory, taken: Set(archive.entries.map(\.name))))
        var rendered: [String: [UInt8]] = [:]
        let context = Context(root: data)
        for part in package.templatedParts {
            guard let compiledPart = compiled[part.name] else { continue }
            state.part = part.name
            state.out = []
            state.out.reserveCapacity(archive.entry(named: part.name).map { $0.uncompressedSize + 1024 } ?? 4096)
            state.rows = 0
            PartRenderer.render(compiledPart.pieces, context, word: compiledPart.isWordprocessing, into: &state)
            rendered[part.name] = state.out
        }
        if !state.problems.isEmpty {
            throw ShenbaoFailure(.unusableInput, state.problems.map { var d = $0; d.file = dataFile; return d })
        }
        if strict && !state.missing.isEmpty {
            throw ShenbaoFailure(.invalidData, state.missing.map { item in
                Diagnostic(id: .templateMissingValue, file: dataFile, path: item.path,
                           message: Localized(zh: "数据中缺少该值（模板 \(item.location) 用到）",
                                              en: "no value in the data (used at \(item.location) of the template)"))
            })
        }

        // Relationship and content-type additions for images.
        var extraEntries: [(String, [UInt8])] = []
        var replaced: [String: [UInt8]] = [:]
        let images = state.images
        for (part, list) in images.relationships.sorted(by: { $0.key < $1.key }) {
            let relsName = OPCRelationships.relsName(of: part)
            let partFolder = part.split(separator: "/").dropLast().joined(separator: "/")
            var xml = ""
            for (id, index) in list {
                let target = Self.relative(images.media[index].name, from: partFolder)
                xml += "<Relationship Id=\"\(id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"\(target)\"/>"
            }
            if let existing = try DOCXPackage.read(archive, relsName, file) {
                replaced[relsName] = Self.insert(xml, beforeLast: "</Relationships>", in: existing)
            } else {
                extraEntries.append((relsName, Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(xml)</Relationships>").utf8)))
            }
        }
        let missingTypes = images.extensions.filter { package.defaultTypes[$0] == nil }.sorted()
        if !missingTypes.isEmpty, let types = try DOCXPackage.read(archive, "[Content_Types].xml", file) {
            let xml = missingTypes.map { "<Default Extension=\"\($0)\" ContentType=\"image/\($0 == "jpg" ? "jpeg" : $0)\"/>" }.joined()
            replaced["[Content_Types].xml"] = Self.insert(xml, beforeLast: "</Types>", in: types)
        }

        var writer = ZipWriter(reservingCapacity: archive.bytes.count + 64 * 1024)
        for entry in archive.entries {
            if let bytes = rendered[entry.name] ?? replaced[entry.name] {
                writer.add(entry.name, contents: bytes)
            } else {
                writer.copy(entry, from: archive)
            }
        }
        for (name, bytes) in extraEntries { writer.add(name, contents: bytes) }
        for media in images.media { writer.add(media.name, contents: media.bytes) }
        let warnings = state.dropped.map { path in
            Diagnostic(id: .textControlCharacter, severity: .warning, file: dataFile, path: path, message: Localized(
                zh: "含有不可打印的控制字符（常见于从 Word 复制的文字）；已去掉，换页符和垂直制表符改为换行",
                en: "holds control characters that cannot be printed (common in text copied from Word); dropped, vertical tabs and form feeds became line breaks"))
        }
        return (writer.finish(), warnings)
    }

    static func insert(_ xml: String, beforeLast marker: String, in bytes: [UInt8]) -> [UInt8] {
        let needle = Array(marker.utf8)
        var at = bytes.count - needle.count
        while at >= 0 {
            if bytes[at] == needle[0], bytes[at ..< at + needle.count].elementsEqual(needle) {
                return Array(bytes[..<at]) + Array(xml.utf8) + Array(bytes[at...])
            }
            at -= 1
        }
        return bytes
    }

    /// `media/x.png` from folder `word` for `word/media/x.png`.
    static func relative(_ target: String, from folder: String) -> String {
        if folder.isEmpty { return target }
        if target.hasPrefix(folder + "/") { return String(target.dropFirst(folder.count + 1)) }
        return "/" + target
    }
}
