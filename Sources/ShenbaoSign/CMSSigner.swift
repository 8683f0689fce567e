import Crypto
import Foundation
import ShenbaoCore
import SwiftASN1
import X509

/// Makes the CMS a PAdES baseline B-B signature carries in a PDF's `/Contents` (ETSI EN 319 142-1
/// §5.3 and §6.3, `/SubFilter /ETSI.CAdES.detached`): a detached SignedData (RFC 5652 §5) over
/// the bytes the `/ByteRange` covers, SHA-256, with exactly the signed attributes content-type,
/// message-digest and ESS signing-certificate-v2 (RFC 5035). There is no CMS signing-time
/// attribute: PAdES puts the time in the signature dictionary's `/M` instead. The signer's
/// certificate and chain are included, so a verifier needs nothing else but its trust anchors.
public struct CMSSigner: Sendable {
    public let identity: SigningIdentity
    /// The most bytes `sign` can return for this identity: what a PDF reserves for `/Contents`
    /// (twice this in hex digits). Measured by writing the CMS with a signature of the key's
    /// longest length, plus `margin`.
    public let maximumSize: Int

    /// Room left over the measured size, against anything that may vary between signatures.
    static let margin = 64

    public init(identity: SigningIdentity) throws {
        self.identity = identity
        let longest = [UInt8](repeating: 0xFF, count: identity.algorithm.maximumSignatureLength)
        maximumSize = try Self.contentInfo(identity, digest: [UInt8](repeating: 0, count: SHA256.byteCount),
                                           signature: { _ in longest }).count + Self.margin
    }

    /// The DER of a detached SignedData over `covered`.
    public func sign<Bytes: DataProtocol>(_ covered: Bytes) throws -> [UInt8] {
        try sign(covering: [covered])
    }

    /// The DER of a detached SignedData over `parts` taken in order: a PDF's two `/ByteRange`
    /// spans, hashed without joining them.
    public func sign<Bytes: DataProtocol>(covering parts: [Bytes]) throws -> [UInt8] {
        var hash = SHA256()
        for part in parts { hash.update(data: part) }
        let identity = identity
        return try Self.contentInfo(identity, digest: Array(hash.finalize())) { message in
            let signature = try identity.sign(message)
            // A token is a separate device: its answer is checked before it goes into a PDF.
            guard identity.certificate.publicKey.isValidSignature(signature, for: message,
                                                                  signatureAlgorithm: identity.algorithm.signatureAlgorithm) else {
                throw SigningFailure.refuse(.signToken, identity.source,
                    zh: "签名未通过自检：证书无法验证私钥给出的签名", en: "the signature fails its own check: the certificate does not verify it")
            }
            return signature
        }
    }

    /// The ContentInfo for a content `digest`, with `signature` making the signature over the DER
    /// of the signed attributes (RFC 5652 §5.4).
    private static func contentInfo(_ identity: SigningIdentity, digest: [UInt8],
                                    signature: ([UInt8]) throws -> [UInt8]) throws -> [UInt8] {
        let attributes = [
            try CMSAttribute(OID.contentType, OID.data),
            try CMSAttribute(OID.messageDigest, ASN1OctetString(contentBytes: digest[...])),
            try SigningCertificateV2.attribute(for: identity.certificate),
        ]
        let digestAlgorithm = AlgorithmID(OID.sha256)
        let signer = SignerInfo(certificate: identity.certificate, digestAlgorithm: digestAlgorithm,
                                signedAttributes: attributes,
                                signatureAlgorithm: try identity.algorithm.signatureAlgorithmIdentifier(),
                                signature: try signature(SignerInfo.message(attributes)))
        return try SignedData(digestAlgorithm: digestAlgorithm, certificates: [identity.certificate] + identity.chain,
                              signerInfo: signer).serialized()
    }
}
