import Foundation
import ShenbaoCore
import ShenbaoSign
import ShenbaoTestSupport
import Testing
import X509

/// Verification of Shenbao's own CMS and of what OpenSSL and pyHanko write.
@Suite(.requires(.openssl))
struct CMSVerifierTests {
    private func signed(_ name: String, _ pki: TestPKI, at time: Date = Date()) throws -> [UInt8] {
        let identity = try SigningIdentity.load(key: pki.path("\(name).key"), certificate: pki.path("\(name).pem"),
                                                chain: pki.path("chain.pem"), signingTime: time)
        return try CMSSigner(identity: identity).sign(covering: coveredParts)
    }

    private func root(_ pki: TestPKI) throws -> [Certificate] { try CertificateFile.read(pki.path("root.pem")) }

    @Test("Shenbao's signature: intact, valid, trusted; the Chinese subject kept", arguments: [("rsa2048", "RSA-2048 SHA-256"), ("p384", "ECDSA P-384 SHA-256")])
    func own(name: String, algorithm: String) async throws {
        let pki = try pki()
        let result = try await CMSVerifier(trustAnchors: root(pki)).verify(signed(name, pki), covering: coveredParts, at: Date())
        #expect(result.intact && result.certificateValid && result.trusted == true, "\(result.problems)")
        #expect(result.algorithm == algorithm)
        #expect(result.signingTime == nil)
        if name == "rsa2048" {
            #expect(result.signer.commonName == "上海市某区市场监督管理局")
            #expect(result.signer.organization == "测试")
        }
    }

    @Test("Changed bytes or a changed signature are not intact; zero padding after the CMS is ignored")
    func tampering() async throws {
        let pki = try pki()
        let cms = try signed("p256", pki)
        let verifier = CMSVerifier()
        var changed = coveredParts
        changed[1][3] ^= 1
        let moved = try await verifier.verify(cms, covering: changed, at: Date())
        #expect(!moved.intact && moved.trusted == nil)
        #expect(moved.problems.contains { $0.en.contains("digest mismatch") })

        var broken = cms
        broken[broken.count - 5] ^= 0x40
        #expect(try await !verifier.verify(broken, covering: coveredParts, at: Date()).intact)

        let padded = cms + [UInt8](repeating: 0, count: 8192)
        #expect(try await verifier.verify(padded, covering: coveredParts, at: Date()).intact)
    }

    @Test("Trust needs a chain to a given anchor, valid at the time checked")
    func trust() async throws {
        let pki = try pki()
        try pki.key("other-root", "EC", "ec_paramgen_curve:P-256")
        try pki.openssl(["req", "-x509", "-new", "-key", pki.path("other-root.key"), "-out", pki.path("other-root.pem"),
                         "-days", "30", "-subj", "/CN=Other root"])
        let cms = try signed("rsa2048", pki)
        let other = try await CMSVerifier(trustAnchors: CertificateFile.read(pki.path("other-root.pem")))
            .verify(cms, covering: coveredParts, at: Date())
        #expect(other.intact && other.trusted == false)

        // A signature made in 2020 with the since expired certificate.
        let then = Date(timeIntervalSince1970: 1_590_000_000)
        let old = try signed("expired", pki, at: then)
        let now = try await CMSVerifier(trustAnchors: root(pki)).verify(old, covering: coveredParts, at: Date())
        #expect(now.intact && !now.certificateValid)
        let atSigning = try await CMSVerifier(trustAnchors: root(pki)).verify(old, covering: coveredParts, at: then)
        #expect(atSigning.certificateValid)
    }

    @Test("openssl cms -sign: with attributes (signing time read), -noattr, and indefinite-length BER (-stream)",
          arguments: [[], ["-noattr"], ["-stream"], ["-noattr", "-stream"]])
    func openssl(options: [String]) async throws {
        let pki = try pki()
        let name = "openssl" + options.joined()
        try coveredParts.reduce(Data(), +).write(to: pki.url("\(name).bin"))
        for signer in ["rsa2048", "p256"] {
            try pki.openssl(["cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER", "-in", pki.path("\(name).bin"),
                             "-signer", pki.path("\(signer).pem"), "-inkey", pki.path("\(signer).key"),
                             "-certfile", pki.path("chain.pem"), "-out", pki.path("\(name).p7s")] + options)
            let cms = try Data(contentsOf: pki.url("\(name).p7s")) + Data(count: 1000)
            let result = try await CMSVerifier(trustAnchors: root(pki)).verify(cms, covering: coveredParts, at: Date())
            #expect(result.intact && result.trusted == true, "\(signer) \(options): \(result.problems)")
            #expect((result.signingTime != nil) == !options.contains("-noattr"))
        }
    }

    @Test("A pyHanko-signed PDF's /Contents verifies over its /ByteRange", .requires(.pyHanko))
    func pyHanko() async throws {
        let pki = try pki()
        let program = """
        import sys, json
        from io import BytesIO
        from pyhanko.pdf_utils.writer import PdfFileWriter
        from pyhanko.pdf_utils import generic
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign import signers, fields
        key, cert, chain, out = sys.argv[1:5]
        w = PdfFileWriter()
        w.insert_page(generic.DictionaryObject({generic.pdf_name('/Type'): generic.pdf_name('/Page'),
            generic.pdf_name('/MediaBox'): generic.ArrayObject([generic.NumberObject(n) for n in (0, 0, 200, 200)])}))
        blank = BytesIO(); w.write(blank); blank.seek(0)
        signer = signers.SimpleSigner.load(key, cert, ca_chain_files=(chain,), key_passphrase=None)
        meta = signers.PdfSignatureMetadata(field_name='Sig1', subfilter=fields.SigSeedSubFilter.PADES)
        data = signers.sign_pdf(IncrementalPdfFileWriter(blank), meta, signer=signer).getvalue()
        open(out, 'wb').write(data)
        s = PdfFileReader(BytesIO(data)).embedded_signatures[0]
        print(json.dumps({'range': list(s.sig_object['/ByteRange']), 'contents': bytes(s.sig_object['/Contents']).hex()}))
        """
        for signer in ["rsa2048", "p256"] {
            let result = try Subprocess.python(program, [pki.path("\(signer).key"), pki.path("\(signer).pem"),
                                                         pki.path("chain.pem"), pki.path("pyhanko-\(signer).pdf")])
            #expect(result.status == 0, "\(result.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
            let range = json["range"] as? [Int] ?? []
            let hex = json["contents"] as? String ?? ""
            try #require(range.count == 4)
            let pdf = try Data(contentsOf: pki.url("pyhanko-\(signer).pdf"))
            let parts = [pdf[range[0]..<(range[0] + range[1])], pdf[range[2]..<(range[2] + range[3])]]
            let cms = stride(from: 0, to: hex.count, by: 2).compactMap { offset -> UInt8? in
                let start = hex.index(hex.startIndex, offsetBy: offset)
                return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)
            }
            let verified = try await CMSVerifier(trustAnchors: root(pki)).verify(cms, covering: parts, at: Date())
            #expect(verified.intact && verified.certificateValid && verified.trusted == true, "\(verified.problems)")
            #expect(verified.algorithm.hasSuffix("SHA-256"))
        }
    }

    @Test("Bytes that are no CMS are sign.cms_malformed")
    func malformed() async throws {
        do {
            _ = try await CMSVerifier().verify([0x30, 0x03, 0x02, 0x01, 0x01], covering: coveredParts, at: Date())
            Issue.record("expected a refusal")
        } catch let failure as ShenbaoFailure {
            #expect(failure.diagnostics.map(\.id) == [.signCMSMalformed])
        }
    }
}

/// Certificates other CAs write: BMPString names, critical extended key usages.
@Suite(.requires(.openssl))
struct CertificateVarietyTests {
    @Test("A subject written as BMPString (string_mask = pkix, as older Chinese CAs do) reads as Chinese text")
    func bmpString() throws {
        let pki = try pki()
        try pki.write("bmp.cnf", "[req]\ndistinguished_name = dn\nstring_mask = pkix\n[dn]\n")
        try pki.key("bmp", "EC", "ec_paramgen_curve:P-256")
        try pki.openssl(["req", "-x509", "-new", "-key", pki.path("bmp.key"), "-out", pki.path("bmp.pem"), "-days", "30",
                         "-utf8", "-config", pki.path("bmp.cnf"), "-subj", TestPKI.chineseSubject])
        let dump = try pki.openssl(["asn1parse", "-in", pki.path("bmp.pem")]).stdout
        #expect(dump.contains("BMPSTRING"))
        let name = SignerName(try CertificateFile.read(pki.path("bmp.pem"))[0].subject)
        #expect(name.commonName == "上海市某区市场监督管理局")
        #expect(name.organization == "测试")
    }

    @Test("A critical extended key usage chains when it names a signing purpose, not when it names code signing",
          arguments: [("eku_email", true), ("eku_code", false)])
    func extendedKeyUsage(section: String, trusted: Bool) async throws {
        let pki = try pki()
        try FileManager.default.copyItem(at: pki.url("p256.key"), to: pki.url("\(section).key"))
        try pki.issue(section, subject: "/CN=\(section)/O=Test", extensions: section)
        let identity = try SigningIdentity.load(key: pki.path("\(section).key"), certificate: pki.path("\(section).pem"),
                                                chain: pki.path("chain.pem"), signingTime: Date())
        let cms = try CMSSigner(identity: identity).sign(covering: coveredParts)
        let result = try await CMSVerifier(trustAnchors: CertificateFile.read(pki.path("root.pem")))
            .verify(cms, covering: coveredParts, at: Date())
        #expect(result.intact && result.trusted == trusted)
    }
}
