import Foundation
import ShenbaoCore
import ShenbaoSign
import ShenbaoTestSupport
import Testing

/// PKCS#12 files as OpenSSL 3 writes them, and the legacy ones it refuses.
@Suite(.requires(.openssl))
struct PKCS12Tests {
    /// `openssl pkcs12 -export` with its defaults (PBES2/AES-256-CBC, PBKDF2, HMAC-SHA256 MAC).
    private func export(_ pki: TestPKI, _ name: String, password: String = TestPKI.passphrase, options: [String] = []) throws -> String {
        // Tests run in parallel: each file gets a name of its own.
        let out = pki.path("\(name)-\(UUID().uuidString).p12")
        try pki.openssl(["pkcs12", "-export", "-inkey", pki.path("\(name).key"), "-in", pki.path("\(name).pem"),
                         "-certfile", pki.path("chain.pem"), "-passout", "pass:\(password)", "-out", out] + options)
        return out
    }

    @Test("The default OpenSSL 3 file gives key, certificate and chain", arguments: ["rsa2048", "p384"])
    func defaults(name: String) throws {
        let pki = try pki()
        let file = try export(pki, name)
        let dump = try pki.openssl(["pkcs12", "-in", file, "-info", "-noout", "-passin", "pass:\(TestPKI.passphrase)"]).stderr
        #expect(dump.contains("AES-256-CBC") && dump.contains("sha256"), "\(dump)")
        let identity = try SigningIdentity.load(key: file, secret: TestPKI.passphrase, signingTime: Date())
        let expected = try CertificateFile.read(pki.path("\(name).pem"))[0]
        #expect(identity.certificate == expected)
        #expect(identity.chain == (try CertificateFile.read(pki.path("chain.pem"))))
    }

    @Test("A wrong or missing passphrase fails the MAC: sign.passphrase")
    func wrongPassphrase() throws {
        let pki = try pki()
        let file = try export(pki, "p256")
        expectRefusal(.signPassphrase) { try SigningIdentity.load(key: file, secret: "wrong", signingTime: Date()) }
        let missing = expectRefusal(.signPassphrase) { try SigningIdentity.load(key: file, signingTime: Date()) }
        #expect(missing.contains("needs its passphrase"))
    }

    @Test("A file exported with an empty password opens without one")
    func emptyPassword() throws {
        let pki = try pki()
        let file = try export(pki, "p256", password: "")
        _ = try SigningIdentity.load(key: file, signingTime: Date())
    }

    @Test("A MAC over SHA-1 with PBES2 bags still opens (-macalg sha1)")
    func sha1MAC() throws {
        let pki = try pki()
        let file = try export(pki, "rsa2048", options: ["-macalg", "sha1"])
        _ = try SigningIdentity.load(key: file, secret: TestPKI.passphrase, signingTime: Date())
    }

    @Test("Legacy files (-legacy; PBE-SHA1-3DES with a SHA-1 MAC) are refused with a command that converts them",
          arguments: [["-legacy"], ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"]])
    func legacy(options: [String]) throws {
        let pki = try pki()
        let file = try export(pki, "rsa2048", options: options)
        let message = expectRefusal(.signLegacyPKCS12) { try SigningIdentity.load(key: file, secret: TestPKI.passphrase, signingTime: Date()) }
        #expect(message.contains("openssl pkcs12 -legacy -in old.p12 -nodes -out old.pem && openssl pkcs12 -export -in old.pem -out new.p12"))

        // The commands the message gives (passwords added) make a file that loads, chain and all.
        let pem = file + ".pem", converted = file + "-converted.p12"
        try pki.openssl(["pkcs12", "-legacy", "-in", file, "-nodes", "-out", pem, "-passin", "pass:\(TestPKI.passphrase)"])
        try pki.openssl(["pkcs12", "-export", "-in", pem, "-out", converted, "-passout", "pass:\(TestPKI.passphrase)"])
        #expect(try SigningIdentity.load(key: converted, secret: TestPKI.passphrase, signingTime: Date()).chain.count == 1)
    }

    @Test("--sign-cert overrides the file's certificate, and is still checked against the key")
    func certificateOverride() throws {
        let pki = try pki()
        let file = try export(pki, "rsa2048")
        expectRefusal(.signKeyMismatch) {
            try SigningIdentity.load(key: file, certificate: pki.path("p256.pem"), secret: TestPKI.passphrase, signingTime: Date())
        }
        expectRefusal(.signCertificateExpired) {
            try SigningIdentity.load(key: file, certificate: pki.path("expired.pem"), secret: TestPKI.passphrase, signingTime: Date())
        }
    }

    @Test("A file that is neither PEM nor PKCS#12 is unreadable")
    func garbage() throws {
        let pki = try pki()
        try Data([0x30, 0x03, 0x02, 0x01, 0x05]).write(to: pki.url("garbage.p12"))
        expectRefusal(.signKeyUnreadable) { try SigningIdentity.load(key: pki.path("garbage.p12"), signingTime: Date()) }
    }
}
