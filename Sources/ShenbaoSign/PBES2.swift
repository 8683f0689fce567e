import Crypto
import _CryptoExtras
import Foundation
import SwiftASN1

/// Password-based decryption, PBES2 (RFC 8018 §6.2) with PBKDF2 (§5.2) and AES-CBC (RFC 3565):
/// the scheme OpenSSL 3 (`openssl genpkey -aes-256-cbc`, `openssl pkcs12 -export`) and Python's
/// cryptography write. The key derivation and the cipher are _CryptoExtras'; this file only reads
/// their parameters. The older schemes (PBES1, PKCS#12's RC2/3DES/RC4) are recognised so that the
/// caller can say how to convert the file, and are never decrypted.
enum PBES2 {
    /// Why a ciphertext could not be decrypted.
    enum Problem: Error {
        /// A pre-PBES2 scheme (DES, RC2, 3DES, RC4): the file must be converted.
        case legacy(ASN1ObjectIdentifier)
        /// A PBES2 variant not supported here (scrypt, another cipher or PRF).
        case unsupported(String)
        /// The padding did not check out: the passphrase is wrong (or the data damaged).
        case wrongPassphrase
    }

    /// Iteration counts beyond this are refused (here and for PKCS#12 MACs): a hostile file could
    /// otherwise stall the process for hours before the passphrase is even checked.
    static let maximumIterations = 10_000_000

    /// Decrypts `ciphertext` encrypted under `scheme` with `passphrase` (its UTF-8 bytes, as
    /// OpenSSL and cryptography pass it to PBKDF2).
    static func decrypt(_ ciphertext: ArraySlice<UInt8>, scheme: AlgorithmID, passphrase: String) throws -> [UInt8] {
        guard scheme.algorithm == OID.pbes2 else {
            if scheme.algorithm.isUnder(OID.pkcs5) || scheme.algorithm.isUnder(OID.pkcs12PBE) {
                throw Problem.legacy(scheme.algorithm)
            }
            throw Problem.unsupported("encryption scheme \(scheme.algorithm)")
        }
        let parameters = try Parameters(scheme.parameters)
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(passphrase.utf8), salt: parameters.salt,
                                                   using: parameters.prf, outputByteCount: parameters.keyByteCount,
                                                   unsafeUncheckedRounds: parameters.iterations)
        do {
            return Array(try AES._CBC.decrypt(ciphertext, using: key, iv: AES._CBC.IV(ivBytes: parameters.iv)))
        } catch {
            throw Problem.wrongPassphrase
        }
    }

    /// `PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme
    /// AlgorithmIdentifier }` with `PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount
    /// INTEGER, keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }`.
    private struct Parameters {
        var salt: ArraySlice<UInt8>
        var iterations: Int
        var prf: KDF.Insecure.PBKDF2.HashFunction
        var keyByteCount: Int
        var iv: ArraySlice<UInt8>

        init(_ any: ASN1Any?) throws {
            guard let any else { throw Problem.unsupported("PBES2 without parameters") }
            let (kdf, cipher) = try BER.sequence(BER.parse(Self.bytes(any)), identifier: .sequence) { nodes in
                (try AlgorithmID(berEncoded: &nodes), try AlgorithmID(berEncoded: &nodes))
            }
            guard kdf.algorithm == OID.pbkdf2, let kdfParameters = kdf.parameters else {
                throw Problem.unsupported("key derivation \(kdf.algorithm) (only PBKDF2)")
            }
            var keyLength: Int?
            var prfID = AlgorithmID(OID.hmacWithSHA1)
            (salt, iterations) = try BER.sequence(BER.parse(Self.bytes(kdfParameters)), identifier: .sequence) { nodes in
                let salt = try ASN1OctetString(berEncoded: &nodes).bytes
                let iterations = try Int(berEncoded: &nodes)
                while let node = nodes.next() {
                    if node.identifier == .integer { keyLength = try Int(berEncoded: node) }
                    else { prfID = try AlgorithmID(berEncoded: node) }
                }
                return (salt, iterations)
            }
            guard (1...PBES2.maximumIterations).contains(iterations) else {
                throw Problem.unsupported("PBKDF2 with \(iterations) iterations")
            }
            switch prfID.algorithm {
            case OID.hmacWithSHA1: prf = .insecureSHA1
            case OID.hmacWithSHA256: prf = .sha256
            case OID.hmacWithSHA384: prf = .sha384
            case OID.hmacWithSHA512: prf = .sha512
            case let other: throw Problem.unsupported("PBKDF2 PRF \(other)")
            }
            switch cipher.algorithm {
            case OID.aes128CBC: keyByteCount = 16
            case OID.aes192CBC: keyByteCount = 24
            case OID.aes256CBC: keyByteCount = 32
            case let other: throw Problem.unsupported("cipher \(other) (only AES-CBC)")
            }
            if let keyLength, keyLength != keyByteCount { throw Problem.unsupported("PBKDF2 key length \(keyLength)") }
            guard let ivParameter = cipher.parameters else { throw Problem.unsupported("AES-CBC without an IV") }
            iv = try ASN1OctetString(asn1Any: ivParameter).bytes
            guard iv.count == 16 else { throw Problem.unsupported("AES-CBC IV of \(iv.count) bytes") }
        }

        /// The encoding of a parsed `ANY`, to parse again as what its algorithm says it is.
        private static func bytes(_ any: ASN1Any) throws -> [UInt8] {
            var coder = DER.Serializer()
            try coder.serialize(any)
            return coder.serializedBytes
        }
    }
}

extension ASN1ObjectIdentifier {
    /// Whether this identifier lies under `arc` (`1.2.840.113549.1.5.3` is under `1.2.840.113549.1.5`).
    func isUnder(_ arc: ASN1ObjectIdentifier) -> Bool {
        oidComponents.count > arc.oidComponents.count && oidComponents.starts(with: arc.oidComponents)
    }
}
