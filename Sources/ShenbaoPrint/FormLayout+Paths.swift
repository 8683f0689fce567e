import ShenbaoTemplate

extension FormLayout {
    /// Every data path the layout's templates and conditions name, in order, each once
    /// (`project.expected_outputs.name` inside an `each`): what `check-template` compares with
    /// the data's fields. `notice.*` and `counts.*` come from the renderer, not the data.
    public var referencedPaths: [String] {
        var paths: [String] = []
        var seen = Set<String>()
        func add(_ path: String) { if seen.insert(path).inserted { paths.append(path) } }
        func text(_ t: TextTemplate) { t.template.referencedPaths.forEach(add) }
        func condition(_ c: Condition?, each: String?) {
            guard let c, !c.expression.path.hasPrefix("@"), c.expression.path != "." else { return }
            add(each.map { $0 + "." + c.expression.path } ?? c.expression.path)
        }
        func walk(_ nodes: [LayoutNode], each: String?) {
            for node in nodes {
                switch node {
                case .text(let t, _, _, _, _): text(t)
                case .spacer, .pageBreak: break
                case .signature(let s): s.lines.forEach(text)
                case .group(let when, let groupEach, let children):
                    if let groupEach { add(groupEach) }
                    condition(when, each: groupEach ?? each)
                    walk(children, each: groupEach ?? each)
                case .table(let table):
                    for row in table.rows {
                        if let e = row.each { add(e) }
                        condition(row.when, each: row.each ?? each)
                        for cell in row.cells {
                            switch cell.content {
                            case .label: break
                            case .text(let t): text(t)
                            case .nodes(let n): walk(n, each: row.each ?? each)
                            }
                        }
                    }
                }
            }
        }
        walk(nodes, each: nil)
        return paths
    }
}
