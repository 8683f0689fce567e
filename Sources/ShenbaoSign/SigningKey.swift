import X509

/// The private half of a signing identity: a key held in memory, or one that never leaves its
/// token. Both sign the same way, SHA-256 then RSA PKCS#1 v1.5 or ECDSA, and return the signature
/// as CMS carries it (RFC 5652 §5.3 `signature`: the RSA block as is, ECDSA as DER `Ecdsa-Sig-Value`).
enum SigningKey: Sendable {
    case software(Certificate.PrivateKey)
    case token(PKCS11Key)

    func sign(_ message: [UInt8], algorithm: KeyAlgorithm) throws -> [UInt8] {
        switch self {
        case .software(let key):
            return try key.sign(bytes: message, signatureAlgorithm: algorithm.signatureAlgorithm).rawRepresentation
        case .token(let key):
            return try key.sign(message, algorithm: algorithm)
        }
    }
}
