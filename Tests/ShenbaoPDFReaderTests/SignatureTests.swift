import Foundation
import Testing
import ShenbaoCore
import ShenbaoPDFReader
import ShenbaoPDFWriter
import ShenbaoTestSupport

/// Signature discovery (ISO 32000-1 §12.7.4.5, §12.8): fields, widgets, the signature
/// dictionary's entries, the revision each signature covers and the bytes it covers, in files
/// signed by this project's writer and by pyHanko.
@Suite struct SignatureTests {
    @Test func aSignatureWrittenByTheWriter() throws {
        let bytes = try Fixtures.writerSigned()
        let reader = try PDFDocumentReader(bytes: bytes)
        let signatures = try reader.signatures()
        let signature = try #require(signatures.first)
        #expect(signatures.count == 1)
        #expect(signature.fieldName == "申请人签章")
        #expect(signature.fieldRef == PDFRef(5) && signature.signatureRef == PDFRef(6))
        #expect(signature.pageIndex == 0 && signature.pageRef == PDFRef(3))
        #expect(signature.rect == PDFRect(x: 400, y: 100, width: 100, height: 50))
        #expect(signature.filter == "Adobe.PPKLite" && signature.subFilter == "ETSI.CAdES.detached")
        #expect(signature.contents == [0x30, 0x03, 0x02, 0x01, 0x05])
        #expect(signature.signingTime == "D:20241201093000+08'00'")
        #expect(signature.signingTime.flatMap(PDFDate.parse)?.timeIntervalSince1970 == 1_733_016_600)
        #expect(signature.reason == "申请" && signature.location == "上海市" && signature.signerName == "Café")
        #expect(signature.revision == 0)
        let coverage = try reader.coverage(of: signature)
        #expect(coverage.gapIsContents && coverage.coversWholeFile)
        let covered = try reader.coveredBytes(of: signature)
        #expect(covered.count == bytes.count - 2 - 2 * 64)
        #expect(reader.modifications(after: signature) == ModificationReport(verdict: .none, objects: []))
    }

    @Test func contentsPaddingIsTrimmedOnlyAsFarAsTheDERLengthSays() throws {
        var bytes = try Fixtures.writerSigned()
        let reader = try PDFDocumentReader(bytes: bytes)
        let range = try #require(try reader.signatures().first?.contentsRange)
        // A DER value whose own length runs past the string: the bytes are kept as they are.
        let long = Array("3082FFFF".utf8)
        bytes.replaceSubrange((range.lowerBound + 1)..<(range.lowerBound + 1 + long.count), with: long)
        let kept = try #require(try PDFDocumentReader(bytes: bytes).signatures().first?.contents)
        #expect(kept.count == 64 && kept.prefix(4) == [0x30, 0x82, 0xFF, 0xFF])
    }

    @Test func aByteRangeThatLiesIsRefusedOrNotWhole() throws {
        var bytes = try Fixtures.writerSigned()
        let text = String(decoding: bytes, as: UTF8.self)
        let start = try #require(text.range(of: "/ByteRange [")).upperBound
        let at = text.utf8.distance(from: text.startIndex, to: start)
        let lie = Array("0 10 20 99999999999".utf8)
        bytes.replaceSubrange(at..<(at + lie.count), with: lie)
        let reader = try PDFDocumentReader(bytes: bytes)
        let signature = try #require(try reader.signatures().first)
        #expect(signature.revision == nil)
        let failure = try #require(throws: ShenbaoFailure.self) { try reader.coveredBytes(of: signature) }
        #expect(failure.diagnostics.map(\.id) == ["pdf.malformed"])
        #expect(reader.modifications(after: signature).verdict == .disallowed)
    }

    @Test(.requires(.pyHanko, .openssl)) func threeSignaturesByPyHanko() throws {
        let files = try PyHankoFiles.made.get()
        let bytes = try Fixtures.read(files.signed[2])
        let started = ContinuousClock.now
        let reader = try PDFDocumentReader(bytes: bytes)
        let signatures = try reader.signatures()
        let reports = signatures.map { reader.modifications(after: $0) }
        let elapsed = ContinuousClock.now - started
        print("opened and analysed a 3-signature file of \(bytes.count) bytes in \(elapsed)")
        #expect(reader.revisions.count == 4)
        #expect(signatures.map(\.fieldName) == ["Sig1", "Sig2", "Sig3"])
        #expect(signatures.map(\.revision) == [1, 2, 3])
        #expect(signatures.map(\.pageIndex) == [0, 1, 0])
        #expect(signatures.map(\.rect) == [PDFRect(x: 10, y: 10, width: 100, height: 50), PDFRect(x: 10, y: 10, width: 100, height: 50),
                                          PDFRect(x: 150, y: 10, width: 100, height: 50)])
        #expect(signatures.allSatisfy { $0.subFilter == "ETSI.CAdES.detached" && $0.reason == "申请" && $0.location == "上海市" })
        #expect(signatures.allSatisfy { $0.signingTime.flatMap(PDFDate.parse) != nil })
        for signature in signatures {
            let coverage = try reader.coverage(of: signature)
            #expect(coverage.gapIsContents)
            #expect(coverage.coversWholeFile == (signature.revision == 3))
            #expect(coverage.ranges.last?.upperBound == reader.revisions[signature.revision ?? 0].end)
            // The CMS signed attributes name the digest of exactly these bytes.
            let digest = try #require(Fixtures.messageDigest(in: signature.contents))
            #expect(SHA256.digest(try reader.coveredBytes(of: signature)) == digest)
            #expect(signature.contents.last != 0, "padding trimmed")
        }
        #expect(reports.map(\.verdict) == [.allowed, .allowed, ModificationVerdict.none])
    }

    @Test(.requires(.pyHanko, .openssl)) func aTamperedFirstRevisionNoLongerMatchesItsDigest() throws {
        let files = try PyHankoFiles.made.get()
        let reader = try PDFDocumentReader(bytes: try Fixtures.read(files.tampered))
        let signatures = try reader.signatures()
        #expect(signatures.count == 2)
        for signature in signatures {
            let digest = try #require(Fixtures.messageDigest(in: signature.contents))
            #expect(SHA256.digest(try reader.coveredBytes(of: signature)) != digest)
        }
        // The change is inside the signed revision, so no later revision changed anything.
        #expect(signatures.map { reader.modifications(after: $0).verdict } == [.allowed, ModificationVerdict.none])
    }

    @Test(.requires(.pyHanko, .openssl, .qpdf)) func pyHankoSignsALinearizedFileWithObjectStreams() throws {
        let files = try PyHankoFiles.made.get()
        let folder = try TestFolders.temporary("reader-qpdf-signed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Fixtures.write(Fixtures.document(), in: folder, "in.pdf")
        let linear = folder.appendingPathComponent("linear.pdf"), signed = folder.appendingPathComponent("signed.pdf")
        let qpdf = try Subprocess.run("qpdf", ["--linearize", "--object-streams=generate", source.path, linear.path])
        try #require(qpdf.status == 0, "\(qpdf.stderr)")
        try files.sign(linear, to: signed, field: "审核")
        let bytes = try Fixtures.read(signed)
        let reader = try PDFDocumentReader(bytes: bytes)
        #expect(reader.revisions.count == 2)
        #expect(reader.revisions[0].xrefOffsets.count == 2, "the linearized original is one revision of two sections")
        #expect(reader.revisions[0].end == (try Fixtures.read(linear)).count)
        let signature = try #require(try reader.signatures().first)
        #expect(signature.fieldName == "审核" && signature.revision == 1)
        #expect(try reader.coverage(of: signature).coversWholeFile)
        #expect(SHA256.digest(try reader.coveredBytes(of: signature)) == Fixtures.messageDigest(in: signature.contents))
        let report = reader.modifications(after: 0)
        #expect(report.verdict == .allowed, "changed: \(report.objects)")
    }
}
