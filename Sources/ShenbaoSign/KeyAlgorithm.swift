import Crypto
import _CryptoExtras
import ShenbaoCore
import SwiftASN1
import X509

/// The keys a signature may be made with, and only these (`spec/cli.md`, "Signing"): RSA of at
/// least 2048 bits, signing PKCS#1 v1.5 (RFC 8017 §8.2), and ECDSA on P-256 or P-384 (RFC 5480),
/// both over SHA-256 — what PAdES baseline signatures and every PDF reader accept.
public enum KeyAlgorithm: Sendable, Hashable, CustomStringConvertible {
    case rsa(bits: Int)
    case ecdsa(Curve)

    /// The two NIST curves accepted.
    public enum Curve: String, Sendable, Hashable {
        case p256 = "P-256"
        case p384 = "P-384"

        /// The field size in bytes: the length of r and of s in a signature.
        var byteCount: Int { self == .p256 ? 32 : 48 }
    }

    /// `RSA-2048`, `ECDSA P-256`.
    public var description: String {
        switch self {
        case .rsa(let bits): "RSA-\(bits)"
        case .ecdsa(let curve): "ECDSA \(curve.rawValue)"
        }
    }

    /// The smallest RSA modulus accepted, in bits.
    static let minimumRSABits = 2048

    /// The algorithm swift-certificates signs and verifies with for this key.
    var signatureAlgorithm: Certificate.SignatureAlgorithm {
        switch self {
        case .rsa: .sha256WithRSAEncryption
        case .ecdsa: .ecdsaWithSHA256
        }
    }

    /// The CMS `signatureAlgorithm` (RFC 5754 §3.2 for RSA, with NULL parameters; §3.3 for ECDSA,
    /// without parameters).
    func signatureAlgorithmIdentifier() throws -> AlgorithmID {
        switch self {
        case .rsa: try AlgorithmID.withNullParameters(OID.sha256WithRSAEncryption)
        case .ecdsa: AlgorithmID(OID.ecdsaWithSHA256)
        }
    }

    /// The longest signature this key can make, as CMS carries it: the modulus length for RSA; for
    /// ECDSA the DER `Ecdsa-Sig-Value` (RFC 5480 §2.2.3) of two integers each one byte longer than
    /// the field when their top bit is set.
    var maximumSignatureLength: Int {
        switch self {
        case .rsa(let bits):
            return (bits + 7) / 8
        case .ecdsa(let curve):
            let content = 2 * (2 + curve.byteCount + 1)
            return content + (content < 128 ? 2 : 3)
        }
    }

    /// An RSA key of `bits`, refused under 2048 bits.
    static func rsa(bits: Int, source: String?) throws -> KeyAlgorithm {
        guard bits >= minimumRSABits else {
            throw SigningFailure.refuse(.signWeakKey, source,
                zh: "RSA 密钥只有 \(bits) 位，少于 \(minimumRSABits) 位，不能用于签名：请换用 2048 位以上的 RSA 密钥或 ECDSA P-256",
                en: "the RSA key has \(bits) bits, fewer than \(minimumRSABits); use an RSA key of 2048 bits or more, or ECDSA P-256")
        }
        return .rsa(bits: bits)
    }

    /// The curve named by `oid` (RFC 5480 §2.1.1.1 namedCurve), refused unless P-256 or P-384.
    static func curve(_ oid: ASN1ObjectIdentifier?, source: String?) throws -> Curve {
        switch oid {
        case OID.prime256v1: return .p256
        case OID.secp384r1: return .p384
        default:
            let name = switch oid {
            case OID.secp521r1: "P-521"
            case OID.secp256k1: "secp256k1"
            case OID.sm2: "SM2"
            case nil: "未命名曲线 (explicit parameters)"
            case let other?: "OID \(other)"
            }
            throw SigningFailure.refuse(.signUnsupportedCurve, source,
                zh: "ECDSA 密钥的曲线 \(name) 不受支持：只能用 P-256 或 P-384",
                en: "the ECDSA key's curve \(name) is not supported; only P-256 and P-384 are")
        }
    }

    /// A key type other than RSA and ECDSA, refused.
    static func unsupported(_ name: String, source: String?) -> ShenbaoFailure {
        SigningFailure.refuse(.signUnsupportedAlgorithm, source,
            zh: "不支持 \(name) 密钥：请使用 RSA（2048 位以上）或 ECDSA P-256/P-384 密钥",
            en: "\(name) keys are not supported; use RSA (2048 bits or more) or ECDSA P-256/P-384")
    }

    /// The algorithm of a certificate's public key, with the same refusals as for private keys.
    init(publicKey: Certificate.PublicKey, source: String?) throws {
        if let rsa = _RSA.Signing.PublicKey(publicKey) {
            self = try .rsa(bits: rsa.keySizeInBits, source: source)
        } else if P256.Signing.PublicKey(publicKey) != nil {
            self = .ecdsa(.p256)
        } else if P384.Signing.PublicKey(publicKey) != nil {
            self = .ecdsa(.p384)
        } else if P521.Signing.PublicKey(publicKey) != nil {
            self = .ecdsa(try Self.curve(OID.secp521r1, source: source))
        } else {
            throw Self.unsupported(publicKey.description, source: source)
        }
    }
}
