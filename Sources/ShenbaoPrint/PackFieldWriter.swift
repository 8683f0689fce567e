import Foundation
import ShenbaoLayout
import ShenbaoPDF
import ShenbaoPDFWriter

/// Writes a pack's form fields while its sheets are added (ISO 32000-1 §12.7): a text field
/// over every copy's 推荐部门意见 box, an empty signature field over the department's seal, the
/// applicant's signature field when the pack is signed, then the `/AcroForm` and the record.
/// Each field is merged with its one widget (§12.5.6.19), so filling it later rewrites one object
/// and never a page.
struct PackFieldWriter {
    let document: PDFDocument
    private(set) var fields: [PDFRef] = []
    private var signed = false

    init(document: PDFDocument) { self.document = document }

    /// The fields for a page's named regions (`Page.regions`), on sheet `copy` of the pack.
    mutating func addFields(_ regions: [NamedRegion], pageHeight: Double, copy: Int, on pdfPage: PDFPage,
                            signature: (region: String, value: PDFRef, appearance: PDFFormXObject)?) {
        for region in regions {
            let rect = Self.pdfRect(region.rect, pageHeight: pageHeight)
            if let signature, region.name == signature.region {
                signed = true
                let field = region.name == PackFields.Region.recommenderSeal ? PackFields.recommenderSeal : PackFields.applicantSeal
                add(["FT": .name("Sig"), "T": .text(field), "TU": .text(Self.label(field)),
                     "V": .ref(signature.value), "AP": .dictionary(["N": .ref(signature.appearance.ref)])], rect: rect, on: pdfPage)
            } else if region.name == PackFields.Region.opinion {
                add(["FT": .name("Tx"), "T": .text(PackFields.opinion(copy: copy)), "TU": .text("推荐部门意见（第\(copy)份）"),
                     "Ff": .integer(PackFields.readOnlyMultiline), "DA": .text(Self.defaultAppearance)], rect: rect, on: pdfPage)
            } else if region.name == PackFields.Region.recommenderSeal, copy == 1 {
                add(["FT": .name("Sig"), "T": .text(PackFields.recommenderSeal), "TU": .text(Self.label(PackFields.recommenderSeal))],
                    rect: rect, on: pdfPage)
            }
        }
    }

    /// A signature field's name as a person reads it (`/TU`).
    static func label(_ field: String) -> String {
        field == PackFields.recommenderSeal ? "推荐部门签章" : "申请单位签章"
    }

    private mutating func add(_ field: PDFDictionary, rect: PDFRect, on page: PDFPage) {
        var d = field
        d["Type"] = .name("Annot")
        d["Subtype"] = .name("Widget")
        d["Rect"] = .array([.real(rect.x), .real(rect.y), .real(rect.x + rect.width), .real(rect.y + rect.height)])
        d["F"] = .integer(PackFields.printFlag)
        d["P"] = .ref(page.ref)
        let ref = document.addObject(.dictionary(d))
        page.annotations.append(ref)
        fields.append(ref)
    }

    /// Puts the `/AcroForm` and the record into the catalog.
    func finish(record: PackRecord?, modified: Date) {
        if !fields.isEmpty {
            var form: PDFDictionary = [
                "Fields": .array(fields.map { .ref($0) }),
                "DA": .text(Self.defaultAppearance),
                "DR": .dictionary(["Font": .dictionary(["Helv": .dictionary([
                    "Type": .name("Font"), "Subtype": .name("Type1"), "BaseFont": .name("Helvetica"),
                    "Encoding": .name("WinAnsiEncoding"),
                ])])]),
            ]
            if signed { form["SigFlags"] = .integer(PackFields.signedFlags) }
            document.catalogEntries["AcroForm"] = .ref(document.addObject(.dictionary(form)))
        }
        if let record { document.catalogEntries["PieceInfo"] = record.pieceInfo(modified: modified) }
    }

    /// Variable-text fields must name a font (§12.7.3.3); the real appearance is drawn by shenbao.
    static let defaultAppearance = "/Helv 0 Tf 0 g"

    /// A top-left layout rectangle in PDF's bottom-left page space.
    static func pdfRect(_ r: Rect, pageHeight: Double) -> PDFRect {
        PDFRect(x: r.x, y: pageHeight - r.maxY, width: r.width, height: r.height)
    }
}
