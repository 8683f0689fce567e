import ShenbaoCore
import ShenbaoTemplate

/// Writes an annotated part tree out as `Piece`s: literal markup as bytes, tags and section
/// boundaries where the compiler placed them, then nests the section bodies.
struct PartEmitter {
    private enum Frame {
        case root, table, section(Int)
    }

    let compiler: PartCompiler
    private var stack: [(frame: Frame, pieces: [Piece])] = [(.root, [])]
    private var buffer: [UInt8] = []
    private var failed = false

    init(compiler: PartCompiler) {
        self.compiler = compiler
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        stack[stack.count - 1].pieces.append(.bytes(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ piece: Piece) {
        flush()
        stack[stack.count - 1].pieces.append(piece)
    }

    private mutating func push(_ frame: Frame) {
        flush()
        stack.append((frame, []))
    }

    private mutating func event(_ event: PieceEvent) {
        switch event {
        case .open(let s):
            push(.section(s))
        case .close(let s):
            flush()
            guard case .section(let top) = stack.last!.frame, top == s else { return crossing(s) }
            let (_, body) = stack.removeLast()
            let open = compiler.tags[compiler.sections[s].open]
            let expression = open.token.expression ?? Expression(path: ".")
            append(.section(expression, inverted: open.token.kind == .inverted,
                             location: compiler.location(open.paragraph), body: body))
        }
    }

    private mutating func crossing(_ s: Int) {
        guard !failed else { return }
        failed = true
        let open = compiler.tags[compiler.sections[s].open]
        let path = open.token.expression?.path ?? ""
        let excerpt = compiler.paragraphs[open.paragraph].excerpt(at: open.token.range.lowerBound)
        compiler.diagnostics.append(Diagnostic(id: .templateSectionStructure, file: compiler.file,
            path: compiler.location(open.paragraph),
            message: Localized(zh: "节“\(path)”与其他节或表格交叉，无法重复（“\(excerpt)”）",
                               en: "section \"\(path)\" overlaps another section or a table and cannot be repeated (\"\(excerpt)\")")))
    }

    mutating func emitDocument() {
        buffer.append(contentsOf: compiler.document.declaration)
        emit(compiler.document.root)
    }

    private mutating func emit(_ e: XElement) {
        for ev in e.before { event(ev) }
        if !e.dropped {
            let word = compiler.wordprocessing
            if word && e.name == "w:tbl" { push(.table) }
            if let segments = e.segments {
                if word && e.attribute("xml:space") == nil {
                    e.attributes.append(("xml:space", "preserve"))
                }
                e.writeStartTag(into: &buffer)
                for segment in segments {
                    switch segment {
                    case .text(let text): MarkupEscape.append(text, as: .xmlText, into: &buffer)
                    case .tag(let t): tag(t)
                    }
                }
                e.writeEndTag(into: &buffer)
            } else if let placeholder = e.placeholder {
                let fallback = e.attribute(placeholder.attribute) ?? ""
                let others = e.attributes.filter { $0.name != placeholder.attribute }
                XElement(name: e.name, attributes: others).writeStartTag(into: &buffer)
                buffer.removeLast() // ">": the relationship attribute follows
                buffer.append(contentsOf: " \(placeholder.attribute)=\"".utf8)
                append(.imageRelation(placeholder.expression, location: placeholder.location, fallback: fallback))
                buffer.append(contentsOf: "\"".utf8)
                if e.children.isEmpty {
                    buffer.append(contentsOf: "/>".utf8)
                } else {
                    buffer.append(UInt8(ascii: ">"))
                    for child in e.children { child.write(into: &buffer) }
                    e.writeEndTag(into: &buffer)
                }
            } else if e.children.isEmpty {
                e.writeStartTag(into: &buffer, selfClosing: true)
            } else {
                e.writeStartTag(into: &buffer)
                if word && e.name == "w:tr" { append(.rowMark) }
                for child in e.children {
                    if case .element(let inner) = child { emit(inner) } else { child.write(into: &buffer) }
                }
                if word && e.name == "w:tc" { append(.cellEnd) }
                e.writeEndTag(into: &buffer)
            }
            if word && e.name == "w:tbl" {
                flush()
                if case .table = stack.last!.frame {
                    let (_, body) = stack.removeLast()
                    append(.table(body))
                } else if !failed {
                    failed = true
                    compiler.diagnostics.append(Diagnostic(id: .templateSectionStructure, file: compiler.file, path: compiler.part,
                        message: Localized(zh: "某个节在表格内开始、在表格外结束（或相反），无法重复",
                                           en: "a section opens inside a table and closes outside it (or the reverse); it cannot be repeated")))
                }
            }
        }
        for ev in e.after { event(ev) }
    }

    private mutating func tag(_ t: Int) {
        let found = compiler.tags[t]
        switch found.role {
        case .value:
            append(.value(found.token.expression ?? Expression(path: "."), location: compiler.location(found.paragraph)))
        case .image:
            append(.image(found.token.expression ?? Expression(path: "."), location: compiler.location(found.paragraph)))
        case .event(let ev):
            event(ev)
        case .none:
            break
        }
    }

    /// The nested pieces, or nil when sections crossed (reported in the compiler's diagnostics).
    mutating func finish() -> [Piece]? {
        flush()
        guard !failed, stack.count == 1 else {
            if !failed {
                compiler.diagnostics.append(Diagnostic(id: .templateSectionStructure, file: compiler.file, path: compiler.part,
                    message: Localized(zh: "节的结构无法重复", en: "sections are nested in a way that cannot be repeated")))
            }
            return nil
        }
        return stack[0].pieces
    }
}
