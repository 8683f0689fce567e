import Crypto
import _CryptoExtras
import Foundation
import ShenbaoCore
@_spi(FixedExpiryValidationTime) import X509
import SwiftASN1

/// Checks a detached CMS signature (RFC 5652 §5.6) over the bytes a PDF signature covers, for
/// `shenbao verify`: Shenbao's own, pyHanko's, OpenSSL's (`openssl cms -sign`, with or without
/// signed attributes, DER or indefinite-length BER) alike. Each check is reported,
/// none is thrown: only CMS that cannot be read at all is a `sign.cms_malformed` failure.
public struct CMSVerifier: Sendable {
    /// The certificates a chain must end in for `trusted` (`verify --trust`).
    public var trustAnchors: [Certificate]

    public init(trustAnchors: [Certificate] = []) {
        self.trustAnchors = trustAnchors
    }

    /// Verifies `cms` (a PDF's `/Contents`, zero padding after it allowed) over `covered`.
    public func verify<CMS: DataProtocol, Bytes: DataProtocol>(_ cms: CMS, covered: Bytes, at time: Date) async throws -> SignatureVerification {
        try await verify(cms, covering: [covered], at: time)
    }

    /// Verifies `cms` over `parts` taken in order (a PDF's two `/ByteRange` spans), the
    /// certificate's validity at `time` (the signing time the PDF or the CMS records), and, with
    /// trust anchors, its chain to one of them at that time.
    public func verify<CMS: DataProtocol, Bytes: DataProtocol>(_ cms: CMS, covering parts: [Bytes], at time: Date) async throws -> SignatureVerification {
        let signedData: SignedData
        do {
            signedData = try Self.parse(Array(cms))
        } catch {
            throw Self.malformed("无法解析 CMS 签名数据", "the CMS signature data cannot be parsed", cause: error)
        }
        guard signedData.signerInfos.count == 1, let signer = signedData.signerInfos.first else {
            throw Self.malformed("CMS 中应恰有一个签名者，实有 \(signedData.signerInfos.count) 个",
                                 "the CMS should have exactly one signer, it has \(signedData.signerInfos.count)")
        }
        guard let certificate = signedData.certificates.first(where: signer.names) else {
            throw Self.malformed("CMS 中没有签名者的证书", "the CMS does not include the signer's certificate")
        }
        var problems: [Localized] = []
        let check = SignatureCheck(signer: signer, certificate: certificate)
        let intact = check.verify(parts, contentType: signedData.contentType, problems: &problems)

        let certificateValid = time >= certificate.notValidBefore && time <= certificate.notValidAfter
        if !certificateValid {
            let from = SigningIdentity.timestamp(certificate.notValidBefore), to = SigningIdentity.timestamp(certificate.notValidAfter)
            problems.append(Localized(zh: "签名时证书不在有效期内（\(from) 至 \(to)）",
                                      en: "the certificate was not valid at the signing time (valid \(from) to \(to))"))
        }
        var trusted: Bool?
        if !trustAnchors.isEmpty {
            trusted = await chainsToAnchor(certificate, intermediates: signedData.certificates, at: time)
            if trusted == false {
                problems.append(Localized(zh: "证书链不能连到所给的信任证书", en: "the certificate does not chain to a given trust anchor"))
            }
        }
        return SignatureVerification(signer: SignerName(certificate.subject), algorithm: check.algorithmName,
                                     signingTime: check.signingTime, intact: intact, certificateValid: certificateValid,
                                     trusted: trusted, certificate: certificate, certificates: signedData.certificates,
                                     problems: problems)
    }

    /// swift-certificates' chain building from `certificate` through the CMS's certificates to the
    /// anchors, under RFC 5280 at `time` and the signing-certificate policy.
    private func chainsToAnchor(_ certificate: Certificate, intermediates: [Certificate], at time: Date) async -> Bool {
        var verifier = Verifier(rootCertificates: CertificateStore(trustAnchors)) {
            RFC5280Policy(fixedExpiryValidationTime: time)
            SigningCertificatePolicy()
        }
        let result = await verifier.validate(leaf: certificate, intermediates: CertificateStore(intermediates))
        if case .validCertificate = result { return true }
        return false
    }

    /// The SignedData of `bytes`, cut to the length its outer header gives: a PDF's `/Contents`
    /// keeps the zero padding of its placeholder after the CMS (ISO 32000-2 §12.8.1).
    static func parse(_ bytes: [UInt8]) throws -> SignedData {
        guard bytes.count >= 2 else { throw ASN1Error.invalidASN1Object(reason: "truncated CMS") }
        let first = Int(bytes[1])
        if first < 0x80 { return try SignedData(contentInfo: bytes.prefix(2 + first)) }
        let count = first & 0x7F
        if count > 0 {
            guard count <= 4, bytes.count >= 2 + count else { throw ASN1Error.invalidASN1Object(reason: "bad length") }
            let length = bytes[2..<(2 + count)].reduce(0) { $0 << 8 | Int($1) }
            return try SignedData(contentInfo: bytes.prefix(2 + count + length))
        }
        // Indefinite length (BER): the content ends with end-of-contents octets, which look like
        // padding; cut all zeros, then give them back one by one until the encoding closes.
        let end = (bytes.lastIndex { $0 != 0 } ?? 1) + 1
        var lastError: any Error = ASN1Error.invalidASN1Object(reason: "truncated CMS")
        for extra in 0...64 where end + extra <= bytes.count {
            do { return try SignedData(contentInfo: bytes[..<(end + extra)]) } catch { lastError = error }
        }
        throw lastError
    }

    private static func malformed(_ zh: String, _ en: String, cause: (any Error)? = nil) -> ShenbaoFailure {
        SigningFailure.refuse(.signCMSMalformed, nil, zh: zh, en: en, cause: cause)
    }
}
