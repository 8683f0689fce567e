import Foundation
import ShenbaoForms
import ShenbaoSheets

/// The 推荐汇总表 of a batch's valid records (spec/data-model.md, the summary): the data the
/// built-in `summary` form renders, with each column taken as the summary definition says —
/// from the record's opinion where it has one (the rank), else from its application — and the
/// same rows as `summary.csv`, closed by the counts of each category.
struct BatchSummary {
    let definition: FormDefinition
    /// The summary's data document (`form: summary`, `recommender`, `date`, `records`).
    let document: DataDocument

    /// One valid record's part of the summary, taken while its data is at hand (planning) so
    /// that the data can be let go: a batch of thousands holds these and nothing else of it.
    struct Entry: Sendable, Equatable {
        /// Its row: each column's value.
        var row: OrderedMap
        /// What a record may give the summary's header: its `notice` and the `recommender` an
        /// application names (the department it is sent to).
        var header: OrderedMap

        /// Each column from `opinion` where it has one, else as the application gave it.
        mutating func take(_ opinion: DataDocument, definition: FormDefinition) {
            let application = row
            row = OrderedMap(definition.columns.compactMap { column in
                (column.value(in: opinion.root, form: "opinion") ?? application[column.key]).map { (column.key, $0) }
            })
        }
    }

    /// The entry of an application: each column from its data (`take(_:definition:)` then
    /// lets its opinion, when there is a recommender, give the columns it has: the rank).
    static func entry(application: DataDocument, definition: FormDefinition) -> Entry {
        // Made at its size: the rows of thousands of records are held until the summary is written.
        let row = OrderedMap(definition.columns.compactMap { column in
            column.value(in: application.root, form: "application").map { (column.key, $0) }
        })
        let header = OrderedMap(["notice", "recommender"].compactMap { key in application.root[key].map { (key, $0) } })
        return Entry(row: row, header: header)
    }

    /// `entries` are the valid records' in input order; the header comes from the recommender,
    /// else from the first record's own `recommender`.
    init(entries: [Entry], recommender: DataDocument?, file: String) throws {
        definition = try FormDefinition.load(name: "summary")
        var root = OrderedMap([("form", .text("summary"))])
        let first = entries.first?.header
        if let notice = first?["notice"] { root["notice"] = notice }
        root["recommender"] = recommender?.root["recommender"] ?? first?["recommender"] ?? .map(OrderedMap())
        if let date = recommender?.root["date"] { root["date"] = date }
        root["records"] = .list(entries.map { .map($0.row) })
        document = DataDocument(file: file, root: .map(root))
    }

    /// The table as CSV: the columns' labels, one line per record, then the counts.
    var csv: [UInt8] {
        let columns = definition.columns
        var records: [Value] = []
        if case .list(let list)? = document.root["records"] { records = list }
        var lines = [columns.map(\.label)]
        for (i, record) in records.enumerated() {
            lines.append(columns.map { column in column.key == "number" ? String(i + 1) : record[column.key].map(Self.cell) ?? "" })
        }
        // Counted by the `category` key, as the form's own foot counts (`FormContext`).
        let categories = records.map { $0["category"]?.plainText ?? "" }
        lines.append(["共 \(records.count) 项，其中重点项目 \(categories.filter { $0 == "重点项目" }.count) 项、一般项目 \(categories.filter { $0 == "一般项目" }.count) 项"])
        return CSVWriter.write(lines)
    }

    /// A list (several key fields) joined as the form prints it.
    private static func cell(_ value: Value) -> String {
        if case .list(let items) = value { return items.map(\.plainText).joined(separator: "、") }
        return value.plainText
    }
}
