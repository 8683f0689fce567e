import Foundation
import Testing
import ShenbaoTestSupport

/// `shenbao verify` reads signatures other tools made (pyHanko here) and agrees with them; a
/// changed byte is caught; an unsigned PDF and a non-PDF get the documented exit codes.
@Suite struct VerifyCLITests {
    static let sample = CLI.packageRoot.appendingPathComponent("templates/samples/application.yaml").path

    @Test(.requires(.openssl, .pyHanko)) func pyHankoSignaturesAreVerifiedAndTamperingCaught() throws {
        let dir = try CLI.temporaryFolder()
        let pack = dir.appendingPathComponent("pack.pdf").path, signed = dir.appendingPathComponent("signed.pdf").path
        let key = dir.appendingPathComponent("k.pem").path, cert = dir.appendingPathComponent("c.pem").path
        #expect(try CLI.run(["render", "application", Self.sample, "-o", pack]).status == 0)
        let made = try Subprocess.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
            "-days", "30", "-utf8", "-subj", "/CN=上海市某区市场监督管理局/O=测试", "-addext", "keyUsage=digitalSignature,nonRepudiation"])
        try #require(made.status == 0, "\(made.stderr)")
        let sign = try Subprocess.run("pyhanko", ["sign", "addsig", "--field", "Sig1", "pemder", "--key", key, "--cert", cert,
                                                  "--no-pass", pack, signed])
        try #require(sign.status == 0, "\(sign.stderr)")

        let good = try CLI.run(["verify", signed, "--trust", cert, "--json"])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("\"intact\": true") && good.stdout.contains("\"trusted\": true"), "\(good.stdout)")
        #expect(good.stdout.contains("上海市某区市场监督管理局"))

        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: signed)))
        // A byte of the first page's content, inside the signed range.
        let stream = Array("stream\n".utf8)
        let at = try #require((0..<(bytes.count - stream.count)).first { Array(bytes[$0..<$0 + stream.count]) == stream })
        bytes[at + stream.count + 3] ^= 1
        let tampered = dir.appendingPathComponent("tampered.pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: tampered))
        let bad = try CLI.run(["verify", tampered, "--trust", cert])
        #expect(bad.status == 1 && bad.stdout.contains("内容完整：否"), "\(bad.stdout)")
    }

    @Test func unsignedAndUnreadableFiles() throws {
        let dir = try CLI.temporaryFolder()
        let pack = dir.appendingPathComponent("pack.pdf").path
        #expect(try CLI.run(["render", "application", Self.sample, "-o", pack]).status == 0)
        let unsigned = try CLI.run(["verify", pack])
        #expect(unsigned.status == 1 && unsigned.stdout.contains("没有数字签名"))
        let notPDF = try CLI.run(["verify", Self.sample])
        #expect(notPDF.status == 2 && notPDF.stdout.contains("pdf.not_pdf"), "\(notPDF.stdout)")
    }

    @Test(.requires(.openpyxl)) func theBatchTemplateOpensInOpenpyxl() throws {
        let dir = try CLI.temporaryFolder()
        let sheet = dir.appendingPathComponent("申报汇总表.xlsx").path
        #expect(try CLI.run(["batch-template", "-o", sheet]).status == 0)
        let r = try CLI.python("import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); ws=wb.worksheets[0]; print(wb.sheetnames[1], ws.freeze_panes, ws.cell(1,1).value)", [sheet])
        #expect(r.status == 0 && r.stdout.contains("填写说明") && r.stdout.contains("A2"), "\(r.stdout)\(r.stderr)")
    }
}
