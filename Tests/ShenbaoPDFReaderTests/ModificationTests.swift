import Testing
import ShenbaoPDFReader
import ShenbaoPDFWriter

/// What `verify` calls "modified after": each update after a signature judged object by object.
/// A new signature field with its widget and appearance is allowed; new page content, a changed
/// resource, a rewritten signature or a dangling reference brought to life is not.
@Suite struct ModificationTests {
    @Test func addingASignatureFieldIsAllowed() throws {
        let signed = try Fixtures.writerSigned()
        let updated = try Fixtures.addingSignatureField(signed, name: "推荐部门签章")
        let reader = try PDFDocumentReader(bytes: updated)
        #expect(Array(updated.prefix(signed.count)) == signed)
        let report = reader.modifications(after: 0)
        #expect(report.verdict == .allowed)
        // The catalog (its /AcroForm), the page (its /Annots), the new field and its appearance.
        #expect(report.objects == [1, 3, 8, 9])
        #expect(try reader.signatures().map(\.fieldName) == ["申请人签章"])
        #expect(try reader.pages()[0].annotations == [.ref(PDFRef(5)), .ref(PDFRef(8))])
        #expect(reader.modifications(after: 1).verdict == .none)
    }

    @Test func changingPageContentIsDisallowed() throws {
        let signed = try Fixtures.writerSigned()
        let updated = try Fixtures.changingContent(signed, to: "BT /F1 12 Tf 20 200 Td (Goodbye) Tj ET")
        let report = try PDFDocumentReader(bytes: updated).modifications(after: 0)
        #expect(report == ModificationReport(verdict: .disallowed, objects: [4]))
    }

    @Test func aFieldThenContentIsDisallowedForTheFirstAndNotTheField() throws {
        let signed = try Fixtures.writerSigned()
        let withField = try Fixtures.addingSignatureField(signed, name: "第二")
        let changed = try Fixtures.changingContent(withField, to: "0 0 0 rg 0 0 10 10 re f")
        let reader = try PDFDocumentReader(bytes: changed)
        #expect(reader.modifications(after: 0) == ModificationReport(verdict: .disallowed, objects: [4]))
        #expect(reader.modifications(after: 1).verdict == .disallowed)
        #expect(reader.modifications(after: 2).verdict == .none)
    }

    @Test func rewritingAnObjectUnchangedIsNoChange() throws {
        let signed = try Fixtures.writerSigned()
        let updated = try Fixtures.update(signed) { w, reader in
            // The page again, keys in another order: the same dictionary (§7.3.7).
            let page = try reader.pages()[0]
            var reordered = PDFDictionary()
            for key in page.dictionary.keys.reversed() { reordered[key] = page.dictionary[key] }
            w.write(page.ref, .dictionary(reordered))
        }
        #expect(try PDFDocumentReader(bytes: updated).modifications(after: 0).verdict == .none)
    }

    @Test func changingASignedSignatureOrItsAppearanceIsDisallowed() throws {
        let signed = try Fixtures.writerSigned()
        let newValue = try Fixtures.update(signed) { w, _ in
            w.write(PDFRef(6), .dictionary(["Type": .name("Sig"), "Filter": .name("Adobe.PPKLite"), "Contents": .hexString([0x30, 0])]))
        }
        #expect(try PDFDocumentReader(bytes: newValue).modifications(after: 0) == ModificationReport(verdict: .disallowed, objects: [6]))
        let newAppearance = try Fixtures.update(signed) { w, _ in
            w.writeStream(PDFRef(7), ["Type": .name("XObject"), "Subtype": .name("Form"),
                                      "BBox": .array([0, 0, 100, 50].map { .integer($0) })], data: Array("1 0 0 rg 0 0 100 50 re f".utf8))
        }
        #expect(try PDFDocumentReader(bytes: newAppearance).modifications(after: 0) == ModificationReport(verdict: .disallowed, objects: [7]))
    }

    @Test func aDanglingReferenceBroughtToLifeIsDisallowed() throws {
        var w = PDFWriter()
        let catalog = w.allocate(), pages = w.allocate(), page = w.allocate(), later = w.allocate()
        w.write(page, .dictionary(["Type": .name("Page"), "Parent": .ref(pages), "Contents": .ref(later),
                                   "MediaBox": .array([0, 0, 100, 100].map { .integer($0) })]))
        w.write(pages, .dictionary(["Type": .name("Pages"), "Kids": .array([.ref(page)]), "Count": .integer(1)]))
        w.write(catalog, .dictionary(["Type": .name("Catalog"), "Pages": .ref(pages)]))
        let original = w.finish(root: catalog, info: nil)
        let updated = try Fixtures.update(original) { w, _ in w.writeStream(later, data: Array("0 0 10 10 re f".utf8)) }
        #expect(try PDFDocumentReader(bytes: updated).modifications(after: 0) == ModificationReport(verdict: .disallowed, objects: [4]))
    }

    @Test func deletingAnObjectIsDisallowed() throws {
        let signed = try Fixtures.writerSigned()
        let reader = try PDFDocumentReader(bytes: signed)
        let xref = signed.count
        var bytes = signed + Array("xref\n0 1\n0000000000 65535 f \n4 1\n0000000000 00001 f \n".utf8)
        bytes += Array("trailer\n<</Size \(reader.size)/Root 1 0 R/Prev \(reader.startXref)>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        #expect(try PDFDocumentReader(bytes: bytes).modifications(after: 0) == ModificationReport(verdict: .disallowed, objects: [4]))
    }

    @Test func changingTheTitleIsDisallowedButTheModificationDateIsNot() throws {
        let original = Fixtures.document()
        let title = try Fixtures.update(original) { w, _ in w.write(PDFRef(8), .dictionary(["Title": .text("改过"), "Producer": .text("Shenbao")])) }
        #expect(try PDFDocumentReader(bytes: title).modifications(after: 0) == ModificationReport(verdict: .disallowed, objects: [8]))
        let dated = try Fixtures.update(original) { w, _ in
            w.write(PDFRef(8), .dictionary(["Title": .text("申报原件"), "Producer": .text("pyHanko"), "ModDate": .string(Array("D:2025".utf8))]))
        }
        #expect(try PDFDocumentReader(bytes: dated).modifications(after: 0) == ModificationReport(verdict: .allowed, objects: [8]))
    }
}
