import SwiftASN1
import X509

/// What a document signer's certificate must allow, for swift-certificates' `Verifier` beside its
/// RFC 5280 policy: a key usage, when present, with digitalSignature or nonRepudiation (RFC 5280
/// §4.2.1.3), and an extended key usage, when present, with a purpose a PDF signer may carry —
/// e-mail protection, document signing (RFC 9336), Adobe's or Microsoft's document signing, or any.
/// Declaring the extended key usage handled lets a certificate that marks it critical chain.
struct SigningCertificatePolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [OID.extendedKeyUsage]

    /// The purposes accepted.
    private static let purposes = [OID.anyExtendedKeyUsage, OID.emailProtection, OID.documentSigning,
                                   OID.adobeAuthenticDocumentsTrust, OID.microsoftDocumentSigning]
        .map(ExtendedKeyUsage.Usage.init(oid:))

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        let leaf = chain.leaf
        do {
            if let usage = try leaf.extensions.keyUsage, !usage.digitalSignature, !usage.nonRepudiation {
                return .failsToMeetPolicy(reason: "key usage allows neither digitalSignature nor nonRepudiation")
            }
            if let extended = try leaf.extensions.extendedKeyUsage, !extended.contains(where: Self.purposes.contains) {
                return .failsToMeetPolicy(reason: "extended key usage names no document-signing purpose")
            }
        } catch {
            return .failsToMeetPolicy(reason: "malformed key usage: \(error)")
        }
        return .meetsPolicy
    }
}
