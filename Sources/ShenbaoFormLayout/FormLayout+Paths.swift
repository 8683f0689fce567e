import ShenbaoTemplate

extension FormLayout {
    /// Every tag and condition of the layout that reads data, with the `each` lists and sections
    /// around it: what `check-template` compares with a data file. `notice.*` and `counts.*`
    /// come from the renderer (`FormContext`), not the data.
    public var references: [TagReference] {
        var found: [TagReference] = []
        // A text inside an `each` is rendered in the item's context: its tags stand in that list's section.
        func text(_ t: TextTemplate, _ scopes: [String]) {
            found += t.template.references.map { var tag = $0; tag.scopes = scopes + tag.scopes; return tag }
        }
        func list(_ path: String?, _ scopes: [String]) -> [String] {
            guard let path else { return scopes }
            found.append(TagReference(kind: .section, expression: Expression(path: path), scopes: scopes))
            return scopes + [path]
        }
        func condition(_ c: Condition?, _ scopes: [String]) {
            if let c { found.append(TagReference(kind: .section, expression: c.expression, scopes: scopes)) }
        }
        func walk(_ nodes: [LayoutNode], _ scopes: [String]) {
            for node in nodes {
                switch node {
                case .text(let t, _, _, _, _): text(t, scopes)
                case .spacer, .pageBreak: break
                case .signature(let s): s.lines.forEach { text($0, scopes) }
                case .group(let when, let each, let children):
                    let inner = list(each, scopes)
                    condition(when, inner)
                    walk(children, inner)
                case .table(let table):
                    for row in table.rows {
                        let inner = list(row.each, scopes)
                        condition(row.when, inner)
                        for cell in row.cells {
                            switch cell.content {
                            case .label: break
                            case .text(let t): text(t, inner)
                            case .nodes(let n): walk(n, inner)
                            }
                        }
                    }
                }
            }
        }
        walk(nodes, [])
        return found
    }
}
