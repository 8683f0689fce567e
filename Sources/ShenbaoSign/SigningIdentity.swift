import Foundation
import ShenbaoCore
import X509

/// What a department signs with: a private key, its certificate and the issuers above it, loaded
/// from what it holds — a PEM key with a certificate file, a PKCS#12 file, or a key on a PKCS#11
/// token — and checked before anything is signed (`spec/cli.md`, "Signing"): the key belongs to
/// the certificate, the certificate is valid at the signing time and allows signing, and the key is
/// RSA ≥ 2048 bits or ECDSA P-256/P-384. Each refusal is a `ShenbaoFailure` (exit 2) with its id.
public struct SigningIdentity: Sendable {
    /// The signer's certificate.
    public let certificate: Certificate
    /// The issuers above it, as given (the trust anchor may or may not be among them).
    public let chain: [Certificate]
    /// The key's algorithm and size.
    public let algorithm: KeyAlgorithm
    /// Where the key came from, a file path or the PKCS#11 URI, for messages.
    public let source: String
    let key: SigningKey

    /// Loads and checks an identity.
    /// - Parameters:
    ///   - key: `--sign-key`: a PEM file (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1), a PKCS#12 file,
    ///     or a PKCS#11 URI (RFC 7512).
    ///   - certificate: `--sign-cert`; needed unless the key's file or token holds the certificate.
    ///     Certificates after the first in this file are taken as chain.
    ///   - chain: `--sign-chain`: the issuers.
    ///   - secret: the passphrase of an encrypted key or PKCS#12 file, or the token's PIN; the
    ///     caller reads it (`--sign-pass-file`, `SHENBAO_SIGN_PASS`, `SHENBAO_SIGN_PIN`).
    ///   - signingTime: when the signature will be made; the certificate must be valid then.
    public static func load(key: String, certificate: String? = nil, chain: String? = nil,
                            secret: String? = nil, signingTime: Date) throws -> SigningIdentity {
        let given = try certificate.map(CertificateFile.read) ?? []
        var extra = Array(given.dropFirst()) + (try chain.map(CertificateFile.read) ?? [])
        let signingKey: SigningKey, algorithm: KeyAlgorithm
        var leaf = given.first
        if PKCS11URI.isURI(key) {
            let token = try PKCS11Key(PKCS11URI(key), uri: key, pin: secret)
            leaf = leaf ?? token.certificate
            guard let leaf else { throw missingCertificate(key, token: true) }
            algorithm = try KeyAlgorithm(publicKey: leaf.publicKey, source: key)
            signingKey = .token(token)
        } else {
            let data = try CertificateFile.read(key, unreadable: .signKeyUnreadable)
            let software: SoftwareKey
            if PEMFile.isPEM(data) {
                let pem = try PEMFile(data, source: key, unreadable: .signKeyUnreadable)
                guard let found = try pem.key(passphrase: secret, source: key) else {
                    throw SigningFailure.refuse(.signKeyUnreadable, key,
                        zh: "PEM 文件中没有私钥", en: "the PEM file holds no private key")
                }
                software = found
                let beside = try pem.certificates(source: key, unreadable: .signKeyUnreadable)
                let matching = beside.first { $0.publicKey == found.key.publicKey }
                leaf = leaf ?? matching
                extra += beside.filter { $0 != matching }
            } else {
                let p12 = try PKCS12(data, passphrase: secret, source: key)
                software = p12.key
                leaf = leaf ?? p12.leaf
                extra += chain == nil ? p12.others : []
            }
            signingKey = .software(software.key)
            algorithm = software.algorithm
        }
        guard let leaf else { throw missingCertificate(key, token: false) }
        var seen: Set<Certificate> = [leaf]
        let issuers = extra.filter { seen.insert($0).inserted }
        return try SigningIdentity(key: signingKey, algorithm: algorithm, certificate: leaf, chain: issuers,
                                   source: key, signingTime: signingTime)
    }

    /// An identity from parts already in hand, with the same checks as `load`.
    init(key: SigningKey, algorithm: KeyAlgorithm, certificate: Certificate, chain: [Certificate],
         source: String, signingTime: Date) throws {
        self.key = key
        self.algorithm = algorithm
        self.certificate = certificate
        self.chain = chain
        self.source = source
        try checkMatch()
        try Self.checkValidity(certificate, at: signingTime, source: source)
        try Self.checkKeyUsage(certificate, source: source)
    }

    /// Signs `message` (the DER of CMS signed attributes) with SHA-256.
    func sign(_ message: [UInt8]) throws -> [UInt8] {
        try key.sign(message, algorithm: algorithm)
    }

    // MARK: Checks

    /// The key belongs to the certificate: a key in memory has the certificate's public key; a
    /// token key, whose public half may not be readable, signs a probe the certificate verifies.
    private func checkMatch() throws {
        let matches: Bool
        switch key {
        case .software(let privateKey):
            matches = privateKey.publicKey == certificate.publicKey
        case .token(let token):
            let probe = Array("shenbao key check \(source)".utf8)
            matches = try token.fits(algorithm)
                && certificate.publicKey.isValidSignature(sign(probe), for: probe, signatureAlgorithm: algorithm.signatureAlgorithm)
        }
        guard matches else {
            throw SigningFailure.refuse(.signKeyMismatch, source,
                zh: "私钥与证书不匹配（证书属于 \(SignerName(certificate.subject))）：请给出这把私钥的证书",
                en: "the private key does not belong to the certificate (issued to \(SignerName(certificate.subject))); give the key's own certificate")
        }
    }

    /// The certificate is valid at `time` (RFC 5280 §4.1.2.5: both ends inclusive).
    static func checkValidity(_ certificate: Certificate, at time: Date, source: String) throws {
        guard time < certificate.notValidBefore || time > certificate.notValidAfter else { return }
        let from = timestamp(certificate.notValidBefore), to = timestamp(certificate.notValidAfter), now = timestamp(time)
        let early = time < certificate.notValidBefore
        throw SigningFailure.refuse(.signCertificateExpired, source,
            zh: "证书\(early ? "尚未生效" : "已过期")：有效期 \(from) 至 \(to)，签名时间 \(now)",
            en: "the certificate is \(early ? "not yet valid" : "expired"): valid from \(from) to \(to), signing at \(now)")
    }

    /// The certificate's key usage, when it has one, allows signing documents: digitalSignature or
    /// nonRepudiation (RFC 5280 §4.2.1.3; ETSI EN 319 412-2 asks for nonRepudiation on signing keys).
    static func checkKeyUsage(_ certificate: Certificate, source: String) throws {
        let usage: KeyUsage?
        do {
            usage = try certificate.extensions.keyUsage
        } catch {
            throw SigningFailure.refuse(.signCertificateUnreadable, source,
                zh: "证书的密钥用法扩展格式错误", en: "the certificate's key usage extension is malformed", cause: error)
        }
        guard let usage, !usage.digitalSignature, !usage.nonRepudiation else { return }
        throw SigningFailure.refuse(.signKeyUsage, source,
            zh: "证书的密钥用法不允许签名（既无 digitalSignature 也无 nonRepudiation）：请使用签名证书",
            en: "the certificate's key usage allows no signing (neither digitalSignature nor nonRepudiation); use a signing certificate")
    }

    private static func missingCertificate(_ source: String, token: Bool) -> ShenbaoFailure {
        SigningFailure.refuse(.signCertificateMissing, source,
            zh: token ? "令牌上没有与密钥同标签的证书：请用 --sign-cert 给出证书" : "缺少证书：请用 --sign-cert 给出与私钥对应的证书",
            en: token ? "the token holds no certificate with the key's label; give one with --sign-cert"
                      : "no certificate: give the key's certificate with --sign-cert")
    }

    /// A time as messages print it: ISO 8601 in UTC, as certificates state their validity.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
