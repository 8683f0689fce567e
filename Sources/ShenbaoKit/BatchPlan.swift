import Foundation
import ShenbaoForms

/// How a record of a batch ended (spec/cli.md `batch`).
public enum BatchStatus: String, Sendable {
    /// Valid, and its files are written.
    case ok
    /// Read, but breaks a rule: no files.
    case invalid
    /// Could not be read, or its files could not be made.
    case failed
}

/// A record checked and placed: everything about it but its files, decided before any is
/// rendered, so the rendering of each record depends on nothing but its own plan and its data,
/// read again (`BatchSource.document(for:)`).
struct PlannedRecord: Sendable {
    /// 1 for the first record (`BatchRecord.position`).
    var position: Int
    var row: Int?
    var source: String
    /// The record's part of the 推荐汇总表, taken from its data as it is read; kept for a
    /// valid record only. With its opinion (with a recommender), all a batch holds of the
    /// record's data after planning.
    var summary: BatchSummary.Entry?
    /// The record's `rank` column, which belongs to its opinion and not to its application.
    var rank: Value?
    /// `applicant.name` as given ("" when absent).
    var applicant: String
    /// `records/<NNN>-<applicant>`, relative to OUTDIR.
    var folder: String
    var status: BatchStatus
    /// Every issue, in the order validation gave them: the reader's, the form's, the batch's.
    var issues: [Diagnostic]
    /// The application's own issues, handed to the renderer so it does not validate again.
    var applicationIssues: [Diagnostic] = []
    /// The record's opinion (the recommender's data with this record's `application` part and rank).
    var opinion: DataDocument?
    var opinionIssues: [Diagnostic] = []
    /// `BatchRecord.print` of the record as checked: read again to render, it must be the same.
    var dataPrint = ""
    /// What the record's files are made from (`Fingerprint`): equal hashes, equal files.
    var hash = ""
}

/// Checks every record of a batch and plans its files (spec/cli.md `batch`): each record read
/// and validated against the application form (in parallel) and then let go but for its digest
/// (`digestPaths`) and its summary entry; the digests checked against each other (`BatchRules`:
/// duplicates); with a recommender, each record's opinion made from its digest and the opinions
/// checked together (ranks); ranks follow the input order of the valid records unless a `rank`
/// column gives them. The digests end with planning.
struct BatchPlanner {
    let application: PackRenderer
    let recommender: BatchRecommender?
    let jobs: Int?
    /// `Fingerprint` of what every record depends on alike (version, templates, seal).
    let common: String

    func plan(_ source: BatchSource) throws -> [PlannedRecord] {
        let width = max(3, String(source.count).count)
        let definition = try FormDefinition.load(dataForm: "application")
        let kept = Self.digestPaths(definition)
        let summary = try FormDefinition.load(name: "summary")
        let application = self.application
        // Records name the same department as a rule: one header held for all of them.
        let header = Locked(OrderedMap())
        let read = mapInParallel(source.count, jobs: jobs) { i -> (PlannedRecord, DataDocument?) in
            let record = source.record(i)
            let (document, rank) = Self.withoutRank(record.document)
            let applicant = document?.root.value(at: "applicant.name")?.scalarText?.trimmingCharacters(in: .whitespaces) ?? ""
            let name = SafeName.component(applicant.isEmpty ? "未命名" : applicant)
            let number = String(repeating: "0", count: max(0, width - String(record.position).count)) + String(record.position)
            var plan = PlannedRecord(position: record.position, row: record.row, source: record.source, rank: rank, applicant: applicant,
                                     folder: "records/\(number)-\(name)", status: .failed, issues: record.warnings + record.failures)
            guard let document else { return (plan, nil) }
            do {
                plan.applicationIssues = try application.validate(document)
            } catch {
                plan.issues += ShenbaoFailure(caught: error, file: record.source).diagnostics
                return (plan, nil)
            }
            plan.issues += plan.applicationIssues
            plan.status = .ok
            var entry = BatchSummary.entry(application: document, definition: summary)
            header.withLock { if $0 == entry.header { entry.header = $0 } else { $0 = entry.header } }
            plan.summary = entry
            plan.dataPrint = record.print
            return (plan, document.keeping(kept))
        }
        var planned = read.map(\.0)
        let digests = read.map(\.1)
        let readable = planned.indices.filter { planned[$0].status != .failed }
        let batch = BatchRules.check(readable.map { (digests[$0]!, definition) })
        for (k, i) in readable.enumerated() { planned[i].issues += batch[k] }
        for i in readable where planned[i].issues.hasErrors { planned[i].status = .invalid }
        if let recommender { try addOpinions(&planned, digests: digests, recommender: recommender) }
        for i in planned.indices {
            planned[i].hash = hash(planned[i])
            planned[i].rank = nil
            if planned[i].status == .ok, var entry = planned[i].summary {
                if let opinion = planned[i].opinion { entry.take(opinion, definition: summary) }
                planned[i].summary = entry
            } else {
                planned[i].summary = nil
            }
            // Every issue is found by now, each with its line: what is left needs the values only.
            planned[i].opinion?.lines = [:]
        }
        return planned
    }

    /// The paths a digest keeps: the batch rules' keys and the opinion's application part. The
    /// summary's columns are not among them: each record's are taken as it is read
    /// (`BatchSummary.entry`), so thousands of records are never held as data trees at once.
    static func digestPaths(_ definition: FormDefinition) -> [String] {
        var seen = Set<String>()
        return (definition.duplicateKey + BatchRecommender.applicationPaths).filter { seen.insert($0).inserted }
    }

    /// A `rank` column belongs to the opinion, not to the application: taken out before validating.
    static func withoutRank(_ document: DataDocument?) -> (DataDocument?, Value?) {
        guard var document, case .map(var map) = document.root else { return (document, nil) }
        let rank = map["rank"]
        map["rank"] = nil
        document.root = .map(map)
        return (document, rank)
    }

    /// Each valid record's opinion, ranked, and the opinions checked together (`rank.duplicate`).
    private func addOpinions(_ planned: inout [PlannedRecord], digests: [DataDocument?], recommender: BatchRecommender) throws {
        let rankColumn = planned.contains { $0.rank != nil }
        let valid = planned.indices.filter { planned[$0].status == .ok }
        for (order, i) in valid.enumerated() {
            let rank = rankColumn ? planned[i].rank : .integer(order + 1)
            let opinion = recommender.opinion(for: digests[i]!, rank: rank)
            // The application part repeats the application's own fields, already checked; the
            // recommender's fields were checked once for all (`BatchRecommender.load`).
            let issues = try recommender.renderer.validate(opinion).filter { $0.path == "rank" }
            planned[i].opinion = opinion
            planned[i].opinionIssues = issues
            planned[i].issues += issues
        }
        let opinionDefinition = try FormDefinition.load(dataForm: "opinion")
        let ranked = valid.filter { planned[$0].opinion != nil }
        let batch = BatchRules.check(ranked.map { (planned[$0].opinion!, opinionDefinition) })
        for (k, i) in ranked.enumerated() { planned[i].issues += batch[k].filter { $0.id == .rankDuplicate } }
        for i in valid where planned[i].issues.hasErrors { planned[i].status = .invalid }
    }

    private func hash(_ plan: PlannedRecord) -> String {
        var print = Fingerprint()
        print.add(common)
        print.add(plan.folder)
        print.add(plan.dataPrint)
        print.add(plan.opinion.map { JSONText.encode($0.root) } ?? "")
        for issue in plan.issues { print.add("\(issue.id) \(issue.severity) \(issue.path ?? "") \(issue.message.zh)") }
        return print.hex
    }
}

extension BatchSource {
    /// The data `plan` was made from, read again to render it; a data file changed since it was
    /// checked fails its record (`batch.input_changed`) rather than print what was not checked.
    func document(for plan: PlannedRecord) throws -> DataDocument {
        let again = record(plan.position - 1)
        let (document, _) = BatchPlanner.withoutRank(again.document)
        guard let document, again.print == plan.dataPrint else {
            throw ShenbaoFailure(.unusableInput, [Diagnostic(id: .batchInputChanged, file: plan.source, message: Localized(
                zh: "数据在本次批处理运行期间被修改，本条未生成；请再运行一次", en: "the data changed while the batch ran, so this record was not rendered; run the batch again"))])
        }
        return document
    }
}
