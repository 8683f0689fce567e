import SwiftASN1
import X509

/// One signer of a CMS SignedData (RFC 5652 §5.3):
/// ```
/// SignerInfo ::= SEQUENCE { version, sid SignerIdentifier, digestAlgorithm,
///                           signedAttrs [0] IMPLICIT SET OF Attribute OPTIONAL,
///                           signatureAlgorithm, signature OCTET STRING,
///                           unsignedAttrs [1] IMPLICIT SET OF Attribute OPTIONAL }
/// ```
struct SignerInfo: DERSerializable, Sendable {
    /// `SignerIdentifier ::= CHOICE { issuerAndSerialNumber, subjectKeyIdentifier [0] }`.
    enum Identifier: Sendable {
        case issuerAndSerialNumber(DistinguishedName, Certificate.SerialNumber)
        case subjectKeyIdentifier(ArraySlice<UInt8>)
    }

    var identifier: Identifier
    var digestAlgorithm: AlgorithmID
    var signedAttributes: [CMSAttribute]?
    /// What the signature covers when there are signed attributes (§5.4): their encoding with the
    /// SET OF tag in place of `[0]` — the bytes as received, so a signer's own (even unsorted)
    /// encoding still verifies.
    var signedAttributesMessage: [UInt8]?
    var signatureAlgorithm: AlgorithmID
    var signature: ArraySlice<UInt8>

    private static let signedAttributesTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)

    init(certificate: Certificate, digestAlgorithm: AlgorithmID, signedAttributes: [CMSAttribute],
         signatureAlgorithm: AlgorithmID, signature: [UInt8]) {
        identifier = .issuerAndSerialNumber(certificate.issuer, certificate.serialNumber)
        self.digestAlgorithm = digestAlgorithm
        self.signedAttributes = signedAttributes
        self.signatureAlgorithm = signatureAlgorithm
        self.signature = signature[...]
    }

    /// The DER the signature is made over: the attributes as a SET OF, sorted (X.690 §11.6).
    static func message(_ attributes: [CMSAttribute]) throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serializeSetOf(attributes)
        return coder.serializedBytes
    }

    /// Version 1, as an issuer-and-serial-number signer is (§5.3).
    func serialize(into coder: inout DER.Serializer) throws {
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(1)
            switch identifier {
            case .issuerAndSerialNumber(let issuer, let serial):
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(issuer)
                    try coder.serialize(serial.bytes)
                }
            case .subjectKeyIdentifier(let key):
                try coder.serialize(ASN1OctetString(contentBytes: key), explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific)
            }
            try coder.serialize(digestAlgorithm)
            if let signedAttributes { try coder.serializeSetOf(signedAttributes, identifier: Self.signedAttributesTag) }
            try coder.serialize(signatureAlgorithm)
            try coder.serialize(ASN1OctetString(contentBytes: signature))
        }
    }

    /// Reads a SignerInfo as other tools write it too (BER allowed; unsigned attributes, such as a
    /// time-stamp token, skipped).
    init(berEncoded node: ASN1Node) throws {
        (identifier, digestAlgorithm, signedAttributes, signedAttributesMessage, signatureAlgorithm, signature) =
            try BER.sequence(node, identifier: .sequence) { nodes in
                _ = try Int(berEncoded: &nodes)
                guard let sid = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no SignerIdentifier") }
                let identifier: Identifier
                if sid.identifier == .sequence {
                    identifier = try BER.sequence(sid, identifier: .sequence) { fields in
                        guard let name = fields.next() else { throw ASN1Error.invalidASN1Object(reason: "no issuer") }
                        let issuer = try DistinguishedName(derEncoded: name)
                        let serial = try ArraySlice<UInt8>(berEncoded: &fields)
                        return .issuerAndSerialNumber(issuer, Certificate.SerialNumber(bytes: serial))
                    }
                } else {
                    identifier = .subjectKeyIdentifier(try ASN1OctetString(berEncoded: sid, withIdentifier: sid.identifier).bytes)
                }
                let digestAlgorithm = try AlgorithmID(berEncoded: &nodes)
                var attributes: [CMSAttribute]?, message: [UInt8]?
                var next = nodes.next()
                if let node = next, node.identifier == Self.signedAttributesTag {
                    attributes = try BER.set(of: CMSAttribute.self, identifier: Self.signedAttributesTag, rootNode: node)
                    message = [0x31] + node.encodedBytes.dropFirst()
                    next = nodes.next()
                }
                guard let algorithmNode = next else { throw ASN1Error.invalidASN1Object(reason: "no signatureAlgorithm") }
                let signatureAlgorithm = try AlgorithmID(berEncoded: algorithmNode)
                let signature = try ASN1OctetString(berEncoded: &nodes).bytes
                while nodes.next() != nil {}  // unsigned attributes
                return (identifier, digestAlgorithm, attributes, message, signatureAlgorithm, signature)
            }
    }

    /// Whether `certificate` is the one this signer names.
    func names(_ certificate: Certificate) -> Bool {
        switch identifier {
        case .issuerAndSerialNumber(let issuer, let serial):
            return certificate.issuer == issuer && certificate.serialNumber == serial
        case .subjectKeyIdentifier(let key):
            return (try? certificate.extensions.subjectKeyIdentifier)?.keyIdentifier == key
        }
    }
}
