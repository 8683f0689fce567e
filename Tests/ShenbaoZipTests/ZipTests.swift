import Foundation
import ShenbaoTestSupport
import Testing
import ShenbaoCore
import ShenbaoZip

@Suite struct ZipTests {
    /// Collects what it is sent (one thread: the writer's).
    final class Collected: ByteSink, @unchecked Sendable {
        var bytes: [UInt8] = []
        func write(_ piece: UnsafeRawBufferPointer) { bytes += piece }
        var hasFailed: Bool { false }
    }

    /// A file added stored from disk, a megabyte at a time, reads back as it was; an archive sent
    /// to a sink an entry at a time is byte for byte the archive held whole.
    @Test func aStoredFileReadInPiecesAndAnArchiveSentAsItIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("all.pdf")
        let contents = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        try Data(contents).write(to: file)
        func archive(_ writer: inout ZipWriter) throws -> [UInt8] {
            writer.add("批量/report.json", text: "{}")
            try writer.addStored("批量/all.pdf", file: file.path)
            writer.add("批量/summary.csv", text: "序号\r\n")
            return writer.finish()
        }
        var held = ZipWriter()
        let whole = try archive(&held)
        let sink = Collected()
        var sent = ZipWriter(sink: sink)
        let tail = try archive(&sent)
        #expect(sink.bytes + tail == whole)
        #expect(tail.count < 1_000)
        let read = try ZipArchive(bytes: whole)
        #expect(try read.contents(named: "批量/all.pdf") == contents)
        #expect(try read.contents(named: "批量/report.json") == Array("{}".utf8))
        #expect(read.entry(named: "批量/all.pdf")?.method == 0)
        #expect(throws: (any Error).self) { try held.addStored("gone", file: folder.appendingPathComponent("none.pdf").path) }
    }

    private func sample() -> [UInt8] {
        var writer = ZipWriter()
        writer.add("[Content_Types].xml", contents: Array("<Types/>".utf8))
        writer.add("word/document.xml", contents: Array(String(repeating: "<w:p>申报</w:p>", count: 200).utf8))
        writer.add("word/media/图片.bin", contents: [0, 1, 2, 3])
        return writer.finish()
    }

    @Test func roundTripKeepsOrderNamesAndContents() throws {
        let archive = try ZipArchive(bytes: sample())
        #expect(archive.entries.map(\.name) == ["[Content_Types].xml", "word/document.xml", "word/media/图片.bin"])
        #expect(try archive.contents(named: "word/document.xml") == Array(String(repeating: "<w:p>申报</w:p>", count: 200).utf8))
        #expect(try archive.contents(named: "word/media/图片.bin") == [0, 1, 2, 3])
        #expect(archive.entry(named: "word/document.xml")?.method == 8)
        #expect(archive.entry(named: "word/media/图片.bin")?.method == 0) // too small to gain from deflate
    }

    @Test func writingTwiceGivesIdenticalBytes() {
        #expect(sample() == sample())
    }

    @Test func rawCopyKeepsCompressedBytes() throws {
        let source = try ZipArchive(bytes: sample())
        var writer = ZipWriter()
        for entry in source.entries { writer.copy(entry, from: source) }
        let copy = try ZipArchive(bytes: writer.finish())
        for entry in source.entries {
            let copied = try #require(copy.entry(named: entry.name))
            #expect(copy.compressedBytes(of: copied) == source.compressedBytes(of: entry))
            #expect(try copy.contents(of: copied) == source.contents(of: entry))
        }
    }

    @Test func notAZipIsRefused() {
        #expect(throws: Diagnostic.self) { try ZipArchive(bytes: Array("just some text, not a zip".utf8)) }
        do { _ = try ZipArchive(bytes: Array(repeating: 0x41, count: 100)) } catch { #expect(error.id == "zip.not_zip") }
        do { _ = try ZipArchive(bytes: []) } catch { #expect(error.id == "zip.not_zip") }
    }

    @Test func highlyCompressedLargeEntryIsRefused() {
        var writer = ZipWriter()
        writer.add("bomb.xml", contents: [UInt8](repeating: 0x20, count: 11 << 20), level: 9)
        let bytes = writer.finish()
        do {
            _ = try ZipArchive(bytes: bytes)
            Issue.record("a zip bomb entry was accepted")
        } catch {
            #expect(error.id == "zip.ratio")
        }
    }

    @Test func declaredTotalOverLimitIsRefused() throws {
        // 21 entries each claiming 10 MB from 100 kB (ratio 100:1, allowed): 210 MB in all.
        var writer = ZipWriter()
        var generator = SystemRandomNumberGenerator()
        for i in 0 ..< 21 {
            writer.add("part\(i).bin", contents: (0 ..< 100_000).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
        }
        var bytes = writer.finish()
        #expect(try ZipArchive(bytes: bytes).entries.count == 21) // readable before patching
        patchDeclaredSizes(&bytes, compressed: nil, uncompressed: 10 << 20)
        do {
            _ = try ZipArchive(bytes: bytes)
            Issue.record("an archive expanding past 200 MB was accepted")
        } catch {
            #expect(error.id == "zip.too_large")
        }
    }

    @Test func lyingDeclaredSizeNeverInflatesPastIt() throws {
        var writer = ZipWriter()
        writer.add("x.xml", contents: [UInt8](repeating: 0x61, count: 100_000))
        var bytes = writer.finish()
        // Claim 1000 bytes: inflating must stop at the bound and fail, not allocate 100 kB.
        patchDeclaredSizes(&bytes, compressed: nil, uncompressed: 1000)
        let archive = try ZipArchive(bytes: bytes)
        #expect(throws: Diagnostic.self) { try archive.contents(of: archive.entries[0]) }
    }

    /// Rewrites the size fields of every central directory entry.
    private func patchDeclaredSizes(_ bytes: inout [UInt8], compressed: Int?, uncompressed: Int) {
        var at = 0
        while at + 4 <= bytes.count {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 1, bytes[at + 3] == 2 {
                func put(_ v: Int, _ o: Int) { for i in 0 ..< 4 { bytes[o + i] = UInt8((v >> (8 * i)) & 0xFF) } }
                if let compressed { put(compressed, at + 20) }
                put(uncompressed, at + 24)
                at += 46
            } else {
                at += 1
            }
        }
    }

    /// Under `DeflateStream.holdLimit` (deflated whole) and past it (through zlib).
    @Test(arguments: [3_000, 300_000]) func aStreamedEntryReadsBackAsTheTextWrittenPieceByPiece(rows: Int) throws {
        let pieces = stride(from: 0, to: rows, by: 100).map { start in
            (start..<start + 100).map { "<w:p><w:r><w:t>第\($0)行 申报</w:t></w:r></w:p>" }.joined()
        }
        let stream = DeflateStream(level: 1)
        for piece in pieces { stream.write(piece) }
        var writer = ZipWriter()
        writer.add("word/document.xml", finishing: stream)
        let archive = try ZipArchive(bytes: writer.finish())
        let whole = Array(pieces.joined().utf8)
        #expect((whole.count > DeflateStream.holdLimit) == (rows > 3_000))
        #expect(try archive.contents(named: "word/document.xml") == whole)
        #expect(archive.entry(named: "word/document.xml")?.crc32 == Deflate.crc32(whole))
        #expect(archive.entry(named: "word/document.xml")?.method == 8)
    }
}
