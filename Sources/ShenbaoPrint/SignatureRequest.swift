import Foundation
import ShenbaoPDFWriter

/// A signature to make over a PDF as it is written: who signs, why, where and when (`spec/cli.md`,
/// "Signing"). The signer makes the CMS; the PDF layers only reserve room for it and patch it in.
public struct SignatureRequest: Sendable {
    public var signer: any DetachedSigner
    /// `/Name`: the signer as a person reads it (the certificate's common name).
    public var name: String?
    /// `/Reason` (申请 for the applicant, 推荐 for the department).
    public var reason: String
    /// `/Location` (上海市).
    public var location: String
    /// `/M`: PAdES puts the signing time here, not in the CMS (ETSI EN 319 142-1 §5.3).
    public var time: Date

    public init(signer: any DetachedSigner, name: String?, reason: String, location: String, time: Date) {
        self.signer = signer; self.name = name; self.reason = reason; self.location = location; self.time = time
    }

    /// The signature dictionary (§12.8.1, Table 252) but `/ByteRange` and `/Contents`: PAdES
    /// baseline B-B (`/ETSI.CAdES.detached`).
    var dictionary: PDFDictionary {
        var d: PDFDictionary = [
            "Type": .name("Sig"), "Filter": .name("Adobe.PPKLite"), "SubFilter": .name("ETSI.CAdES.detached"),
        ]
        if let name { d["Name"] = .text(name) }
        d["Reason"] = .text(reason)
        d["Location"] = .text(location)
        d["M"] = .date(time)
        return d
    }
}
