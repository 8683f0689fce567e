import Foundation
import ShenbaoCore

extension FieldDefinition {
    /// The value a spreadsheet cell holds for this field, typed as the definition says, so CSV and
    /// XLSX rows validate like YAML files (spec/cli.md `batch`): empty → nil (missing); integers;
    /// yes/no as true/false, 是/否, 1/0; dates as `2024-05-31`, `2024/5/31`, `2024年5月31日`;
    /// a list as a JSON array in one cell. Text that does not parse stays text, so the `type`
    /// rule reports it with the cell's own words.
    public func cellValue(_ cell: String) -> Value? {
        let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        switch kind {
        case .integer:
            return Int(text).map(Value.integer) ?? .text(text)
        case .boolean:
            return Value.text(text).answer.map(Value.bool) ?? .text(text)
        case .date:
            return CivilDate(parsing: text).map(Value.date) ?? .text(text)
        case .list:
            if text.hasPrefix("["), let doc = try? DataLoader.load(data: Data(text.utf8), file: path, format: .json) {
                return doc.root
            }
            return .text(text)
        case .text, .longtext, .enum, .record:
            return .text(cell)
        }
    }
}
