import Foundation
import ShenbaoPDFWriter
import ShenbaoPrint
import ShenbaoSign

/// A signing identity loaded from the options every signing command takes (`spec/cli.md`,
/// "Signing"), and the signature it makes over a form. The secret is read by the host (the
/// CLI from `--sign-pass-file` or the environment; the server at start): never from a URI.
public struct PackSigning: Sendable {
    public let identity: SigningIdentity
    let cms: CMSSigner
    /// `--sign-reason`, `--sign-location`; nil takes the form's (申请 / 推荐, 上海市).
    public var reason: String?
    public var location: String?

    /// Loads and checks the key and certificates; every refusal is exit 2 with its reason.
    public init(key: String, certificate: String?, chain: String?, secret: String?,
                reason: String? = nil, location: String? = nil, at time: Date = Date()) throws {
        identity = try SigningIdentity.load(key: key, certificate: certificate, chain: chain, secret: secret, signingTime: time)
        cms = try CMSSigner(identity: identity)
        self.reason = reason
        self.location = location
    }

    /// The signature request for a form: the application is signed 申请, the opinion and the
    /// endorsement 推荐.
    func request(form: String, time: Date = Date()) -> SignatureRequest {
        let name = SignerName(identity.certificate.subject)
        return SignatureRequest(signer: CMSDetachedSigner(cms: cms), name: name.commonName ?? name.organization,
                                reason: reason ?? (form == "application" ? "申请" : "推荐"),
                                location: location ?? "上海市", time: time)
    }
}

/// The CMS signer as the PDF layers see it: the PDF knows no keys, ShenbaoSign knows no PDF.
struct CMSDetachedSigner: DetachedSigner {
    let cms: CMSSigner
    var maximumSize: Int { cms.maximumSize }
    func sign(covering parts: [ArraySlice<UInt8>]) throws -> [UInt8] { try cms.sign(covering: parts) }
}
