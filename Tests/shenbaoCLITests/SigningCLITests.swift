import Foundation
import Testing
import ShenbaoTestSupport

/// `render --sign-key` and `endorse`, checked by tools nobody here wrote: poppler's `pdfsig`,
/// pyHanko's validator and `qpdf --check`, then `verify` on the same files.
@Suite(.requires(.openssl, .poppler, .pyHanko, .qpdf))
struct SigningCLITests {
    static let application = CLI.packageRoot.appendingPathComponent("templates/samples/application.yaml").path
    static let opinion = CLI.packageRoot.appendingPathComponent("templates/samples/opinion.yaml").path
    static let seal = CLI.packageRoot.appendingPathComponent("templates/examples/公章.png").path

    static func pki() throws -> TestPKI { try TestPKI.shared.get() }

    /// `render application` signed with `leaf` (a TestPKI name) and its chain, sealed.
    static func signedPack(_ leaf: String, in dir: URL) throws -> String {
        let pki = try pki()
        let pack = dir.appendingPathComponent("申请表.pdf").path
        let r = try CLI.run(["render", "application", application, "-o", pack, "--seal", seal,
                             "--sign-key", pki.path("\(leaf).key"), "--sign-cert", pki.path("\(leaf).pem"),
                             "--sign-chain", pki.path("chain.pem")])
        try #require(r.status == 0, "\(r.stderr)")
        return pack
    }

    static func pyHanko(_ file: String) throws -> ProcessResult {
        try Subprocess.run("pyhanko", ["sign", "validate", "--trust", pki().path("root.pem"), "--trust-replace",
                                       "--other-certs", pki().path("chain.pem"), file])
    }

    @Test(arguments: ["rsa2048", "rsa3072", "p256", "p384"])
    func aSignedPackIsValidAndCoversTheWholeFile(leaf: String) throws {
        let dir = try CLI.temporaryFolder()
        let pack = try Self.signedPack(leaf, in: dir)
        let sig = try Subprocess.run("pdfsig", [pack])
        #expect(sig.stdout.contains("Signature Field Name: seal-applicant"), "\(sig.stdout)")
        #expect(sig.stdout.contains("Signature is Valid.") && sig.stdout.contains("Total document signed"), "\(sig.stdout)")
        #expect(sig.stdout.contains("ETSI.CAdES.detached"))
        let hanko = try Self.pyHanko(pack)
        #expect(hanko.status == 0 && hanko.stdout.contains("seal-applicant") && hanko.stdout.contains("INTACT:TRUSTED,UNTOUCHED"),
                "\(hanko.stdout)\(hanko.stderr)")
        let check = try Subprocess.run("qpdf", ["--check", pack])
        #expect(check.status == 0, "\(check.stdout)")
        let verified = try CLI.run(["verify", pack, "--trust", Self.pki().path("root.pem"), "--json"])
        #expect(verified.status == 0 && verified.stdout.contains("\"covers_whole_file\": true"), "\(verified.stdout)")
    }

    @Test func theEndorsementKeepsTheApplicantsSignatureValid() throws {
        let dir = try CLI.temporaryFolder(), pki = try Self.pki()
        let pack = try Self.signedPack("p256", in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: pack))
        let endorsed = dir.appendingPathComponent("申请表-已推荐.pdf").path
        let r = try CLI.run(["endorse", pack, Self.opinion, "-o", endorsed, "--seal", Self.seal,
                             "--sign-key", pki.path("rsa2048.key"), "--sign-cert", pki.path("rsa2048.pem"),
                             "--sign-chain", pki.path("chain.pem"), "--sign-reason", "同意推荐"])
        try #require(r.status == 0, "\(r.stderr)")
        let after = try Data(contentsOf: URL(fileURLWithPath: endorsed))
        #expect(after.starts(with: before), "the pack must be a prefix of the endorsed file")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pack)) == before, "the applicant's file is never changed")

        let sig = try Subprocess.run("pdfsig", [endorsed])
        #expect(sig.stdout.components(separatedBy: "Signature is Valid.").count == 3, "\(sig.stdout)")
        #expect(sig.stdout.contains("Signature Field Name: seal-recommender") && sig.stdout.contains("Total document signed"))
        let hanko = try Self.pyHanko(endorsed)
        #expect(hanko.status == 0, "\(hanko.stdout)\(hanko.stderr)")
        let lines = hanko.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("seal-applicant:") && $0.contains("INTACT:TRUSTED,EXTENDED_WITH_FORM_FILLING") }, "\(hanko.stdout)")
        #expect(lines.contains { $0.hasPrefix("seal-recommender:") && $0.contains("INTACT:TRUSTED,UNTOUCHED") }, "\(hanko.stdout)")
        #expect(try Subprocess.run("qpdf", ["--check", endorsed]).status == 0)

        let verified = try CLI.run(["verify", endorsed, "--trust", pki.path("root.pem"), "--json"])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("\"modified_after\": \"allowed\"") && verified.stdout.contains("\"modified_after\": \"none\""),
                "\(verified.stdout)")

        // Every copy's box shows the opinion: pages 6, 12 and 18 of the three-copy pack.
        let pages = try Subprocess.run("pdfinfo", [endorsed]).stdout
        #expect(pages.contains("Pages:           18"), "\(pages)")
        for page in ["6", "12", "18"] {
            let text = try Subprocess.run("pdftotext", ["-f", page, "-l", page, endorsed, "-"]).stdout
            for expected in ["☑同意推荐", "经初审，申报材料齐全", "上海市浦东新区市场监督管理局", "2024年5月27日"] {
                #expect(text.contains(expected), "page \(page) lacks \(expected): \(text)")
            }
        }

        // One changed byte in the applicant's part: both signatures fail, in pdfsig and in verify.
        var bytes = [UInt8](after)
        bytes[before.count / 2] ^= 0x01
        let tampered = dir.appendingPathComponent("tampered.pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: tampered))
        let bad = try Subprocess.run("pdfsig", [tampered])
        #expect(!bad.stdout.contains("Signature is Valid."), "\(bad.stdout)")
        #expect(try CLI.run(["verify", tampered]).status == 1)
    }

    @Test func anUnsignedEndorsementIsFormFillingOnly() throws {
        let dir = try CLI.temporaryFolder()
        let pack = try Self.signedPack("rsa2048", in: dir)
        let endorsed = dir.appendingPathComponent("out.pdf").path
        let r = try CLI.run(["endorse", pack, Self.opinion, "-o", endorsed, "--seal", Self.seal])
        try #require(r.status == 0, "\(r.stderr)")
        let hanko = try Self.pyHanko(endorsed)
        #expect(hanko.stdout.contains("EXTENDED_WITH_FORM_FILLING"), "\(hanko.stdout)")
        #expect(try CLI.run(["verify", endorsed]).stdout.contains("allowed"))
    }

    @Test func endorsementsThatAreRefused() throws {
        let dir = try CLI.temporaryFolder()
        let pack = dir.appendingPathComponent("pack.pdf").path, out = dir.appendingPathComponent("out.pdf").path
        #expect(try CLI.run(["render", "application", Self.application, "-o", pack]).status == 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: pack))

        let other = dir.appendingPathComponent("other.yaml")
        try String(contentsOfFile: Self.opinion, encoding: .utf8)
            .replacingOccurrences(of: "913101153325803473", with: "91310115MA1K3BTP2B").write(to: other, atomically: true, encoding: .utf8)
        let mismatch = try CLI.run(["endorse", pack, other.path, "-o", out])
        #expect(mismatch.status == 1 && mismatch.stderr.contains("[endorse.mismatch]") && mismatch.stderr.contains("application.credit_code"),
                "\(mismatch.stderr)")

        let sheet = dir.appendingPathComponent("opinion.pdf").path
        #expect(try CLI.run(["render", "opinion", Self.opinion, "-o", sheet]).status == 0)
        let notPack = try CLI.run(["endorse", sheet, Self.opinion, "-o", out])
        #expect(notPack.status == 2 && notPack.stderr.contains("[endorse.not_pack]"), "\(notPack.stderr)")
        let notPDF = try CLI.run(["endorse", Self.application, Self.opinion, "-o", out])
        #expect(notPDF.status == 2 && notPDF.stderr.contains("[pdf.not_pdf]"), "\(notPDF.stderr)")

        let overPack = try CLI.run(["endorse", pack, Self.opinion, "-o", pack])
        #expect(overPack.status == 2 && overPack.stderr.contains("[output.is_input]"), "\(overPack.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pack)) == original)
        #expect(!FileManager.default.fileExists(atPath: out))

        #expect(try CLI.run(["endorse", pack, Self.opinion, "-o", out]).status == 0)
        let twice = try CLI.run(["endorse", out, Self.opinion, "-o", dir.appendingPathComponent("again.pdf").path])
        #expect(twice.status == 2 && twice.stderr.contains("[endorse.not_pack]"), "\(twice.stderr)")
    }

    /// Each refusal of the contract's "Signing" section: exit 2, its id, and no file written.
    @Test(arguments: [
        ("expired", "expired", "sign.certificate_expired"),
        ("future", "future", "sign.certificate_expired"),
        ("encipher", "encipher", "sign.key_usage"),
        ("p256", "rsa2048", "sign.key_mismatch"),
    ])
    func signingRefusals(key: String, certificate: String, id: String) throws {
        let dir = try CLI.temporaryFolder(), pki = try Self.pki()
        let out = dir.appendingPathComponent("x.pdf").path
        let r = try CLI.run(["render", "application", Self.application, "-o", out,
                             "--sign-key", pki.path("\(key).key"), "--sign-cert", pki.path("\(certificate).pem")])
        #expect(r.status == 2 && r.stderr.contains("[\(id)]"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func passphrasesComeFromAFileOrTheEnvironmentOnly() throws {
        let dir = try CLI.temporaryFolder(), pki = try Self.pki()
        let encrypted = dir.appendingPathComponent("enc.key").path
        try pki.openssl(["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", pki.path("rsa2048.key"), "-out", encrypted,
                         "-passout", "pass:\(TestPKI.passphrase)"])
        let pass = dir.appendingPathComponent("pass.txt")
        try Data((TestPKI.passphrase + "\n").utf8).write(to: pass)
        let out = dir.appendingPathComponent("x.pdf").path
        let base = ["render", "application", Self.application, "-o", out, "--sign-key", encrypted, "--sign-cert", pki.path("rsa2048.pem")]
        #expect(try CLI.run(base + ["--sign-pass-file", pass.path]).status == 0)
        try FileManager.default.removeItem(atPath: out)
        let none = try CLI.run(base)
        #expect(none.status == 2 && none.stderr.contains("[sign.passphrase]") && !FileManager.default.fileExists(atPath: out), "\(none.stderr)")
        let docx = try CLI.run(["render", "application", Self.application, "-o", dir.appendingPathComponent("x.docx").path,
                                "--sign-key", pki.path("rsa2048.key"), "--sign-cert", pki.path("rsa2048.pem")])
        #expect(docx.status == 2 && docx.stderr.contains("[sign.format]"), "\(docx.stderr)")
    }
}
