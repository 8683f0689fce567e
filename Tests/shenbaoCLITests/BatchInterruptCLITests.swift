import Foundation
import ShenbaoTestSupport
import Testing

/// Never losing work (spec/cli.md `batch`): Ctrl-C stops a batch within a second keeping every
/// finished record and no partial file; a second batch into the same OUTDIR is refused while
/// the first runs; a rerun completes what was left and a second rerun touches nothing.
@Suite struct BatchInterruptCLITests {
    @Test(.requires(.uming, .qpdf)) func interruptedRunKeepsFinishedRecordsAndRerunCompletes() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Enough records that the first run, on one core, is still going when the second batch
        // and the interrupt come, however loaded the machine: 62 ran out before them in a full
        // test run.
        let (csv, expected) = try BatchFixtures.csv(in: folder, rows: 400)
        let outdir = folder.appendingPathComponent("out")
        let arguments = ["batch", csv.path, "-o", outdir.path, "--progress", "never"]

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments + ["--jobs", "1"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Interrupt once the first records are on disk (about a second in), well before the end.
        let records = outdir.appendingPathComponent("records")
        let deadline = Date().addingTimeInterval(30)
        Thread.sleep(forTimeInterval: 1)
        while ((try? FileManager.default.contentsOfDirectory(atPath: records.path))?.count ?? 0) < 2 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let second = try CLI.run(arguments)
        #expect(second.status == 2 && second.stderr.contains("[batch.locked]"), "a concurrent batch is refused: \(second.stderr)")

        let interrupted = Date()
        process.interrupt()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(interrupted) < 1.5, "stops within a second")
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("已中断"), "\(stderr)")
        #expect(BatchFixtures.temporaryFiles(outdir).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: outdir.appendingPathComponent("report.json").path))
        let finished = try FileManager.default.contentsOfDirectory(atPath: records.path)
        let ok = expected.statuses.values.filter { $0 == "ok" }.count
        #expect(finished.count >= 2 && finished.count < ok, "\(finished.count) of \(ok) finished")
        for name in finished {
            let record = records.appendingPathComponent(name)
            #expect(try FileManager.default.contentsOfDirectory(atPath: record.path).sorted() == ["申请表.docx", "申请表.pdf"])
            #expect(try BatchFixtures.qpdfCheck(record.appendingPathComponent("申请表.pdf")) == nil)
        }

        let rerun = try CLI.run(arguments)
        #expect(rerun.status == 1, "the invalid rows are still invalid: \(rerun.stderr)")
        #expect(rerun.stderr.contains("\(ok) 条成功") && rerun.stderr.contains("\(finished.count) 条未改动，已跳过"), "\(rerun.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: records.path).count == ok)
        #expect(try BatchFixtures.report(outdir).count == expected.statuses.count)

        let before = try BatchFixtures.snapshot(outdir)
        let last = try CLI.run(arguments)
        #expect(last.stderr.contains("\(ok) 条未改动，已跳过"), "\(last.stderr)")
        #expect(try BatchFixtures.snapshot(outdir) == before, "a second rerun touches nothing")
    }
}
