import Foundation
import ShenbaoCore
import SwiftASN1
import X509

/// A PEM file (RFC 7468): the labelled base64 blocks keys and certificates travel in. One file may
/// hold a key and certificates together (`openssl pkcs12 -nodes` writes both), so the blocks are
/// kept and each reader takes the labels it knows.
struct PEMFile {
    var blocks: [PEMDocument]

    /// The labels of the private key blocks read, with the encoding inside each.
    static let keyLabels = ["PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"]

    /// Whether `data` is PEM text rather than DER.
    static func isPEM(_ data: Data) -> Bool {
        data.range(of: Data("-----BEGIN ".utf8)) != nil
    }

    init(_ data: Data, source: String, unreadable: Diagnostic.ID) throws {
        let text = String(decoding: data, as: UTF8.self)
        // OpenSSL's traditional encrypted PEM (RFC 1421 headers, MD5-based key derivation) is not
        // base64 alone, and is not read: its conversion to PKCS#8 is one command.
        if text.contains("Proc-Type: 4,ENCRYPTED") {
            throw SigningFailure.refuse(.signKeyUnreadable, source,
                zh: "私钥用旧式 PEM 加密（Proc-Type: 4,ENCRYPTED），不再支持：请用 openssl pkcs8 -topk8 -v2 aes-256-cbc -in 旧.pem -out 新.pem 转换",
                en: "the key uses legacy PEM encryption (Proc-Type: 4,ENCRYPTED); convert it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.pem -out new.pem")
        }
        do {
            blocks = try PEMDocument.parseMultiple(pemString: text)
        } catch {
            throw SigningFailure.refuse(unreadable, source,
                zh: "PEM 文件格式错误", en: "malformed PEM file", cause: error)
        }
    }

    /// The first private key in the file, decrypted with `passphrase` when it is encrypted; nil when
    /// the file holds none.
    func key(passphrase: String?, source: String) throws -> SoftwareKey? {
        guard let block = blocks.first(where: { Self.keyLabels.contains($0.discriminator) }) else { return nil }
        let der = block.derBytes[...]
        switch block.discriminator {
        case "ENCRYPTED PRIVATE KEY": return try PKCS8.key(encrypted: der, passphrase: passphrase, source: source)
        case "RSA PRIVATE KEY": return try PrivateKeyDecoding.rsa(pkcs1: der, source: source)
        case "EC PRIVATE KEY": return try PrivateKeyDecoding.ec(sec1: der, curve: nil, source: source)
        default: return try PrivateKeyDecoding.privateKeyInfo(der, source: source)
        }
    }

    /// Every `CERTIFICATE` block, in file order.
    func certificates(source: String, unreadable: Diagnostic.ID) throws -> [Certificate] {
        try blocks.filter { $0.discriminator == "CERTIFICATE" }.map { block in
            try CertificateFile.parse(block.derBytes, source: source, unreadable: unreadable)
        }
    }
}
