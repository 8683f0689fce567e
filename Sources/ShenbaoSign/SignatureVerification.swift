import Foundation
import ShenbaoCore
import X509

/// What checking one CMS signature found: the facts `shenbao verify` reports for a signature
/// (`spec/cli.md`, `verify`), apart from those only the PDF knows (the field, the byte range,
/// changes after signing).
public struct SignatureVerification: Sendable {
    /// The signer's subject: common name and organisation, as the certificate writes them.
    public var signer: SignerName
    /// `RSA-2048 SHA-256`, `ECDSA P-256 SHA-256`: the signer's key and the digest.
    public var algorithm: String
    /// The CMS signing-time attribute, when the signing tool wrote one (PAdES puts the time in
    /// the PDF's `/M` instead).
    public var signingTime: Date?
    /// The covered bytes hash to the signed message digest and the signature over the signed
    /// attributes verifies with the signer's certificate.
    public var intact: Bool
    /// The signer's certificate was valid at the time checked.
    public var certificateValid: Bool
    /// The certificate chains to one of the trust anchors; nil when none were given.
    public var trusted: Bool?
    /// The signer's certificate.
    public var certificate: Certificate
    /// Every certificate the CMS carries.
    public var certificates: [Certificate]
    /// Why `intact`, `certificateValid` or `trusted` is false, for the report.
    public var problems: [Localized]
}
