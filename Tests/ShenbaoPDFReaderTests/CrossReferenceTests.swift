import Foundation
import Testing
import ShenbaoCore
import ShenbaoPDFReader
import ShenbaoPDFWriter
import ShenbaoTestSupport
import ShenbaoZip

/// Every way a file can say where its objects are (ISO 32000-1 §7.5): classic tables, streams,
/// object streams, hybrids, linearized files and chains of updates, from this project's writer and
/// from qpdf and mutool, which write each differently.
@Suite struct CrossReferenceTests {
    /// What any reading of `Fixtures.document()` must find, whoever rewrote the file.
    private func expectTheDocument(_ reader: PDFDocumentReader, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let pages = try reader.pages()
        #expect(pages.count == 2, sourceLocation: sourceLocation)
        #expect(pages.first?.mediaBox == PDFRect(x: 0, y: 0, width: 300, height: 300), sourceLocation: sourceLocation)
        #expect(pages.last?.rotate == 90, sourceLocation: sourceLocation)
        let info = try #require(try reader.dictionary(reader.info.map { .ref($0) }), sourceLocation: sourceLocation)
        #expect(PDFText.decode(info["Title"]) == "申报原件", sourceLocation: sourceLocation)
        guard case .ref(let content)? = pages.first?.dictionary["Contents"],
              let stream = reader.object(content)?.stream else {
            Issue.record("page 1 has no content stream", sourceLocation: sourceLocation)
            return
        }
        #expect(try reader.decodedData(of: stream) == Array(Fixtures.firstPage.utf8), sourceLocation: sourceLocation)
    }

    @Test func aFileFromTheWriter() throws {
        let bytes = Fixtures.document()
        let reader = try PDFDocumentReader(bytes: bytes)
        try expectTheDocument(reader)
        #expect(reader.revisions.count == 1)
        #expect(reader.revisions[0].end == bytes.count)
        #expect(reader.size == 9)
        #expect(reader.root == PDFRef(1) && reader.info == PDFRef(8))
        #expect(reader.id?.count == 2)
        #expect(reader.revisions[0].objects.count == 8)
        #expect(String(decoding: bytes[reader.startXref..<(reader.startXref + 4)], as: UTF8.self) == "xref")
    }

    @Test func incrementalUpdatesAreRevisionsOldestFirst() throws {
        let original = Fixtures.document()
        let once = try Fixtures.update(original) { w, _ in w.write(PDFRef(8), .dictionary(["Title": .text("第二版")])) }
        let twice = try Fixtures.update(once) { w, reader in
            let extra = w.allocate()
            #expect(extra == PDFRef(reader.size))
            w.write(extra, .dictionary(["Note": .text("new")]))
            w.write(PDFRef(8), .dictionary(["Title": .text("第三版"), "Note": .ref(extra)]))
        }
        let reader = try PDFDocumentReader(bytes: twice)
        #expect(reader.revisions.map(\.end) == [original.count, once.count, twice.count])
        #expect(reader.revisions.map(\.index) == [0, 1, 2])
        #expect(reader.revisions.map { Set($0.objects.keys) } == [Set(1...8), [8], [8, 9]])
        #expect(reader.revisions[2].trailer["Prev"]?.integerValue == reader.revisions[1].xrefOffsets.first)
        #expect(reader.size == 10)
        let title: (Int?) throws -> String? = { r in PDFText.decode(try reader.dictionary(.ref(PDFRef(8)), revision: r)?["Title"]) }
        #expect(try title(0) == "申报原件")
        #expect(try title(1) == "第二版")
        #expect(try title(nil) == "第三版")
        #expect(reader.object(PDFRef(9), revision: 1) == nil)
    }

    @Test func aHybridFileFindsObjectsThroughXRefStm() throws {
        var file = Array("%PDF-1.5\n".utf8)
        var offsets: [Int: Int] = [:]
        func add(_ number: Int, _ body: String) {
            offsets[number] = file.count
            file += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
        }
        add(1, "<</Type/Catalog/Pages 2 0 R>>")
        add(2, "<</Type/Pages/Kids[3 0 R]/Count 1>>")
        add(3, "<</Type/Page/Parent 2 0 R/MediaBox[0 0 100 100]>>")
        let members = "5 0 <</Title(hidden in a stream)>>"
        add(4, "<</Type/ObjStm/N 1/First 4/Length \(members.utf8.count)>>\nstream\n\(members)\nendstream")
        // The stream's rows: type 2 (compressed), object stream 4, index 0; PNG Up predictor.
        let rows: [UInt8] = [2, 2, 0, 4, 0]
        let packed = Deflate.compress(rows)
        offsets[6] = file.count
        file += Array("6 0 obj\n<</Type/XRef/Size 7/W[1 2 1]/Index[5 1]/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 4>>/Length \(packed.count)>>\nstream\n".utf8)
        file += packed + Array("\nendstream\nendobj\n".utf8)
        let xref = file.count
        file += Array("xref\n0 7\n0000000000 65535 f \n".utf8)
        for n in 1...6 {
            if let at = offsets[n] { file += Array((String(repeating: "0", count: 10 - String(at).count) + "\(at) 00000 n \n").utf8) }
            else { file += Array("0000000000 65535 f \n".utf8) }
        }
        file += Array("trailer\n<</Size 7/Root 1 0 R/Info 5 0 R/XRefStm \(offsets[6] ?? 0)>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        let reader = try PDFDocumentReader(bytes: file)
        #expect(PDFText.decode(try reader.dictionary(.ref(PDFRef(5)))?["Title"]) == "hidden in a stream")
        #expect(try reader.pages().count == 1)
        #expect(reader.revisions.count == 1)
    }

    @Test(.requires(.qpdf)) func qpdfObjectStreamsQDFAndLinearized() throws {
        let folder = try TestFolders.temporary("reader-qpdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Fixtures.write(Fixtures.document(), in: folder, "in.pdf")
        for (name, options) in [("streams.pdf", ["--object-streams=generate"]), ("qdf.pdf", ["--qdf"]),
                                ("linear.pdf", ["--linearize"]), ("linear-streams.pdf", ["--linearize", "--object-streams=generate"])] {
            let out = folder.appendingPathComponent(name)
            let run = try Subprocess.run("qpdf", options + [source.path, out.path])
            try #require(run.status == 0, "\(run.stderr)")
            let bytes = try Fixtures.read(out)
            let reader = try PDFDocumentReader(bytes: bytes)
            try expectTheDocument(reader)
            #expect(reader.revisions.count == 1, "\(name)")
            #expect(reader.revisions[0].end == bytes.count, "\(name)")
            if name.hasPrefix("linear") { #expect(reader.revisions[0].xrefOffsets.count == 2, "\(name)") }
            if name.contains("streams") {
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.contains("/ObjStm") && text.contains("/Predictor"), "\(name)")
            }
        }
    }

    @Test(.requires(.mupdf)) func mutoolCreateCleanAndLinearize() throws {
        let folder = try TestFolders.temporary("reader-mutool")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.txt")
        try "%%MediaBox 0 0 300 300\nBT /F1 12 Tf 20 200 Td (Hello) Tj ET\n".write(to: page, atomically: true, encoding: .utf8)
        let created = folder.appendingPathComponent("created.pdf")
        try #require(try Subprocess.run("mutool", ["create", "-o", created.path, page.path, page.path]).status == 0)
        var files = [created]
        for (name, options) in [("clean.pdf", ["-gggg", "-z"]), ("linear.pdf", ["-l"]), ("ascii.pdf", ["-a"])] {
            let out = folder.appendingPathComponent(name)
            try #require(try Subprocess.run("mutool", ["clean"] + options + [created.path, out.path]).status == 0)
            files.append(out)
        }
        for file in files {
            let reader = try PDFDocumentReader(bytes: try Fixtures.read(file))
            let pages = try reader.pages()
            #expect(pages.count == 2, "\(file.lastPathComponent)")
            #expect(pages.allSatisfy { $0.mediaBox.width == 300 }, "\(file.lastPathComponent)")
        }
    }
}
