import Foundation
import ShenbaoPDFReader
import ShenbaoPDFWriter
import ShenbaoTestSupport

/// Files the reader tests read: written here with `PDFWriter` (so the bytes are known), updated
/// incrementally the way `endorse` will, and handed to qpdf, mutool and pyHanko.
enum Fixtures {
    /// Page contents left uncompressed, so a test can find and change a byte of them.
    static let firstPage = "BT /F1 12 Tf 20 200 Td (Hello) Tj ET\n0 0 1 rg 10 10 50 50 re f"
    static let secondPage = "1 0 0 rg 100 100 50 50 re f"

    /// A two-page document: catalog 1, pages 2, page 3 with content 4, page 5 with content 6,
    /// font 7, info 8.
    static func document(title: String = "申报原件") -> [UInt8] {
        var w = PDFWriter()
        let catalog = w.allocate(), pages = w.allocate()
        let page1 = w.allocate(), content1 = w.allocate(), page2 = w.allocate(), content2 = w.allocate()
        let font = w.allocate(), info = w.allocate()
        let box: PDFObject = .array([0, 0, 300, 300].map { .integer($0) })
        let resources: PDFObject = .dictionary(["Font": .dictionary(["F1": .ref(font)])])
        w.write(font, .dictionary(["Type": .name("Font"), "Subtype": .name("Type1"), "BaseFont": .name("Helvetica")]))
        w.writeStream(content1, data: Array(firstPage.utf8))
        w.write(page1, .dictionary(["Type": .name("Page"), "Parent": .ref(pages), "Resources": resources, "Contents": .ref(content1)]))
        w.writeStream(content2, data: Array(secondPage.utf8))
        w.write(page2, .dictionary(["Type": .name("Page"), "Parent": .ref(pages), "Resources": resources,
                                    "Contents": .ref(content2), "Rotate": .integer(90)]))
        w.write(pages, .dictionary(["Type": .name("Pages"), "Kids": .array([.ref(page1), .ref(page2)]),
                                    "Count": .integer(2), "MediaBox": box]))
        w.write(catalog, .dictionary(["Type": .name("Catalog"), "Pages": .ref(pages)]))
        w.write(info, .dictionary(["Title": .text(title), "Producer": .text("Shenbao")]))
        return w.finish(root: catalog, info: info)
    }

    /// A one-page document signed with the writer's own placeholder: the field 申请人签章 on
    /// page 0, its signature's `/Contents` the DER `30 03 02 01 05` padded with zeros.
    static func writerSigned() throws -> [UInt8] {
        var w = PDFWriter()
        let catalog = w.allocate(), pages = w.allocate(), page = w.allocate(), content = w.allocate()
        let field = w.allocate(), signature = w.allocate(), appearance = w.allocate()
        w.writeStream(content, data: Array(firstPage.utf8))
        w.writeStream(appearance, ["Type": .name("XObject"), "Subtype": .name("Form"),
                                   "BBox": .array([0, 0, 100, 50].map { .integer($0) })], data: Array("0 0 1 rg 0 0 100 50 re f".utf8))
        w.write(page, .dictionary(["Type": .name("Page"), "Parent": .ref(pages), "Contents": .ref(content),
                                   "MediaBox": .array([0, 0, 595, 842].map { .integer($0) }), "Annots": .array([.ref(field)])]))
        w.write(pages, .dictionary(["Type": .name("Pages"), "Kids": .array([.ref(page)]), "Count": .integer(1)]))
        w.write(field, .dictionary(["FT": .name("Sig"), "T": .text("申请人签章"), "Type": .name("Annot"), "Subtype": .name("Widget"),
                                    "Rect": .array([400, 100, 500, 150].map { .integer($0) }), "F": .integer(132), "P": .ref(page),
                                    "V": .ref(signature), "AP": .dictionary(["N": .ref(appearance)])]))
        let slot = w.writeSignature(signature, ["Type": .name("Sig"), "Filter": .name("Adobe.PPKLite"),
                                                "SubFilter": .name("ETSI.CAdES.detached"), "M": .string(Array("D:20241201093000+08'00'".utf8)),
                                                "Reason": .text("申请"), "Location": .text("上海市"), "Name": .string(Array("Caf".utf8) + [0xE9])],
                                    contentsCapacity: 64)
        w.write(catalog, .dictionary(["Type": .name("Catalog"), "Pages": .ref(pages),
                                      "AcroForm": .dictionary(["Fields": .array([.ref(field)]), "SigFlags": .integer(3)])]))
        var file = w.finish(root: catalog, info: nil)
        _ = try slot.patchByteRange(in: &file)
        try slot.fillContents([0x30, 0x03, 0x02, 0x01, 0x05], in: &file)
        return file
    }

    /// An incremental update through the reader's API, as `endorse` will write one.
    static func update(_ bytes: [UInt8], _ body: (inout PDFWriter, PDFDocumentReader) throws -> Void) throws -> [UInt8] {
        let reader = try PDFDocumentReader(bytes: bytes)
        var w = PDFWriter(appendingTo: bytes, size: reader.size)
        try body(&w, reader)
        return w.finishUpdate(previousXref: reader.startXref, root: reader.root, info: reader.info, id: reader.id)
    }

    /// Adds an unsigned signature field with a widget and an appearance on page `pageIndex`:
    /// a new field in `/AcroForm /Fields`, the widget in the page's `/Annots`.
    static func addingSignatureField(_ bytes: [UInt8], name: String, pageIndex: Int = 0) throws -> [UInt8] {
        try update(bytes) { w, reader in
            let page = try reader.pages()[pageIndex]
            let field = w.allocate(), appearance = w.allocate()
            w.writeStream(appearance, ["Type": .name("XObject"), "Subtype": .name("Form"),
                                       "BBox": .array([0, 0, 100, 50].map { .integer($0) })], data: Array("1 0 0 RG 0 0 100 50 re S".utf8))
            w.write(field, .dictionary(["FT": .name("Sig"), "T": .text(name), "Type": .name("Annot"), "Subtype": .name("Widget"),
                                        "Rect": .array([100, 100, 200, 150].map { .integer($0) }), "F": .integer(132),
                                        "P": .ref(page.ref), "AP": .dictionary(["N": .ref(appearance)])]))
            var pageDictionary = page.dictionary
            pageDictionary["Annots"] = .array(page.annotations + [.ref(field)])
            w.write(page.ref, .dictionary(pageDictionary))
            var form = try reader.acroForm() ?? [:]
            form["Fields"] = .array((try reader.array(form["Fields"]) ?? []) + [.ref(field)])
            form["SigFlags"] = .integer(3)
            var catalog = reader.catalog
            catalog["AcroForm"] = .dictionary(form)
            w.write(reader.root, .dictionary(catalog))
        }
    }

    /// Replaces the content stream of page `pageIndex` with `content`.
    static func changingContent(_ bytes: [UInt8], to content: String, pageIndex: Int = 0) throws -> [UInt8] {
        try update(bytes) { w, reader in
            let page = try reader.pages()[pageIndex]
            guard case .ref(let stream)? = page.dictionary["Contents"] else { return }
            w.writeStream(stream, data: Array(content.utf8))
        }
    }

    static func write(_ bytes: [UInt8], in folder: URL, _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func read(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// The CMS `messageDigest` attribute (RFC 5652 §11.2) in a signature's DER: what the covered
    /// bytes must hash to.
    static func messageDigest(in der: [UInt8]) -> [UInt8]? {
        let oid: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x04, 0x31, 0x22, 0x04, 0x20]
        guard der.count > oid.count else { return nil }
        for i in 0...(der.count - oid.count) where der[i..<(i + oid.count)].elementsEqual(oid) {
            let start = i + oid.count
            return start + 32 <= der.count ? Array(der[start..<(start + 32)]) : nil
        }
        return nil
    }
}
