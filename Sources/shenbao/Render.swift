import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoPrint

/// `shenbao render FORM DATA… -o OUT [--copies N] [--seal IMAGE] [--draft] [--format pdf|docx]`
/// (spec/cli.md): validate, then lay the form out and write the print pack.
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

    func validate() throws {
        if let copies, !(1...99).contains(copies) { throw ValidationError("--copies 应为 1 到 99 Copies must be 1…99.") }
        if data.isEmpty { throw ValidationError("缺少数据文件 Missing data files.") }
    }

    func run() throws {
        try reporting(global.lang) {
            var outputs: [(data: String, path: String, format: OutputFormat)] = []
            if data.count == 1 && output == "-" {
                // Standard output: the kind comes from --format (PDF unless told).
                outputs = [(data[0], output, format.flatMap(OutputFormat.init(rawValue:)) ?? .pdf)]
            } else if data.count == 1 && format == nil {
                guard let f = OutputFormat(path: output) else {
                    throw ShenbaoFailure.unusable("output.format", file: output,
                        zh: "输出文件的扩展名应为 .pdf 或 .docx", en: "the output must end in .pdf or .docx")
                }
                outputs = [(data[0], output, f)]
            } else {
                let f = try format.map { name -> OutputFormat in
                    guard let f = OutputFormat(rawValue: name) else {
                        throw ShenbaoFailure(.usage, [Diagnostic(id: "usage.format", message: Localized(
                            zh: "--format 只能是 pdf 或 docx", en: "--format must be pdf or docx"))])
                    }
                    return f
                } ?? OutputFormat(path: output) ?? .pdf
                if data.count == 1, OutputFormat(path: output) != nil {
                    outputs = [(data[0], output, f)]
                } else {
                    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                    outputs = data.map { d in
                        let stem = d == "-" ? "stdin" : URL(fileURLWithPath: d).deletingPathExtension().lastPathComponent
                        return (d, (output as NSString).appendingPathComponent("\(stem).\(f.rawValue)"), f)
                    }
                }
            }
            let layout = try BuiltInForms.layout(form)
            let printer = try FormPrinter(layout: layout, library: FontLibrary.standard())
            var sealImage: SealImage?
            if let seal {
                guard let bytes = FileManager.default.contents(atPath: seal) else {
                    throw ShenbaoFailure.unusable("seal.unreadable", file: seal, zh: "无法读取印章图片", en: "cannot read the seal image")
                }
                sealImage = SealImage(data: bytes, name: seal)
            }
            let options = PrintOptions(copies: copies, seal: sealImage, draft: draft)
            var problems: [Diagnostic] = []
            var status = ExitStatus.ok
            for job in outputs {
                do {
                    let document = try DataLoader.load(path: job.data)
                    let (bytes, issues) = try printer.render(document: document, options: options, format: job.format)
                    problems += issues
                    try AtomicFile.write(bytes, to: job.path)
                } catch let failure as ShenbaoFailure {
                    problems += failure.diagnostics
                    if failure.status.rawValue > status.rawValue { status = failure.status }
                }
            }
            if status != .ok { throw ShenbaoFailure(status, problems) }
            if !problems.isEmpty { printDiagnostics(problems, global.lang) }
        }
    }
}
