import Foundation
import Hummingbird
import ShenbaoKit

/// The batch jobs of `/batch` (spec/web.md): an uploaded sheet becomes a job under
/// `--data-dir`/jobs/ID, run by the same `BatchRunner` as `shenbao batch`, and its state is kept
/// in memory while it runs and in `state.json` when it ends, so a restarted server still answers
/// for it. IDs are 128 random bits in hex; anything else is 404, so no path can be smuggled in.
final class BatchJobs: Sendable {
    let folder: URL
    let signing: PackSigning?
    let seal: SealImage?
    private let running = Locked<[String: Value]>([:])

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
        running.withLock { $0[id] = Self.state("running", done: 0, total: 0, invalid: 0, records: .list([])) }
        Thread.detachNewThread { [self] in
            let final: Value
            do {
                let outcome = try BatchRunner.run(options) { progress in
                    self.running.withLock {
                        $0[id] = Self.state("running", done: progress.done, total: progress.total,
                                            invalid: progress.invalid + progress.failed, records: .list([]))
                    }
                }
                // Rows name the sheet as the user uploaded it, not where this server keeps it.
                let shown = sheet.filename ?? "sheet"
                let rows = outcome.rows.map { row in
                    var row = row
                    row.source = row.source.replacingOccurrences(of: input, with: shown)
                    return row
                }
                let report = BatchReport(input: shown, rows: rows, lang: lang)
                final = Self.state("done", done: outcome.rows.count, total: outcome.rows.count,
                                   invalid: outcome.count(.invalid) + outcome.count(.failed), records: report.records)
            } catch {
                let failure = ShenbaoFailure(caught: error, file: sheet.filename)
                var state = Self.state("failed", done: 0, total: 0, invalid: 0, records: .list([]))
                if case .map(var m) = state {
                    m["error"] = .text(failure.diagnostics.map { $0.formatted(lang) }.joined(separator: "\n"))
                    state = .map(m)
                }
                final = state
            }
            try? AtomicFile.write(Data(JSONText.encode(final).utf8), to: job.appendingPathComponent("state.json").path)
            self.running.withLock { $0[id] = nil }
        }
        return id
    }

    /// The job's state document, or nil for an unknown job.
    func state(_ id: String) -> Value? {
        guard Self.isValid(id) else { return nil }
        if let live = running.withLock({ $0[id] }) { return live }
        let path = folder.appendingPathComponent(id).appendingPathComponent("state.json").path
        guard let data = FileManager.default.contents(atPath: path),
              let document = try? DataLoader.load(data: data, file: path, format: .json) else { return nil }
        return document.root
    }

    /// The finished job's folder as a ZIP (`BatchRunner` writes it as `result.zip`).
    func zip(_ id: String) -> URL? {
        guard Self.isValid(id), state(id)?["state"]?.plainText == "done" else { return nil }
        let url = folder.appendingPathComponent(id).appendingPathComponent("result.zip")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static func state(_ state: String, done: Int, total: Int, invalid: Int, records: Value) -> Value {
        .map(OrderedMap([("state", .text(state)), ("done", .integer(done)), ("total", .integer(total)),
                         ("invalid", .integer(invalid)), ("records", records)]))
    }
}
