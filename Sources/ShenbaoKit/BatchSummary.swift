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

    /// `records` are the valid ones in input order, each with its opinion when there is a
    /// recommender; the header comes from the recommender, else from the first record's own
    /// `recommender` (an application names the department it is sent to).
    init(records: [(application: DataDocument, opinion: DataDocument?)], recommender: DataDocument?, file: String) throws {
        definition = try FormDefinition.load(name: "summary")
        var root = OrderedMap([("form", .text("summary"))])
        if let notice = records.first?.application.root["notice"] { root["notice"] = notice }
        root["recommender"] = recommender?.root["recommender"] ?? records.first?.application.root["recommender"] ?? .map(OrderedMap())
        if let date = recommender?.root["date"] { root["date"] = date }
        let columns = definition.columns
        root["records"] = .list(records.map { record in
            // Made at its size: the rows of thousands of records are held until the summary is written.
            .map(OrderedMap(columns.compactMap { column in
                (record.opinion.flatMap { column.value(in: $0.root, form: "opinion") }
                    ?? column.value(in: record.application.root, form: "application")).map { (column.key, $0) }
            }))
        })
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
