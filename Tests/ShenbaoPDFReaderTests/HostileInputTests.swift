import Foundation
import Testing
import ShenbaoCore
import ShenbaoPDFReader
import ShenbaoPDFWriter
import ShenbaoTestSupport
import ShenbaoZip

/// Files made to hurt: each is refused with its `pdf.*` id (exit 2), quickly, and nothing traps.
@Suite struct HostileInputTests {
    private func refusal(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try PDFDocumentReader(bytes: bytes)
            return []
        } catch {
            #expect(error.status == .unusableInput)
            #expect(error.diagnostics.allSatisfy { !$0.message.zh.isEmpty && !$0.message.en.isEmpty })
            return error.diagnostics.map(\.id.rawValue)
        }
    }

    /// `body` as a file of numbered objects with a correct xref table and `trailer` entries.
    private func file(_ objects: [String], trailer: String = "/Root 1 0 R", header: String = "%PDF-1.7\n") -> [UInt8] {
        var bytes = Array(header.utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(bytes.count)
            bytes += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = bytes.count
        bytes += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for at in offsets { bytes += Array((String(repeating: "0", count: 10 - String(at).count) + "\(at) 00000 n \n").utf8) }
        bytes += Array("trailer\n<</Size \(objects.count + 1) \(trailer)>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return bytes
    }

    private let minimal = ["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[]/Count 0>>"]

    @Test func theMinimalFileReads() throws {
        let reader = try PDFDocumentReader(bytes: file(minimal))
        #expect(try reader.pages().isEmpty)
    }

    @Test func notAPDF() {
        #expect(refusal([]) == ["pdf.not_pdf"])
        #expect(refusal(Array("PK\u{3}\u{4} not a pdf".utf8)) == ["pdf.not_pdf"])
        #expect(refusal(Array(repeating: 0x20, count: 2000) + file(minimal)) == ["pdf.not_pdf"])
    }

    @Test func aTruncatedFile() {
        let whole = Fixtures.document()
        #expect(refusal(Array(whole.prefix(whole.count / 2))) == ["pdf.malformed"])
        #expect(refusal(Array(whole.prefix(whole.count - 30))) == ["pdf.malformed"])
    }

    /// Where `text` first occurs in `bytes`.
    private func offset(of text: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(text.utf8)
        return (0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }

    @Test func offsetsPastTheEnd() throws {
        var bytes = file(minimal)
        let entry = try #require(offset(of: " 00000 n ", in: bytes)) - 10
        bytes.replaceSubrange(entry..<(entry + 10), with: Array("9999999999".utf8))
        #expect(refusal(bytes) == ["pdf.malformed"])
        let startxref = Array(file(minimal).dropLast(14)) + Array("99999999\n%%EOF\n".utf8)
        #expect(refusal(startxref) == ["pdf.malformed"])
    }

    @Test func aPrevLoop() throws {
        let base = file(minimal)
        let own = base.count
        let selfLoop = base + Array("xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 3/Root 1 0 R/Prev \(own)>>\nstartxref\n\(own)\n%%EOF\n".utf8)
        #expect(refusal(selfLoop) == ["pdf.malformed"])
        // Two sections that name each other: the first's /Prev is patched to the second's offset.
        let first = base.count
        var twoLoop = base + Array("xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 3/Root 1 0 R/Prev 0000000000>>\n".utf8)
        let second = twoLoop.count
        twoLoop += Array("xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 3/Root 1 0 R/Prev \(first)>>\nstartxref\n\(second)\n%%EOF\n".utf8)
        let slot = try #require(offset(of: "/Prev 0000000000", in: twoLoop)) + 6
        let prev = Array(String(second).utf8)
        twoLoop.replaceSubrange((slot + 10 - prev.count)..<(slot + 10), with: prev)
        #expect(refusal(twoLoop) == ["pdf.malformed"])
    }

    @Test func referenceCycles() throws {
        #expect(refusal(file(["1 0 R"])) == ["pdf.malformed"])
        #expect(refusal(file(["2 0 R", "1 0 R"])) == ["pdf.malformed"])
        // A chain longer than the limit, without a cycle.
        let chain = (2...40).map { "\($0) 0 R" } + ["<</Type/Catalog>>"]
        #expect(refusal(file(chain)) == ["pdf.too_deep"])
        // Cycles below the catalog are refused when reached, not at opening.
        let reader = try PDFDocumentReader(bytes: file(["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]>>", "<</Type/Pages/Kids[2 0 R]>>"]))
        #expect(throws: ShenbaoFailure.self) { try reader.pages() }
    }

    @Test func tenThousandNestedArrays() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(refusal(file(minimal + [deep])) == ["pdf.too_deep"])
    }

    @Test func aStreamLengthOf2To62() throws {
        let stream = "<</Length 4611686018427387904>>\nstream\nBT ET\nendstream"
        let reader = try PDFDocumentReader(bytes: file(minimal + [stream]))
        #expect(reader.object(PDFRef(3))?.stream?.data.elementsEqual("BT ET".utf8) == true)
        let unterminated = file(minimal + ["<</Length 4611686018427387904>>\nstream\nBT ET\n"])
        #expect(refusal(unterminated) == ["pdf.malformed"])
    }

    /// An object stream of spaces: 20 MB from 20 KB is over the ratio rule.
    @Test func aFlateBomb() {
        let bomb = objectStreams(1) { _ in Deflate.compress([UInt8](repeating: 0x20, count: 20 << 20), level: 9) }
        #expect(refusal(bomb) == ["pdf.too_large"])
    }

    /// Twenty-three object streams of 9 MB each pass the ratio rule one by one, not in total.
    @Test func decodedStreamsAreLimitedInTotal() {
        let payload: (Int) -> [UInt8] = { number in
            let header = "\(number) 0".padding(toLength: 8, withPad: " ", startingAt: 0)
            return Deflate.compress(Array((header + "null").utf8) + [UInt8](repeating: 0x20, count: 9 << 20), level: 1)
        }
        #expect(refusal(objectStreams(1, payload)) == [])
        #expect(refusal(objectStreams(23, payload)) == ["pdf.too_large"])
    }

    /// A file whose objects 1 and 2 are a catalog and an empty page tree, then `count` object
    /// streams, each holding one object, with `packed(number)` as its data, listed by a
    /// cross-reference stream.
    private func objectStreams(_ count: Int, _ packed: (Int) -> [UInt8]) -> [UInt8] {
        var bytes = Array("%PDF-1.7\n".utf8)
        var offsets: [Int] = []
        func add(_ body: [UInt8]) {
            offsets.append(bytes.count)
            bytes += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        add(Array("<</Type/Catalog/Pages 2 0 R>>".utf8))
        add(Array("<</Type/Pages/Kids[]/Count 0>>".utf8))
        for s in 0..<count {
            let data = packed(3 + count + s)
            add(Array("<</Type/ObjStm/N 1/First 8/Filter/FlateDecode/Length \(data.count)>>\nstream\n".utf8) + data + Array("\nendstream".utf8))
        }
        // Rows of /W [1 3 1]: object 0 free, the objects above in the file, one compressed object per stream.
        var rows: [UInt8] = [0, 0, 0, 0, 0]
        for at in offsets { rows += [1, UInt8(at >> 16 & 0xFF), UInt8(at >> 8 & 0xFF), UInt8(at & 0xFF), 0] }
        for s in 0..<count { rows += [2, 0, 0, UInt8(3 + s), 0] }
        let xref = bytes.count
        let size = offsets.count + count + 2
        bytes += Array("\(size - 1) 0 obj\n<</Type/XRef/Size \(size)/W[1 3 1]/Index[0 \(size - 1)]/Root 1 0 R/Length \(rows.count)>>\nstream\n".utf8)
        bytes += rows + Array("\nendstream\nendobj\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return bytes
    }

    @Test func tooManyObjects() {
        // 1.1 million free entries in a cross-reference stream.
        let rows = [UInt8](repeating: 0, count: 2 * 1_100_002)
        let packed = Deflate.compress(rows)
        var bytes = Array("%PDF-1.7\n".utf8)
        let xref = bytes.count
        bytes += Array("1100001 0 obj\n<</Type/XRef/Size 1100002/W[1 1 0]/Filter/FlateDecode/Root 1 0 R/Length \(packed.count)>>\nstream\n".utf8)
        bytes += packed + Array("\nendstream\nendobj\nstartxref\n\(xref)\n%%EOF\n".utf8)
        #expect(refusal(bytes) == ["pdf.too_large"])
    }

    @Test func overlappingObjectsCannotMakeParsingQuadratic() {
        // Object k starts inside object k-1's string, and every string runs to the end.
        let count = 20_000
        var bytes = Array("%PDF-1.7\n".utf8)
        var offsets: [Int] = []
        for k in 1...count {
            offsets.append(bytes.count)
            bytes += Array("\(k) 0 obj (".utf8)
        }
        bytes += [UInt8](repeating: UInt8(ascii: ")"), count: count) + Array("\nendobj\n".utf8)
        let xref = bytes.count
        bytes += Array("xref\n0 \(count + 1)\n0000000000 65535 f \n".utf8)
        for at in offsets { bytes += Array((String(repeating: "0", count: 10 - String(at).count) + "\(at) 00000 n \n").utf8) }
        bytes += Array("trailer\n<</Size \(count + 1)/Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        let started = ContinuousClock.now
        #expect(refusal(bytes) == ["pdf.too_large"])
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func encryptedFilesAreRefused() {
        #expect(refusal(file(minimal + ["<</Filter/Standard/V 2/R 3/O<00>/U<00>/P -4>>"], trailer: "/Root 1 0 R/Encrypt 3 0 R")) == ["pdf.encrypted"])
    }

    @Test(.requires(.qpdf)) func qpdfEncryptedIsRefused() throws {
        let folder = try TestFolders.temporary("reader-encrypted")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Fixtures.write(Fixtures.document(), in: folder, "in.pdf")
        let out = folder.appendingPathComponent("encrypted.pdf")
        try #require(try Subprocess.run("qpdf", ["--encrypt", "user", "owner", "256", "--", source.path, out.path]).status == 0)
        #expect(refusal(try Fixtures.read(out)) == ["pdf.encrypted"])
    }

    /// Every truncation and thousands of one-byte changes of real files: each opens or is
    /// refused, and whatever opens can be asked everything without trapping.
    @Test func mutatedFilesNeverTrap() throws {
        let originals = [Fixtures.document(), try Fixtures.writerSigned(), try Fixtures.addingSignatureField(try Fixtures.writerSigned(), name: "x")]
        var generator = SplitMix(seed: 2024)
        for original in originals {
            var variants: [[UInt8]] = stride(from: 0, to: original.count, by: 7).map { Array(original.prefix($0)) }
            for _ in 0..<1500 {
                var copy = original
                let at = Int(generator.next() % UInt64(copy.count))
                copy[at] = UInt8(truncatingIfNeeded: generator.next())
                variants.append(copy)
            }
            for bytes in variants {
                guard let reader = try? PDFDocumentReader(bytes: bytes) else { continue }
                _ = try? reader.pages()
                for signature in (try? reader.signatures()) ?? [] {
                    _ = try? reader.coveredBytes(of: signature)
                    _ = reader.modifications(after: signature)
                }
            }
        }
    }
}

/// A small deterministic generator, so a failing mutation can be found again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
