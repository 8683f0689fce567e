import SwiftASN1

/// An AlgorithmIdentifier (RFC 5280 §4.1.1.2): an object identifier and the parameters it
/// defines. swift-certificates keeps its own type internal, so the structures here that name
/// algorithms (PKCS#8, PBES2, PKCS#12, CMS) share this one.
struct AlgorithmID: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var algorithm: ASN1ObjectIdentifier
    var parameters: ASN1Any?

    init(_ algorithm: ASN1ObjectIdentifier, parameters: ASN1Any? = nil) {
        self.algorithm = algorithm
        self.parameters = parameters
    }

    /// An identifier whose parameters are an explicit NULL, as RFC 8017 §A.2.4 writes them for the
    /// RSA signature algorithms.
    static func withNullParameters(_ algorithm: ASN1ObjectIdentifier) throws -> AlgorithmID {
        AlgorithmID(algorithm, parameters: try ASN1Any(erasing: ASN1Null()))
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let algorithm = try ASN1ObjectIdentifier(derEncoded: &nodes)
            return AlgorithmID(algorithm, parameters: nodes.next().map { ASN1Any(derEncoded: $0) })
        }
    }

    init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let algorithm = try ASN1ObjectIdentifier(berEncoded: &nodes)
            return AlgorithmID(algorithm, parameters: nodes.next().map { ASN1Any(berEncoded: $0) })
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(algorithm)
            if let parameters { try coder.serialize(parameters) }
        }
    }
}
