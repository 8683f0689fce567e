import Foundation
import ShenbaoForms
import ShenbaoSheets

/// One input record in a batch's report.
public struct BatchReportRow: Sendable {
    /// The spreadsheet row (the header is row 1); nil for a data file of a folder.
    public var row: Int?
    /// `名单.csv:row 5`, or the data file.
    public var source: String
    public var applicant: String
    public var status: BatchStatus
    /// Files written for it, relative to OUTDIR.
    public var outputs: [String]
    public var issues: [Diagnostic]
    /// Its files were left as an earlier run wrote them.
    public var skipped: Bool
}

extension BatchReportRow {
    /// A planned record's row as planning left it: no files yet.
    init(_ plan: PlannedRecord) {
        self.init(row: plan.row, source: plan.source, applicant: plan.applicant, status: plan.status,
                  outputs: [], issues: plan.issues, skipped: false)
    }

    /// The row of a record once `BatchRecordStep` wrote its files, or failed to.
    func rendered(_ result: Result<[String], ShenbaoFailure>) -> BatchReportRow {
        var row = self
        switch result {
        case .success(let outputs): row.outputs = outputs
        case .failure(let failure): row.status = .failed; row.issues += failure.diagnostics
        }
        return row
    }
}

/// The report of a batch, listing every input record (spec/cli.md `batch`): `report.json`,
/// `report.csv` (UTF-8 with a BOM, for Excel) and `report.xlsx`, messages in the run's language.
public struct BatchReport: Sendable {
    let input: String
    let rows: [BatchReportRow]
    let lang: Lang

    public init(input: String, rows: [BatchReportRow], lang: Lang) {
        self.input = input; self.rows = rows; self.lang = lang
    }

    /// An issue as a cell shows it: the record is the row, so no file name.
    private func text(_ issue: Diagnostic) -> String {
        var issue = issue
        issue.file = nil
        issue.line = nil
        return issue.formatted(lang)
    }

    /// Every record as `report.json` lists it; the server's job state shows the same list.
    public var records: Value { .list(rows.map { Self.record($0, lang: lang) }) }

    /// One record as `report.json` lists it, messages in `lang`: the server sends each as it
    /// finishes (`BatchProgress.record`).
    public static func record(_ row: BatchReportRow, lang: Lang) -> Value {
        var m = OrderedMap()
        m["row"] = row.row.map(Value.integer) ?? .null
        m["source"] = .text(row.source)
        m["applicant"] = .text(row.applicant)
        m["status"] = .text(row.status.rawValue)
        m["outputs"] = .list(row.outputs.map(Value.text))
        m["issues"] = .list(row.issues.map { d in
            var issue = OrderedMap()
            issue["rule"] = .text(d.id.rawValue)
            issue["severity"] = .text(d.severity.rawValue)
            issue["path"] = d.path.map(Value.text) ?? .null
            issue["label"] = d.label.map(Value.text) ?? .null
            issue["message"] = .text(d.message.text(lang))
            return .map(issue)
        })
        return .map(m)
    }

    var json: String {
        var counts = OrderedMap()
        for status in [BatchStatus.ok, .invalid, .failed] {
            counts[status.rawValue] = .integer(rows.filter { $0.status == status }.count)
        }
        return JSONText.encode(.map(OrderedMap([("input", .text(input)), ("counts", .map(counts)), ("records", records)])), pretty: true) + "\n"
    }

    private var header: [String] {
        lang == .zh ? ["行号", "来源", "申请单位", "状态", "输出文件", "问题"] : ["row", "source", "applicant", "status", "outputs", "issues"]
    }

    private func cells(_ row: BatchReportRow) -> [String] {
        [row.row.map(String.init) ?? "", row.source, row.applicant, row.status.rawValue,
         row.outputs.joined(separator: "\n"), row.issues.map(text).joined(separator: "\n")]
    }

    var csv: [UInt8] { CSVWriter.write([header] + rows.map(cells)) }

    var xlsx: [UInt8] {
        let body: [[Cell]] = rows.map { row in
            cells(row).enumerated().map { i, value in
                if i == 0, let n = row.row { return .number(Double(n)) }
                return value.isEmpty ? .empty : .text(value)
            }
        }
        let widths: [Double] = [6, 28, 36, 8, 48, 90]
        return XLSXWriter.write([WorksheetDraft(name: lang == .zh ? "批量报告" : "report", rows: [header.map(Cell.text)] + body,
            columns: widths.enumerated().map { i, w in WorksheetDraft.Column(width: w, style: i >= 4 ? .wrapped : .general) })])
    }
}
