import SwiftASN1
import X509

/// A CMS SignedData (RFC 5652 §5.1) inside its ContentInfo (§3):
/// ```
/// ContentInfo ::= SEQUENCE { contentType id-signedData, content [0] EXPLICIT SignedData }
/// SignedData ::= SEQUENCE { version, digestAlgorithms SET OF AlgorithmIdentifier,
///                           encapContentInfo SEQUENCE { eContentType, eContent [0] EXPLICIT OCTET STRING OPTIONAL },
///                           certificates [0] IMPLICIT CertificateSet OPTIONAL,
///                           crls [1] IMPLICIT RevocationInfoChoices OPTIONAL, signerInfos SET OF SignerInfo }
/// ```
/// swift-certificates keeps its CMS types internal and its `CMS.sign` writes a signing-time
/// attribute or none at all, so the structure PAdES needs is written and read here with SwiftASN1.
struct SignedData: Sendable {
    var digestAlgorithms: [AlgorithmID]
    /// The type of the content signed; its value, when a signature attaches it, is skipped: a
    /// PDF signature is detached and checked against the bytes its `/ByteRange` covers.
    var contentType: ASN1ObjectIdentifier
    /// Certificates included; other certificate choices (attribute certificates) are skipped.
    var certificates: [Certificate]
    var signerInfos: [SignerInfo]

    private static let implicit0 = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    private static let implicit1 = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)

    init(digestAlgorithm: AlgorithmID, certificates: [Certificate], signerInfo: SignerInfo) {
        digestAlgorithms = [digestAlgorithm]
        contentType = OID.data
        self.certificates = certificates
        signerInfos = [signerInfo]
    }

    /// The ContentInfo's DER. Version 1: only X.509 certificates, id-data content, and version-1
    /// signer infos (§5.1).
    func serialized() throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(OID.signedData)
            try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(1)
                    try coder.serializeSetOf(digestAlgorithms)
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        try coder.serialize(contentType)
                    }
                    try coder.serializeSetOf(certificates, identifier: Self.implicit0)
                    try coder.serializeSetOf(signerInfos)
                }
            }
        }
        return coder.serializedBytes
    }

    /// Reads the ContentInfo of `der` (BER allowed, as some tools write it).
    init(contentInfo der: ArraySlice<UInt8>) throws {
        let root = try BER.parse(der)
        (digestAlgorithms, contentType, certificates, signerInfos) = try BER.sequence(root, identifier: .sequence) { nodes in
            let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
            guard type == OID.signedData else { throw ASN1Error.invalidASN1Object(reason: "content type \(type), not SignedData") }
            return try BER.explicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { node in
                try BER.sequence(node, identifier: .sequence) { nodes in
                    _ = try Int(berEncoded: &nodes)
                    let digests = try BER.set(of: AlgorithmID.self, identifier: .set, nodes: &nodes)
                    let contentType = try BER.sequence(of: nodes.next(), identifier: .sequence) { fields in
                        let type = try ASN1ObjectIdentifier(berEncoded: &fields)
                        while fields.next() != nil {}
                        return type
                    }
                    var certificates: [Certificate] = []
                    var next = nodes.next()
                    if let node = next, node.identifier == Self.implicit0, case .constructed(let choices) = node.content {
                        for choice in choices where choice.identifier == .sequence {
                            certificates.append(try Certificate(derEncoded: Array(choice.encodedBytes)))
                        }
                        next = nodes.next()
                    }
                    if let node = next, node.identifier == Self.implicit1 { next = nodes.next() }
                    guard let signers = next, case .constructed(let infos) = signers.content else {
                        throw ASN1Error.invalidASN1Object(reason: "no signerInfos")
                    }
                    return (digests, contentType, certificates, try infos.map(SignerInfo.init(berEncoded:)))
                }
            }
        }
    }
}

extension BER {
    /// A SEQUENCE that must be present.
    fileprivate static func sequence<T>(of node: ASN1Node?, identifier: ASN1Identifier,
                                        _ builder: (inout ASN1NodeCollection.Iterator) throws -> T) throws -> T {
        guard let node else { throw ASN1Error.invalidASN1Object(reason: "missing SEQUENCE") }
        return try BER.sequence(node, identifier: identifier, builder)
    }
}
