import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao render FORM DATA… -o OUT [--copies N] [--seal IMAGE] [--draft] [--format pdf|docx] [--jobs N] [signing options]`
/// (spec/cli.md): validate, then lay the form out and write the print pack; with several DATA
/// files the packs are rendered on all cores, like `fill`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "渲染表格为 PDF 或 DOCX Render a form to PDF or DOCX.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "表格：application、opinion、summary，或版式文件路径 Form name or layout file.")
    var form: String

    @Argument(help: "数据文件（.yaml、.yml、.json；- 为标准输入） Data files.")
    var data: [String]

    @Option(name: .shortAndLong, help: "输出文件（.pdf 或 .docx）；多个数据文件时为文件夹 Output file, or folder for several data files.")
    var output: String

    @Option(help: "份数（默认取表格设定：申请表 3 份） Copies in the print pack.")
    var copies: Int?

    @Option(help: "印章图片（带透明的 PNG 或 JPEG） Seal image.")
    var seal: String?

    @Flag(help: "草稿：不通过校验也渲染，每页标注“草稿” Render even with errors, marked 草稿.")
    var draft = false

    @Option(help: "多个数据文件时的输出格式 pdf 或 docx Output format for several data files.")
    var format: String?

    @OptionGroup var signing: SigningOptions

    @Option(help: "并行数：多个数据文件时同时渲染的文件数（默认为处理器核数） Packs rendered at once with several DATA files (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let copies, !(1...99).contains(copies) { throw ValidationError("--copies 应为 1 到 99 Copies must be 1…99.") }
        if data.isEmpty { throw ValidationError("缺少数据文件 Missing data files.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs 至少为 1 --jobs must be at least 1.") }
    }

    /// The output of each data file and the format it is written in.
    /// The output of each data file and the format it is written in: `--format`, else the
    /// output's extension, else PDF (standard output, folders). The two may not disagree.
    func plannedOutputs() throws -> (jobs: [FileJob], format: OutputFormat) {
        let asked = try format.map { name -> OutputFormat in
            guard let f = OutputFormat(rawValue: name) else {
                throw ShenbaoFailure(.usage, [Diagnostic(id: .usageFormat, message: Localized(
                    zh: "--format 只能是 pdf 或 docx", en: "--format must be pdf or docx"))])
            }
            return f
        }
        let named = OutputFormat(path: output)
        if let asked, let named, asked != named {
            throw ShenbaoFailure(.usage, [Diagnostic(id: .usageFormat, file: output, message: Localized(
                zh: "--format \(asked.rawValue) 与输出文件的扩展名 .\(named.rawValue) 不一致",
                en: "--format \(asked.rawValue) disagrees with the output's extension .\(named.rawValue)"))])
        }
        let f = asked ?? named ?? .pdf
        let jobs = try OutputPlan.jobs(inputs: data, output: output, extensions: [f.rawValue],
                                       protected: [seal, signing.signKey, signing.signCert, signing.signChain, signing.signPassFile].compactMap { $0 })
        return (jobs, f)
    }

    func run() throws {
        try reporting(global.lang) {
            let (jobList, format) = try plannedOutputs()
            let renderer = try PackRenderer(form: form)
            let signer = try signing.load()
            var sealImage: SealImage?
            if let seal {
                sealImage = try SealImage(path: seal)
            }
            let options = PrintOptions(copies: copies, seal: sealImage, draft: draft)
            let outcome = ManyFiles.run(jobList, parallel: jobs, duplicate: .renderDuplicateOutput) { job in
                let rendered = try renderer.render(DataLoader.load(path: job.input), format: format, options: options, signing: signer)
                return (rendered.bytes, rendered.issues)
            }
            if outcome.status != .ok { throw ShenbaoFailure(outcome.status, outcome.diagnostics) }
            if !outcome.diagnostics.isEmpty { printDiagnostics(outcome.diagnostics, global.lang) }
        }
    }
}
