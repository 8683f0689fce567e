import Foundation

/// Where a batch is, reported after every record (`BatchRunner.run`'s `progress`): the host
/// decides how to show it (a live line on a terminal, plain lines otherwise; the server's
/// `/events` stream, one event per finished record).
public struct BatchProgress: Sendable {
    /// Records in the input.
    public var total: Int
    /// Records accounted for: rendered, skipped as unchanged, invalid or failed.
    public var done: Int
    /// Records left as they were by an earlier run.
    public var skipped: Int
    public var invalid: Int
    public var failed: Int
    /// Records rendered in this run, the measure of speed.
    public var rendered: Int
    public var elapsed: Double
    /// The record this call reports finished, as `report.json` lists it (`BatchReport.record`):
    /// one call per input record, each record once: rendered, failed, invalid or skipped (those
    /// planning settles first, in input order; an interruption leaves the rest unreported). Nil
    /// only on the call that opens the run (no record done yet, `total` known).
    public var record: BatchReportRow? = nil

    /// Records rendered per second.
    public var rate: Double { elapsed > 0 ? Double(rendered) / elapsed : 0 }

    /// Seconds until the last record is done at the rate so far; nil before there is a rate.
    public var remaining: Double? { rate > 0 ? Double(total - done) / rate : nil }

    /// `37/61 条 · 12.3 条/秒 · 剩余约 2 秒 · 不合格 2`
    public func line(_ lang: Lang) -> String {
        let left = remaining.map { String(format: "%.0f", $0.rounded(.up)) }
        let rateText = String(format: "%.1f", rate)
        if lang == .en {
            return "\(done)/\(total) records · \(rateText)/s · \(left.map { "about \($0) s left" } ?? "—") · invalid \(invalid)"
                + (failed > 0 ? " · failed \(failed)" : "")
        }
        return "\(done)/\(total) 条 · \(rateText) 条/秒 · \(left.map { "剩余约 \($0) 秒" } ?? "—") · 不合格 \(invalid)"
            + (failed > 0 ? " · 失败 \(failed)" : "")
    }
}

/// Asks a running batch to stop (Ctrl-C): records not yet started are not started, those being
/// rendered finish, so what stands on disk is whole.
public final class BatchCancellation: Sendable {
    private let flag = Locked(false)
    public init() {}
    public func cancel() { flag.withLock { $0 = true } }
    public var isCancelled: Bool { flag.withLock { $0 } }
}
