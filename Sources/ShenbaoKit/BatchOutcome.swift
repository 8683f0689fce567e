import Foundation

/// How a batch ended: every record's row of the report, and what the run did.
public struct BatchOutcome: Sendable {
    public var rows: [BatchReportRow]
    /// About the input as a whole (columns ignored…), to show before the records.
    public var warnings: [Diagnostic]
    /// Records whose files an earlier run wrote and nothing since changed.
    public var skipped: Int
    public var elapsed: Double
    /// Stopped by `BatchCancellation`: before every record was done (the finished ones are on
    /// disk and in the manifest, the reports were not written), or, with `pending` 0, while the
    /// batch-wide files were written (the rerun writes them).
    public var interrupted: Bool
    /// Records an interruption left undone (their rows say `ok` with no outputs yet).
    public var pending: Int
    /// Batch-wide files written (`report.json`…), relative to OUTDIR; empty when unchanged.
    public var written: [String]

    public func count(_ status: BatchStatus) -> Int { rows.filter { $0.status == status }.count }

    /// 0 when every record is `ok`, 1 when any is `invalid` or `failed` (spec/cli.md `batch`).
    public var status: ExitStatus { rows.allSatisfy { $0.status == .ok } ? .ok : .invalidData }

    /// `58 条成功，2 条不合格，1 条失败；用时 6.2 秒`, and how many were skipped.
    public func closingLine(_ lang: Lang) -> String {
        let seconds = String(format: "%.1f", elapsed)
        let ok = count(.ok) - pending, invalid = count(.invalid), failed = count(.failed)
        if lang == .en {
            var line = "\(ok) ok, \(invalid) invalid, \(failed) failed; \(seconds) s"
            if skipped > 0 { line += "; \(skipped) unchanged, skipped" }
            if interrupted && pending == 0 { line = "interrupted while writing the reports and summary; " + line + "; run again to write them" }
            else if interrupted { line = "interrupted with \(pending) record(s) not yet done; " + line + "; run again to finish them" }
            return line
        }
        var line = "\(ok) 条成功，\(invalid) 条不合格，\(failed) 条失败；用时 \(seconds) 秒"
        if skipped > 0 { line += "；\(skipped) 条未改动，已跳过" }
        if interrupted && pending == 0 { line = "已中断，报告和汇总尚未写完；" + line + "；再次运行即可写完" }
        else if interrupted { line = "已中断，\(pending) 条尚未处理；" + line + "；再次运行即可完成其余记录" }
        return line
    }
}
