import SwiftASN1
import X509

/// A signer as people name them: the subject's common name and organisation, in the characters
/// the certificate writes them (上海市某区市场监督管理局 stays Chinese), for `verify` and messages.
public struct SignerName: Sendable, Hashable, CustomStringConvertible {
    /// The most specific `CN` (2.5.4.3).
    public var commonName: String?
    /// The most specific `O` (2.5.4.10).
    public var organization: String?

    public init(_ name: DistinguishedName) {
        let attributes = name.flatMap { $0 }
        commonName = attributes.last { $0.type == .RDNAttributeType.commonName }.flatMap { Self.text($0.value) }
        organization = attributes.last { $0.type == .RDNAttributeType.organizationName }.flatMap { Self.text($0.value) }
    }

    /// `上海市某区市场监督管理局, 测试`: the common name, then the organisation.
    public var description: String {
        let parts = [commonName, organization].compactMap { $0 }
        return parts.isEmpty ? "?" : parts.joined(separator: ", ")
    }

    /// A directory string's text (RFC 5280 §4.1.2.4): UTF8String, PrintableString and IA5String as
    /// swift-certificates reads them, and the BMPString (UTF-16) that older Chinese CAs still write.
    private static func text(_ value: RelativeDistinguishedName.Attribute.Value) -> String? {
        if let text = String(value) { return text }
        var coder = DER.Serializer()
        guard (try? coder.serialize(ASN1Any(value))) != nil, let node = try? DER.parse(coder.serializedBytes),
              node.identifier == ASN1Identifier(tagWithNumber: 30, tagClass: .universal),
              case .primitive(let bytes) = node.content, bytes.count % 2 == 0 else { return nil }
        let units = stride(from: bytes.startIndex, to: bytes.endIndex, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        return String(decoding: units, as: UTF16.self)
    }
}
