import Foundation
import Hummingbird
import ShenbaoKit

/// The batch jobs of `/batch` (spec/web.md): an uploaded sheet becomes a job under
/// `--data-dir`/jobs/ID, run by the same `BatchRunner` as `shenbao batch`, and its state is kept
/// in memory while it runs and in `state.json` when it ends, so a restarted server still answers
/// for it. IDs are 128 random bits in hex; anything else is 404, so no path can be smuggled in.
///
/// A job's records are listed in the order they finished, each once, as `report.json` lists it
/// (`report.json` itself, in the ZIP, keeps the input's order): the state document while running
/// holds those finished so far, and the events stream sends each as one `record` event whose
/// `id` is its place in that list, so a stream resumed with `Last-Event-ID` misses none and
/// repeats none.
final class BatchJobs: Sendable {
    let folder: URL
    let signing: PackSigning?
    let seal: SealImage?
    private let running = Locked<[String: Live]>([:])

    /// A running job: how many records its input has (0 until it is read), and those finished.
    struct Live: Sendable {
        var total = 0
        /// Records finished `invalid` or `failed`.
        var invalid = 0
        var records: [Value] = []

        /// The job's state document counting the records finished so far; `records` as it lists them.
        func state(_ name: String, records listed: Value?, error: String? = nil) -> Value {
            BatchJobs.state(name, done: records.count, total: total, invalid: invalid, records: listed, error: error)
        }
    }

    /// How often an events stream looks at its job.
    static let pollInterval = Duration.milliseconds(250)
    /// Records written to an events stream at once, so a late client of a big job is sent its
    /// backlog a piece at a time.
    static let eventChunk = 64

    init(configuration: ServerConfiguration) {
        folder = configuration.dataDirectory.appendingPathComponent("jobs", isDirectory: true)
        signing = configuration.signing
        seal = configuration.seal
    }

    /// A new job ID: 16 bytes from the system's secure generator.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Whether `id` is one this server could have made.
    static func isValid(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Starts a job over the uploaded `sheet` (and the recommender's data) and returns its ID.
    func start(sheet: MultipartForm.Part, recommender: MultipartForm.Part?, lang: Lang) throws -> String {
        let name = (sheet.filename ?? "").lowercased()
        let ext = name.hasSuffix(".xlsx") ? "xlsx" : name.hasSuffix(".csv") ? "csv" : nil
        guard let ext else {
            throw APIError.badRequest(zh: "请上传 .xlsx 或 .csv 表格", en: "upload an .xlsx or .csv sheet")
        }
        let id = Self.newID()
        let job = folder.appendingPathComponent(id, isDirectory: true)
        try ManyFiles.makeFolder(job.path)
        let input = job.appendingPathComponent("input.\(ext)").path
        try AtomicFile.write(sheet.body, to: input)
        var recommenderPath: String?
        if let recommender {
            let path = job.appendingPathComponent("recommender.yaml").path
            try AtomicFile.write(recommender.body, to: path)
            recommenderPath = path
        }
        var sealPath: String?
        if let seal {
            let path = job.appendingPathComponent("seal").path
            try AtomicFile.write(seal.data, to: path)
            sealPath = path
        }
        let options = BatchOptions(input: input, output: job.appendingPathComponent("result").path, jobs: nil,
                                   recommender: recommenderPath, seal: sealPath, signing: signing, zip: true, lang: lang)
        running.withLock { $0[id] = Live() }
        // Rows name the sheet as the user uploaded it, not where this server keeps it.
        let shown = sheet.filename ?? "sheet"
        let named: @Sendable (BatchReportRow) -> BatchReportRow = { row in
            var row = row
            row.source = row.source.replacingOccurrences(of: input, with: shown)
            return row
        }
        Thread.detachNewThread { [self] in
            let final: Value
            do {
                let outcome = try BatchRunner.run(options) { progress in
                    let record = progress.record.map { BatchReport.record(named($0), lang: lang) }
                    self.running.withLock { jobs in
                        jobs[id]?.total = progress.total
                        guard let record, let status = progress.record?.status else { return }
                        jobs[id]?.records.append(record)
                        if status != .ok { jobs[id]?.invalid += 1 }
                    }
                }
                let live = running.withLock { $0[id] } ?? Live()
                // The rows as the events stream sent them, in the order they finished; the
                // outcome's own list should the runner ever have left one unreported.
                let records = live.records.count == outcome.rows.count ? .list(live.records)
                    : BatchReport(input: shown, rows: outcome.rows.map(named), lang: lang).records
                final = Self.state("done", done: outcome.rows.count, total: outcome.rows.count,
                                   invalid: outcome.count(.invalid) + outcome.count(.failed), records: records)
            } catch {
                // Records finished before the failure (writing the batch-wide files) stay listed.
                let live = running.withLock { $0[id] } ?? Live()
                let failure = ShenbaoFailure(caught: error, file: sheet.filename)
                final = live.state("failed", records: .list(live.records),
                                   error: failure.diagnostics.map { $0.formatted(lang) }.joined(separator: "\n"))
            }
            try? AtomicFile.write(Data(JSONText.encode(final).utf8), to: job.appendingPathComponent("state.json").path)
            self.running.withLock { $0[id] = nil }
        }
        return id
    }

    /// The job's state document, or nil for an unknown job.
    func state(_ id: String) -> Value? {
        guard Self.isValid(id) else { return nil }
        if let live = running.withLock({ $0[id] }) {
            return live.state("running", records: .list(live.records))
        }
        return finished(id)
    }

    /// A finished job's state document, from its `state.json`.
    private func finished(_ id: String) -> Value? {
        let path = folder.appendingPathComponent(id).appendingPathComponent("state.json").path
        guard let data = FileManager.default.contents(atPath: path),
              let document = try? DataLoader.load(data: data, file: path, format: .json) else { return nil }
        return document.root
    }

    /// What an events stream that has sent the first `after` records has yet to send: the
    /// records after them, and the state document without its records (whose counts agree
    /// with them); nil for an unknown job. Only the new records are copied.
    func update(_ id: String, after: Int) -> (records: [Value], state: Value)? {
        guard Self.isValid(id) else { return nil }
        let after = max(after, 0)
        if let live = running.withLock({ jobs -> (records: [Value], state: Value)? in
            guard let job = jobs[id] else { return nil }
            let fresh = after < job.records.count ? Array(job.records[after...]) : []
            return (fresh, job.state("running", records: nil))
        }) {
            return live
        }
        guard case .map(var document)? = finished(id) else { return nil }
        var records: [Value] = []
        if case .list(let all)? = document["records"] { records = Array(all.dropFirst(after)) }
        document["records"] = nil
        return (records, .map(document))
    }

    /// `GET /api/batch/{ID}/events`: each finished record as an `event: record` (`id:` its
    /// place in the job's list, `data:` the row as `report.json` lists it), the rows finished so
    /// far first; after them, and whenever the counts change, an `event: state` with the state
    /// document but its records (`{"state", "done", "total", "invalid"}`, and `error` when it
    /// failed). The stream ends after the state that is no longer `running`. `after` is the
    /// `Last-Event-ID` of a resumed stream: the records it already had.
    func events(_ id: String, after: Int) -> ResponseBody {
        ResponseBody { [self] writer in
            var sent = max(after, 0)
            var last: Value?
            while var next = update(id, after: sent) {
                if case .integer(let done)? = next.state["done"], sent > done {
                    // An ID this job never gave: start again from its first row.
                    sent = 0
                    guard let again = update(id, after: 0) else { break }
                    next = again
                }
                let (records, state) = next
                var start = records.startIndex
                while start < records.endIndex {
                    let end = min(start + Self.eventChunk, records.endIndex)
                    var text = ""
                    for record in records[start..<end] {
                        sent += 1
                        text += Self.event("record", id: sent, record)
                    }
                    try await writer.write(ByteBuffer(string: text))
                    start = end
                }
                if state != last {
                    try await writer.write(ByteBuffer(string: Self.event("state", state)))
                    last = state
                }
                if state["state"]?.plainText != "running" { break }
                try await Task.sleep(for: Self.pollInterval)
            }
            try await writer.finish(nil)
        }
    }

    /// One Server-Sent Event; JSON on one line is one `data:` line.
    static func event(_ name: String, id: Int? = nil, _ data: Value) -> String {
        "event: \(name)\n" + (id.map { "id: \($0)\n" } ?? "") + "data: \(JSONText.encode(data))\n\n"
    }

    /// The finished job's folder as a ZIP (`BatchRunner` writes it as `result.zip`).
    func zip(_ id: String) -> URL? {
        guard Self.isValid(id), state(id)?["state"]?.plainText == "done" else { return nil }
        let url = folder.appendingPathComponent(id).appendingPathComponent("result.zip")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The state document of spec/web.md; without `records` in the events stream, which sends them one by one.
    static func state(_ state: String, done: Int, total: Int, invalid: Int, records: Value?, error: String? = nil) -> Value {
        var m = OrderedMap([("state", .text(state)), ("done", .integer(done)), ("total", .integer(total)), ("invalid", .integer(invalid))])
        m["records"] = records
        m["error"] = error.map(Value.text)
        return .map(m)
    }
}
