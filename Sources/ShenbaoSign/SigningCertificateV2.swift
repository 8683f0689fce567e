import Crypto
import SwiftASN1
import X509

/// The ESS signing-certificate-v2 attribute (RFC 5035 §3): the hash of the signer's certificate,
/// among the signed attributes, so that no other certificate for the same key can be put in its
/// place. PAdES baseline B-B requires it (ETSI EN 319 142-1 §5.3, via ETSI EN 319 122-1 §5.2.2.3).
///
/// ```
/// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies … OPTIONAL }
/// ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT {algorithm id-sha256},
///                            certHash OCTET STRING, issuerSerial IssuerSerial OPTIONAL }
/// IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }
/// ```
enum SigningCertificateV2 {
    /// The attribute for `certificate`, hashed with SHA-256 (the default, so the algorithm is left
    /// out as DER requires) and naming its issuer and serial number.
    static func attribute(for certificate: Certificate) throws -> CMSAttribute {
        var coder = DER.Serializer()
        try coder.appendConstructedNode(identifier: .sequence) { coder in          // SigningCertificateV2
            try coder.appendConstructedNode(identifier: .sequence) { coder in      // certs
                try coder.appendConstructedNode(identifier: .sequence) { coder in  // ESSCertIDv2
                    try coder.serialize(ASN1OctetString(contentBytes: hash(certificate)[...]))
                    try coder.appendConstructedNode(identifier: .sequence) { coder in  // IssuerSerial
                        try coder.serializeSequenceOf([GeneralName.directoryName(certificate.issuer)])
                        try coder.serialize(certificate.serialNumber.bytes)
                    }
                }
            }
        }
        return try CMSAttribute(OID.signingCertificateV2, ASN1Any(derEncoded: DER.parse(coder.serializedBytes)))
    }

    /// Whether `value` (an attribute value read from a signature) names `certificate` first, as
    /// RFC 5035 §3 says the signer's own certificate must be. Hashes other than SHA-256, -384 and
    /// -512 are not checked and count as a match.
    static func names(_ certificate: Certificate, in value: ASN1Any) throws -> Bool {
        var coder = DER.Serializer()
        try coder.serialize(value)
        let (algorithm, expected) = try BER.sequence(BER.parse(coder.serializedBytes), identifier: .sequence) { nodes in
            guard let certs = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no certs") }
            while nodes.next() != nil {}
            return try BER.sequence(certs, identifier: .sequence) { ids in
                guard let first = ids.next() else { throw ASN1Error.invalidASN1Object(reason: "no ESSCertIDv2") }
                while ids.next() != nil {}
                return try BER.sequence(first, identifier: .sequence) { fields in
                    guard var node = fields.next() else { throw ASN1Error.invalidASN1Object(reason: "empty ESSCertIDv2") }
                    var algorithm = OID.sha256
                    if node.identifier == .sequence {
                        algorithm = try AlgorithmID(berEncoded: node).algorithm
                        guard let hash = fields.next() else { throw ASN1Error.invalidASN1Object(reason: "no certHash") }
                        node = hash
                    }
                    let hash = try ASN1OctetString(berEncoded: node).bytes
                    while fields.next() != nil {}
                    return (algorithm, hash)
                }
            }
        }
        let der = try certificateDER(certificate)
        switch algorithm {
        case OID.sha256: return expected.elementsEqual(SHA256.hash(data: der))
        case OID.sha384: return expected.elementsEqual(SHA384.hash(data: der))
        case OID.sha512: return expected.elementsEqual(SHA512.hash(data: der))
        default: return true
        }
    }

    private static func hash(_ certificate: Certificate) throws -> [UInt8] {
        Array(SHA256.hash(data: try certificateDER(certificate)))
    }

    static func certificateDER(_ certificate: Certificate) throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(certificate)
        return coder.serializedBytes
    }
}
