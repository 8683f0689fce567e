import Foundation
import ShenbaoFonts
import ShenbaoLayout
import ShenbaoPDF
import ShenbaoPDFWriter

/// Writes a department's endorsement into an application pack as an incremental update (ISO
/// 32000-1 §7.5.6), so the pack's bytes stay a prefix and the applicant's signature stays valid.
///
/// Only what form filling and signing change is written (what pyHanko's difference analysis and
/// `verify` accept after a signature): each copy's opinion field gets its value and a new
/// appearance that draws the opinion; with a signature, the department's signature field gets
/// its value and the seal as appearance, and `/AcroForm` its `/SigFlags`. No page changes.
public struct PackEndorser: Sendable {
    let library: FontLibrary
    let measurer: FontMeasurer

    public init(library: FontLibrary) throws {
        self.library = library
        measurer = try FontMeasurer(library: library)
    }

    /// The endorsed pack. `seal` is drawn on every copy (on the signed copy by the signature's
    /// widget); `signature` signs the whole endorsed file.
    public func endorse(_ pack: EndorsablePack, opinion: Opinion, seal: SealImage?, signature: SignatureRequest?,
                        compressionLevel: Int32 = 1) throws -> Data {
        let reader = pack.reader
        let document = PDFDocument(updating: PDFUpdateBase(bytes: reader.bytes, size: reader.size, startXref: reader.startXref,
                                                           root: reader.root, info: reader.info, id: reader.id),
                                   options: PDFDocument.Options(compressionLevel: compressionLevel))
        var painter = PDFPainter(document: document, library: library)
        let image = try seal.map { try document.addImage(data: $0.data, name: $0.name) }
        let (center, diameter) = sealPlace(pack)
        let drawing = OpinionAppearance(opinion: opinion, measurer: measurer)
        let signedField = signature == nil ? nil : pack.recommenderSeal
        for (index, field) in pack.opinions.enumerated() {
            var content = ContentStream()
            try drawing.draw(width: field.rect.width, height: field.rect.height, sealCenter: center, sealDiameter: diameter,
                             seal: index == 0 && signedField != nil ? nil : image, painter: &painter, on: &content)
            let appearance = document.addFormXObject(bbox: PDFRect(x: 0, y: 0, width: field.rect.width, height: field.rect.height),
                                                     content: content)
            var d = field.dictionary
            d["V"] = .text(opinion.fieldValue)
            d["AP"] = .dictionary(["N": .ref(appearance.ref)])
            document.replace(field.ref, with: .dictionary(d))
        }
        guard let signature else { return try document.finish() }
        if let field = signedField {
            let value = document.addSignature(signature.dictionary, reserving: signature.signer.maximumSize)
            var content = ContentStream()
            let d = field.rect.width
            if let image { painter.drawSeal(image, centerX: d / 2, centerY: field.rect.height / 2, diameter: d, on: &content) }
            let appearance = document.addFormXObject(bbox: PDFRect(x: 0, y: 0, width: d, height: field.rect.height), content: content)
            var dictionary = field.dictionary
            dictionary["V"] = .ref(value)
            dictionary["AP"] = .dictionary(["N": .ref(appearance.ref)])
            document.replace(field.ref, with: .dictionary(dictionary))
            markSigned(pack, in: document)
        }
        return try document.finish(signer: signature.signer)
    }

    /// `/SigFlags 3` on the form, rewriting the form dictionary (or the catalog, when the form
    /// is written into it) only when it lacks them.
    private func markSigned(_ pack: EndorsablePack, in document: PDFDocument) {
        guard pack.acroForm["SigFlags"]?.integerValue != PackFields.signedFlags else { return }
        var form = pack.acroForm
        form["SigFlags"] = .integer(PackFields.signedFlags)
        if let ref = pack.acroFormRef {
            document.replace(ref, with: .dictionary(form))
        } else {
            var catalog = pack.reader.catalog
            catalog["AcroForm"] = .dictionary(form)
            document.replace(pack.reader.root, with: .dictionary(catalog))
        }
    }

    /// Where the seal goes in every box, in the box's top-left coordinates: over the department's
    /// seal field of the first copy (each copy's box sits at the same place on its page), or at
    /// the box's lower right when the pack has no such field.
    private func sealPlace(_ pack: EndorsablePack) -> (center: Point, diameter: Double) {
        let box = pack.opinions[0].rect
        guard let seal = pack.recommenderSeal?.rect else {
            let d = SealSpec().diameter
            return (Point(x: box.width - OpinionAppearance.padding - d / 2, y: box.height - OpinionAppearance.padding - d / 2), d)
        }
        return (Point(x: seal.x + seal.width / 2 - box.x, y: box.y + box.height - (seal.y + seal.height / 2)), seal.width)
    }
}

extension Opinion {
    /// The text field's value: what the box shows, as text for form-data readers.
    var fieldValue: String { [decisionLine, text, department, date.chinese].joined(separator: "\n") }
}
