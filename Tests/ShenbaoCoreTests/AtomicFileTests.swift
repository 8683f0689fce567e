import ShenbaoTestSupport
import Foundation
import Testing
@testable import ShenbaoCore

@Suite struct AtomicFileTests {
    @Test func replacesOnlyWithACompleteFileAndLeavesNoTemporaries() throws {
        let dir = try TestFolders.temporary("atomic")
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("申请表.docx").path
        try AtomicFile.write(Data("old".utf8), to: target)
        try AtomicFile.write(Array("新内容".utf8), to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "新内容")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["申请表.docx"])
    }

    @Test func anUnwritableFolderIsAnUnusableOutputWithNoFileLeft() throws {
        do {
            try AtomicFile.write(Data("x".utf8), to: "/nonexistent-folder/out.pdf")
            Issue.record("expected a failure")
        } catch let failure as ShenbaoFailure {
            #expect(failure.status == .unusableInput)
            #expect(failure.diagnostics.first?.id == "output.write")
            #expect(failure.diagnostics.first?.file == "/nonexistent-folder/out.pdf")
        }
    }

    struct Stop: Error {}

    /// A file written in pieces replaces the target only once every piece is in: a writer that
    /// stops halfway leaves the old file and no temporary.
    @Test func aFileWrittenInPiecesReplacesTheTargetOnlyWhenComplete() throws {
        let dir = try TestFolders.temporary("atomic")
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("all.pdf").path
        try AtomicFile.write(Data("old".utf8), to: target)
        #expect(throws: Stop.self) {
            try AtomicFile.write(to: target) { file in
                file.write(contentsOf: Array("第一段".utf8))
                throw Stop()
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["all.pdf"])
        try AtomicFile.write(to: target) { file in
            file.write(contentsOf: Array("第一段".utf8))
            file.write(contentsOf: Data("，第二段".utf8))
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "第一段，第二段")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["all.pdf"])
    }
}
