import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing
@testable import ShenbaoKit

/// Ctrl-C after the last record, while the batch-wide files are written (all.pdf of thousands
/// of records takes seconds): the run stops there, leaves no all.pdf and no temporary file, says
/// it was interrupted, and the rerun writes the batch-wide files without redoing a record.
@Suite struct BatchInterruptTests {
    private static let sample = try! String(contentsOf: TestFolders.packageRoot.appendingPathComponent("templates/samples/application.yaml"), encoding: .utf8)

    @Test(.requires(.uming)) func ctrlCWhileTheBatchWideFilesAreWrittenStopsThereAndTheRerunFinishes() throws {
        let folder = try TestFolders.temporary("batch-interrupt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), outdir = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for i in 1...3 {
            try Self.sample.replacingOccurrences(of: "name: ", with: "name: 第\(i)家")
                .write(to: input.appendingPathComponent("r\(i).yaml"), atomically: true, encoding: .utf8)
        }
        let options = BatchOptions(input: input.path, output: outdir.path, jobs: 1, combined: true)
        let cancellation = BatchCancellation()
        let outcome = try BatchRunner.run(options, cancellation: cancellation) { progress in
            if progress.done == progress.total { cancellation.cancel() }
        }
        #expect(outcome.interrupted && outcome.pending == 0)
        #expect(outcome.closingLine(.zh).hasPrefix("已中断，报告和汇总尚未写完"))
        let top = try FileManager.default.contentsOfDirectory(atPath: outdir.path)
        #expect(!top.contains("all.pdf") && !top.contains("report.json"))
        #expect(!top.contains(where: AtomicFile.isTemporary))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outdir.appendingPathComponent("records").path).count == 3)

        let rerun = try BatchRunner.run(options)
        #expect(!rerun.interrupted && rerun.skipped == 3)
        #expect(rerun.written.contains("all.pdf") && rerun.written.contains("report.json"))
        #expect(FileManager.default.fileExists(atPath: outdir.appendingPathComponent("all.pdf").path))
    }
}
