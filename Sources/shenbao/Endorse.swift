import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao endorse PACK.pdf OPINION.yaml -o OUT.pdf [--seal IMAGE] [signing options]`
/// (spec/cli.md): the department's opinion written into every copy's 推荐部门意见 box of an
/// applicant's pack, as an incremental update that keeps the applicant's signature valid.
struct Endorse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "endorse",
        abstract: "在申请表中填写推荐部门意见并盖章、签名 Endorse an application pack with the department's opinion.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "shenbao 生成的申请表 PDF The applicant's pack.") var pack: String
    @Argument(help: "推荐意见数据文件（.yaml、.json） The opinion data.") var opinion: String
    @Option(name: .shortAndLong, help: "输出的 PDF（不能是原申请表） The endorsed pack (never the input pack).") var output: String
    @Option(help: "推荐部门印章图片（PNG 或 JPEG） The department's seal image.") var seal: String?
    @OptionGroup var signing: SigningOptions

    func run() throws {
        try reporting(global.lang) {
            let protected = [pack, seal, signing.signKey, signing.signCert, signing.signChain, signing.signPassFile].compactMap { $0 }
            _ = try OutputPlan.jobs(inputs: [opinion], output: output, extensions: ["pdf"], protected: protected)
            let signer = try signing.load()
            let sealImage = try seal.map { try SealImage(path: $0) }
            let endorsed = try Endorser().endorse(packAt: pack, opinion: DataLoader.load(path: opinion), seal: sealImage, signing: signer)
            try AtomicFile.write(endorsed.bytes, to: output)
            if !endorsed.issues.isEmpty { printDiagnostics(endorsed.issues, global.lang) }
        }
    }
}
