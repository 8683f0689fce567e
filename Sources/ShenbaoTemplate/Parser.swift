import ShenbaoCore

/// Stage two: turns tokens into a tree of nodes, dropping the lines of standalone tags
/// and collecting every structural error instead of stopping at the first.
struct Parser {
    let source: [UInt8]

    func parse(delimiters: Delimiters) -> (nodes: [Node], errors: [TemplateError]) {
        let (tokens, lexErrors) = Lexer.tokenize(bytes: source, delimiters: delimiters)
        var errors = lexErrors
        let pieces = trimStandaloneLines(tokens)

        struct OpenSection { var tag: TagToken; var body: [Node] }
        var stack: [OpenSection] = []
        var nodes: [Node] = []
        func append(_ node: Node) {
            if stack.isEmpty { nodes.append(node) } else { stack[stack.count - 1].body.append(node) }
        }
        func closeTop() {
            let open = stack.removeLast()
            append(.section(open.tag.expression ?? Expression(path: open.tag.content),
                            inverted: open.tag.kind == .inverted, body: open.body, offset: open.tag.range.lowerBound))
        }
        for piece in pieces {
            switch piece {
            case .text(let range):
                if !range.isEmpty { append(.text(String(decoding: source[range], as: UTF8.self))) }
            case .tag(let tag, let indent):
                switch tag.kind {
                case .interpolation(let escaped):
                    if let e = tag.expression { append(.interpolation(e, escaped: escaped, offset: tag.range.lowerBound)) }
                case .image:
                    if let e = tag.expression { append(.interpolation(e, escaped: true, offset: tag.range.lowerBound)) }
                case .section, .inverted:
                    guard stack.count < Template.maxNesting else {
                        // One error, then stop: every deeper tag would report the same.
                        errors.append(TemplateError(id: .templateTooDeep, message: Localized(
                            zh: "区段嵌套超过 \(Template.maxNesting) 层，已拒绝", en: "sections nest deeper than \(Template.maxNesting) levels; refused"))
                            .located(in: source, at: tag.range.lowerBound))
                        return ([], errors)
                    }
                    stack.append(OpenSection(tag: tag, body: []))
                case .close:
                    let name = tag.closeName ?? ""
                    if stack.isEmpty {
                        errors.append(TemplateError(id: .templateUnopenedClose,
                            message: Localized(zh: "结束标签“\(name)”没有对应的开始标签", en: "closing tag \"\(name)\" has no opening tag"))
                            .located(in: source, at: tag.range.lowerBound))
                    } else if name.isEmpty || stack.last!.tag.expression?.path == name || stack.last!.tag.content == name {
                        closeTop()
                    } else if let depth = stack.lastIndex(where: { $0.tag.expression?.path == name }) {
                        while stack.count > depth + 1 {
                            errors.append(unclosed(stack.last!.tag))
                            closeTop()
                        }
                        closeTop()
                    } else {
                        errors.append(TemplateError(id: .templateMismatchedClose,
                            message: Localized(zh: "结束标签“\(name)”与开始标签“\(stack.last!.tag.expression?.path ?? "")”不匹配",
                                               en: "closing tag \"\(name)\" does not match the open section \"\(stack.last!.tag.expression?.path ?? "")\""))
                            .located(in: source, at: tag.range.lowerBound))
                    }
                case .partial:
                    append(.partial(name: tag.content, indent: indent))
                case .comment, .delimiters:
                    break
                }
            }
        }
        while !stack.isEmpty {
            errors.append(unclosed(stack.last!.tag))
            closeTop()
        }
        return (nodes, errors)
    }

    private func unclosed(_ tag: TagToken) -> TemplateError {
        let name = tag.expression?.path ?? tag.content
        return TemplateError(id: .templateUnclosedSection,
                             message: Localized(zh: "区段“\(name)”没有结束", en: "section \"\(name)\" is never closed"))
            .located(in: source, at: tag.range.lowerBound)
    }

    enum Piece {
        case text(Range<Int>)
        /// `indent` is the white space before a standalone tag (used by partials).
        case tag(TagToken, indent: String)
    }

    /// Mustache's standalone rule: a section, inverted, close, comment, partial or delimiter tag
    /// alone on its line (white space aside) takes the whole line with it.
    private func trimStandaloneLines(_ tokens: [TemplateToken]) -> [Piece] {
        var pieces: [Piece] = []
        var cutNextTextUntil = 0
        for token in tokens {
            switch token {
            case .text(let range):
                let start = max(range.lowerBound, cutNextTextUntil)
                pieces.append(.text(start..<max(start, range.upperBound)))
            case .tag(let tag):
                guard tag.isStandaloneKind else { pieces.append(.tag(tag, indent: "")); continue }
                var lineStart = tag.range.lowerBound
                while lineStart > 0, source[lineStart - 1] == 0x20 || source[lineStart - 1] == 0x09 { lineStart -= 1 }
                let atLineStart = lineStart == 0 || source[lineStart - 1] == 0x0A
                var lineEnd = tag.range.upperBound
                while lineEnd < source.count, source[lineEnd] == 0x20 || source[lineEnd] == 0x09 { lineEnd += 1 }
                var afterNewline: Int?
                if lineEnd == source.count { afterNewline = lineEnd }
                else if source[lineEnd] == 0x0A { afterNewline = lineEnd + 1 }
                else if source[lineEnd] == 0x0D, lineEnd + 1 < source.count, source[lineEnd + 1] == 0x0A { afterNewline = lineEnd + 2 }
                guard atLineStart, let cut = afterNewline else {
                    pieces.append(.tag(tag, indent: ""))
                    continue
                }
                if case .text(let range)? = pieces.last, range.upperBound == tag.range.lowerBound {
                    pieces[pieces.count - 1] = .text(range.lowerBound..<max(range.lowerBound, lineStart))
                }
                pieces.append(.tag(tag, indent: String(decoding: source[lineStart..<tag.range.lowerBound], as: UTF8.self)))
                cutNextTextUntil = cut
            }
        }
        return pieces
    }
}
