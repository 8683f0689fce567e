import SwiftASN1

/// A CMS attribute (RFC 5652 §5.3): `SEQUENCE { attrType OID, attrValues SET OF ANY }`.
struct CMSAttribute: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var type: ASN1ObjectIdentifier
    var values: [ASN1Any]

    init(_ type: ASN1ObjectIdentifier, _ value: some DERSerializable) throws {
        self.type = type
        values = [try ASN1Any(erasing: value)]
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (type, values) = try DER.sequence(rootNode, identifier: identifier) { nodes in
            (try ASN1ObjectIdentifier(derEncoded: &nodes), try DER.set(of: ASN1Any.self, identifier: .set, nodes: &nodes))
        }
    }

    init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (type, values) = try BER.sequence(rootNode, identifier: identifier) { nodes in
            (try ASN1ObjectIdentifier(berEncoded: &nodes), try BER.set(of: ASN1Any.self, identifier: .set, nodes: &nodes))
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(type)
            try coder.serializeSetOf(values)
        }
    }
}

extension Array where Element == CMSAttribute {
    /// The single value of the attribute `type`; nil when absent. RFC 5652 §11 allows the
    /// content-type, message-digest and signing-time attributes exactly one value each.
    func single(_ type: ASN1ObjectIdentifier) throws -> ASN1Any? {
        let matching = filter { $0.type == type }
        guard let attribute = matching.first else { return nil }
        guard matching.count == 1, attribute.values.count == 1 else {
            throw ASN1Error.invalidASN1Object(reason: "attribute \(type) must appear once with one value")
        }
        return attribute.values[0]
    }
}
