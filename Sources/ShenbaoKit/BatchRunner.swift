import Dispatch
import Foundation

/// `shenbao batch` (spec/cli.md `batch`): many applicants' files from one spreadsheet or folder.
///
/// The passes: take OUTDIR's lock; open the input (`BatchInput`); read, check and place every
/// record (`BatchPlanner`); render, on all cores, each valid record whose manifest entry is
/// missing or out of date (`BatchRecordStep`), its data read again, every file atomically; then the batch-wide files
/// (`BatchOutputs`) unless nothing they show changed; the manifest last. Records are
/// independent: one that fails is reported and the others go on.
public enum BatchRunner {
    /// Runs the batch. Throws only when it cannot start (exit 2): INPUT unreadable, OUTDIR
    /// locked by another batch, the recommender's data or the seal unusable. `progress` is called
    /// from the worker threads after each record.
    public static func run(_ options: BatchOptions, cancellation: BatchCancellation = BatchCancellation(),
                           progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }) throws -> BatchOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let elapsed: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        let outdir = options.output
        if FileIdentity.same(options.input, outdir) {
            throw ShenbaoFailure.unusable(.outputIsInput, file: outdir, zh: "输出文件夹不能是输入文件夹", en: "the output folder cannot be the input folder")
        }
        try ManyFiles.makeFolder(outdir)
        let lock = try BatchLock(folder: outdir)
        defer { withExtendedLifetime(lock) {} }
        BatchLock.sweepTemporaryFiles(in: outdir)

        let source = try BatchInput.open(options.input, sheet: options.sheet)
        let application = try PackRenderer(form: "application")
        let recommender = try options.recommender.map { try BatchRecommender.load(path: $0) }
        let seal = try options.seal.map { try SealImage(path: $0) }
        var common = Fingerprint()
        common.add(ShenbaoVersion.current)
        common.add(Fingerprint.templates())
        common.add(seal?.data ?? Data())
        // Signed files differ run to run (the signing time); what decides them is who signs and how.
        common.add(options.signing.map { "\($0.identity.certificate)|\($0.reason ?? "")|\($0.location ?? "")" } ?? "")
        var planned = try BatchPlanner(application: application, recommender: recommender, jobs: options.jobs, common: common.hex).plan(source)

        let previous = BatchManifest.load(from: outdir)
        let exists = { (path: String) in FileManager.default.fileExists(atPath: (outdir as NSString).appendingPathComponent(path)) }
        let unchanged = Set(planned.indices.filter { i in
            guard planned[i].status == .ok, let entry = previous.records[planned[i].folder] else { return false }
            return entry.hash == planned[i].hash && entry.outputs.allSatisfy(exists)
        })
        let todo = planned.indices.filter { planned[$0].status == .ok && !unchanged.contains($0) }
        let counters = Locked(BatchProgress(
            total: planned.count, done: 0, skipped: unchanged.count,
            invalid: planned.filter { $0.status == .invalid }.count, failed: planned.filter { $0.status == .failed }.count,
            rendered: 0, elapsed: 0))
        progress(counters.withLock { $0 })
        // Records planning finished (invalid, unreadable) or an earlier run left as they are: one call each.
        for i in planned.indices where planned[i].status != .ok || unchanged.contains(i) {
            var now = counters.withLock { $0.done += 1; return $0 }
            now.record = BatchReportRow(planned[i])
            if unchanged.contains(i) { now.record?.outputs = previous.records[planned[i].folder]!.outputs; now.record?.skipped = true }
            progress(now)
        }

        let step = BatchRecordStep(source: source, application: application, recommender: recommender, opinionOptions: PrintOptions(seal: seal),
                                   endorser: try recommender.map { _ in try Endorser() }, signing: options.signing)
        let results = mapInParallel(todo.count, jobs: options.jobs) { [planned] k -> Result<[String], ShenbaoFailure>? in
            if cancellation.isCancelled { return nil }
            let plan = planned[todo[k]]
            let result: Result<[String], ShenbaoFailure>
            do { result = .success(try step.write(plan, into: outdir)) } catch { result = .failure(ShenbaoFailure(caught: error, file: plan.source)) }
            var now = counters.withLock { state -> BatchProgress in
                state.done += 1
                if case .success = result { state.rendered += 1 } else { state.failed += 1 }
                state.elapsed = elapsed()
                return state
            }
            now.record = BatchReportRow(plan).rendered(result)
            progress(now)
            return result
        }

        var rows = planned.map(BatchReportRow.init)
        var manifest = BatchManifest()
        for i in unchanged {
            rows[i].outputs = previous.records[planned[i].folder]!.outputs
            rows[i].skipped = true
            manifest.records[planned[i].folder] = previous.records[planned[i].folder]
        }
        var pending = 0
        for (k, i) in todo.enumerated() {
            guard let result = results[k] else { pending += 1; continue }
            rows[i] = rows[i].rendered(result)
            if case .success(let outputs) = result {
                manifest.records[planned[i].folder] = BatchManifest.Entry(hash: planned[i].hash, outputs: outputs)
            }
        }
        var outcome = BatchOutcome(rows: rows, warnings: source.warnings, skipped: unchanged.count, elapsed: 0,
                                   interrupted: pending > 0, pending: pending, written: [])
        if outcome.interrupted {
            // Entries of records not reached stay as they were: the rerun decides about them.
            for (folder, entry) in previous.records where manifest.records[folder] == nil { manifest.records[folder] = entry }
            manifest.aggregate = previous.aggregate
            manifest.aggregateOutputs = previous.aggregateOutputs
        } else {
            let batch = BatchOutputs(options: options, outdir: outdir, source: source, application: application,
                                     recommender: recommender, common: common.hex, cancellation: cancellation)
            let data = try batch.recordData(rows: rows, planned: planned)
            for i in planned.indices { planned[i].opinion = nil }
            let made: BatchOutputs.Made
            do {
                made = try batch.write(rows: rows, planned: planned, data: data, previous: previous)
            } catch is BatchOutputs.Interrupted {
                // Every record is done; the batch-wide files are redone by the rerun (no aggregate
                // hash), and those an earlier run listed stay listed.
                outcome.interrupted = true
                manifest.aggregateOutputs = previous.aggregateOutputs
                try manifest.save(to: outdir)
                outcome.elapsed = elapsed()
                return outcome
            } catch {
                // The records' files are written and stay good (a record read again for all.pdf
                // whose file changed, say): the rerun redoes the batch-wide files, not them.
                try? manifest.save(to: outdir)
                throw error
            }
            manifest.aggregate = made.hash
            manifest.aggregateOutputs = made.outputs
            outcome.written = made.written
            removeStale(previous, kept: manifest, in: outdir)
        }
        // Unchanged, it is not rewritten: a rerun over a finished batch changes nothing in OUTDIR.
        if manifest != previous { try manifest.save(to: outdir) }
        outcome.elapsed = elapsed()
        return outcome
    }

    /// Deletes the files an earlier run wrote that this run's manifest no longer lists (a record
    /// renamed, become invalid, or gone from the input; `all.pdf` no longer asked for), and
    /// their record folders once empty. Only files the manifest recorded are touched.
    private static func removeStale(_ previous: BatchManifest, kept: BatchManifest, in outdir: String) {
        let live = Set(kept.records.values.flatMap(\.outputs) + kept.aggregateOutputs)
        let old = previous.records.values.flatMap(\.outputs) + previous.aggregateOutputs
        let manager = FileManager.default
        for path in old where !live.contains(path) {
            let full = (outdir as NSString).appendingPathComponent(path)
            try? manager.removeItem(atPath: full)
            let folder = (full as NSString).deletingLastPathComponent
            if (try? manager.contentsOfDirectory(atPath: folder))?.isEmpty == true { try? manager.removeItem(atPath: folder) }
        }
    }
}
