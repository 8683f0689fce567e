import Foundation
import ShenbaoCore
import SwiftASN1
import X509

/// Certificates from files: `--sign-cert`, `--sign-chain`, `verify --trust`. A file is PEM with one
/// or more `CERTIFICATE` blocks, or a single DER certificate.
public enum CertificateFile {
    /// Key and certificate files are small; anything larger is refused before it is read.
    static let limit = 4 << 20

    /// The certificates in the file at `path`, in file order; at least one.
    public static func read(_ path: String) throws -> [Certificate] {
        let data = try read(path, unreadable: .signCertificateUnreadable)
        let certificates: [Certificate]
        if PEMFile.isPEM(data) {
            certificates = try PEMFile(data, source: path, unreadable: .signCertificateUnreadable)
                .certificates(source: path, unreadable: .signCertificateUnreadable)
        } else {
            certificates = [try parse(Array(data), source: path, unreadable: .signCertificateUnreadable)]
        }
        guard !certificates.isEmpty else {
            throw SigningFailure.refuse(.signCertificateUnreadable, path,
                zh: "文件中没有证书（应为 PEM 的 CERTIFICATE 块或 DER 证书）",
                en: "the file holds no certificate (a PEM CERTIFICATE block or a DER certificate expected)")
        }
        return certificates
    }

    /// The bytes of a key or certificate file, bounded.
    static func read(_ path: String, unreadable: Diagnostic.ID) throws -> Data {
        try InputFile.read(path, limit: limit, unreadable: unreadable, tooLarge: unreadable, limitText: "4 MB")
    }

    /// One DER certificate.
    static func parse(_ der: [UInt8], source: String?, unreadable: Diagnostic.ID) throws -> Certificate {
        do {
            return try Certificate(derEncoded: der)
        } catch {
            throw SigningFailure.refuse(unreadable, source,
                zh: "无法读取证书：不是有效的 X.509 证书", en: "cannot read the certificate: not a valid X.509 certificate",
                cause: error)
        }
    }
}
