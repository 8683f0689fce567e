import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ShenbaoKit
@testable import ShenbaoServer
import ShenbaoTestSupport
import Testing

/// A batch sheet made from the sample application, one row per entry of `rows` (the header is
/// row 1): dotted-path columns, list items numbered from 1, a list of values as a JSON array,
/// booleans 是/否. Each entry changes the sample's cells; the applicant and project are numbered.
func sampleSheet(_ rows: [[String: String]]) throws -> Data {
    let document = try DataLoader.load(data: sampleApplication, file: "application.yaml", format: .yaml)
    var base: [(String, String)] = []
    func flat(_ value: Value, _ prefix: String) {
        switch value {
        case .map(let map):
            for (key, item) in map.pairs { flat(item, prefix.isEmpty ? key : "\(prefix).\(key)") }
        case .list(let items) where items.first.map({ if case .map = $0 { true } else { false } }) == true:
            for (i, item) in items.enumerated() { flat(item, "\(prefix).\(i + 1)") }
        case .list:
            base.append((prefix, JSONText.encode(value)))
        case .bool(let b):
            base.append((prefix, b ? "是" : "否"))
        default:
            base.append((prefix, value.plainText))
        }
    }
    flat(document.root, "")
    func cell(_ text: String) -> String {
        text.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
    var lines = [base.map { cell($0.0) }.joined(separator: ",")]
    for (i, changes) in rows.enumerated() {
        let numbered = ["applicant.name": "上海事件测试\(i)号有限公司", "project.name": "标准化试点项目\(i)"]
        lines.append(base.map { key, text in cell(changes[key] ?? numbered[key] ?? text) }.joined(separator: ","))
    }
    return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
}

/// One Server-Sent Event as the stream wrote it.
struct SentEvent {
    var name: String
    var id: String?
    var data: [String: Any]
}

/// The events of a `text/event-stream` body, in order.
func sentEvents(_ body: ByteBuffer) -> [SentEvent] {
    String(buffer: body).components(separatedBy: "\n\n").compactMap { block in
        var event = SentEvent(name: "message", id: nil, data: [:])
        var data: String?
        for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
            if line.hasPrefix("id: ") { event.id = String(line.dropFirst(4)) }
            if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
        }
        guard let data else { return nil }
        event.data = (try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]) ?? [:]
        return event
    }
}

/// `GET /api/batch/{ID}` and `/events` while a job runs and after: every input row once, as it
/// finishes, with the status the final report gives it.
@Suite struct BatchEventsTests {
    /// Ten valid rows to render (they take a while in a debug build), a wrong check character
    /// (invalid) and an impossible date (failed: unreadable), which planning settles first.
    static let rows: [[String: String]] = (0..<12).map { i in
        i == 3 ? ["applicant.credit_code": "91310115MA1H8R7C6D"] : i == 7 ? ["project.start_date": "2024-02-30"] : [:]
    }

    @Test func rowsArriveOneByOneWhileTheJobRuns() async throws {
        let folder = try TestFolders.temporary("server-batch-events")
        defer { try? FileManager.default.removeItem(at: folder) }
        let form = multipart([("sheet", "名单.csv", try sampleSheet(Self.rows))])
        try await testApplication(ServerConfiguration(dataDirectory: folder)).test(.router) { client in
            let id = try await client.execute(uri: "/api/batch", method: .post, headers: [.contentType: form.contentType], body: form.body) {
                jsonObject($0.body)["job"] as? String ?? ""
            }
            // A stream opened at once; the router's client hands back its whole body when the
            // stream ends.
            async let live = client.execute(uri: "/api/batch/\(id)/events", method: .get) { response in
                (response.headers[.contentType], sentEvents(response.body))
            }
            var running: [[String: Any]] = []
            var state: [String: Any] = [:]
            for _ in 0..<6000 {
                state = try await client.execute(uri: "/api/batch/\(id)", method: .get) { jsonObject($0.body) }
                if state["state"] as? String != "running" { break }
                running.append(state)
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(state["state"] as? String == "done", "\(state)")
            let final = state["records"] as? [[String: Any]] ?? []
            #expect(final.count == Self.rows.count && state["done"] as? Int == Self.rows.count && state["invalid"] as? Int == 2)
            let statuses = Dictionary(uniqueKeysWithValues: final.map { ($0["row"] as? Int ?? 0, $0["status"] as? String ?? "") })
            #expect(statuses == Dictionary(uniqueKeysWithValues: (0..<Self.rows.count).map { i in
                (i + 2, i == 3 ? "invalid" : i == 7 ? "failed" : "ok")
            }), "\(final)")

            // While running, the state lists the rows finished so far, each once, as they end.
            // (The polls may all come after the end: this task can wait behind the other tests'
            // work for the whole job. `aRunningJobListsItsRowsAsTheyFinish` watches from a thread.)
            for seen in running {
                let records = seen["records"] as? [[String: Any]] ?? []
                #expect(records.count == seen["done"] as? Int, "done counts the rows listed: \(seen)")
                #expect(Set(records.map { $0["row"] as? Int ?? 0 }).count == records.count, "a row listed twice: \(seen)")
                for record in records {
                    #expect(record["status"] as? String == statuses[record["row"] as? Int ?? 0], "\(record)")
                    #expect((record["source"] as? String)?.hasPrefix("名单.csv") == true, "\(record)")
                }
            }
            // Planning settles the invalid and unreadable rows: they come before any rendered one.
            let firstRows = running.compactMap { ($0["records"] as? [[String: Any]])?.first }.first
            #expect(firstRows.map { $0["status"] as? String != "ok" } ?? true)

            // The stream: one record event per input row, each once, with the final status and
            // the report's issues; a state event after them; the last one says done.
            let (type, events) = try await live
            #expect(type == "text/event-stream")
            let records = events.filter { $0.name == "record" }
            #expect(records.count == Self.rows.count, "\(events.map(\.name))")
            #expect(records.map(\.id) == (1...Self.rows.count).map { String($0) }, "ids count the rows sent")
            #expect(Set(records.map { $0.data["row"] as? Int ?? 0 }) == Set(statuses.keys))
            for record in records {
                let row = record.data["row"] as? Int ?? 0
                #expect(record.data["status"] as? String == statuses[row], "row \(row): \(record.data)")
                let issues = (record.data["issues"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
                let expected = final.first { $0["row"] as? Int == row }.map { ($0["issues"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
                #expect(issues == expected, "row \(row)")
                #expect(statuses[row] != "ok" || (record.data["outputs"] as? [String])?.count == 2, "row \(row): \(record.data)")
            }
            #expect(Set(events.map(\.name)) == ["record", "state"])
            #expect(events.last?.name == "state" && events.last?.data["state"] as? String == "done")
            #expect(events.last?.data["records"] == nil, "rows go as their own events, not again in the state")
            // Each state agrees with the records sent before it.
            var sent = 0
            for event in events {
                if event.name == "record" { sent += 1; continue }
                #expect(event.data["done"] as? Int == sent, "\(event.data) after \(sent) records")
            }
            #expect(events.filter { $0.name == "state" && $0.data["state"] as? String != "running" }.count == 1)
        }
    }

    @Test func aRunningJobListsItsRowsAsTheyFinish() async throws {
        let folder = try TestFolders.temporary("server-batch-running")
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = BatchJobs(configuration: ServerConfiguration(dataDirectory: folder))
        let sheet = MultipartForm.Part(name: "sheet", filename: "名单.csv", contentType: nil, body: try sampleSheet(Self.rows))
        let id = try jobs.start(sheet: sheet, recommender: nil, lang: .zh)
        // Watched from a thread of its own, as the state route and the events stream read it:
        // the test's task could wait behind other tests' work for the whole job.
        struct Watch: Sendable {
            var running: [Value] = []
            /// The records as the events stream's cursor takes them, and how many came while running.
            var streamed: [Value] = []
            var streamedWhileRunning = 0
            var final: Value?
        }
        let watch = await withCheckedContinuation { (done: CheckedContinuation<Watch, Never>) in
            Thread.detachNewThread {
                var watch = Watch()
                while let update = jobs.update(id, after: watch.streamed.count) {
                    watch.streamed += update.records
                    guard update.state["state"]?.plainText == "running" else { watch.final = jobs.state(id); break }
                    watch.streamedWhileRunning += update.records.count
                    if let state = jobs.state(id) { watch.running.append(state) }
                    usleep(5_000)
                }
                done.resume(returning: watch)
            }
        }
        let final = try #require(watch.final)
        #expect(final["state"]?.plainText == "done")
        let rows = Set(final["records"]?.listItems.compactMap { $0["row"] } ?? [])
        #expect(rows.count == Self.rows.count)
        let listed = watch.running.filter { $0["records"]?.listItems.isEmpty == false }
        #expect(!listed.isEmpty, "no finished row was listed before the job was done")
        #expect(listed.contains { ($0["records"]?.listItems.count ?? 0) < Self.rows.count }, "rows were listed only once all were done")
        for state in watch.running {
            let records = state["records"]?.listItems ?? []
            #expect(state["done"] == .integer(records.count) && state["total"] == .integer(Self.rows.count) || records.isEmpty, "\(state)")
            #expect(Set(records.compactMap { $0["row"] }).count == records.count, "a row listed twice: \(state)")
        }
        // The stream's cursor: every row once, across the end of the job, in the final list's order.
        #expect(watch.streamed == final["records"]?.listItems)
        #expect(watch.streamedWhileRunning > 0, "the stream would have had no row to send before the end")
    }

    @Test func aLateOrResumedStreamSendsTheRowsItLacks() async throws {
        let folder = try TestFolders.temporary("server-batch-resume")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = Array(Self.rows.prefix(5))
        let form = multipart([("sheet", "名单.csv", try sampleSheet(rows))])
        try await testApplication(ServerConfiguration(dataDirectory: folder)).test(.router) { client in
            let id = try await client.execute(uri: "/api/batch", method: .post, headers: [.contentType: form.contentType], body: form.body) {
                jsonObject($0.body)["job"] as? String ?? ""
            }
            var state: [String: Any] = [:]
            for _ in 0..<600 {
                state = try await client.execute(uri: "/api/batch/\(id)", method: .get) { jsonObject($0.body) }
                if state["state"] as? String != "running" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let final = state["records"] as? [[String: Any]] ?? []
            #expect(state["state"] as? String == "done" && final.count == rows.count, "\(state)")
            // Late: every row, in the job's order, then the final state.
            let late = try await client.execute(uri: "/api/batch/\(id)/events", method: .get) { sentEvents($0.body) }
            #expect(late.map(\.name) == Array(repeating: "record", count: rows.count) + ["state"])
            #expect(late.compactMap { $0.data["row"] as? Int } == final.compactMap { $0["row"] as? Int })
            #expect(late.last?.data["done"] as? Int == rows.count && late.last?.data["total"] as? Int == rows.count)
            // Resumed after the second row: the rest, numbered on.
            let resumed = try await client.execute(uri: "/api/batch/\(id)/events", method: .get,
                                                   headers: [HTTPField.Name("Last-Event-ID")!: "2"]) { sentEvents($0.body) }
            #expect(resumed.filter { $0.name == "record" }.map(\.id) == (3...rows.count).map { String($0) })
            #expect(resumed.compactMap { $0.data["row"] as? Int } == final.dropFirst(2).compactMap { $0["row"] as? Int })
            let nonsense = try await client.execute(uri: "/api/batch/\(id)/events", method: .get,
                                                    headers: [HTTPField.Name("Last-Event-ID")!: "x"]) { sentEvents($0.body) }
            #expect(nonsense.count == rows.count + 1, "an unreadable Last-Event-ID starts from the first row")
            let beyond = try await client.execute(uri: "/api/batch/\(id)/events", method: .get,
                                                  headers: [HTTPField.Name("Last-Event-ID")!: "99"]) { sentEvents($0.body) }
            #expect(beyond.filter { $0.name == "record" }.map(\.id) == (1...rows.count).map { String($0) },
                    "an ID the job never gave starts from the first row")
        }
    }
}

/// `BatchRunner`'s progress: one call per input record, each once, with its report row; on a
/// rerun over the same folder the unchanged records come as skipped.
@Suite struct BatchProgressRecordTests {
    @Test func everyRecordIsReportedOnceWithItsRow() throws {
        let folder = try TestFolders.temporary("batch-progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("名单.csv")
        try sampleSheet(Array(BatchEventsTests.rows.prefix(4)) + [["project.start_date": "2024-02-30"]]).write(to: input)
        let options = BatchOptions(input: input.path, output: folder.appendingPathComponent("out").path)
        for run in ["first", "rerun"] {
            let calls = Locked<[BatchProgress]>([])
            let outcome = try BatchRunner.run(options) { progress in calls.withLock { $0.append(progress) } }
            let seen = calls.withLock { $0 }
            #expect(seen.first?.record == nil && seen.first?.done == 0 && seen.first?.total == 5, "\(run)")
            let rows = seen.compactMap(\.record)
            #expect(rows.count == 5 && seen.count == 6, "\(run): \(rows.map(\.row))")
            #expect(Set(seen.map(\.done)) == Set(0...5), "\(run)")
            let byRow = Dictionary(uniqueKeysWithValues: rows.map { ($0.row ?? 0, $0) })
            #expect(byRow.count == 5, "\(run): a row reported twice")
            for row in outcome.rows {
                let reported = try #require(byRow[row.row ?? 0])
                #expect(reported.status == row.status && reported.outputs == row.outputs && reported.skipped == row.skipped, "\(run) row \(row.row ?? 0)")
                #expect(reported.issues.map(\.id) == row.issues.map(\.id), "\(run) row \(row.row ?? 0)")
                #expect(BatchReport.record(reported, lang: .zh) == BatchReport(input: "x", rows: [row], lang: .zh).records.listItems.first)
            }
            #expect(outcome.rows.filter(\.skipped).count == (run == "rerun" ? 3 : 0))
            #expect(outcome.rows.map(\.status) == [.ok, .ok, .ok, .invalid, .failed], "\(run)")
        }
    }
}

extension Value {
    /// The items of a list; none for anything else.
    var listItems: [Value] { if case .list(let items) = self { items } else { [] } }
}
