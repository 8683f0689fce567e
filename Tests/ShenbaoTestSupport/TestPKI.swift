import Foundation

/// Keys and certificates the tests make for themselves with `openssl`, once per run, in a
/// temporary folder: a root CA, an intermediate CA, and leaves issued by the intermediate.
///
/// Every leaf is `<name>.key` (unencrypted PKCS#8) with `<name>.pem` (its certificate); the chain
/// file `chain.pem` holds the intermediate, `root.pem` the trust anchor.
public final class TestPKI: Sendable {
    public let folder: URL
    /// The passphrase of every encrypted file made here.
    public static let passphrase = "口令-secret"

    /// The one set of files for the whole run (key generation is the slow part).
    public static let shared = Result { try TestPKI() }

    /// The subject of the main leaf, Chinese as a district's certificate writes it.
    public static let chineseSubject = "/CN=上海市某区市场监督管理局/O=测试"

    private init() throws {
        folder = try TestFolders.temporary("pki")
        try write("ca.cnf", Self.caConfig(folder.path))
        try write("index.txt", "")
        try write("serial", "1000\n")
        try FileManager.default.createDirectory(at: url("newcerts"), withIntermediateDirectories: true)

        try key("root", "RSA", "rsa_keygen_bits:2048")
        try openssl(["req", "-x509", "-new", "-key", path("root.key"), "-out", path("root.pem"), "-days", "3650",
                     "-utf8", "-subj", "/CN=申报测试根证书/O=测试", "-config", path("ca.cnf"), "-extensions", "ca_ext"])
        try key("intermediate", "EC", "ec_paramgen_curve:P-256")
        try issue("intermediate", subject: "/CN=申报测试中级证书/O=测试", by: "root", extensions: "ca_ext")
        try FileManager.default.copyItem(at: url("intermediate.pem"), to: url("chain.pem"))

        try key("rsa2048", "RSA", "rsa_keygen_bits:2048")
        try issue("rsa2048", subject: Self.chineseSubject)
        try key("rsa3072", "RSA", "rsa_keygen_bits:3072")
        try issue("rsa3072", subject: "/CN=RSA 3072 signer/O=Test")
        try key("p256", "EC", "ec_paramgen_curve:P-256")
        try issue("p256", subject: "/CN=P-256 signer/O=Test")
        try key("p384", "EC", "ec_paramgen_curve:P-384")
        try issue("p384", subject: "/CN=P-384 signer/O=Test")
        // Same key as rsa2048, other certificates: expired, not yet valid, not for signing.
        for name in ["expired", "future", "encipher"] {
            try FileManager.default.copyItem(at: url("rsa2048.key"), to: url("\(name).key"))
        }
        try issue("expired", subject: "/CN=Expired signer/O=Test", start: "20200101000000Z", end: "20210101000000Z")
        try issue("future", subject: "/CN=Future signer/O=Test", start: "20990101000000Z", end: "20991231000000Z")
        try issue("encipher", subject: "/CN=Encipherment only/O=Test", extensions: "encipher")
    }

    // MARK: Paths

    public func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
    public func path(_ name: String) -> String { url(name).path }

    public func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url(name))
    }

    // MARK: openssl

    /// Runs openssl in the folder and fails with its message when it fails.
    @discardableResult
    public func openssl(_ arguments: [String], input: Data? = nil) throws -> ProcessResult {
        let result = try Subprocess.run("openssl", arguments, input: input, in: folder)
        guard result.status == 0 else { throw ToolFailure(command: "openssl " + arguments.joined(separator: " "), output: result.stderr) }
        return result
    }

    /// `<name>.key`: a new unencrypted PKCS#8 key (`genpkey -algorithm RSA|EC -pkeyopt …`).
    public func key(_ name: String, _ algorithm: String, _ option: String?) throws {
        try openssl(["genpkey", "-algorithm", algorithm] + (option.map { ["-pkeyopt", $0] } ?? []) + ["-out", path("\(name).key")])
    }

    /// `<name>.pem`: a certificate for `<name>.key`, issued by `by` (default the intermediate)
    /// with the config's `extensions` section, valid for a year from now or from `start` to `end`.
    public func issue(_ name: String, subject: String, by issuer: String = "intermediate", extensions: String = "signing",
               start: String? = nil, end: String? = nil) throws {
        try openssl(["req", "-new", "-key", path("\(name).key"), "-utf8", "-subj", subject, "-out", path("\(name).csr")])
        var validity = ["-days", "365"]
        if let start, let end { validity = ["-startdate", start, "-enddate", end] }
        // `openssl ca` rewrites the CA's index and serial files: tests running in parallel take turns.
        _ = try Self.caLock.withLock {
            try openssl(["ca", "-batch", "-notext", "-utf8", "-preserveDN", "-config", path("ca.cnf"), "-cert", path("\(issuer).pem"),
                         "-keyfile", path("\(issuer).key"), "-in", path("\(name).csr"), "-out", path("\(name).pem"),
                         "-extensions", extensions] + validity)
        }
    }

    private static let caLock = NSLock()

    /// A minimal `openssl ca` setup: any subject, and the extension sections the leaves use.
    private static func caConfig(_ dir: String) -> String {
        """
        [ca]
        default_ca = testca
        [testca]
        dir = \(dir)
        database = $dir/index.txt
        new_certs_dir = $dir/newcerts
        serial = $dir/serial
        default_md = sha256
        policy = anything
        unique_subject = no
        email_in_dn = no
        [anything]
        commonName = supplied
        organizationName = optional
        [req]
        distinguished_name = dn
        string_mask = utf8only
        [dn]
        [ca_ext]
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [signing]
        basicConstraints = CA:FALSE
        keyUsage = critical, digitalSignature, nonRepudiation
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        [eku_email]
        basicConstraints = CA:FALSE
        keyUsage = critical, digitalSignature, nonRepudiation
        extendedKeyUsage = critical, emailProtection
        [eku_code]
        basicConstraints = CA:FALSE
        keyUsage = critical, digitalSignature
        extendedKeyUsage = critical, codeSigning
        [encipher]
        basicConstraints = CA:FALSE
        keyUsage = critical, keyEncipherment, dataEncipherment
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid

        """
    }
}

/// An outside tool that failed while the tests prepared their files.
public struct ToolFailure: Error, CustomStringConvertible {
    public var command: String
    public var output: String
    public init(command: String, output: String) { self.command = command; self.output = output }
    public var description: String { "\(command) failed: \(output)" }
}
