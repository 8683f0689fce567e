import Foundation
import ShenbaoCore

/// A PKCS#11 URI (RFC 7512) naming a key on a hardware token:
/// `pkcs11:token=dept;object=seal?module-path=/usr/lib/softhsm/libsofthsm2.so`.
///
/// Path attributes (§2.3) select the token and the object; query attributes say which module to
/// load. A PIN in the URI (`pin-value`) is refused: URIs end up in shell history, process lists
/// and logs, so the PIN comes from a file or the environment instead (`spec/cli.md`, "Signing").
public struct PKCS11URI: Sendable, Hashable {
    /// The token's label (`token=`), matched against `CK_TOKEN_INFO.label`.
    public var token: String?
    /// The token's serial number (`serial=`).
    public var serial: String?
    /// The key's and certificate's label (`object=`), matched against `CKA_LABEL`.
    public var object: String?
    /// The key's and certificate's id (`id=`, percent-encoded bytes), matched against `CKA_ID`.
    public var id: [UInt8]?
    /// The module to load (`module-path=`): a vendor's or SoftHSM's shared library.
    public var modulePath: String?

    /// The scheme every PKCS#11 URI starts with.
    static let scheme = "pkcs11:"

    /// Whether `text` is a PKCS#11 URI rather than a file path.
    public static func isURI(_ text: String) -> Bool {
        text.lowercased().hasPrefix(scheme)
    }

    /// Parses `text`, refusing a `pin-value`, an attribute given twice, a bad percent-encoding
    /// and a URI without `module-path` (there is no system default module to fall back on).
    public init(_ text: String) throws {
        guard Self.isURI(text) else { throw Self.malformed(text, "it does not start with pkcs11:") }
        let rest = text.dropFirst(Self.scheme.count)
        let (path, query) = rest.firstIndex(of: "?").map { (rest[..<$0], rest[rest.index(after: $0)...]) } ?? (rest, "")
        let pathAttributes = try Self.attributes(path, separator: ";", uri: text)
        let queryAttributes = try Self.attributes(query, separator: "&", uri: text)
        if queryAttributes["pin-value"] != nil || pathAttributes["pin-value"] != nil {
            throw SigningFailure.refuse(.signPinInURI, Self.redacted(text),
                zh: "PKCS#11 URI 中不能写 PIN（pin-value）：请删去它，改用 --sign-pass-file 或环境变量 SHENBAO_SIGN_PIN",
                en: "a PIN in the PKCS#11 URI (pin-value) is refused; remove it and use --sign-pass-file or SHENBAO_SIGN_PIN")
        }
        token = pathAttributes["token"].map { String(decoding: $0, as: UTF8.self) }
        serial = pathAttributes["serial"].map { String(decoding: $0, as: UTF8.self) }
        object = pathAttributes["object"].map { String(decoding: $0, as: UTF8.self) }
        id = pathAttributes["id"]
        modulePath = queryAttributes["module-path"].map { String(decoding: $0, as: UTF8.self) }
        guard modulePath != nil else {
            throw SigningFailure.refuse(.signToken, text,
                zh: "PKCS#11 URI 缺少 module-path：请加上 ?module-path=模块路径（例如 /usr/lib/softhsm/libsofthsm2.so）",
                en: "the PKCS#11 URI lacks module-path; add ?module-path=PATH (e.g. /usr/lib/softhsm/libsofthsm2.so)")
        }
        guard object != nil || id != nil else {
            throw SigningFailure.refuse(.signToken, text,
                zh: "PKCS#11 URI 没有指明密钥：请加上 object=标签 或 id=", en: "the PKCS#11 URI names no key; add object=LABEL or id=")
        }
    }

    /// `name=value` pairs split on `separator`, values percent-decoded to bytes (§2.3: values are
    /// UTF-8 text, except `id`, which is any bytes).
    private static func attributes(_ part: Substring, separator: Character, uri: String) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for pair in part.split(separator: separator, omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: "=") else { throw malformed(uri, "attribute \(pair) has no value") }
            let name = pair[..<equals].lowercased()
            guard result[name] == nil else { throw malformed(uri, "attribute \(name) is given twice") }
            guard let value = percentDecoded(pair[pair.index(after: equals)...]) else {
                throw malformed(uri, "attribute \(name) has a bad percent-encoding")
            }
            result[name] = value
        }
        return result
    }

    /// `%XX` sequences replaced by their bytes; nil when one is malformed.
    private static func percentDecoded(_ text: Substring) -> [UInt8]? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
            utf8 = utf8.dropFirst(2)
        }
        return bytes
    }

    /// The URI with any PIN cut out, for messages.
    private static func redacted(_ text: String) -> String {
        text.replacingOccurrences(of: #"pin-value=[^&;]*"#, with: "pin-value=…", options: .regularExpression)
    }

    private static func malformed(_ uri: String, _ reason: String) -> ShenbaoFailure {
        SigningFailure.refuse(.signToken, redacted(uri),
            zh: "PKCS#11 URI 格式错误（RFC 7512）：\(reason)", en: "malformed PKCS#11 URI (RFC 7512): \(reason)")
    }
}
