import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao verify FILE.pdf… [--trust CERT.pem…] [--json]` (spec/cli.md): every signature of
/// every file; exit 0 when all are good, 1 when one is not, 2 when a file is no readable PDF.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "核验 PDF 的数字签名 Verify the signatures of PDFs.")

    @Argument(help: "PDF 文件 PDF files.") var files: [String]
    @Option(help: "可信的根证书（PEM 或 DER，可多次） Trusted certificates.") var trust: [String] = []
    @Flag(help: "输出 JSON 报告 Print one JSON report.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = blocking { await SignatureReport.run(files: files, trust: trust) }
        try reporting(global.lang) {
            try AtomicFile.write(Data((json ? report.json(global.lang) + "\n" : report.text(global.lang)).utf8), to: "-")
        }
        if report.status != .ok { throw ExitCode(report.status.rawValue) }
    }
}
