import ShenbaoCore
import ShenbaoLayout
import ShenbaoTemplate

/// Applies data to a form layout: renders every template, expands `each` rows and groups,
/// drops what a `when` rules out, and gives the layout blocks to place.
public struct FormRenderer: Sendable {
    public var layout: FormLayout

    public init(layout: FormLayout) { self.layout = layout }

    /// Base styles (GB/T 9704 sizes: 二号 22 pt title, 四号 14 pt headings, 小四 12 pt text).
    static let title = TextStyle(size: 22, bold: true, align: .center, leading: 1.4)
    static let heading = TextStyle(size: 14, bold: true, align: .left, leading: 1.5)
    static let text = TextStyle(size: 12, align: .justify, leading: 1.6)

    /// Where a template is rendered: the root data, or inside an `each` one item's context
    /// (the item pushed onto the root, with its loop position).
    struct Scope {
        var context: Context
        var inList = false

        init(root: Value) { context = Context(root: root) }

        /// One scope per item of the list at `path` (none when it is missing or empty).
        func items(_ path: String) -> [Scope] {
            context.sectionContexts(for: context.lookup(path)).map { item in
                var scope = self
                scope.context = item
                scope.inList = true
                return scope
            }
        }

        func render(_ t: TextTemplate) throws -> String {
            // A text that belongs to a list shows nothing outside one, as its section would.
            if t.each != nil && !inList { return "" }
            return try t.template.render(in: context, escape: { $0 })
        }

        func holds(_ c: Condition?) -> Bool {
            guard let c else { return true }
            let value = try? context.evaluate(c.expression)
            return !Context.isFalsy(value ?? nil)
        }
    }

    /// The blocks of the form for `data` (the data file's root with `notice` added).
    public func blocks(data: Value) throws -> [Block] {
        try blocks(layout.nodes, Scope(root: data))
    }

    func blocks(_ nodes: [LayoutNode], _ scope: Scope, base: TextStyle = FormRenderer.text) throws -> [Block] {
        var out: [Block] = []
        for node in nodes {
            switch node {
            case .text(let t, let kind, let spec, let before, let after):
                let text = try scope.render(t)
                let style: TextStyle
                var spaceBefore = before ?? 0, spaceAfter = after ?? 0
                var keep = false
                switch kind {
                case .title:
                    style = spec.applied(to: Self.title)
                    spaceAfter = after ?? 12
                case .heading:
                    style = spec.applied(to: Self.heading)
                    spaceBefore = before ?? 10
                    spaceAfter = after ?? 4
                    keep = true
                case .text:
                    style = spec.applied(to: base)
                }
                out.append(.paragraph(Paragraph(text, style: style, spaceBefore: spaceBefore, spaceAfter: spaceAfter,
                                                keepWithNext: keep)))
            case .spacer(let h): out.append(.spacer(h))
            case .pageBreak: out.append(.pageBreak)
            case .signature(let s):
                let lines = try s.lines.map { try scope.render($0) }
                var style = s.style.applied(to: base)
                style.align = .left
                out.append(.signature(SignatureBlock(lines: lines, style: style, seal: s.seal)))
            case .table(let t):
                out.append(.table(try table(t, scope)))
            case .group(let when, let each, let children):
                // Inside an `each`, the condition is asked of every item.
                if let each {
                    for inner in scope.items(each) where inner.holds(when) {
                        out += try blocks(children, inner, base: base)
                    }
                } else if scope.holds(when) {
                    out += try blocks(children, scope, base: base)
                }
            }
        }
        return out
    }

    func table(_ t: LayoutTable, _ scope: Scope) throws -> Table {
        let base = TextStyle(size: t.size ?? 12, align: .left, leading: 1.4)
        var rows = TableRows()
        var headerRows = 0
        for (i, row) in t.rows.enumerated() {
            let scopes = (row.each.map { scope.items($0) } ?? [scope]).filter { $0.holds(row.when) }
            if row.each != nil, row.cells.allSatisfy({ if case .nodes = $0.content { false } else { true } }) {
                // A list's rows (a summary's thousands) are made as the layout reaches each, from
                // their texts rendered here: a text that cannot be rendered still stops the form
                // before anything is laid out, and no row is held as cells.
                let texts = try scopes.map { s in
                    try row.cells.map { cell -> String? in if case .text(let tt) = cell.content { try s.render(tt) } else { nil } }
                }
                rows.append(count: texts.count) { k in
                    Row(zip(row.cells, texts[k]).map { cell, text in Self.cell(cell, base: base, text: text, blocks: nil) },
                        minHeight: row.minHeight)
                }
            } else {
                for s in scopes {
                    let cells = try row.cells.map { cell in
                        switch cell.content {
                        case .label: Self.cell(cell, base: base, text: nil, blocks: nil)
                        case .text(let tt): Self.cell(cell, base: base, text: try s.render(tt), blocks: nil)
                        case .nodes(let nodes):
                            Self.cell(cell, base: base, text: nil, blocks: try blocks(nodes, s, base: cell.style.applied(to: base)))
                        }
                    }
                    rows.append(Row(cells, minHeight: row.minHeight))
                }
            }
            if i < t.headerRows { headerRows = rows.count }
        }
        return Table(columns: t.columns, rows: rows, headerRows: headerRows, border: t.border,
                     spaceBefore: t.spaceBefore, spaceAfter: t.spaceAfter)
    }

    /// Cell `spec` in a table set in `base`: a label as the form gives it, a text cell holding
    /// `text` (rendered), a cell of nodes holding their `blocks`.
    static func cell(_ spec: LayoutCell, base: TextStyle, text: String?, blocks: [Block]?) -> Cell {
        var style = spec.style.applied(to: base)
        let content: [Block]
        switch spec.content {
        case .label(let label):
            if spec.style.align == nil { style.align = .center }
            content = [.paragraph(Paragraph(label, style: style))]
        case .text:
            if spec.style.align == nil { style.align = .justify }
            content = [.paragraph(Paragraph(text ?? "", style: style))]
        case .nodes:
            content = blocks ?? []
        }
        return Cell(content, colspan: spec.span, valign: spec.valign ?? .middle, border: spec.border, region: spec.region)
    }
}
