import ShenbaoTestSupport
import Foundation
import Testing
@testable import ShenbaoCore

@Suite struct AtomicFileTests {
    @Test func replacesOnlyWithACompleteFileAndLeavesNoTemporaries() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
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
}
