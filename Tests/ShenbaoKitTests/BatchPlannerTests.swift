import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing
@testable import ShenbaoKit

/// The batch reads each record twice, to plan and to render, and keeps only its summary entry between.
@Suite struct BatchPlannerTests {
    private static let sample = try! String(contentsOf: TestFolders.packageRoot.appendingPathComponent("templates/samples/application.yaml"), encoding: .utf8)

    /// Two records of the sample, the second with its own credit code and project name.
    private func folder() throws -> URL {
        let folder = try TestFolders.temporary("planner")
        try Self.sample.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let other = Self.sample.replacingOccurrences(of: "name: ", with: "name: 另一", options: [], range: nil)
        try other.write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    private func plan(_ source: BatchSource) throws -> [PlannedRecord] {
        try BatchPlanner(application: PackRenderer(form: "application"), recommender: nil, jobs: 1, common: "").plan(source)
    }

    @Test(.requires(.uming)) func planningKeepsTheSummaryEntryAndNothingElseOfTheData() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try BatchInput.open(folder.path, sheet: nil)
        let planned = try plan(source)
        #expect(planned.map(\.status) == [.ok, .ok])
        let entry = try #require(planned[0].summary)
        let whole = try source.document(for: planned[0])
        let columns = ["project_name": "project.name", "applicant_name": "applicant.name", "credit_code": "applicant.credit_code",
                       "category": "project.category", "field": "project.field", "contact": "applicant.contact.name"]
        for (key, path) in columns {
            #expect(entry.row[key] != nil && entry.row[key] == whole.root.value(at: path), "\(key)")
        }
        #expect(entry.header["recommender"] == whole.root["recommender"])
        #expect(entry.header["notice"] == whole.root["notice"])
        // What no batch-wide file shows is not held between the passes.
        #expect(Set(entry.row.keys).isSubset(of: Set(columns.keys).union(["phone", "rank"])))
        #expect(planned[1].summary?.row["applicant_name"] != entry.row["applicant_name"])
    }

    @Test(.requires(.uming)) func aDataFileChangedAfterPlanningFailsItsRecord() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try BatchInput.open(folder.path, sheet: nil)
        let planned = try plan(source)
        try Self.sample.replacingOccurrences(of: "name: ", with: "name: 改过的")
            .write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let failure = try #require(throws: ShenbaoFailure.self) { try source.document(for: planned[0]) }
        #expect(failure.diagnostics.map(\.id) == [.batchInputChanged])
        #expect(failure.diagnostics.first?.file == planned[0].source)
        // The other record is read again as it was checked.
        #expect(try source.document(for: planned[1]).root.value(at: "applicant.name") != nil)
    }
}
