import ShenbaoCore
import ShenbaoForms

/// One header cell understood: the data path its column fills and that field's definition.
public struct SheetColumn: Sendable, Hashable {
    /// 0 for column A.
    public var index: Int
    /// The header as written.
    public var header: String
    /// The concrete data path (`project.expected_outputs.1.level`).
    public var path: String
    /// The field's definition; nil for a path the definition does not know (kept as written).
    public var field: FieldDefinition?

    /// The column's letters (`C`), as the spreadsheet shows them.
    public var letters: String { CellReference.letters(ofColumn: index) }
}

/// Reads a header row into columns (spec/cli.md `batch`): a header is a dotted data path
/// (`applicant.name`, `project.expected_outputs.1.name`) or a Chinese label of the form
/// definition, list items numbered from 1 (`预期成果.1.成果级别`, `重点方向.2`).
///
/// A label the form does not have is reported and its column ignored (`sheet.unknown_column`,
/// a warning); so is a path under a section of the form that names no field of it (a typo such as
/// `applicant.nmae`, kept as written). Two columns for one field, a column whose path holds
/// another's (`project.expected_outputs` beside `project.expected_outputs.1.name`), list numbers
/// beside keys, or numbers outside 1…`Sheet.maxColumns` make the header unusable (`sheet.header`).
enum SheetColumns {
    static func read(_ sheet: Sheet, file: String, definition: FormDefinition) throws(ShenbaoFailure)
        -> (columns: [SheetColumn], warnings: [Diagnostic]) {
        var columns: [SheetColumn] = []
        var warnings: [Diagnostic] = []
        var errors: [Diagnostic] = []
        let sections = Set(definition.allFields.compactMap { $0.path.split(separator: ".").first.map(String.init) })
        for (index, raw) in sheet.header.enumerated() {
            let header = raw.trimmed
            let letters = CellReference.letters(ofColumn: index)
            if header.isEmpty {
                if sheet.rows.contains(where: { !$0[index].isBlank }) {
                    warnings.append(warning(file, zh: "\(letters) 列有数据但没有表头，已忽略", en: "column \(letters) has data but no header; ignored"))
                }
                continue
            }
            if isPath(header) {
                if definition.field(at: header) == nil, let first = header.split(separator: ".").first, sections.contains(String(first)),
                   header.contains(".") {
                    warnings.append(warning(file, zh: "\(letters) 列的表头「\(header)」不是表单「\(definition.title)」的字段，按原样保留",
                                            en: "the header “\(header)” of column \(letters) is not a field of the form \(definition.name); kept as written"))
                }
                columns.append(SheetColumn(index: index, header: header, path: header, field: definition.field(at: header)))
            } else if let path = definition.path(forLabel: header) {
                columns.append(SheetColumn(index: index, header: header, path: path, field: definition.field(at: path)))
            } else {
                warnings.append(warning(file, zh: "\(letters) 列的表头「\(header)」既不是数据路径也不是表单「\(definition.title)」的标签，该列已忽略",
                                        en: "the header “\(header)” of column \(letters) is neither a data path nor a label of the form \(definition.name); the column is ignored"))
            }
        }
        errors += conflicts(columns, file: file)
        if !errors.isEmpty { throw ShenbaoFailure(.unusableInput, errors) }
        return (columns, warnings)
    }

    /// ASCII keys and list numbers joined by dots: `applicant.contact.name`, `project.directions.1`.
    static func isPath(_ header: String) -> Bool {
        let parts = header.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (0x30 ... 0x39).contains($0)
                || (0x41 ... 0x5A).contains($0) || (0x61 ... 0x7A).contains($0) }
        } && !(parts.first?.first?.isNumber ?? true)
    }

    private static func conflicts(_ columns: [SheetColumn], file: String) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        func error(_ zh: String, _ en: String) {
            errors.append(Diagnostic(id: .sheetHeader, file: file, message: Localized(zh: zh, en: en)))
        }
        var byPath: [String: SheetColumn] = [:]
        // Under one parent path, whether its children are list numbers (true) or keys (false).
        var childKind: [String: (numbered: Bool, column: SheetColumn)] = [:]
        for column in columns {
            if let other = byPath[column.path] {
                error("\(other.letters) 列和 \(column.letters) 列都对应字段 \(column.path)；请删除其中一列",
                      "columns \(other.letters) and \(column.letters) both fill \(column.path); remove one")
                continue
            }
            byPath[column.path] = column
            let parts = column.path.split(separator: ".").map(String.init)
            for (i, part) in parts.enumerated() where i > 0 {
                let parent = parts[..<i].joined(separator: ".")
                let numbered = part.allSatisfy(\.isNumber)
                if numbered, !(1 ... Sheet.maxColumns).contains(Int(part) ?? 0) {
                    error("\(column.letters) 列「\(column.header)」的序号 \(part) 无效（应从 1 开始）",
                          "column \(column.letters) “\(column.header)” has list number \(part), which is invalid (numbers start at 1)")
                }
                if let seen = childKind[parent], seen.numbered != numbered {
                    error("\(seen.column.letters) 列和 \(column.letters) 列在 \(parent) 下一个用序号、一个用字段名，无法合并",
                          "columns \(seen.column.letters) and \(column.letters) give \(parent) both list numbers and keys; they cannot be combined")
                } else if childKind[parent] == nil {
                    childKind[parent] = (numbered, column)
                }
            }
        }
        for column in columns {
            let parts = column.path.split(separator: ".")
            for i in 1 ..< max(parts.count, 1) {
                if let holder = byPath[parts[..<i].joined(separator: ".")] {
                    error("\(holder.letters) 列（\(holder.path)）已包含 \(column.letters) 列（\(column.path)）的数据；请只保留一种写法",
                          "column \(holder.letters) (\(holder.path)) already holds column \(column.letters) (\(column.path)); keep one of the two")
                }
            }
        }
        return errors
    }

    private static func warning(_ file: String, zh: String, en: String) -> Diagnostic {
        Diagnostic(id: .sheetUnknownColumn, severity: .warning, file: file, message: Localized(zh: zh, en: en))
    }
}
