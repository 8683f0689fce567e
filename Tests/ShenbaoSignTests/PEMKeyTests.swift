import Foundation
import ShenbaoCore
import ShenbaoSign
import ShenbaoTestSupport
import Testing

/// Keys from PEM files: every encoding `spec/cli.md` lists, and every refusal of a key.
@Suite(.requires(.openssl))
struct PEMKeyTests {
    @Test("PKCS#8 keys load with their certificate and chain: RSA 2048 and 3072, P-256, P-384",
          arguments: [("rsa2048", "RSA-2048"), ("rsa3072", "RSA-3072"), ("p256", "ECDSA P-256"), ("p384", "ECDSA P-384")])
    func pkcs8(name: String, algorithm: String) throws {
        let pki = try pki()
        let identity = try SigningIdentity.load(key: pki.path("\(name).key"), certificate: pki.path("\(name).pem"),
                                                chain: pki.path("chain.pem"), signingTime: Date())
        #expect(identity.algorithm.description == algorithm)
        #expect(identity.chain.count == 1)
    }

    @Test("PKCS#1 RSA and SEC1 EC keys (openssl pkey -traditional) load", arguments: ["rsa2048", "p256", "p384"])
    func traditional(name: String) throws {
        let pki = try pki()
        try pki.openssl(["pkey", "-in", pki.path("\(name).key"), "-traditional", "-out", pki.path("\(name)-traditional.key")])
        let text = try String(contentsOf: pki.url("\(name)-traditional.key"), encoding: .utf8)
        #expect(text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY"))
        _ = try SigningIdentity.load(key: pki.path("\(name)-traditional.key"), certificate: pki.path("\(name).pem"), signingTime: Date())
    }

    @Test("Encrypted PKCS#8: openssl genpkey -aes-256-cbc (PBKDF2-SHA256) and pkcs8 -v2 aes-128-cbc -v2prf hmacWithSHA1")
    func encrypted() throws {
        let pki = try pki()
        try pki.openssl(["pkey", "-in", pki.path("p256.key"), "-aes-256-cbc", "-passout", "pass:\(TestPKI.passphrase)",
                         "-out", pki.path("p256-aes256.key")])
        try pki.openssl(["pkcs8", "-topk8", "-in", pki.path("rsa2048.key"), "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1",
                         "-passout", "pass:\(TestPKI.passphrase)", "-out", pki.path("rsa-aes128-sha1.key")])
        let dump = try pki.openssl(["asn1parse", "-in", pki.path("rsa-aes128-sha1.key")]).stdout
        #expect(dump.contains("PBES2") && dump.contains("aes-128-cbc") && !dump.contains("hmacWithSHA256"))
        for (key, cert) in [("p256-aes256.key", "p256.pem"), ("rsa-aes128-sha1.key", "rsa2048.pem")] {
            _ = try SigningIdentity.load(key: pki.path(key), certificate: pki.path(cert), secret: TestPKI.passphrase, signingTime: Date())
        }
        expectRefusal(.signPassphrase) {
            try SigningIdentity.load(key: pki.path("p256-aes256.key"), certificate: pki.path("p256.pem"), secret: "wrong", signingTime: Date())
        }
        let missing = expectRefusal(.signPassphrase) {
            try SigningIdentity.load(key: pki.path("p256-aes256.key"), certificate: pki.path("p256.pem"), signingTime: Date())
        }
        #expect(missing.contains("SHENBAO_SIGN_PASS"))
    }

    @Test("Encrypted PKCS#8 as Python's cryptography (pyHanko's dependency) writes it: BestAvailableEncryption",
          .requires(.pyHanko))
    func pythonCryptography() throws {
        let pki = try pki()
        let program = """
        import sys
        from cryptography.hazmat.primitives import serialization
        key = serialization.load_pem_private_key(open(sys.argv[1], 'rb').read(), None)
        open(sys.argv[2], 'wb').write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(sys.argv[3].encode())))
        """
        let result = try Subprocess.python(program, [pki.path("rsa3072.key"), pki.path("rsa3072-py.key"), TestPKI.passphrase])
        #expect(result.status == 0, "\(result.stderr)")
        let identity = try SigningIdentity.load(key: pki.path("rsa3072-py.key"), certificate: pki.path("rsa3072.pem"),
                                                secret: TestPKI.passphrase, signingTime: Date())
        #expect(identity.algorithm == .rsa(bits: 3072))
    }

    @Test("A PEM holding key and certificates (openssl pkcs12 -nodes output) needs no --sign-cert")
    func keyWithCertificates() throws {
        let pki = try pki()
        let combined = try ["rsa2048.key", "chain.pem", "rsa2048.pem"].map { try String(contentsOf: pki.url($0), encoding: .utf8) }
        try pki.write("combined.pem", combined.joined(separator: "\nBag Attributes: none\n"))
        let identity = try SigningIdentity.load(key: pki.path("combined.pem"), signingTime: Date())
        #expect(SignerName(identity.certificate.subject).commonName == "上海市某区市场监督管理局")
        #expect(identity.chain.count == 1)
        expectRefusal(.signCertificateMissing) { try SigningIdentity.load(key: pki.path("rsa2048.key"), signingTime: Date()) }
    }

    @Test("Weak, unsupported-curve and non-RSA/ECDSA keys are refused, each with its own id")
    func refusedKeys() throws {
        let pki = try pki()
        try pki.key("rsa1024", "RSA", "rsa_keygen_bits:1024")
        try pki.key("p521", "EC", "ec_paramgen_curve:P-521")
        try pki.key("k256", "EC", "ec_paramgen_curve:secp256k1")
        try pki.key("ed25519", "ED25519", nil)
        let cert = pki.path("rsa2048.pem")
        let weak = expectRefusal(.signWeakKey) { try SigningIdentity.load(key: pki.path("rsa1024.key"), certificate: cert, signingTime: Date()) }
        #expect(weak.contains("1024"))
        let p521 = expectRefusal(.signUnsupportedCurve) { try SigningIdentity.load(key: pki.path("p521.key"), certificate: cert, signingTime: Date()) }
        #expect(p521.contains("P-521"))
        expectRefusal(.signUnsupportedCurve) { try SigningIdentity.load(key: pki.path("k256.key"), certificate: cert, signingTime: Date()) }
        expectRefusal(.signUnsupportedAlgorithm) { try SigningIdentity.load(key: pki.path("ed25519.key"), certificate: cert, signingTime: Date()) }
    }

    @Test("A key with another key's certificate is refused (sign.key_mismatch)")
    func mismatch() throws {
        let pki = try pki()
        expectRefusal(.signKeyMismatch) {
            try SigningIdentity.load(key: pki.path("rsa3072.key"), certificate: pki.path("rsa2048.pem"), signingTime: Date())
        }
        expectRefusal(.signKeyMismatch) {
            try SigningIdentity.load(key: pki.path("p256.key"), certificate: pki.path("rsa2048.pem"), signingTime: Date())
        }
    }

    @Test("Certificates expired or not yet valid at the signing time, or not for signing, are refused")
    func certificateChecks() throws {
        let pki = try pki()
        let expired = expectRefusal(.signCertificateExpired) {
            try SigningIdentity.load(key: pki.path("expired.key"), certificate: pki.path("expired.pem"), signingTime: Date())
        }
        #expect(expired.contains("expired") && expired.contains("2021-01-01"))
        let future = expectRefusal(.signCertificateExpired) {
            try SigningIdentity.load(key: pki.path("future.key"), certificate: pki.path("future.pem"), signingTime: Date())
        }
        #expect(future.contains("not yet valid"))
        // The same certificate is fine at a signing time inside its validity.
        _ = try SigningIdentity.load(key: pki.path("expired.key"), certificate: pki.path("expired.pem"),
                                     signingTime: Date(timeIntervalSince1970: 1_590_000_000))
        expectRefusal(.signKeyUsage) {
            try SigningIdentity.load(key: pki.path("encipher.key"), certificate: pki.path("encipher.pem"), signingTime: Date())
        }
    }

    @Test("Unreadable inputs: a missing file, a damaged PEM, legacy PEM encryption, a file that is no certificate")
    func unreadable() throws {
        let pki = try pki()
        expectRefusal(.signKeyUnreadable) { try SigningIdentity.load(key: pki.path("absent.key"), signingTime: Date()) }
        try pki.write("damaged.key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        expectRefusal(.signKeyUnreadable) { try SigningIdentity.load(key: pki.path("damaged.key"), certificate: pki.path("rsa2048.pem"), signingTime: Date()) }
        try pki.openssl(["rsa", "-in", pki.path("rsa2048.key"), "-traditional", "-aes256", "-passout", "pass:x", "-out", pki.path("legacy.key")])
        let legacy = expectRefusal(.signKeyUnreadable) {
            try SigningIdentity.load(key: pki.path("legacy.key"), certificate: pki.path("rsa2048.pem"), secret: "x", signingTime: Date())
        }
        #expect(legacy.contains("openssl pkcs8 -topk8"))
        expectRefusal(.signCertificateUnreadable) {
            try SigningIdentity.load(key: pki.path("rsa2048.key"), certificate: pki.path("rsa2048.key"), signingTime: Date())
        }
    }
}
