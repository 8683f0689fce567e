import ShenbaoCore
import ShenbaoPDFReader
import ShenbaoPDFWriter

/// What an application pack recorded for its endorsement, read back from the PDF: the record it
/// is for, every copy's 推荐部门意见 field and the department's empty signature field. A PDF
/// without them was not written by `render application` and is refused (`endorse.not_pack`).
public struct EndorsablePack: Sendable {
    /// A field merged with its widget (as `PackFieldWriter` writes them).
    struct Field: Sendable {
        let ref: PDFRef
        let dictionary: PDFDictionary
        /// Where it sits on its page, in PDF space.
        let rect: PDFRect
    }

    /// The record the pack is for: an opinion must be about the same one.
    public let record: PackRecord
    let reader: PDFDocumentReader
    /// The opinion fields, in copy order.
    let opinions: [Field]
    let recommenderSeal: Field?
    let acroFormRef: PDFRef?
    let acroForm: PDFDictionary

    /// Reads `bytes` (exit 2 when it is no readable PDF, or not a pack shenbao wrote); `file`
    /// names it in messages.
    public init(bytes: [UInt8], file: String?) throws {
        let reader: PDFDocumentReader
        do { reader = try PDFDocumentReader(bytes: bytes) } catch { throw ShenbaoFailure(caught: error, file: file) }
        self.reader = reader
        func refuse(_ zh: String, _ en: String) -> ShenbaoFailure {
            .unusable(.endorseNotPack, file: file,
                      zh: "不是 shenbao 生成的申请表：\(zh)；请用 shenbao render application 生成的 PDF",
                      en: "not an application pack shenbao wrote: \(en); use a PDF that shenbao render application wrote")
        }
        guard let piece = try reader.dictionary(reader.catalog["PieceInfo"]),
              let data = try reader.dictionary(piece[PackRecord.pieceInfoKey]),
              let record = try reader.dictionary(data["Private"]) else {
            throw refuse("文件中没有申报记录", "it records no application")
        }
        func text(_ key: String) throws -> String { PDFText.decode(try reader.resolve(record[key])) ?? "" }
        self.record = PackRecord(form: try text("Form"), projectName: try text("ProjectName"),
                                 applicant: try text("Applicant"), creditCode: try text("CreditCode"))
        acroFormRef = reader.catalog["AcroForm"]?.refValue
        guard let form = try reader.acroForm(), let fields = try reader.array(form["Fields"]) else {
            throw refuse("文件中没有表单域", "it has no form fields")
        }
        acroForm = form
        var opinions: [(Int, Field)] = [], seal: Field?
        for value in fields {
            guard let ref = value.refValue, let d = try reader.dictionary(value),
                  let name = PDFText.decode(try reader.resolve(d["T"])),
                  let box = try reader.array(d["Rect"])?.compactMap(\.numberValue), box.count == 4 else { continue }
            let field = Field(ref: ref, dictionary: d, rect: PDFRect(x: min(box[0], box[2]), y: min(box[1], box[3]),
                                                                     width: abs(box[2] - box[0]), height: abs(box[3] - box[1])))
            if name == PackFields.recommenderSeal, d["FT"]?.nameValue == "Sig" {
                seal = field
            } else if name.hasPrefix("opinion-"), let copy = Int(name.dropFirst("opinion-".count)), d["FT"]?.nameValue == "Tx" {
                opinions.append((copy, field))
            }
        }
        guard !opinions.isEmpty else { throw refuse("文件中没有推荐部门意见栏", "it has no 推荐部门意见 box") }
        // Filling a field twice would be a change after the first endorsement's signature.
        guard opinions.allSatisfy({ $0.1.dictionary["V"] == nil }), seal?.dictionary["V"] == nil else {
            throw ShenbaoFailure.unusable(.endorseNotPack, file: file,
                zh: "这份申请表已经推荐过：推荐部门意见栏已填写", en: "this pack was endorsed already: its 推荐部门意见 box is filled")
        }
        self.opinions = opinions.sorted { $0.0 < $1.0 }.map(\.1)
        recommenderSeal = seal
    }
}
