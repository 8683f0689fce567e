import Foundation
import ShenbaoCore
import ShenbaoLayout
import ShenbaoTemplate

/// Reads a form layout file (`templates/forms/README.md` describes the format), reporting every
/// problem at once with the file, line and the key path where it is.
public struct FormLayoutLoader {
    /// The Chinese label of a data path (`applicant.name` → 申请单位), from the form definition.
    public typealias Labels = (_ form: String, _ path: String) -> String?

    let document: DataDocument
    let labels: Labels
    var diagnostics: [Diagnostic] = []
    var form = ""

    /// Loads and checks the layout at `path`.
    public static func load(path: String, labels: @escaping Labels) throws -> FormLayout {
        try load(document: DataLoader.load(path: path), labels: labels)
    }

    /// Loads a layout from a document already read.
    public static func load(document: DataDocument, labels: @escaping Labels) throws -> FormLayout {
        var loader = FormLayoutLoader(document: document, labels: labels)
        let layout = loader.layout()
        if !loader.diagnostics.isEmpty { throw ShenbaoFailure(.unusableInput, loader.diagnostics) }
        return layout
    }

    init(document: DataDocument, labels: @escaping Labels) {
        self.document = document
        self.labels = labels
    }

    mutating func problem(_ id: Diagnostic.ID, _ path: String, zh: String, en: String) {
        diagnostics.append(Diagnostic(id: id, file: document.file, line: document.line(of: path), path: path,
                                      message: Localized(zh: zh, en: en)))
    }

    mutating func layout() -> FormLayout {
        let root = document.root
        let name = URL(fileURLWithPath: document.file).deletingPathExtension().lastPathComponent
        guard case .map = root else {
            problem(.layoutShape, "", zh: "表格版式文件应为映射（form、title、blocks…）",
                    en: "a form layout must be a map (form, title, blocks…)")
            return FormLayout(name: name, form: name, title: "", copies: 1, page: .a4, nodes: [], file: document.file)
        }
        form = root["form"]?.plainText ?? name
        let title = root["title"]?.plainText ?? ""
        var copies = 1
        if let c = root["copies"] {
            if case .integer(let n) = c, n >= 1, n <= 99 { copies = n } else {
                problem(.layoutCopies, "copies", zh: "copies 应为 1 到 99 的整数", en: "copies must be an integer from 1 to 99")
            }
        }
        var page = PageSetup.a4
        switch root["page"]?.plainText ?? "a4" {
        case "a4", "A4": page = .a4
        case "a4-landscape", "A4-landscape": page = .a4Landscape
        default: problem(.layoutPage, "page", zh: "page 只能是 a4 或 a4-landscape", en: "page must be a4 or a4-landscape")
        }
        var nodes: [LayoutNode] = []
        if case .list(let items)? = root["blocks"] {
            nodes = self.nodes(items, path: "blocks", each: nil)
        } else {
            problem(.layoutBlocks, "blocks", zh: "缺少 blocks 列表", en: "missing the blocks list")
        }
        return FormLayout(name: name, form: form, title: title, copies: copies, page: page, nodes: nodes, file: document.file)
    }

    mutating func nodes(_ items: [Value], path: String, each: String?) -> [LayoutNode] {
        items.enumerated().compactMap { i, item in node(item, path: "\(path).\(i + 1)", each: each) }
    }

    static let blockKeys = ["title", "heading", "text", "spacer", "page-break", "table", "signature", "blocks"]

    mutating func node(_ item: Value, path: String, each: String?) -> LayoutNode? {
        if case .text(let s) = item, s == "page-break" { return .pageBreak }
        guard case .map(let map) = item else {
            problem(.layoutBlock, path, zh: "块应为映射（title、heading、text、table、signature…）",
                    en: "a block must be a map (title, heading, text, table, signature…)")
            return nil
        }
        let style = self.style(map, path: path)
        if map["when"] != nil || map["each"] != nil {
            let when = condition(map["when"], path: path + ".when")
            var inner = each
            if let e = map["each"] {
                if each != nil {
                    problem(.layoutNestedEach, path + ".each", zh: "each 不能嵌套", en: "each groups cannot be nested")
                }
                inner = e.plainText
            }
            var children: [LayoutNode] = []
            if case .list(let items)? = map["blocks"] {
                children = nodes(items, path: path + ".blocks", each: inner)
            } else {
                var rest = map
                rest["when"] = nil
                rest["each"] = nil
                if let n = node(.map(rest), path: path, each: inner) { children = [n] }
            }
            return .group(when: when, each: map["each"]?.plainText, nodes: children)
        }
        for kind in [TextKind.title, .heading, .text] {
            if let v = map[kind.rawValue] {
                guard let t = text(v, path: path + "." + kind.rawValue, each: each) else { return nil }
                return .text(t, kind: kind, style: style, spaceBefore: length(map["space-before"], path: path),
                             spaceAfter: length(map["space-after"], path: path))
            }
        }
        if let v = map["spacer"] { return .spacer(length(v, path: path + ".spacer") ?? 0) }
        if map["page-break"] != nil { return .pageBreak }
        if let v = map["table"] { return table(v, path: path + ".table", each: each).map(LayoutNode.table) }
        if let v = map["signature"] { return signature(v, path: path + ".signature", each: each).map(LayoutNode.signature) }
        problem(.layoutBlock, path, zh: "未知的块：应有 \(Self.blockKeys.joined(separator: "、")) 之一",
                en: "unknown block: expected one of \(Self.blockKeys.joined(separator: ", "))")
        return nil
    }

    mutating func text(_ value: Value, path: String, each: String?) -> TextTemplate? {
        var source = value.plainText
        while source.hasSuffix("\n") { source.removeLast() }
        do {
            let template = try Template.parse(source, name: document.file)
            return TextTemplate(source: source, template: template, each: each)
        } catch {
            for e in error.errors {
                diagnostics.append(e.diagnostic(file: document.file, line: document.line(of: path), location: path))
            }
            return nil
        }
    }

    mutating func condition(_ value: Value?, path: String) -> Condition? {
        guard let value else { return nil }
        let source = value.plainText
        do {
            return Condition(source: source, expression: try Expression(parsing: source))
        } catch {
            diagnostics.append(error.diagnostic(file: document.file, line: document.line(of: path), location: path))
            return nil
        }
    }

    mutating func length(_ value: Value?, path: String) -> Double? {
        guard let value else { return nil }
        if let n = value.number { return n }
        let s = value.plainText.trimmingCharacters(in: .whitespaces)
        if let points = Length.points(s, bare: .pt) { return points }
        problem(.layoutLength, path, zh: "长度应为数字（磅）或带 mm、cm、pt 等单位的数值：\(s)",
                en: "a length must be a number (points) or a number with mm, cm, pt or another unit: \(s)")
        return nil
    }

    mutating func style(_ map: OrderedMap, path: String) -> StyleSpec {
        var s = StyleSpec()
        s.size = map["size"].flatMap(\.number)
        if case .bool(let b)? = map["bold"] { s.bold = b }
        if let a = map["align"] {
            if let align = Alignment(rawValue: a.plainText) { s.align = align } else {
                problem(.layoutAlign, path + ".align", zh: "align 只能是 left、center、right、justify",
                        en: "align must be left, center, right or justify")
            }
        }
        s.leading = map["leading"].flatMap(\.number)
        s.indent = map["indent"].flatMap(\.number)
        return s
    }

    mutating func table(_ value: Value, path: String, each: String?) -> LayoutTable? {
        guard case .map(let map) = value, case .list(let columnValues)? = map["columns"],
              case .list(let rowValues)? = map["rows"] else {
            problem(.layoutTable, path, zh: "表格需要 columns（列宽列表）和 rows", en: "a table needs columns (widths) and rows")
            return nil
        }
        let columns = columnValues.compactMap(\.number)
        if columns.count != columnValues.count || columns.isEmpty || columns.contains(where: { $0 <= 0 }) {
            problem(.layoutColumns, path + ".columns", zh: "columns 应为正数列表", en: "columns must be a list of positive numbers")
        }
        var border = CellBorder.box
        if let b = map["border"] {
            if let v = CellBorder(rawValue: b.plainText) { border = v } else {
                problem(.layoutBorder, path + ".border", zh: "border 只能是 box、bottom、none", en: "border must be box, bottom or none")
            }
        }
        var rows: [LayoutRow] = []
        for (i, rv) in rowValues.enumerated() {
            let rpath = "\(path).rows.\(i + 1)"
            var cellValues: [Value] = []
            var row = LayoutRow(cells: [], minHeight: 0, each: nil, when: nil)
            switch rv {
            case .list(let cells): cellValues = cells
            case .map(let m):
                guard case .list(let cells)? = m["cells"] else {
                    problem(.layoutRow, rpath, zh: "行应为单元格列表，或带 cells 的映射", en: "a row must be a list of cells or a map with cells")
                    continue
                }
                cellValues = cells
                row.minHeight = length(m["min-height"], path: rpath + ".min-height") ?? 0
                row.when = condition(m["when"], path: rpath + ".when")
                if let e = m["each"] {
                    if each != nil { problem(.layoutNestedEach, rpath + ".each", zh: "each 不能嵌套", en: "each groups cannot be nested") }
                    row.each = e.plainText
                }
            default:
                problem(.layoutRow, rpath, zh: "行应为单元格列表", en: "a row must be a list of cells")
                continue
            }
            let rowEach = row.each ?? each
            row.cells = cellValues.enumerated().compactMap { j, cv in cell(cv, path: "\(rpath).\(j + 1)", each: rowEach) }
            let span = row.cells.reduce(0) { $0 + $1.span }
            if span != columns.count, !columns.isEmpty {
                problem(.layoutSpan, rpath, zh: "这一行占 \(span) 列，表格有 \(columns.count) 列",
                        en: "this row spans \(span) columns; the table has \(columns.count)")
            }
            rows.append(row)
        }
        let header = map["header"].flatMap(\.number).map { Int($0) } ?? 0
        return LayoutTable(columns: columns, headerRows: header, border: border, rows: rows,
                           spaceBefore: length(map["space-before"], path: path) ?? 0,
                           spaceAfter: length(map["space-after"], path: path) ?? 0,
                           size: map["size"].flatMap(\.number))
    }

    mutating func cell(_ value: Value, path: String, each: String?) -> LayoutCell? {
        var cell = LayoutCell(content: .nodes([]), isLabel: false, span: 1, style: StyleSpec(), valign: nil, border: nil)
        switch value {
        case .map(let map):
            cell.style = style(map, path: path)
            if let s = map["span"].flatMap(\.number) { cell.span = max(1, Int(s)) }
            if let v = map["valign"] {
                if let a = VerticalAlignment(rawValue: v.plainText) { cell.valign = a } else {
                    problem(.layoutValign, path + ".valign", zh: "valign 只能是 top、middle、bottom", en: "valign must be top, middle or bottom")
                }
            }
            if let b = map["border"] { cell.border = CellBorder(rawValue: b.plainText) }
            cell.region = map["region"]?.plainText
            let prefix = map["prefix"]?.plainText ?? "", suffix = map["suffix"]?.plainText ?? ""
            if let l = map["label"] {
                let p = l.plainText
                guard let label = labels(form, p) else {
                    problem(.layoutUnknownLabel, path + ".label",
                            zh: "表单定义“\(form)”中没有字段 \(p) 的标签；请检查路径，或改用 caption 写固定文字",
                            en: "the form definition “\(form)” has no label for \(p); check the path or use caption for fixed text")
                    return nil
                }
                cell.content = .label(prefix + label + suffix)
                cell.isLabel = true
            } else if let c = map["caption"] {
                cell.content = .label(prefix + c.plainText + suffix)
                cell.isLabel = true
            } else if let t = map["text"] {
                guard let tt = text(t, path: path + ".text", each: each) else { return nil }
                cell.content = .text(tt)
            } else if case .list(let items)? = map["blocks"] {
                cell.content = .nodes(nodes(items, path: path + ".blocks", each: each))
            } else {
                problem(.layoutCell, path, zh: "单元格应有 label、caption、text 或 blocks", en: "a cell needs label, caption, text or blocks")
                return nil
            }
        default:
            guard let tt = text(value, path: path, each: each) else { return nil }
            cell.content = .text(tt)
        }
        return cell
    }

    mutating func signature(_ value: Value, path: String, each: String?) -> LayoutSignature? {
        guard case .map(let map) = value, case .list(let lineValues)? = map["lines"] else {
            problem(.layoutSignature, path, zh: "签章块需要 lines 列表", en: "a signature block needs a lines list")
            return nil
        }
        let lines = lineValues.enumerated().compactMap { i, v in text(v, path: "\(path).lines.\(i + 1)", each: each) }
        var seal: SealSpec? = SealSpec()
        var takes = true
        switch map["seal"] {
        case .bool(false)?: seal = nil
        case .map(let m)?:
            let d = length(m["diameter"], path: path + ".seal.diameter") ?? 42.mm
            if d > 45.mm + 0.01 {
                problem(.layoutSeal, path + ".seal.diameter", zh: "印章直径最大 45mm", en: "the seal is at most 45 mm across")
            }
            if case .bool(let b)? = m["image"] { takes = b }
            seal = SealSpec(diameter: d, caption: m["caption"]?.plainText ?? "（盖章）", takesImage: takes,
                            region: m["region"]?.plainText)
        case nil, .bool(true)?: break
        case let other?:
            seal = SealSpec(diameter: length(other, path: path + ".seal") ?? 42.mm)
        }
        return LayoutSignature(lines: lines, style: style(map, path: path), seal: seal, takesSealImage: takes)
    }
}
