import CPKCS11
import Crypto
import Foundation
import ShenbaoCore
import SwiftASN1
import X509

/// A private key that never leaves its token, reached through a PKCS#11 session (PKCS#11 v2.40
/// §5.6–5.11): the slot is found by the token's label, the user logs in with the PIN, the key and
/// the certificate are found by `CKA_LABEL` (or `CKA_ID`), and the token signs — RSA with
/// `CKM_SHA256_RSA_PKCS`, ECDSA with `CKM_ECDSA` over a SHA-256 digest, its raw `r || s` turned
/// into the DER CMS carries.
///
/// Login state belongs to the process, not the session (§5.6): once one identity of a process has
/// logged in to a token, `C_Login` answers `CKR_USER_ALREADY_LOGGED_IN` to any PIN, so a second
/// identity on the same token in the same process (`serve`) is not asked for a correct PIN again.
final class PKCS11Key: @unchecked Sendable {
    private let module: PKCS11Module
    private let session: CK_SESSION_HANDLE
    private let handle: CK_OBJECT_HANDLE
    /// The URI as given, for messages.
    let uri: String
    /// `CKK_RSA` or `CKK_EC`.
    private let keyType: UInt
    /// The key's size or curve as the token states it (`CKA_MODULUS`, `CKA_EC_PARAMS`), when it does.
    private let stated: KeyAlgorithm?
    /// The certificate stored beside the key on the token, when there is one.
    let certificate: Certificate?
    /// Kept only for keys that ask for the PIN again before every signature (`CKA_ALWAYS_AUTHENTICATE`).
    private let contextPIN: [UInt8]?
    /// `CK_UNAVAILABLE_INFORMATION`, `(unsigned long)-1`: a cast Swift does not import from the header.
    private static let unavailable = UInt.max
    /// A session runs one operation at a time (§5.1).
    private let lock = NSLock()

    /// Opens the key `uri` names, logging in with `pin`.
    init(_ parsed: PKCS11URI, uri: String, pin: String?) throws {
        self.uri = uri
        guard let modulePath = parsed.modulePath else { throw PKCS11Module.failure("module-path", CKR_ARGUMENTS_BAD, uri: uri) }
        let module = try PKCS11Module.load(modulePath, uri: uri)
        self.module = module
        let f = module.functions.pointee
        let (slot, info) = try Self.slot(parsed, module: module, uri: uri)
        var opened: CK_SESSION_HANDLE = 0
        try module.check("C_OpenSession", uri: uri, f.C_OpenSession) { $0(slot, CKF_SERIAL_SESSION, nil, nil, &opened) }
        session = opened
        if info.flags & CKF_LOGIN_REQUIRED != 0 { try Self.login(module, session: opened, pin: pin, uri: uri) }

        var template = Template()
        template.append(CKA_CLASS, value: CKO_PRIVATE_KEY)
        template.add(label: parsed.object, id: parsed.id)
        let keys = try Self.find(template, module: module, session: opened, uri: uri)
        guard keys.count == 1 else {
            let name = parsed.object ?? "id"
            throw SigningFailure.refuse(.signToken, uri,
                zh: keys.isEmpty ? "令牌上没有标签为 \(name) 的私钥" : "令牌上有多个标签为 \(name) 的私钥：请在 URI 中加上 id=",
                en: keys.isEmpty ? "the token has no private key labelled \(name)" : "the token has several private keys labelled \(name); add id= to the URI")
        }
        handle = keys[0]
        keyType = try Self.attribute(CKA_KEY_TYPE, of: keys[0], module: module, session: opened, uri: uri)
            .map { $0.withUnsafeBytes { $0.loadUnaligned(as: UInt.self) } } ?? Self.unavailable
        stated = try Self.statedAlgorithm(keyType, of: keys[0], module: module, session: opened, uri: uri)
        let alwaysAuthenticate = try Self.attribute(CKA_ALWAYS_AUTHENTICATE, of: keys[0], module: module, session: opened, uri: uri)?.first == 1
        contextPIN = alwaysAuthenticate ? pin.map { Array($0.utf8) } : nil

        var certificateTemplate = Template()
        certificateTemplate.append(CKA_CLASS, value: CKO_CERTIFICATE)
        certificateTemplate.append(CKA_CERTIFICATE_TYPE, value: CKC_X_509)
        certificateTemplate.add(label: parsed.object, id: parsed.id)
        certificate = try Self.find(certificateTemplate, module: module, session: opened, uri: uri).first
            .flatMap { try Self.attribute(CKA_VALUE, of: $0, module: module, session: opened, uri: uri) }
            .map { try CertificateFile.parse($0, source: uri, unreadable: .signCertificateUnreadable) }
    }

    deinit {
        _ = module.functions.pointee.C_CloseSession?(session)
    }

    /// Whether the token's key is the one `algorithm` names: the same size or curve when the token
    /// states it, else the same kind (`CKA_KEY_TYPE`).
    func fits(_ algorithm: KeyAlgorithm) -> Bool {
        if let stated { return stated == algorithm }
        return switch algorithm {
        case .rsa: keyType == CKK_RSA
        case .ecdsa: keyType == CKK_EC
        }
    }

    /// The signature of `message` with SHA-256, as CMS carries it.
    func sign(_ message: [UInt8], algorithm: KeyAlgorithm) throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        let f = module.functions.pointee
        var mechanism = CK_MECHANISM(mechanism: keyType == CKK_RSA ? CKM_SHA256_RSA_PKCS : CKM_ECDSA, pParameter: nil, ulParameterLen: 0)
        // CKM_ECDSA signs a digest it is given; CKM_SHA256_RSA_PKCS hashes and pads itself.
        var input = keyType == CKK_RSA ? message : Array(SHA256.hash(data: message))
        try module.check("C_SignInit", uri: uri, f.C_SignInit) { $0(session, &mechanism, handle) }
        if var pin = contextPIN {
            try module.check("C_Login", uri: uri, f.C_Login) { $0(session, CKU_CONTEXT_SPECIFIC, &pin, UInt(pin.count)) }
        }
        var length: UInt = 0
        try module.check("C_Sign", uri: uri, f.C_Sign) { $0(session, &input, UInt(input.count), nil, &length) }
        var signature = [UInt8](repeating: 0, count: Int(length))
        try module.check("C_Sign", uri: uri, f.C_Sign) { $0(session, &input, UInt(input.count), &signature, &length) }
        signature.removeSubrange(Int(length)...)
        guard case .ecdsa(let curve) = algorithm else { return signature }
        do {
            switch curve {
            case .p256: return Array(try P256.Signing.ECDSASignature(rawRepresentation: signature).derRepresentation)
            case .p384: return Array(try P384.Signing.ECDSASignature(rawRepresentation: signature).derRepresentation)
            }
        } catch {
            throw SigningFailure.refuse(.signToken, uri,
                zh: "令牌返回的 ECDSA 签名长度不对（\(signature.count) 字节）", en: "the token returned an ECDSA signature of the wrong length (\(signature.count) bytes)",
                cause: error)
        }
    }

    // MARK: Slots, login, objects

    /// The slot whose token has the URI's label (and serial); without `token=`, the only token.
    private static func slot(_ parsed: PKCS11URI, module: PKCS11Module, uri: String) throws -> (CK_SLOT_ID, CK_TOKEN_INFO) {
        let f = module.functions.pointee
        var count: UInt = 0
        try module.check("C_GetSlotList", uri: uri, f.C_GetSlotList) { $0(1, nil, &count) }
        var slots = [CK_SLOT_ID](repeating: 0, count: Int(count))
        try module.check("C_GetSlotList", uri: uri, f.C_GetSlotList) { $0(1, &slots, &count) }
        var matches: [(CK_SLOT_ID, CK_TOKEN_INFO)] = []
        for slot in slots.prefix(Int(count)) {
            var info = CK_TOKEN_INFO()
            try module.check("C_GetTokenInfo", uri: uri, f.C_GetTokenInfo) { $0(slot, &info) }
            let label = padded(withUnsafeBytes(of: info.label) { Array($0) })
            let serial = padded(withUnsafeBytes(of: info.serialNumber) { Array($0) })
            if (parsed.token == nil || parsed.token == label) && (parsed.serial == nil || parsed.serial == serial) {
                matches.append((slot, info))
            }
        }
        guard matches.count == 1 else {
            let name = parsed.token ?? "?"
            throw SigningFailure.refuse(.signToken, uri,
                zh: matches.isEmpty ? "找不到标签为 \(name) 的令牌（模块 \(module.path)）" : "有多个令牌符合：请在 URI 中写明 token= 或 serial=",
                en: matches.isEmpty ? "no token labelled \(name) (module \(module.path))" : "several tokens match; name one with token= or serial=")
        }
        return matches[0]
    }

    /// A fixed-width, space-padded `CK_UTF8CHAR` field as text.
    private static func padded(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
    }

    /// `C_Login` as the user; a wrong or missing PIN is `sign.passphrase`.
    private static func login(_ module: PKCS11Module, session: CK_SESSION_HANDLE, pin: String?, uri: String) throws {
        guard var bytes = pin.map({ Array($0.utf8) }) else {
            throw SigningFailure.refuse(.signPassphrase, uri,
                zh: "令牌需要 PIN：用 --sign-pass-file 或环境变量 SHENBAO_SIGN_PIN 给出",
                en: "the token needs its PIN: give it with --sign-pass-file or SHENBAO_SIGN_PIN")
        }
        let rv = try module.call("C_Login", uri: uri, module.functions.pointee.C_Login) {
            $0(session, CKU_USER, &bytes, UInt(bytes.count))
        }
        switch rv {
        case CKR_OK, CKR_USER_ALREADY_LOGGED_IN:
            return
        case CKR_PIN_INCORRECT, CKR_PIN_LEN_RANGE:
            throw SigningFailure.refuse(.signPassphrase, uri, zh: "令牌 PIN 不正确", en: "wrong token PIN")
        case CKR_PIN_LOCKED:
            throw SigningFailure.refuse(.signToken, uri,
                zh: "令牌 PIN 已锁定：请联系令牌管理员解锁", en: "the token PIN is locked; ask the token's administrator to unlock it")
        default:
            throw PKCS11Module.failure("C_Login", rv, uri: uri)
        }
    }

    /// The handles of the objects matching `template` (at most a few: more means ambiguity).
    private static func find(_ template: Template, module: PKCS11Module, session: CK_SESSION_HANDLE, uri: String) throws -> [CK_OBJECT_HANDLE] {
        let f = module.functions.pointee
        try template.withAttributes { attributes, count in
            try module.check("C_FindObjectsInit", uri: uri, f.C_FindObjectsInit) { $0(session, attributes, count) }
        }
        var handles = [CK_OBJECT_HANDLE](repeating: 0, count: 4)
        var found: UInt = 0
        let rv = try module.call("C_FindObjects", uri: uri, f.C_FindObjects) { $0(session, &handles, UInt(handles.count), &found) }
        try module.check("C_FindObjectsFinal", uri: uri, f.C_FindObjectsFinal) { $0(session) }
        guard rv == CKR_OK else { throw PKCS11Module.failure("C_FindObjects", rv, uri: uri) }
        return Array(handles.prefix(Int(found)))
    }

    /// The RSA modulus size or the named curve of a key; nil when the token does not say.
    private static func statedAlgorithm(_ keyType: UInt, of key: CK_OBJECT_HANDLE, module: PKCS11Module,
                                        session: CK_SESSION_HANDLE, uri: String) throws -> KeyAlgorithm? {
        if keyType == CKK_RSA, let modulus = try attribute(CKA_MODULUS, of: key, module: module, session: session, uri: uri) {
            return .rsa(bits: PrivateKeyDecoding.bitLength(modulus[...]))
        }
        if keyType == CKK_EC, let parameters = try attribute(CKA_EC_PARAMS, of: key, module: module, session: session, uri: uri) {
            switch try? ASN1ObjectIdentifier(derEncoded: parameters) {
            case OID.prime256v1: return .ecdsa(.p256)
            case OID.secp384r1: return .ecdsa(.p384)
            default: return nil
            }
        }
        return nil
    }

    /// One attribute's value, or nil when the object does not have it.
    private static func attribute(_ type: UInt, of object: CK_OBJECT_HANDLE, module: PKCS11Module,
                                  session: CK_SESSION_HANDLE, uri: String) throws -> [UInt8]? {
        let f = module.functions.pointee
        var query = CK_ATTRIBUTE(type: type, pValue: nil, ulValueLen: 0)
        let rv = try module.call("C_GetAttributeValue", uri: uri, f.C_GetAttributeValue) { $0(session, object, &query, 1) }
        guard rv == CKR_OK, query.ulValueLen != Self.unavailable else { return nil }
        var value = [UInt8](repeating: 0, count: Int(query.ulValueLen))
        try value.withUnsafeMutableBytes { buffer in
            var read = CK_ATTRIBUTE(type: type, pValue: buffer.baseAddress, ulValueLen: UInt(buffer.count))
            try module.check("C_GetAttributeValue", uri: uri, f.C_GetAttributeValue) { $0(session, object, &read, 1) }
        }
        return value
    }
}

/// A search template (`CK_ATTRIBUTE` array, §4.1.2) whose values live as long as the template.
private struct Template {
    private var entries: [(type: UInt, value: [UInt8])] = []

    mutating func append(_ type: UInt, value: UInt) {
        entries.append((type, withUnsafeBytes(of: value) { Array($0) }))
    }

    mutating func append(_ type: UInt, bytes: [UInt8]) {
        entries.append((type, bytes))
    }

    /// `CKA_LABEL` and `CKA_ID`, whichever the URI gives.
    mutating func add(label: String?, id: [UInt8]?) {
        if let label { append(CKA_LABEL, bytes: Array(label.utf8)) }
        if let id { append(CKA_ID, bytes: id) }
    }

    /// Calls `body` with the attributes laid out for C, valid only during the call.
    func withAttributes<R>(_ body: (UnsafeMutablePointer<CK_ATTRIBUTE>, UInt) throws -> R) rethrows -> R {
        let buffers = entries.map { entry -> UnsafeMutableRawBufferPointer in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(entry.value.count, 1), alignment: 8)
            buffer.copyBytes(from: entry.value)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        var attributes = zip(entries, buffers).map { entry, buffer in
            CK_ATTRIBUTE(type: entry.type, pValue: buffer.baseAddress, ulValueLen: UInt(entry.value.count))
        }
        return try attributes.withUnsafeMutableBufferPointer { pointer in
            // The array is never empty: every search names at least the object class.
            guard let base = pointer.baseAddress else { preconditionFailure("empty PKCS#11 template") }
            return try body(base, UInt(pointer.count))
        }
    }
}
