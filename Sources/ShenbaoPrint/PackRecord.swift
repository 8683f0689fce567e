import Foundation
import ShenbaoPDFWriter

/// Which record a pack is for, as the pack records it for its endorsement (`spec/cli.md`,
/// `endorse`): a department's opinion must name the same project, applicant and credit code.
public struct PackRecord: Sendable, Hashable {
    /// The form the pack prints (`application`).
    public var form: String
    public var projectName: String
    public var applicant: String
    public var creditCode: String

    public init(form: String, projectName: String, applicant: String, creditCode: String) {
        self.form = form; self.projectName = projectName; self.applicant = applicant; self.creditCode = creditCode
    }

    /// The catalog's `/PieceInfo` key (ISO 32000-1 §14.5, page-piece dictionaries: the place
    /// the standard gives an application for its private data) that holds the record.
    public static let pieceInfoKey = "Shenbao"

    /// The page-piece data dictionary: `/LastModified` (required there) and `/Private`.
    func pieceInfo(modified: Date) -> PDFObject {
        .dictionary([Self.pieceInfoKey: .dictionary([
            "LastModified": .date(modified),
            "Private": .dictionary([
                "Form": .text(form), "ProjectName": .text(projectName),
                "Applicant": .text(applicant), "CreditCode": .text(creditCode),
            ]),
        ])])
    }
}

/// The form fields of a pack, named after the layout's regions they sit over. Field names may
/// not hold a period (§12.7.3.2: it separates the parts of a fully qualified name), so the
/// region `seal.applicant` gives the field `seal-applicant`.
public enum PackFields {
    /// The 推荐部门意见 box of copy `copy` (from 1): a text field the endorsement fills.
    public static func opinion(copy: Int) -> String { "opinion-\(copy)" }
    /// The department's signature, over its seal on the first copy.
    public static let recommenderSeal = "seal-recommender"
    /// The applicant's signature, over its seal on the first copy.
    public static let applicantSeal = "seal-applicant"

    /// The layout regions the fields sit over.
    public enum Region {
        public static let opinion = "opinion"
        public static let recommenderSeal = "seal.recommender"
        public static let applicantSeal = "seal.applicant"
    }

    /// Widget flags (§12.5.3): Print, so the printed pack shows what the screen shows.
    static let printFlag = 4
    /// Text field flags (§12.7.4.3): ReadOnly and Multiline: the endorsement writes the value
    /// and its appearance, nobody types in it.
    static let readOnlyMultiline = 1 | 4096
    /// `/SigFlags` SignaturesExist | AppendOnly (§12.7.2): what a signed file says of itself, so
    /// that editors save changes as incremental updates.
    public static let signedFlags = 3
}
