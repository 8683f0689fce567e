import Foundation
import ShenbaoCore
import ShenbaoSign
import ShenbaoTestSupport
import Testing

/// Keys on a PKCS#11 token: SoftHSM2 tokens the tests set up with `softhsm2-util` and
/// `pkcs11-tool`, holding the RSA-2048 and P-256 test keys with their certificates.
@Suite(.requires(.openssl, .softHSM))
struct PKCS11Tests {
    static let pin = "123456"
    static let module = Requirement.softHSMModule

    /// One token folder for the run: a PKCS#11 module is initialised once per process, and
    /// SoftHSM reads its configuration then.
    static let tokens = Result { try makeTokens() }

    private static func makeTokens() throws -> TestPKI {
        let pki = try pki()
        let folder = pki.url("tokens")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try pki.write("softhsm2.conf", "directories.tokendir = \(folder.path)\nobjectstore.backend = file\nlog.level = ERROR\n")
        setenv("SOFTHSM2_CONF", pki.path("softhsm2.conf"), 1)
        for (token, name) in [("dept-rsa", "rsa2048"), ("dept-ec", "p256")] {
            try run("softhsm2-util", ["--init-token", "--free", "--label", token, "--so-pin", "0000", "--pin", pin])
            try run("softhsm2-util", ["--import", pki.path("\(name).key"), "--token", token, "--label", "seal", "--id", "01", "--pin", pin])
            try pki.openssl(["x509", "-in", pki.path("\(name).pem"), "-outform", "DER", "-out", pki.path("\(name).der")])
            try run("pkcs11-tool", ["--module", module, "--token-label", token, "--login", "--pin", pin,
                                    "--write-object", pki.path("\(name).der"), "--type", "cert", "--label", "seal", "--id", "01"])
        }
        // A token no test logs in to: PKCS#11 login is per process, so a token another test has
        // logged in to takes any PIN (CKR_USER_ALREADY_LOGGED_IN).
        try run("softhsm2-util", ["--init-token", "--free", "--label", "dept-pin", "--so-pin", "0000", "--pin", pin])
        try run("softhsm2-util", ["--import", pki.path("p256.key"), "--token", "dept-pin", "--label", "seal", "--id", "01", "--pin", pin])
        // A token whose key has no certificate beside it.
        try run("softhsm2-util", ["--init-token", "--free", "--label", "bare", "--so-pin", "0000", "--pin", pin])
        try run("softhsm2-util", ["--import", pki.path("p384.key"), "--token", "bare", "--label", "seal", "--id", "02", "--pin", pin])
        return pki
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let result = try Subprocess.run(tool, arguments)
        guard result.status == 0 else { throw ToolFailure(command: tool + " " + arguments.joined(separator: " "), output: result.stderr + result.stdout) }
    }

    private func uri(_ token: String, object: String = "seal") -> String {
        "pkcs11:token=\(token);object=\(object)?module-path=\(Self.module)"
    }

    @Test("A token's RSA and ECDSA keys sign, the certificate read from the token, and openssl verifies the CMS",
          arguments: [("dept-rsa", "RSA-2048"), ("dept-ec", "ECDSA P-256")])
    func signs(token: String, algorithm: String) throws {
        let pki = try Self.tokens.get()
        let identity = try SigningIdentity.load(key: uri(token), chain: pki.path("chain.pem"), secret: Self.pin, signingTime: Date())
        #expect(identity.algorithm.description == algorithm)
        let cms = try CMSSigner(identity: identity).sign(covering: coveredParts)
        try expectOpenSSLVerifies(cms, pki: pki, name: "token-\(token)")
    }

    @Test("A certificate file given with --sign-cert is used, and checked against the token's key")
    func certificateFile() throws {
        let pki = try Self.tokens.get()
        _ = try SigningIdentity.load(key: uri("bare"), certificate: pki.path("p384.pem"), secret: Self.pin, signingTime: Date())
        expectRefusal(.signKeyMismatch) {
            try SigningIdentity.load(key: uri("dept-ec"), certificate: pki.path("p384.pem"), secret: Self.pin, signingTime: Date())
        }
        expectRefusal(.signKeyMismatch) {
            try SigningIdentity.load(key: uri("dept-rsa"), certificate: pki.path("p256.pem"), secret: Self.pin, signingTime: Date())
        }
        expectRefusal(.signCertificateMissing) { try SigningIdentity.load(key: uri("bare"), secret: Self.pin, signingTime: Date()) }
    }

    @Test("A wrong or missing PIN is sign.passphrase; an unknown token or label is sign.token")
    func refusals() throws {
        _ = try Self.tokens.get()
        let wrong = expectRefusal(.signPassphrase) { try SigningIdentity.load(key: uri("dept-pin"), secret: "000000", signingTime: Date()) }
        #expect(wrong.contains("wrong token PIN"))
        let missing = expectRefusal(.signPassphrase) { try SigningIdentity.load(key: uri("dept-pin"), signingTime: Date()) }
        #expect(missing.contains("SHENBAO_SIGN_PIN"))
        expectRefusal(.signToken) { try SigningIdentity.load(key: uri("nowhere"), secret: Self.pin, signingTime: Date()) }
        expectRefusal(.signToken) { try SigningIdentity.load(key: uri("dept-rsa", object: "other"), secret: Self.pin, signingTime: Date()) }
        expectRefusal(.signToken) {
            try SigningIdentity.load(key: "pkcs11:token=dept-rsa;object=seal?module-path=/nonexistent/module.so", secret: Self.pin, signingTime: Date())
        }
    }

    @Test("A URI with pin-value is refused and the PIN never appears in the message")
    func pinInURI() throws {
        let message = expectRefusal(.signPinInURI) {
            try SigningIdentity.load(key: "pkcs11:token=dept-rsa;object=seal?module-path=\(Self.module)&pin-value=987654", signingTime: Date())
        }
        #expect(!message.contains("987654"))
    }

    @Test("RFC 7512 URIs: percent-encoding, id, serial; malformed ones refused")
    func uriParsing() throws {
        let parsed = try PKCS11URI("pkcs11:token=%E5%8C%BA%20dept;object=seal;id=%01%02;serial=abc?module-path=/usr/lib/x.so")
        #expect(parsed.token == "区 dept")
        #expect(parsed.object == "seal")
        #expect(parsed.id == [1, 2])
        #expect(parsed.serial == "abc")
        #expect(parsed.modulePath == "/usr/lib/x.so")
        expectRefusal(.signToken) { try PKCS11URI("pkcs11:token=a;object=b") }
        expectRefusal(.signToken) { try PKCS11URI("pkcs11:token=a;token=b;object=c?module-path=/x.so") }
        expectRefusal(.signToken) { try PKCS11URI("pkcs11:token=%zz;object=c?module-path=/x.so") }
        expectRefusal(.signToken) { try PKCS11URI("pkcs11:token=a?module-path=/x.so") }
    }
}
