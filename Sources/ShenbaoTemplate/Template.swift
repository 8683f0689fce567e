import ShenbaoCore

/// A parsed plain-text template: e-mails, file names, notes, and the text of form cells.
///
/// Parse once, render many times: a batch renders the same template for every record.
public struct Template: Sendable {
    let name: String
    let nodes: [Node]
    let delimiters: Delimiters

    /// Partials nested deeper than this are refused (a partial that includes itself forever).
    public static let maxPartialDepth = 64
    /// Sections and partials open at once: real forms nest a few levels; a hostile template
    /// nesting thousands would overflow a worker thread's stack.
    public static let maxNesting = 100
    /// Output larger than this is refused: nested sections over lists, or partials that include
    /// each other, can multiply a small template into more text than any form holds.
    public static let maxOutputBytes = 64 << 20
    /// Partial inclusions in one render; partials that include each other twice would otherwise
    /// double the work at every level without producing any output to stop them.
    public static let maxPartialRenders = 100_000

    /// Parses `source`, reporting every template error at once.
    public static func parse(_ source: String, name: String = "template",
                             delimiters: Delimiters = .mustache) throws(TemplateErrors) -> Template {
        let (nodes, errors) = Parser(source: Array(source.utf8)).parse(delimiters: delimiters)
        if !errors.isEmpty { throw TemplateErrors(errors) }
        return Template(name: name, nodes: nodes, delimiters: delimiters)
    }

    /// Renders with `data` as the root context.
    ///
    /// - Parameters:
    ///   - partials: the source of a partial by name; nil renders nothing (as Mustache does).
    ///   - strict: when true, missing values are an error listing every missing path.
    ///   - escape: how `{{x}}` escapes for the host; `{{{x}}}` and `{{& x}}` never escape.
    public func render(_ data: Value, partials: (String) -> String? = { _ in nil }, strict: Bool = false,
                       escape: @Sendable (String) -> String = Template.htmlEscape) throws -> String {
        try render(in: Context(root: data), partials: partials, strict: strict, escape: escape)
    }

    /// Renders inside a context a host has already entered: a form layout's row of a list is
    /// rendered with that item's context, not by rendering the whole list and picking a piece.
    public func render(in context: Context, partials: (String) -> String? = { _ in nil }, strict: Bool = false,
                       escape: @Sendable (String) -> String = Template.htmlEscape) throws -> String {
        var out = ""
        let missing = try withoutActuallyEscaping(partials) { partials in
            try withoutActuallyEscaping(escape) { escape in
                var renderer = Renderer(partials: partials, escape: escape)
                try renderer.render(nodes, context, into: &out, depth: 0, nesting: 0)
                return renderer.missing
            }
        }
        if strict && !missing.isEmpty {
            throw ShenbaoFailure(.invalidData, missing.map { path in
                Diagnostic(id: .templateMissingValue, file: name, path: path,
                           message: Localized(zh: "数据中缺少“\(path)”", en: "no value for \"\(path)\" in the data"))
            })
        }
        return out
    }

    /// Every tag that reads data, with the sections around it, in order: what `check-template`
    /// compares with a data file (resolving each path as Mustache would, innermost section first).
    public var references: [TagReference] {
        var found: [TagReference] = []
        func walk(_ nodes: [Node], scopes: [String]) {
            for node in nodes {
                switch node {
                case .interpolation(let e, _, _):
                    found.append(TagReference(kind: .value, expression: e, scopes: scopes))
                case .section(let e, let inverted, let body, _):
                    found.append(TagReference(kind: inverted ? .invertedSection : .section, expression: e, scopes: scopes))
                    walk(body, scopes: scopes + [e.path])
                case .text, .partial:
                    break
                }
            }
        }
        walk(nodes, scopes: [])
        return found
    }

    /// Mustache's HTML escaping (`& " < >`, and `'` for attributes in single quotes).
    @Sendable public static func htmlEscape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        return MarkupEscape.escaped(text, as: .html)
    }
}

/// Stage three: walks the tree with a context stack, noting missing paths.
private struct Renderer {
    let partials: (String) -> String?
    let escape: (String) -> String
    var missing: [String] = []
    var missingSeen = Set<String>()
    var partialCache: [String: [Node]] = [:]
    var partialRenders = 0

    init(partials: @escaping (String) -> String?, escape: @escaping (String) -> String) {
        self.partials = partials
        self.escape = escape
    }

    mutating func noteMissing(_ path: String) {
        if missingSeen.insert(path).inserted { missing.append(path) }
    }

    mutating func render(_ nodes: [Node], _ context: Context, into out: inout String, depth: Int, nesting: Int) throws {
        guard nesting <= Template.maxNesting else { throw Renderer.tooDeep }
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
                if out.utf8.count > Template.maxOutputBytes { throw Renderer.tooLarge }
            case .interpolation(let expression, let escaped, _):
                guard let value = try context.evaluate(expression) else {
                    noteMissing(expression.path)
                    continue
                }
                out += escaped ? escape(value.plainText) : value.plainText
                if out.utf8.count > Template.maxOutputBytes { throw Renderer.tooLarge }
            case .section(let expression, let inverted, let body, _):
                let value = try context.evaluate(expression)
                if inverted {
                    if Context.isFalsy(value) { try render(body, context, into: &out, depth: depth, nesting: nesting + 1) }
                } else {
                    if value == nil { noteMissing(expression.path) }
                    for inner in context.sectionContexts(for: value) {
                        try render(body, inner, into: &out, depth: depth, nesting: nesting + 1)
                    }
                }
            case .partial(let name, let indent):
                partialRenders += 1
                guard depth < Template.maxPartialDepth, partialRenders <= Template.maxPartialRenders else {
                    throw ShenbaoFailure.unusable(.templatePartialDepth,
                        zh: "局部模板“\(name)”嵌套超过 \(Template.maxPartialDepth) 层或展开超过 \(Template.maxPartialRenders) 次",
                        en: "partial \"\(name)\" nested deeper than \(Template.maxPartialDepth) levels or included more than \(Template.maxPartialRenders) times")
                }
                let key = indent + "\u{0}" + name
                if partialCache[key] == nil {
                    guard let source = partials(name) else { continue }
                    let (nodes, errors) = Parser(source: Array(Renderer.indent(source, by: indent).utf8)).parse(delimiters: .mustache)
                    if !errors.isEmpty {
                        throw ShenbaoFailure(.unusableInput, errors.map { $0.diagnostic(file: name) })
                    }
                    partialCache[key] = nodes
                }
                try render(partialCache[key] ?? [], context, into: &out, depth: depth + 1, nesting: nesting + 1)
            }
        }
    }

    static let tooDeep = ShenbaoFailure.unusable(.templateTooDeep,
        zh: "区段与局部模板嵌套超过 \(Template.maxNesting) 层，已拒绝", en: "sections and partials nest deeper than \(Template.maxNesting) levels; refused")

    static let tooLarge = ShenbaoFailure.unusable(.templateOutputTooLarge,
        zh: "渲染结果超过 \(Template.maxOutputBytes >> 20) MB（区段或局部模板嵌套展开过多），已停止",
        en: "the output exceeds \(Template.maxOutputBytes >> 20) MB (sections or partials multiply too far); stopped")

    /// Prefixes every line of a standalone partial's source with the tag's indentation.
    static func indent(_ source: String, by indent: String) -> String {
        guard !indent.isEmpty else { return source }
        var out = indent
        for (i, ch) in source.enumerated() {
            out.append(ch)
            if ch == "\n" && i < source.count - 1 { out += indent }
        }
        return out
    }
}
