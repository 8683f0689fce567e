import ShenbaoCore
import ShenbaoPDFWriter
import Testing

/// A writer with a sink (`PDFWriter(sink:)`, for a batch's `all.pdf`) sends the file as it is
/// written and holds only the last megabyte: the file it makes is byte for byte the one held
/// whole, `/ID` and offsets included.
@Suite struct SpilledFileTests {
    /// Collects what it is sent (one thread: the writer's).
    final class Collected: ByteSink, @unchecked Sendable {
        var bytes: [UInt8] = []
        func write(_ piece: UnsafeRawBufferPointer) { bytes += piece }
        var hasFailed: Bool { false }
    }

    /// Forty pages of 100 KB streams each that do not compress (a stand-in for fonts and
    /// painted pages): four megabytes, in objects of odd lengths. `held` is told, after each
    /// page, how many bytes the writer holds.
    static func file(_ writer: inout PDFWriter, held: (Int) -> Void = { _ in }) -> [UInt8] {
        let catalog = writer.allocate(), pages = writer.allocate()
        var kids: [PDFObject] = []
        var state: UInt32 = 130
        for i in 0..<40 {
            let content = writer.allocate(), page = writer.allocate()
            let data = (0..<(100_000 + i * 7)).map { _ in
                state = state &* 1_664_525 &+ 1_013_904_223
                return UInt8(truncatingIfNeeded: state >> 24)
            }
            writer.writeStream(content, [:], data: data)
            writer.write(page, .dictionary(["Type": .name("Page"), "Parent": .ref(pages), "Contents": .ref(content),
                                            "MediaBox": .array([0, 0, 595, 842].map { .integer($0) })]))
            kids.append(.ref(page))
            held(writer.bytes.count)
        }
        writer.write(pages, .dictionary(["Type": .name("Pages"), "Kids": .array(kids), "Count": .integer(kids.count)]))
        writer.write(catalog, .dictionary(["Type": .name("Catalog"), "Pages": .ref(pages)]))
        return writer.finish(root: catalog, info: nil)
    }

    @Test func aFileSentAsItIsWrittenIsTheFileHeldWhole() {
        var held = PDFWriter()
        let whole = Self.file(&held)
        let sink = Collected()
        var spilling = PDFWriter(sink: sink)
        var mostHeld = 0
        let tail = Self.file(&spilling) { mostHeld = max(mostHeld, $0) }
        #expect(sink.bytes + tail == whole)
        #expect(whole.count > 4_000_000)
        // What the writer held at any time stayed near the megabyte it spills at.
        #expect(mostHeld < 1_200_000)
        #expect(tail.count < 1_200_000)
    }

    @Test func theDigestTakenInPiecesIsTheDigestOfTheWhole() {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 3) }
        var digest = StableHash.FileDigest()
        for start in stride(from: 0, to: 9_600, by: 3_200) {
            bytes[start..<start + 3_200].withUnsafeBytes { digest.add($0) }
        }
        bytes[9_600...].withUnsafeBytes { digest.add($0) }
        var whole = StableHash.FileDigest(), shorter = StableHash.FileDigest()
        bytes.withUnsafeBytes { whole.add($0) }
        bytes.dropLast().withUnsafeBytes { shorter.add($0) }
        #expect(digest.value == whole.value)
        #expect(whole.value != shorter.value)
    }
}
