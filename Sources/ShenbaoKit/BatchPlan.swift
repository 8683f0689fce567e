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
/// rendered, so the rendering of each record depends on nothing but its own plan.
struct PlannedRecord: Sendable {
    var record: BatchRecord
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
    /// What the record's files are made from (`Fingerprint`): equal hashes, equal files.
    var hash = ""
}

/// Checks every record of a batch and plans its files (spec/cli.md `batch`): each record
/// validated against the application form (in parallel), then against the others (`BatchRules`:
/// duplicates, ranks); with a recommender, each record's opinion made and checked; ranks follow
/// the input order of the valid records unless a `rank` column gives them.
struct BatchPlanner {
    let application: PackRenderer
    let recommender: BatchRecommender?
    let jobs: Int?
    /// `Fingerprint` of what every record depends on alike (version, templates, seal).
    let common: String

    func plan(_ records: [BatchRecord]) throws -> [PlannedRecord] {
        let width = max(3, String(records.count).count)
        let definition = try FormDefinition.load(dataForm: "application")
        let application = self.application
        // A `rank` column belongs to the opinion, not to the application: taken out before validating.
        let split = records.map { record -> (DataDocument?, Value?) in
            guard var document = record.document, case .map(var map) = document.root else { return (record.document, nil) }
            let rank = map["rank"]
            map["rank"] = nil
            document.root = .map(map)
            return (document, rank)
        }
        let validated = mapInParallel(records.count, jobs: jobs) { i -> Result<[Diagnostic], ShenbaoFailure> in
            guard let document = split[i].0 else { return .success([]) }
            do { return .success(try application.validate(document)) } catch { return .failure(ShenbaoFailure(caught: error, file: records[i].source)) }
        }
        var planned = records.enumerated().map { i, record in
            let applicant = split[i].0?.root.value(at: "applicant.name")?.scalarText?.trimmingCharacters(in: .whitespaces) ?? ""
            let name = SafeName.component(applicant.isEmpty ? "未命名" : applicant)
            let number = String(repeating: "0", count: max(0, width - String(record.position).count)) + String(record.position)
            var stripped = record
            stripped.document = split[i].0
            var plan = PlannedRecord(record: stripped, applicant: applicant, folder: "records/\(number)-\(name)",
                                     status: .ok, issues: record.warnings + record.failures)
            switch validated[i] {
            case _ where record.document == nil: plan.status = .failed
            case .failure(let failure): plan.status = .failed; plan.issues += failure.diagnostics
            case .success(let issues): plan.applicationIssues = issues; plan.issues += issues
            }
            return plan
        }
        let readable = planned.indices.filter { planned[$0].status != .failed }
        let batch = BatchRules.check(readable.map { (split[$0].0!, definition) })
        for (k, i) in readable.enumerated() { planned[i].issues += batch[k] }
        for i in readable where planned[i].issues.hasErrors { planned[i].status = .invalid }
        if let recommender { try addOpinions(&planned, documents: split, recommender: recommender) }
        let hashes = mapInParallel(planned.count, jobs: jobs) { [planned] i in hash(planned[i], document: split[i].0) }
        for i in planned.indices {
            planned[i].hash = hashes[i]
            // Every issue is found by now, each with its line: rendering needs the values only,
            // and the line maps were half of what thousands of held records weighed.
            planned[i].record.document?.lines = [:]
            planned[i].opinion?.lines = [:]
        }
        return planned
    }

    /// Each valid record's opinion, ranked, and the opinions checked together (`rank.duplicate`).
    private func addOpinions(_ planned: inout [PlannedRecord], documents: [(DataDocument?, Value?)], recommender: BatchRecommender) throws {
        let rankColumn = documents.contains { $0.1 != nil }
        let valid = planned.indices.filter { planned[$0].status == .ok }
        for (order, i) in valid.enumerated() {
            let rank = rankColumn ? documents[i].1 : .integer(order + 1)
            let opinion = recommender.opinion(for: documents[i].0!, rank: rank)
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

    private func hash(_ plan: PlannedRecord, document: DataDocument?) -> String {
        var print = Fingerprint()
        print.add(common)
        print.add(plan.folder)
        print.add(document.map { JSONText.encode($0.root) } ?? "")
        print.add(plan.opinion.map { JSONText.encode($0.root) } ?? "")
        for issue in plan.issues { print.add("\(issue.id) \(issue.severity) \(issue.path ?? "") \(issue.message.zh)") }
        return print.hex
    }
}
