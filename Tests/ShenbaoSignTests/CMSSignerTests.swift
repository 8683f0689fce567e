import Foundation
import ShenbaoCore
@testable import ShenbaoSign
import ShenbaoTestSupport
import Testing
@_spi(CMS) @_spi(FixedExpiryValidationTime) import X509

/// The PAdES B-B CMS: what openssl and asn1crypto read in it.
@Suite(.requires(.openssl))
struct CMSSignerTests {
    private func identity(_ name: String, _ pki: TestPKI) throws -> SigningIdentity {
        try SigningIdentity.load(key: pki.path("\(name).key"), certificate: pki.path("\(name).pem"), chain: pki.path("chain.pem"),
                                 signingTime: Date())
    }

    @Test("openssl cms -verify accepts the detached signature over both parts, chained to the root",
          arguments: ["rsa2048", "rsa3072", "p256", "p384"])
    func opensslVerifies(name: String) throws {
        let pki = try pki()
        let cms = try CMSSigner(identity: identity(name, pki)).sign(covering: coveredParts)
        try expectOpenSSLVerifies(cms, pki: pki, name: "signed-\(name)")
    }

    @Test("swift-certificates' own CMS verifier accepts the signature and its chain")
    func swiftCertificatesVerifies() async throws {
        let pki = try pki()
        let cms = try CMSSigner(identity: identity("p384", pki)).sign(covering: coveredParts)
        let roots = CertificateStore(try CertificateFile.read(pki.path("root.pem")))
        let result = await CMS.isValidSignature(dataBytes: coveredParts.reduce(Data(), +), signatureBytes: cms, trustRoots: roots) {
            RFC5280Policy(fixedExpiryValidationTime: Date())
        }
        guard case .success = result else {
            Issue.record("\(result)")
            return
        }
    }

    @Test("Signing the joined bytes or the parts gives the same message digest")
    func partsOrWhole() throws {
        let pki = try pki()
        let signer = try CMSSigner(identity: identity("p256", pki))
        let whole = try SignedData(contentInfo: signer.sign(coveredParts.reduce(Data(), +))[...])
        let parts = try SignedData(contentInfo: signer.sign(covering: coveredParts)[...])
        #expect(try whole.signerInfos[0].signedAttributes?.single(OID.messageDigest)
                == parts.signerInfos[0].signedAttributes?.single(OID.messageDigest))
    }

    @Test("Signed attributes are exactly content-type, message-digest and signing-certificate-v2 (hash of the leaf); no signing time; detached; leaf and chain included",
          .requires(.pyHanko))
    func attributes() throws {
        let pki = try pki()
        let cms = try CMSSigner(identity: identity("rsa2048", pki)).sign(covering: coveredParts)
        try Data(cms).write(to: pki.url("attributes.p7s"))
        let program = """
        import sys, json, hashlib
        from asn1crypto import cms, tsp
        sd = cms.ContentInfo.load(open(sys.argv[1], 'rb').read())['content']
        si = sd['signer_infos'][0]
        names = {'1.2.840.113549.1.9.16.2.47': 'signing_certificate_v2'}
        ess = [a for a in si['signed_attrs'] if a['type'].dotted in names][0]['values'][0]
        ess = tsp.SigningCertificateV2.load(ess.dump())
        serial = si['sid'].chosen['serial_number'].native
        leaf = [c.chosen for c in sd['certificates'] if c.chosen.serial_number == serial][0]
        print(json.dumps({
            'attributes': sorted(names.get(a['type'].dotted, a['type'].native) for a in si['signed_attrs']),
            'detached': sd['encap_content_info']['content'].native is None,
            'ess_hash_matches': ess['certs'][0]['cert_hash'].native == hashlib.sha256(leaf.dump()).digest(),
            'ess_serial': ess['certs'][0]['issuer_serial']['serial_number'].native == serial,
            'certificates': len(sd['certificates']),
            'digest': si['digest_algorithm']['algorithm'].native,
            'signature': si['signature_algorithm']['algorithm'].native,
            'version': sd['version'].native,
        }))
        """
        let result = try Subprocess.python(program, [pki.path("attributes.p7s")])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(report["attributes"] as? [String] == ["content_type", "message_digest", "signing_certificate_v2"])
        #expect(report["detached"] as? Bool == true)
        #expect(report["ess_hash_matches"] as? Bool == true)
        #expect(report["ess_serial"] as? Bool == true)
        #expect(report["certificates"] as? Int == 2)
        #expect(report["digest"] as? String == "sha256")
        #expect(report["signature"] as? String == "sha256_rsa")
        #expect(report["version"] as? String == "v1")
    }

    @Test("maximumSize bounds every signature and is not far above it", arguments: ["rsa2048", "rsa3072", "p256", "p384"])
    func reservedSize(name: String) throws {
        let pki = try pki()
        let signer = try CMSSigner(identity: identity(name, pki))
        let sizes = try (0..<20).map { i in try signer.sign(covering: coveredParts + [Data([UInt8(i)])]).count }
        print("\(name): signatures of \(sizes.min() ?? 0)–\(sizes.max() ?? 0) bytes, maximumSize \(signer.maximumSize)")
        #expect(sizes.allSatisfy { $0 <= signer.maximumSize })
        #expect(signer.maximumSize - (sizes.max() ?? 0) <= CMSSigner.margin + 8)
    }

    @Test("One RSA-2048 signature takes a few milliseconds")
    func timing() throws {
        let pki = try pki()
        let signer = try CMSSigner(identity: identity("rsa2048", pki))
        let covered = Data(repeating: 0x41, count: 130_000)
        var times: [Double] = []
        for _ in 0..<30 {
            let start = ContinuousClock.now
            _ = try signer.sign(covered)
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        let median = times.sorted()[times.count / 2]
        print("RSA-2048 CMS over 130 KB, median of 30: \(String(format: "%.2f", median)) ms")
        #expect(median < 50)
    }
}
