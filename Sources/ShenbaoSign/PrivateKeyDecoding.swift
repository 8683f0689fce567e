import Crypto
import _CryptoExtras
import ShenbaoCore
import SwiftASN1
import X509

/// A private key held in memory, with the algorithm it was checked to be.
struct SoftwareKey: Sendable {
    var key: Certificate.PrivateKey
    var algorithm: KeyAlgorithm
}

/// Turns the three unencrypted encodings of a private key into a key, refusing weak or unsupported
/// ones before any key object is made: PKCS#8 `PrivateKeyInfo` (RFC 5208; RFC 5958's
/// `OneAsymmetricKey` is its second version), PKCS#1 `RSAPrivateKey` (RFC 8017 §A.1.2) and SEC1
/// `ECPrivateKey` (RFC 5915). The size and curve are read from the ASN.1 first, so an RSA-1024 key
/// is named as too weak rather than failing inside the crypto library.
enum PrivateKeyDecoding {
    /// A PKCS#8 `PrivateKeyInfo`:
    /// `SEQUENCE { version, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, … }`.
    static func privateKeyInfo(_ der: ArraySlice<UInt8>, source: String?) throws -> SoftwareKey {
        let (algorithm, privateKey) = try readPrivateKeyInfo(der, source: source)
        switch algorithm.algorithm {
        case OID.rsaEncryption:
            return try rsa(pkcs1: privateKey, source: source)
        case OID.ecPublicKey:
            let curveOID = try algorithm.parameters.map { try ASN1ObjectIdentifier(asn1Any: $0) }
            return try ec(sec1: privateKey, curve: curveOID, source: source)
        case OID.ed25519: throw KeyAlgorithm.unsupported("Ed25519", source: source)
        case OID.ed448: throw KeyAlgorithm.unsupported("Ed448", source: source)
        case OID.dsa: throw KeyAlgorithm.unsupported("DSA", source: source)
        case OID.rsassaPSS: throw KeyAlgorithm.unsupported("RSA-PSS", source: source)
        case let other: throw KeyAlgorithm.unsupported("OID \(other)", source: source)
        }
    }

    /// A PKCS#1 `RSAPrivateKey`: `SEQUENCE { version, modulus INTEGER, … }`.
    static func rsa(pkcs1 der: ArraySlice<UInt8>, source: String?) throws -> SoftwareKey {
        let modulus = try unreadable(source) {
            try DER.sequence(DER.parse(der), identifier: .sequence) { nodes in
                _ = try Int(derEncoded: &nodes)
                let modulus = try ArraySlice<UInt8>(derEncoded: &nodes)
                while nodes.next() != nil {}
                return modulus
            }
        }
        let algorithm = try KeyAlgorithm.rsa(bits: bitLength(modulus), source: source)
        let key = try unreadable(source) { try _RSA.Signing.PrivateKey(derRepresentation: der) }
        return SoftwareKey(key: Certificate.PrivateKey(key), algorithm: algorithm)
    }

    /// A SEC1 `ECPrivateKey`: `SEQUENCE { version 1, privateKey OCTET STRING,
    /// parameters [0] namedCurve OPTIONAL, publicKey [1] OPTIONAL }`. The curve comes from the
    /// PKCS#8 algorithm when the key is wrapped in one, else from its own `parameters`.
    static func ec(sec1 der: ArraySlice<UInt8>, curve outerCurve: ASN1ObjectIdentifier?, source: String?) throws -> SoftwareKey {
        let (scalar, innerCurve) = try unreadable(source) {
            try DER.sequence(DER.parse(der), identifier: .sequence) { nodes in
                _ = try Int(derEncoded: &nodes)
                let scalar = try ASN1OctetString(derEncoded: &nodes)
                let curve = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                    try ASN1ObjectIdentifier(derEncoded: $0)
                }
                _ = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) { _ in }
                return (scalar.bytes, curve)
            }
        }
        switch try KeyAlgorithm.curve(outerCurve ?? innerCurve, source: source) {
        case .p256:
            let key = try unreadable(source) { try P256.Signing.PrivateKey(rawRepresentation: scalar) }
            return SoftwareKey(key: Certificate.PrivateKey(key), algorithm: .ecdsa(.p256))
        case .p384:
            let key = try unreadable(source) { try P384.Signing.PrivateKey(rawRepresentation: scalar) }
            return SoftwareKey(key: Certificate.PrivateKey(key), algorithm: .ecdsa(.p384))
        }
    }

    /// The algorithm and the inner key bytes of a `PrivateKeyInfo`; its attributes and, in version
    /// 2, its public key are not needed.
    private static func readPrivateKeyInfo(_ der: ArraySlice<UInt8>, source: String?) throws -> (AlgorithmID, ArraySlice<UInt8>) {
        try unreadable(source) {
            try DER.sequence(DER.parse(der), identifier: .sequence) { nodes in
                let version = try Int(derEncoded: &nodes)
                guard version == 0 || version == 1 else {
                    throw ASN1Error.invalidASN1Object(reason: "PrivateKeyInfo version \(version)")
                }
                let algorithm = try AlgorithmID(derEncoded: &nodes)
                let key = try ASN1OctetString(derEncoded: &nodes)
                while nodes.next() != nil {}
                return (algorithm, key.bytes)
            }
        }
    }

    /// The number of significant bits of a big-endian unsigned integer.
    static func bitLength(_ integer: ArraySlice<UInt8>) -> Int {
        guard let first = integer.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (integer.endIndex - first) * 8 - integer[first].leadingZeroBitCount
    }

    /// Runs `body`, turning a library's parse error into `sign.key_unreadable` with its cause.
    static func unreadable<T>(_ source: String?, _ body: () throws -> T) throws -> T {
        try SigningFailure.unreadable(source, zh: "无法读取私钥：文件已损坏或不是受支持的私钥格式",
                                      en: "cannot read the private key: damaged or not a supported key format", body)
    }
}
