import Crypto
import _CryptoExtras
import Foundation
import ShenbaoCore
import SwiftASN1
import X509

/// The cryptographic half of verifying one signer (RFC 5652 §5.6): the message digest of the
/// covered bytes against the signed one, the signature over the signed attributes (or, without
/// them, over the bytes themselves) with the certificate's key, and the ESS certificate binding.
/// The key and digest algorithms other tools write are all read: RSA PKCS#1 v1.5 named as
/// `rsaEncryption` or `sha256WithRSAEncryption`, ECDSA, and SHA-1 to SHA-512.
struct SignatureCheck {
    let signer: SignerInfo
    let certificate: Certificate
    private let digest: DigestKind?

    init(signer: SignerInfo, certificate: Certificate) {
        self.signer = signer
        self.certificate = certificate
        digest = DigestKind(signer.digestAlgorithm.algorithm)
    }

    /// `RSA-2048 SHA-256`: the certificate's key and the digest.
    var algorithmName: String {
        let key: String
        if let rsa = _RSA.Signing.PublicKey(certificate.publicKey) { key = "RSA-\(rsa.keySizeInBits)" }
        else if P256.Signing.PublicKey(certificate.publicKey) != nil { key = "ECDSA P-256" }
        else if P384.Signing.PublicKey(certificate.publicKey) != nil { key = "ECDSA P-384" }
        else if P521.Signing.PublicKey(certificate.publicKey) != nil { key = "ECDSA P-521" }
        else { key = certificate.publicKey.description }
        return key + " " + (digest?.rawValue ?? "\(signer.digestAlgorithm.algorithm)")
    }

    /// The signing-time attribute (RFC 5652 §11.3), UTCTime or GeneralizedTime, when present.
    var signingTime: Date? {
        guard let value = try? signer.signedAttributes?.single(OID.signingTime) else { return nil }
        var coder = DER.Serializer()
        guard (try? coder.serialize(value)) != nil, let node = try? DER.parse(coder.serializedBytes) else { return nil }
        let fields: (Int, Int, Int, Int, Int, Int)
        if let utc = try? UTCTime(derEncoded: node) {
            fields = (utc.year, utc.month, utc.day, utc.hours, utc.minutes, utc.seconds)
        } else if let general = try? GeneralizedTime(derEncoded: node) {
            fields = (general.year, general.month, general.day, general.hours, general.minutes, general.seconds)
        } else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: DateComponents(year: fields.0, month: fields.1, day: fields.2,
                                                  hour: fields.3, minute: fields.4, second: fields.5))
    }

    /// Whether the signature over `parts` holds, each reason it does not added to `problems`.
    func verify<Bytes: DataProtocol>(_ parts: [Bytes], contentType: ASN1ObjectIdentifier, problems: inout [Localized]) -> Bool {
        guard let digest, let algorithm = signatureAlgorithm(digest) else {
            problems.append(Localized(
                zh: "不支持的签名算法（\(signer.signatureAlgorithm.algorithm)，摘要 \(signer.digestAlgorithm.algorithm)）",
                en: "unsupported signature algorithm (\(signer.signatureAlgorithm.algorithm), digest \(signer.digestAlgorithm.algorithm))"))
            return false
        }
        let signed: [UInt8]
        if let attributes = signer.signedAttributes, let message = signer.signedAttributesMessage {
            guard let value = try? attributes.single(OID.messageDigest),
                  let expected = try? ASN1OctetString(asn1Any: value) else {
                problems.append(Localized(zh: "签名属性中缺少消息摘要", en: "the signed attributes lack the message digest"))
                return false
            }
            guard expected.bytes.elementsEqual(digest.hash(parts)) else {
                problems.append(Localized(zh: "签名覆盖的内容在签名后被改动（摘要不符）",
                                          en: "the signed bytes changed after signing (digest mismatch)"))
                return false
            }
            if let value = try? attributes.single(OID.contentType), (try? ASN1ObjectIdentifier(asn1Any: value)) != contentType {
                problems.append(Localized(zh: "签名属性中的内容类型与内容不符", en: "the signed content-type does not match the content"))
                return false
            }
            if let value = try? attributes.single(OID.signingCertificateV2),
               (try? SigningCertificateV2.names(certificate, in: value)) != true {
                problems.append(Localized(zh: "签名属性所绑定的证书不是签名者证书（ESS signing-certificate-v2）",
                                          en: "the signed attributes bind another certificate than the signer's (ESS signing-certificate-v2)"))
                return false
            }
            signed = message
        } else {
            signed = parts.flatMap { Array($0) }
        }
        guard certificate.publicKey.isValidSignature(Array(signer.signature), for: signed, signatureAlgorithm: algorithm) else {
            problems.append(Localized(zh: "签名值无法用签名者证书验证", en: "the signature does not verify with the signer's certificate"))
            return false
        }
        return true
    }

    /// The algorithm to verify with: the signer's own combined identifier, or the key type
    /// (`rsaEncryption`, `id-ecPublicKey`) with the digest algorithm.
    private func signatureAlgorithm(_ digest: DigestKind) -> Certificate.SignatureAlgorithm? {
        let rsa: [DigestKind: Certificate.SignatureAlgorithm] = [
            .sha1: .sha1WithRSAEncryption, .sha256: .sha256WithRSAEncryption,
            .sha384: .sha384WithRSAEncryption, .sha512: .sha512WithRSAEncryption,
        ]
        let ecdsa: [DigestKind: Certificate.SignatureAlgorithm] = [
            .sha256: .ecdsaWithSHA256, .sha384: .ecdsaWithSHA384, .sha512: .ecdsaWithSHA512,
        ]
        switch signer.signatureAlgorithm.algorithm {
        case OID.rsaEncryption: return rsa[digest]
        case OID.ecPublicKey: return ecdsa[digest]
        case OID.sha1WithRSAEncryption: return .sha1WithRSAEncryption
        case OID.sha256WithRSAEncryption: return .sha256WithRSAEncryption
        case OID.sha384WithRSAEncryption: return .sha384WithRSAEncryption
        case OID.sha512WithRSAEncryption: return .sha512WithRSAEncryption
        case OID.ecdsaWithSHA256: return .ecdsaWithSHA256
        case OID.ecdsaWithSHA384: return .ecdsaWithSHA384
        case OID.ecdsaWithSHA512: return .ecdsaWithSHA512
        default: return nil
        }
    }
}

/// The message digests a signature may name (RFC 5754, RFC 3370 for SHA-1).
enum DigestKind: String, Hashable {
    case sha1 = "SHA-1", sha256 = "SHA-256", sha384 = "SHA-384", sha512 = "SHA-512"

    init?(_ oid: ASN1ObjectIdentifier) {
        switch oid {
        case OID.sha1: self = .sha1
        case OID.sha256: self = .sha256
        case OID.sha384: self = .sha384
        case OID.sha512: self = .sha512
        default: return nil
        }
    }

    /// The digest of `parts` taken in order.
    func hash<Bytes: DataProtocol>(_ parts: [Bytes]) -> [UInt8] {
        func run<H: HashFunction>(_ function: H) -> [UInt8] {
            var function = function
            for part in parts { function.update(data: part) }
            return Array(function.finalize())
        }
        switch self {
        case .sha1: return run(Insecure.SHA1())
        case .sha256: return run(SHA256())
        case .sha384: return run(SHA384())
        case .sha512: return run(SHA512())
        }
    }
}
