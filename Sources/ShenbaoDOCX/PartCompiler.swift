import ShenbaoCore
import ShenbaoTemplate

/// Compiles one templated part: finds the tags in each paragraph's joined text, pairs the
/// sections, decides where each section repeats (inline, table row, paragraphs, or the text
/// stream between its tags) and turns the annotated tree into `Piece`s.
///
/// Errors are collected, never thrown one at a time: a template author sees them all at once.
final class PartCompiler {
    let part: String
    let file: String?
    let document: XDocument
    let wordprocessing: Bool
    var paragraphs: [ParagraphText]
    var tags: [FoundTag] = []
    var sections: [(open: Int, close: Int)] = []
    var diagnostics: [Diagnostic] = []
    private var touched: [XElement] = []
    /// Placeholder pictures: the image tag in their alternative text, where, and the sections around.
    var placeholders: [(expression: Expression, location: String, paragraph: Int?)] = []
    /// Paths of the sections open where each paragraph starts.
    private var scopesAtParagraph: [[String]] = []

    /// The section paths around paragraph `p` (for check-template).
    func scopes(atParagraph p: Int?) -> [String] {
        guard let p, p < scopesAtParagraph.count else { return [] }
        return scopesAtParagraph[p]
    }

    init(part: String, file: String?, document: XDocument, wordprocessing: Bool) {
        self.part = part
        self.file = file
        self.document = document
        self.wordprocessing = wordprocessing
        paragraphs = wordprocessing ? ParagraphText.collect(wordprocessing: document.root)
                                    : ParagraphText.collect(plain: document.root)
    }

    func location(_ p: Int) -> String { "\(part) ¶\(paragraphs[p].number)" }

    private func error(_ id: Diagnostic.ID, paragraph p: Int, offset: Int, zh: String, en: String) {
        let excerpt = paragraphs[p].excerpt(at: offset)
        diagnostics.append(Diagnostic(id: id, file: file, path: location(p),
                                      message: Localized(zh: "\(zh)（“\(excerpt)”）", en: "\(en) (\"\(excerpt)\")")))
    }

    /// Runs every stage; nil when the part holds no tag (it is then copied unchanged).
    func compile(delimiters: Delimiters) -> CompiledPart? {
        lex(delimiters)
        findPlaceholders(delimiters)
        guard !tags.isEmpty || !placeholders.isEmpty else {
            sortDiagnostics()
            return nil
        }
        pair()
        // Pairing stops at the first section past the nesting limit; nothing after it is reliable.
        if diagnostics.contains(where: { $0.id == .templateTooDeep }) {
            sortDiagnostics()
            return nil
        }
        for p in paragraphs.indices { paragraphs[p].placeTags(&tags) }
        for s in sections.indices { place(s) }
        guard diagnostics.isEmpty else {
            sortDiagnostics()
            return nil
        }
        for e in touched {
            e.before.sort { eventTag($0) < eventTag($1) }
            e.after.sort { eventTag($0) < eventTag($1) }
        }
        var emitter = PartEmitter(compiler: self)
        emitter.emitDocument()
        guard let pieces = emitter.finish() else { return nil }
        return CompiledPart(name: part, isWordprocessing: wordprocessing, pieces: pieces)
    }

    /// Lexing and pairing find problems in two passes; the author reads them in paragraph order.
    private func sortDiagnostics() {
        func number(_ d: Diagnostic) -> Int {
            guard let path = d.path, let mark = path.lastIndex(of: "¶") else { return 0 }
            return Int(path[path.index(after: mark)...]) ?? 0
        }
        diagnostics = diagnostics.enumerated().sorted { (number($0.element), $0.offset) < (number($1.element), $1.offset) }.map(\.element)
    }

    private func eventTag(_ event: PieceEvent) -> Int {
        switch event {
        case .open(let s): return sections[s].open
        case .close(let s): return sections[s].close
        }
    }

    // MARK: Stage 1 — tags in each paragraph's joined text

    private func lex(_ delimiters: Delimiters) {
        var current = delimiters
        for p in paragraphs.indices {
            let first = current.open.utf8.first!
            guard paragraphs[p].bytes.contains(first) else { continue }
            let (tokens, errors) = Lexer.tokenize(String(decoding: paragraphs[p].bytes, as: UTF8.self), delimiters: current)
            for e in errors { diagnostics.append(e.diagnostic(file: file, location: location(p))) }
            paragraphs[p].tokens = tokens
            for case .tag(let token) in tokens {
                if token.kind == .delimiters {
                    let words = token.content.split(whereSeparator: \.isWhitespace)
                    if words.count == 2 { current = Delimiters(open: String(words[0]), close: String(words[1])) }
                }
                paragraphs[p].tags.append(tags.count)
                tags.append(FoundTag(token: token, paragraph: p))
            }
        }
    }

    /// A picture whose alternative text (`wp:docPr` `descr` or `title`) is an image tag,
    /// `{{%seal}}`, is a placeholder: the filled image takes its place and its size.
    private func findPlaceholders(_ delimiters: Delimiters) {
        guard wordprocessing else { return }
        var numbers: [ObjectIdentifier: Int] = [:]
        for p in paragraphs.indices { numbers[ObjectIdentifier(paragraphs[p].element)] = p }
        var docPrs: [XElement] = []
        document.root.forEachDescendant { if $0.name == "wp:docPr" { docPrs.append($0) } }
        for docPr in docPrs {
            for (i, attribute) in docPr.attributes.enumerated() where attribute.name == "descr" || attribute.name == "title" {
                guard attribute.value.contains(delimiters.open) else { continue }
                let (tokens, errors) = Lexer.tokenize(attribute.value, delimiters: delimiters)
                var images: [TagToken] = []
                for case .tag(let t) in tokens where t.kind == .image { images.append(t) }
                guard errors.isEmpty, images.count == 1, let expression = images[0].expression, let frame = docPr.parent else { continue }
                var blip: XElement?
                frame.forEachDescendant { e in
                    if blip == nil, e.name == "a:blip", e.attributes.contains(where: { $0.name.hasSuffix(":embed") }) { blip = e }
                }
                guard let blip, let embed = blip.attributes.first(where: { $0.name.hasSuffix(":embed") })?.name else { continue }
                let p = docPr.ancestor("w:p").flatMap { numbers[ObjectIdentifier($0)] }
                let where_ = p.map(location) ?? part
                blip.placeholder = (embed, expression, where_)
                let bytes = Array(attribute.value.utf8)
                docPr.attributes[i].value = String(decoding: bytes[..<images[0].range.lowerBound] + bytes[images[0].range.upperBound...], as: UTF8.self)
                placeholders.append((expression, where_, p))
            }
        }
    }

    // MARK: Stage 2 — pairing sections across the part

    private func pair() {
        var stack: [Int] = []
        var nextParagraph = 0
        for t in tags.indices {
            while nextParagraph <= tags[t].paragraph {
                scopesAtParagraph.append(stack.map { tags[$0].token.expression?.path ?? "" })
                nextParagraph += 1
            }
            let token = tags[t].token
            let p = tags[t].paragraph
            tags[t].scopes = stack.map { tags[$0].token.expression?.path ?? "" }
            switch token.kind {
            case .section, .inverted:
                guard stack.count < Template.maxNesting else {
                    error(.templateTooDeep, paragraph: p, offset: token.range.lowerBound,
                          zh: "区段嵌套超过 \(Template.maxNesting) 层，已拒绝", en: "sections nest deeper than \(Template.maxNesting) levels; refused")
                    return
                }
                stack.append(t)
            case .close:
                let name = token.closeName ?? ""
                guard let top = stack.last else {
                    error(.templateUnopenedClose, paragraph: p, offset: token.range.lowerBound,
                          zh: "结束标签“\(name)”前没有对应的开始标签", en: "closing tag \"\(name)\" has no opening section")
                    continue
                }
                let open = tags[top].token.expression?.path ?? ""
                if !name.isEmpty && name != open {
                    error(.templateMismatchedClose, paragraph: p, offset: token.range.lowerBound,
                          zh: "结束标签“\(name)”与开始的节“\(open)”不匹配", en: "closing tag \"\(name)\" does not match the open section \"\(open)\"")
                }
                stack.removeLast()
                sections.append((top, t))
            case .interpolation:
                tags[t].role = .value
            case .image:
                tags[t].role = wordprocessing ? .image : .value
            case .partial:
                error(.templatePartialInDocx, paragraph: p, offset: token.range.lowerBound,
                      zh: "Word 模板中不能使用局部模板“\(token.content)”", en: "partials (\"\(token.content)\") cannot be used in a Word template")
            case .comment, .delimiters:
                break
            }
        }
        while nextParagraph < paragraphs.count {
            scopesAtParagraph.append(stack.map { tags[$0].token.expression?.path ?? "" })
            nextParagraph += 1
        }
        for t in stack {
            let path = tags[t].token.expression?.path ?? ""
            error(.templateUnclosedSection, paragraph: tags[t].paragraph, offset: tags[t].token.range.lowerBound,
                  zh: "节“\(path)”没有结束标签", en: "section \"\(path)\" is never closed")
        }
    }

    // MARK: Stage 3 — where each section repeats

    private func carrier(_ t: Int) -> XElement {
        paragraphs[tags[t].paragraph].carriers[tags[t].carrier]
    }

    private func add(_ event: PieceEvent, before element: XElement) {
        element.before.append(event); touched.append(element)
    }

    private func add(_ event: PieceEvent, after element: XElement) {
        element.after.append(event); touched.append(element)
    }

    private func place(_ s: Int) {
        let (o, c) = sections[s]
        let po = tags[o].paragraph, pc = tags[c].paragraph
        let first = paragraphs[po].element, last = paragraphs[pc].element
        let structural = Localized(zh: "节“\(tags[o].token.expression?.path ?? "")”的开始与结束标签所在的结构无法重复（例如一个在表格内、一个在表格外）",
                                   en: "section \"\(tags[o].token.expression?.path ?? "")\" opens and closes in structures that cannot be repeated together (e.g. one inside a table, one outside)")
        func structuralError() {
            error(.templateSectionStructure, paragraph: po, offset: tags[o].token.range.lowerBound, zh: structural.zh, en: structural.en)
        }
        if po == pc {
            guard sameShape(carrier(o), carrier(c), below: first) else { return structuralError() }
            tags[o].role = .event(.open(s)); tags[c].role = .event(.close(s))
            return
        }
        let chainFirst = [first] + first.ancestors, chainLast = [last] + last.ancestors
        let lastIDs = Set(chainLast.map(ObjectIdentifier.init))
        guard let li = chainFirst.firstIndex(where: { lastIDs.contains(ObjectIdentifier($0)) }), li > 0,
              let lj = chainLast.firstIndex(where: { $0 === chainFirst[li] }), lj > 0 else { return structuralError() }
        let common = chainFirst[li]
        let childFirst = chainFirst[li - 1], childLast = chainLast[lj - 1]
        if common.name == "w:tr" {
            // Tags in different cells of one row: the whole row repeats.
            add(.open(s), before: common); add(.close(s), after: common)
        } else if common.name == "w:tbl" {
            add(.open(s), before: childFirst); add(.close(s), after: childLast)
        } else if wordprocessing, paragraphs[po].holdsOnly(tags[o].token), paragraphs[pc].holdsOnly(tags[c].token) {
            placeOpen(s, o, childFirst, first)
            placeClose(s, c, childLast, last)
        } else {
            // A tag shares its paragraph with other text: the stream between the two tags repeats,
            // paragraph marks included (as docxtemplater does).
            guard sameShape(carrier(o), carrier(c), below: common) else { return structuralError() }
            tags[o].role = .event(.open(s)); tags[c].role = .event(.close(s))
        }
    }

    /// A tag-only paragraph opening a section: it disappears, unless it holds a drawing or a
    /// break (then it stays, inside the repetition when that content follows the tag) or a
    /// section break (it stays, before the repetition).
    private func placeOpen(_ s: Int, _ t: Int, _ boundary: XElement, _ paragraph: XElement) {
        guard boundary === paragraph else { return add(.open(s), before: boundary) }
        let (before, after) = content(of: paragraph, around: carrier(t))
        if hasSectionBreak(paragraph) || (before && !after) {
            add(.open(s), after: paragraph)
        } else if after {
            add(.open(s), before: paragraph)
        } else {
            paragraph.dropped = true
            add(.open(s), after: paragraph)
        }
    }

    private func placeClose(_ s: Int, _ t: Int, _ boundary: XElement, _ paragraph: XElement) {
        guard boundary === paragraph else { return add(.close(s), after: boundary) }
        let (before, after) = content(of: paragraph, around: carrier(t))
        if hasSectionBreak(paragraph) || (after && !before) {
            add(.close(s), before: paragraph)
        } else if before {
            add(.close(s), after: paragraph)
        } else {
            paragraph.dropped = true
            add(.close(s), before: paragraph)
        }
    }

    private func hasSectionBreak(_ paragraph: XElement) -> Bool {
        paragraph.child("w:pPr")?.child("w:sectPr") != nil
    }

    private static let contentNames: Set<String> = ["w:drawing", "w:pict", "w:object", "w:br", "w:cr", "w:sym",
                                                    "mc:AlternateContent", "w:footnoteReference", "w:endnoteReference", "w:ptab"]

    /// Whether the paragraph holds non-text content (drawings, breaks) before / after `carrier`.
    private func content(of paragraph: XElement, around carrier: XElement) -> (before: Bool, after: Bool) {
        var passed = false, before = false, after = false
        func visit(_ e: XElement) {
            for case .element(let child) in e.children {
                if child === carrier { passed = true; continue }
                if Self.contentNames.contains(child.name) || (child.name == "w:tab" && e.name == "w:r") {
                    if passed { after = true } else { before = true }
                    continue
                }
                if child.name == "w:pPr" { continue }
                visit(child)
            }
        }
        visit(paragraph)
        return (before, after)
    }

    /// Whether the two carriers sit under `top` through elements of the same names, so that the
    /// markup between them can be repeated and stay well-formed.
    private func sameShape(_ a: XElement, _ b: XElement, below top: XElement) -> Bool {
        func names(_ e: XElement) -> [String]? {
            var list: [String] = []
            var current: XElement? = e
            while let x = current, x !== top { list.append(x.name); current = x.parent }
            return current == nil ? nil : list
        }
        guard let na = names(a), let nb = names(b) else { return false }
        return na == nb
    }
}
