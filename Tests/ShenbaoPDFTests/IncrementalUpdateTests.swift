import Foundation
import Testing
import ShenbaoPDFWriter
import ShenbaoTestSupport

/// The writer's support for signing: an incremental update appended to a finished file, and a
/// signature dictionary whose `/ByteRange` and `/Contents` are patched after the file is done.
/// qpdf (a tool nobody here wrote) judges the results.
@Suite struct IncrementalUpdateTests {
    /// A one-page file written object by object; returns the bytes and the offset of its xref.
    static func smallFile(title: String) -> (bytes: [UInt8], xref: Int, size: Int) {
        var w = PDFWriter()
        let catalog = w.allocate(), pages = w.allocate(), page = w.allocate(), info = w.allocate()
        w.write(page, .dictionary(["Type": .name("Page"), "Parent": .ref(pages),
                                   "MediaBox": .array([0, 0, 200, 200].map { .integer($0) })]))
        w.write(pages, .dictionary(["Type": .name("Pages"), "Kids": .array([.ref(page)]), "Count": .integer(1)]))
        w.write(catalog, .dictionary(["Type": .name("Catalog"), "Pages": .ref(pages)]))
        w.write(info, .dictionary(["Title": .text(title)]))
        let bytes = w.finish(root: catalog, info: info)
        let text = String(decoding: bytes, as: UTF8.self)
        let xref = Int(text.components(separatedBy: "startxref\n").last!.split(separator: "\n")[0])!
        return (bytes, xref, 5)
    }

    /// An update of a file whose trailer claims an absurd `/Size` numbers its objects from there
    /// and keeps no slot for each number below it (a slot each would be terabytes).
    @Test func anUpdateOfAFileClaimingAHugeSizeHoldsOnlyItsOwnObjects() {
        let (original, xref, _) = Self.smallFile(title: "before")
        var update = PDFWriter(appendingTo: original, size: 1 << 40)
        let added = update.allocate()
        update.write(added, .dictionary(["Title": .text("new")]))
        update.write(PDFRef(4), .dictionary(["Title": .text("again")]))
        #expect(added.number == 1 << 40)
        #expect(update.offset(of: added) != nil && update.offset(of: PDFRef(4)) != nil && update.offset(of: PDFRef(3)) == nil)
        let bytes = update.finishUpdate(previousXref: xref, root: PDFRef(1), info: PDFRef(4), id: nil)
        let tail = String(decoding: bytes[original.count...], as: UTF8.self)
        #expect(tail.contains("xref\n4 1\n") && tail.contains("\n\(1 << 40) 1\n"), "\(tail)")
    }

    static let qpdfPresent = Subprocess.available("qpdf") && Subprocess.available("pdfinfo")

    @Test(.enabled(if: qpdfPresent, "qpdf and poppler-utils are not installed"))
    func anUpdateKeepsTheOriginalAsPrefixAndReplacesAnObject() throws {
        let (original, xref, size) = Self.smallFile(title: "before")
        var update = PDFWriter(appendingTo: original, size: size)
        update.write(PDFRef(4), .dictionary(["Title": .text("after 更新")]))
        let extra = update.allocate()
        update.write(extra, .dictionary(["Note": .text("new object")]))
        let updated = update.finishUpdate(previousXref: xref, root: PDFRef(1), info: PDFRef(4), id: nil)
        #expect(Array(updated.prefix(original.count)) == original)
        let dir = try TestFolders.temporary("update")
        let file = dir.appendingPathComponent("u.pdf")
        try Data(updated).write(to: file)
        let check = try Subprocess.run("qpdf", ["--check", file.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let info = try Subprocess.run("pdfinfo", [file.path])
        #expect(info.stdout.contains("after 更新"))
    }

    @Test(.enabled(if: qpdfPresent, "qpdf and poppler-utils are not installed"))
    func aSignatureSlotIsPatchedWithoutMovingABytes() throws {
        var w = PDFWriter()
        let catalog = w.allocate(), pages = w.allocate(), page = w.allocate(), sig = w.allocate()
        w.write(page, .dictionary(["Type": .name("Page"), "Parent": .ref(pages),
                                   "MediaBox": .array([0, 0, 200, 200].map { .integer($0) })]))
        w.write(pages, .dictionary(["Type": .name("Pages"), "Kids": .array([.ref(page)]), "Count": .integer(1)]))
        let slot = w.writeSignature(sig, ["Type": .name("Sig"), "Filter": .name("Adobe.PPKLite"),
                                          "SubFilter": .name("ETSI.CAdES.detached")], contentsCapacity: 64)
        w.write(catalog, .dictionary(["Type": .name("Catalog"), "Pages": .ref(pages)]))
        var file = w.finish(root: catalog, info: nil)
        let length = file.count
        let covered = try slot.patchByteRange(in: &file)
        try slot.fillContents([0x30, 0x03, 0x02, 0x01, 0x05], in: &file)
        #expect(file.count == length)
        let range = slot.byteRange(fileLength: length)
        #expect(range[0] == 0 && range[1] + (range[2] - range[1]) + range[3] == length)
        #expect(covered.count == length - (range[2] - range[1]))
        #expect(file[range[1]] == UInt8(ascii: "<") && file[range[2] - 1] == UInt8(ascii: ">"))
        let text = String(decoding: file, as: UTF8.self)
        #expect(text.contains("/ByteRange [0 \(range[1]) \(range[2]) \(range[3])"))
        #expect(text.contains("/Contents <3003020105000"))
        #expect(throws: SignatureSlotError.signatureTooLarge(needed: 65, capacity: 64)) {
            try slot.fillContents([UInt8](repeating: 1, count: 65), in: &file)
        }
        let dir = try TestFolders.temporary("slot")
        try Data(file).write(to: dir.appendingPathComponent("s.pdf"))
        let check = try Subprocess.run("qpdf", ["--check", dir.appendingPathComponent("s.pdf").path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
