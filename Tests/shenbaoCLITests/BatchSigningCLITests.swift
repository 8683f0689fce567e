import Foundation
import ShenbaoTestSupport
import Testing

/// `batch --recommender --seal` with the signing options: every opinion and every endorsed pack
/// sealed and signed by the department, as `render --sign-key` and `endorse` sign them.
@Suite(.requires(.uming, .openssl, .poppler, .qpdf))
struct BatchSigningCLITests {
    @Test func opinionsAndEndorsementsAreSignedAndValid() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: BatchFixtures.sample, toPath: input.appendingPathComponent("a.yaml").path)
        let pki = try TestPKI.shared.get()
        let seal = CLI.packageRoot.appendingPathComponent("templates/examples/公章.png").path
        let outdir = folder.appendingPathComponent("out")
        let run = try CLI.run(["batch", input.path, "-o", outdir.path, "--recommender", try BatchFixtures.recommender(in: folder).path,
                               "--seal", seal, "--sign-key", pki.path("p256.key"), "--sign-cert", pki.path("p256.pem"),
                               "--sign-chain", pki.path("chain.pem"), "--progress", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        let record = outdir.appendingPathComponent("records/001-上海浦东智慧养老服务有限公司")
        for name in ["推荐意见表.pdf", "申请表-已推荐.pdf"] {
            let file = record.appendingPathComponent(name)
            let sig = try Subprocess.run("pdfsig", [file.path])
            #expect(sig.stdout.contains("Signature is Valid.") && sig.stdout.contains("Total document signed"), "\(name): \(sig.stdout)")
            #expect(try BatchFixtures.qpdfCheck(file) == nil)
        }
        let endorsed = try Subprocess.run("pdftotext", [record.appendingPathComponent("申请表-已推荐.pdf").path, "-"]).stdout
        #expect(endorsed.contains("同意推荐") && endorsed.contains("上海市浦东新区市场监督管理局"), "the opinion is in the pack's box")
        // The applicant's own pack is left as rendered: not signed, not endorsed.
        let pack = try Subprocess.run("pdfsig", [record.appendingPathComponent("申请表.pdf").path])
        #expect(!pack.stdout.contains("Signature is Valid."))
    }

    @Test func signingWithoutARecommenderIsAUsageError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pki = try TestPKI.shared.get()
        let run = try CLI.run(["batch", BatchFixtures.sample, "-o", folder.appendingPathComponent("out").path,
                               "--sign-key", pki.path("p256.key"), "--sign-cert", pki.path("p256.pem")])
        #expect(run.status == 64 && run.stderr.contains("--recommender"), "\(run.stderr)")
    }
}
