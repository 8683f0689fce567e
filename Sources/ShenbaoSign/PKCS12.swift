import Crypto
import Foundation
import ShenbaoCore
import SwiftASN1
import X509

/// A PKCS#12 file (`.p12`, `.pfx`; RFC 7292) as OpenSSL 3 writes it by default: the key in a
/// shrouded key bag and the certificates in an encrypted safe, both PBES2/AES-256-CBC with PBKDF2,
/// and an HMAC-SHA256 MAC over the whole. Files from before PBES2 (RC2, 3DES, RC4) are refused with
/// the command that converts them; they are never decrypted.
struct PKCS12 {
    var key: SoftwareKey
    /// The certificate the file pairs with the key (same `localKeyID`, else same public key).
    var leaf: Certificate?
    /// The other certificates: the chain.
    var others: [Certificate]

    /// A safe of the authenticated safe (§4.1): plain SafeContents, or encrypted ones.
    private enum Safe {
        case plain([UInt8])
        case encrypted(scheme: AlgorithmID, ciphertext: ArraySlice<UInt8>)
    }

    /// A bag of a SafeContents (§4.2) this reader takes, with its `localKeyID` attribute.
    private enum Bag {
        case key(ArraySlice<UInt8>, id: ArraySlice<UInt8>?)
        case shroudedKey(ArraySlice<UInt8>, id: ArraySlice<UInt8>?)
        case certificate([UInt8], id: ArraySlice<UInt8>?)
    }

    init(_ data: Data, passphrase: String?, source: String) throws {
        let (authSafe, mac) = try Self.readable(source) { try Self.readPFX(Array(data)) }
        let safes = try Self.readable(source) { try Self.readAuthenticatedSafe(authSafe) }
        var bags = try safes.flatMap { safe -> [Bag] in
            guard case .plain(let contents) = safe else { return [] }
            return try Self.readable(source) { try Self.readBags(contents[...], depth: 0) }
        }
        // Legacy first: such a file must be converted whatever its passphrase.
        let schemes = safes.compactMap { if case .encrypted(let scheme, _) = $0 { scheme } else { nil } }
            + bags.compactMap { if case .shroudedKey(let der, _) = $0 { try? Self.scheme(ofEncryptedKey: der) } else { nil } }
        if schemes.contains(where: { $0.algorithm != OID.pbes2 }) { throw Self.legacy(source) }

        let password = try Self.checkMAC(mac, over: authSafe, passphrase: passphrase, source: source)
        for case .encrypted(let scheme, let ciphertext) in safes {
            let contents = try Self.decrypt(ciphertext, scheme: scheme, password: password, source: source)
            bags += try Self.readable(source) { try Self.readBags(contents[...], depth: 0) }
        }

        var found: (SoftwareKey, ArraySlice<UInt8>?)?
        var certificates: [(Certificate, ArraySlice<UInt8>?)] = []
        for bag in bags {
            switch bag {
            case .key(let der, let id) where found == nil:
                found = (try PrivateKeyDecoding.privateKeyInfo(der, source: source), id)
            case .shroudedKey(let der, let id) where found == nil:
                let plaintext = try Self.decryptKey(der, password: password, source: source)
                found = (try PrivateKeyDecoding.privateKeyInfo(plaintext[...], source: source), id)
            case .certificate(let der, let id):
                certificates.append((try CertificateFile.parse(der, source: source, unreadable: .signKeyUnreadable), id))
            default:
                break
            }
        }
        guard let (key, keyID) = found else {
            throw SigningFailure.refuse(.signKeyUnreadable, source,
                zh: "PKCS#12 文件中没有私钥", en: "the PKCS#12 file holds no private key")
        }
        let leafIndex = certificates.firstIndex { keyID != nil && $0.1 == keyID }
            ?? certificates.firstIndex { $0.0.publicKey == key.key.publicKey }
        self.key = key
        leaf = leafIndex.map { certificates[$0].0 }
        others = certificates.indices.filter { $0 != leafIndex }.map { certificates[$0].0 }
    }

    // MARK: Structure (RFC 7292 §4)

    /// `PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData MacData OPTIONAL }`;
    /// the authenticated safe's bytes (what the MAC covers) and the MacData.
    private static func readPFX(_ der: [UInt8]) throws -> ([UInt8], MacData?) {
        try BER.sequence(BER.parse(der), identifier: .sequence) { nodes in
            guard try Int(berEncoded: &nodes) == 3 else { throw ASN1Error.invalidASN1Object(reason: "PFX version") }
            guard let authSafe = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no authSafe") }
            let (type, content) = try contentInfo(authSafe)
            // Public-key integrity mode (authSafe as SignedData) is not used by OpenSSL or Windows.
            guard type == OID.data, let content else { throw ASN1Error.invalidASN1Object(reason: "authSafe is \(type)") }
            let mac = try nodes.next().map(MacData.init)
            return (Array(try ASN1OctetString(berEncoded: content).bytes), mac)
        }
    }

    /// `ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY OPTIONAL }`.
    private static func contentInfo(_ node: ASN1Node) throws -> (ASN1ObjectIdentifier, ASN1Node?) {
        try BER.sequence(node, identifier: .sequence) { nodes in
            let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
            let content = try BER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { $0 }
            return (type, content)
        }
    }

    /// `AuthenticatedSafe ::= SEQUENCE OF ContentInfo`, each `data` (a SafeContents) or
    /// `encryptedData` (`EncryptedData ::= SEQUENCE { version, EncryptedContentInfo }`, RFC 5652 §8).
    private static func readAuthenticatedSafe(_ der: [UInt8]) throws -> [Safe] {
        try children(BER.parse(der)).map { node in
            let (type, content) = try contentInfo(node)
            guard let content else { throw ASN1Error.invalidASN1Object(reason: "empty safe") }
            switch type {
            case OID.data:
                return .plain(Array(try ASN1OctetString(berEncoded: content).bytes))
            case OID.encryptedData:
                return try BER.sequence(content, identifier: .sequence) { nodes in
                    _ = try Int(berEncoded: &nodes)
                    guard let info = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no EncryptedContentInfo") }
                    while nodes.next() != nil {}
                    // EncryptedContentInfo ::= SEQUENCE { contentType, contentEncryptionAlgorithm,
                    //                                      encryptedContent [0] IMPLICIT OCTET STRING }
                    return try BER.sequence(info, identifier: .sequence) { nodes in
                        _ = try ASN1ObjectIdentifier(berEncoded: &nodes)
                        let scheme = try AlgorithmID(berEncoded: &nodes)
                        guard let encrypted = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no encryptedContent") }
                        let ciphertext = try ASN1OctetString(berEncoded: encrypted, withIdentifier: encrypted.identifier)
                        return .encrypted(scheme: scheme, ciphertext: ciphertext.bytes)
                    }
                }
            default:
                throw ASN1Error.invalidASN1Object(reason: "safe of type \(type)")
            }
        }
    }

    /// `SafeContents ::= SEQUENCE OF SafeBag`, `SafeBag ::= SEQUENCE { bagId, bagValue [0]
    /// EXPLICIT, bagAttributes SET OF PKCS12Attribute OPTIONAL }`; nested safe-contents bags are
    /// followed a few levels deep, other bags (CRLs, secrets) skipped.
    private static func readBags(_ der: ArraySlice<UInt8>, depth: Int) throws -> [Bag] {
        guard depth < 4 else { throw ASN1Error.invalidASN1Object(reason: "safe contents nested too deep") }
        return try children(BER.parse(der)).flatMap { node -> [Bag] in
            try BER.sequence(node, identifier: .sequence) { nodes in
                let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
                let value = try BER.explicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { $0 }
                let id = try nodes.next().flatMap(localKeyID)
                switch type {
                case OID.keyBag: return [.key(value.encodedBytes, id: id)]
                case OID.pkcs8ShroudedKeyBag: return [.shroudedKey(value.encodedBytes, id: id)]
                case OID.certBag:
                    // CertBag ::= SEQUENCE { certId OID, certValue [0] EXPLICIT OCTET STRING }
                    return try BER.sequence(value, identifier: .sequence) { nodes in
                        let certType = try ASN1ObjectIdentifier(berEncoded: &nodes)
                        let der = try BER.explicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                            try ASN1OctetString(berEncoded: $0)
                        }
                        return certType == OID.x509Certificate ? [.certificate(Array(der.bytes), id: id)] : []
                    }
                case OID.safeContentsBag: return try readBags(value.encodedBytes, depth: depth + 1)
                default: return []
                }
            }
        }
    }

    /// The `localKeyID` (RFC 2985 §5.5.2) among a bag's attributes.
    private static func localKeyID(_ attributes: ASN1Node) throws -> ArraySlice<UInt8>? {
        for attribute in try children(attributes) {
            let found = try BER.sequence(attribute, identifier: .sequence) { nodes -> ArraySlice<UInt8>? in
                let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
                guard let values = nodes.next() else { return nil }
                guard type == OID.localKeyID, let first = try children(values).first(where: { _ in true }) else { return nil }
                return try ASN1OctetString(berEncoded: first).bytes
            }
            if let found { return found }
        }
        return nil
    }

    /// The scheme an `EncryptedPrivateKeyInfo` names.
    private static func scheme(ofEncryptedKey der: ArraySlice<UInt8>) throws -> AlgorithmID {
        try BER.sequence(BER.parse(der), identifier: .sequence) { nodes in
            let scheme = try AlgorithmID(berEncoded: &nodes)
            while nodes.next() != nil {}
            return scheme
        }
    }

    /// The elements of a constructed node (SEQUENCE OF, SET OF).
    private static func children(_ node: ASN1Node) throws -> ASN1NodeCollection {
        guard case .constructed(let nodes) = node.content else { throw ASN1Error.invalidASN1Object(reason: "expected a SEQUENCE OF") }
        return nodes
    }

    // MARK: Integrity and privacy (RFC 7292 §5, Appendix B)

    /// `MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }`.
    private struct MacData {
        var digest: ASN1ObjectIdentifier
        var value: ArraySlice<UInt8>
        var salt: ArraySlice<UInt8>
        var iterations: Int

        init(_ node: ASN1Node) throws {
            (digest, value, salt, iterations) = try BER.sequence(node, identifier: .sequence) { nodes in
                guard let digestInfo = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no MAC") }
                let (digest, value) = try BER.sequence(digestInfo, identifier: .sequence) { info in
                    (try AlgorithmID(berEncoded: &info).algorithm, try ASN1OctetString(berEncoded: &info).bytes)
                }
                let salt = try ASN1OctetString(berEncoded: &nodes).bytes
                let iterations = try nodes.next().map { try Int(berEncoded: $0) } ?? 1
                return (digest, value, salt, iterations)
            }
        }

        /// Whether the MAC checks out for `password` (B.1's BMPString form).
        func verifies(_ content: [UInt8], password: [UInt8]) throws -> Bool {
            guard (1...PBES2.maximumIterations).contains(iterations) else {
                throw ASN1Error.invalidASN1Object(reason: "MAC with \(iterations) iterations")
            }
            func check<H: HashFunction>(_ hash: H.Type) -> Bool {
                let key = PKCS12KDF.macKey(hash, password: password, salt: salt, iterations: iterations)
                return HMAC<H>.isValidAuthenticationCode(value, authenticating: content, using: key)
            }
            switch digest {
            case OID.sha1: return check(Insecure.SHA1.self)
            case OID.sha256: return check(SHA256.self)
            case OID.sha384: return check(SHA384.self)
            case OID.sha512: return check(SHA512.self)
            default: throw ASN1Error.invalidASN1Object(reason: "MAC digest \(digest)")
            }
        }
    }

    /// Checks the MAC and returns the passphrase that opens the file. Without a passphrase, the
    /// empty one is tried, as OpenSSL does for `-passout pass:` files.
    private static func checkMAC(_ mac: MacData?, over content: [UInt8], passphrase: String?, source: String) throws -> String {
        let password = passphrase ?? ""
        guard let mac else { return password }
        // An empty password is written either as a lone terminator or as nothing at all (B.1).
        let forms = password.isEmpty ? [PKCS12KDF.bmpString(""), []] : [PKCS12KDF.bmpString(password)]
        let verified = try readable(source) { try forms.contains { try mac.verifies(content, password: $0) } }
        guard verified else {
            if passphrase == nil {
                throw SigningFailure.refuse(.signPassphrase, source,
                    zh: "PKCS#12 文件需要口令：用 --sign-pass-file 或环境变量 SHENBAO_SIGN_PASS 给出",
                    en: "the PKCS#12 file needs its passphrase: give it with --sign-pass-file or SHENBAO_SIGN_PASS")
            }
            throw SigningFailure.refuse(.signPassphrase, source,
                zh: "口令不正确：PKCS#12 文件的完整性校验（MAC）未通过", en: "wrong passphrase: the PKCS#12 file's integrity check (MAC) fails")
        }
        return password
    }

    /// An encrypted safe's SafeContents.
    private static func decrypt(_ ciphertext: ArraySlice<UInt8>, scheme: AlgorithmID, password: String, source: String) throws -> [UInt8] {
        do {
            return try PBES2.decrypt(ciphertext, scheme: scheme, passphrase: password)
        } catch PBES2.Problem.wrongPassphrase {
            throw PKCS8.wrongPassphrase(source)
        } catch {
            throw unsupported(source, error)
        }
    }

    /// A shrouded key bag's `PrivateKeyInfo`.
    private static func decryptKey(_ der: ArraySlice<UInt8>, password: String, source: String) throws -> [UInt8] {
        do {
            return try PKCS8.decrypt(der, passphrase: password)
        } catch PBES2.Problem.wrongPassphrase {
            throw PKCS8.wrongPassphrase(source)
        } catch {
            throw unsupported(source, error)
        }
    }

    /// The commands that turn any PKCS#12 file OpenSSL 3 can read into one it writes by default.
    /// Two steps through a file: `openssl pkcs12 -export` reads its standard input only once, for
    /// the key, and then finds no certificates in a pipe.
    private static func conversion(legacy: Bool) -> (zh: String, en: String) {
        let read = "openssl pkcs12\(legacy ? " -legacy" : "") -in"
        return ("\(read) 旧.p12 -nodes -out 旧.pem && openssl pkcs12 -export -in 旧.pem -out 新.p12（之后删除含明文私钥的 旧.pem）",
                "\(read) old.p12 -nodes -out old.pem && openssl pkcs12 -export -in old.pem -out new.p12 (then delete old.pem, which holds the key unencrypted)")
    }

    /// The refusal of a pre-PBES2 file, with the commands that convert it (OpenSSL 3 reads RC2 only
    /// with `-legacy`).
    private static func legacy(_ source: String) -> ShenbaoFailure {
        let command = conversion(legacy: true)
        return SigningFailure.refuse(.signLegacyPKCS12, source,
            zh: "PKCS#12 文件使用旧式加密（RC2/3DES），不再支持；请先转换为 AES 加密：\(command.zh)",
            en: "the PKCS#12 file uses legacy encryption (RC2/3DES), which is refused; convert it to AES first: \(command.en)")
    }

    /// A PBES2 variant not supported here, with the same conversion.
    private static func unsupported(_ source: String, _ error: any Error) -> ShenbaoFailure {
        let command = conversion(legacy: false)
        return SigningFailure.refuse(.signKeyUnreadable, source,
            zh: "PKCS#12 文件的加密方式不受支持；请转换：\(command.zh)",
            en: "the PKCS#12 file's encryption is not supported; convert it: \(command.en)",
            cause: error)
    }

    /// Runs `body`, turning a structural error into `sign.key_unreadable` with its cause.
    private static func readable<T>(_ source: String, _ body: () throws -> T) throws -> T {
        try SigningFailure.unreadable(source, zh: "无法读取 PKCS#12 文件：文件已损坏或不是 PKCS#12 格式",
                                      en: "cannot read the PKCS#12 file: damaged or not PKCS#12", body)
    }
}
