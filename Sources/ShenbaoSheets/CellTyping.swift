import Foundation
import ShenbaoCore
import ShenbaoForms

/// Turns a cell into the value its field's definition asks for, so a row read from a sheet
/// validates like a YAML file (spec/cli.md `batch`): an empty cell is missing; booleans accept
/// true/false, 是/否, 1/0 (any case) and boolean cells; dates accept `2024-05-31`, `2024/5/31`,
/// `2024年5月31日` and date cells; integers accept numbers and digits; text stays text, and a
/// number in a text field is written as its digits (a postal code typed as a number).
///
/// Text that is not what the field wants stays text, so the `type` rule reports it together with
/// the record's other issues. What cannot be read at all is a problem of the row (`sheet.row`):
/// malformed JSON in a list cell, a date that does not exist (2024-02-30, Excel's 1900-02-29), a
/// number longer than the 15 digits Excel keeps (a credit code typed as a number is already cut).
enum CellTyping {
    enum Outcome: Equatable {
        case missing
        case value(Value)
        /// The row cannot be read; why, in both languages.
        case unreadable(Localized)
    }

    static func type(_ cell: Cell, field: FieldDefinition?) -> Outcome {
        if cell.isBlank { return .missing }
        guard let field else { return .value(untyped(cell)) }
        switch field.kind {
        case .text, .longtext, .enum, .record:
            return text(cell)
        case .integer:
            switch cell {
            case .number(let x): return .value(x.rounded() == x && abs(x) < 1e15 ? .integer(Int(x)) : .decimal(x))
            case .text(let s):
                let t = s.trimmed
                if let n = Int(t) { return .value(.integer(n)) }
                if let x = Double(t), x.rounded() == x, abs(x) < 1e15 { return .value(.integer(Int(x))) }
                return .value(.text(t))
            default: return .value(untyped(cell))
            }
        case .boolean:
            switch cell {
            case .bool(let b): return .value(.bool(b))
            case .number(let x) where x == 0 || x == 1: return .value(.bool(x == 1))
            case .text(let s):
                let t = s.trimmed
                return .value(Value.text(t).answer.map(Value.bool) ?? .text(t))
            default: return .value(untyped(cell))
            }
        case .date:
            switch cell {
            case .date(let d): return .value(.date(d))
            case .text(let s):
                let t = s.trimmed
                if let d = CivilDate(parsing: t) { return .value(.date(d)) }
                if looksLikeDate(t) {
                    return .unreadable(Localized(zh: "日期「\(t)」不存在（请检查年、月、日）", en: "the date “\(t)” does not exist (check year, month and day)"))
                }
                return .value(.text(t))
            default: return .value(untyped(cell))
            }
        case .list:
            return list(cell, item: field.items?.field)
        }
    }

    /// A cell under a header the definition does not know: as the workbook typed it.
    private static func untyped(_ cell: Cell) -> Value {
        switch cell {
        case .empty: return .null
        case .text(let s): return .text(s.trimmed)
        case .number(let x): return x.rounded() == x && abs(x) < 1e15 ? .integer(Int(x)) : .decimal(x)
        case .bool(let b): return .bool(b)
        case .date(let d): return .date(d)
        }
    }

    private static func text(_ cell: Cell) -> Outcome {
        if case .number(let x) = cell, abs(x) >= 1e15 {
            return .unreadable(Localized(
                zh: "单元格是超过 15 位的数字，Excel 已把后几位变成 0（\(cell.displayText)）；请把该列设为文本格式后重新输入",
                en: "the cell is a number of more than 15 digits, whose last digits Excel has already turned to 0 (\(cell.displayText)); format the column as text and type it again"))
        }
        return .value(.text(cell.displayText.trimmed))
    }

    /// A list: a JSON array in the cell, or one value (a single 重点方向) for a list of scalars.
    private static func list(_ cell: Cell, item: FieldDefinition?) -> Outcome {
        let t = cell.displayText.trimmed
        guard t.hasPrefix("[") else {
            guard let item, item.kind != .record else { return .value(.text(t)) }
            switch type(cell, field: item) {
            case .value(let v): return .value(.list([v]))
            case let other: return other
            }
        }
        let document: DataDocument
        do {
            document = try DataLoader.load(data: Data(t.utf8), file: "", format: .json)
        } catch {
            let detail = (error as? ShenbaoFailure)?.diagnostics.first?.message ?? Localized(zh: "\(error)", en: "\(error)")
            return .unreadable(Localized(zh: "列表单元格不是有效的 JSON 数组：\(detail.zh)", en: "the list cell is not a valid JSON array: \(detail.en)"))
        }
        guard case .list = document.root else {
            return .unreadable(Localized(zh: "列表单元格应为 JSON 数组（以 [ 开头、] 结尾）", en: "the list cell must be a JSON array (from [ to ])"))
        }
        return .value(document.root)
    }

    /// Three groups of digits joined by `-`, `/` or 年月日: meant as a date, so one that does not
    /// exist is an error to correct, not text for the `type` rule.
    static func looksLikeDate(_ t: String) -> Bool {
        let groups = t.split(whereSeparator: { "-/年月日 ".contains($0) })
        return groups.count == 3 && groups.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
            && groups[0].count == 4
    }
}
