import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoPrint

/// `shenbao render FORM DATA… -o OUT [--copies N] [--seal IMAGE] [--draft] [--format pdf|docx] [--jobs N]`
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

    @Option(help: "并行数：多个数据文件时同时渲染的文件数（默认为处理器核数） Packs rendered at once with several DATA files (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let copies, !(1...99).contains(copies) { throw ValidationError("--copies 应为 1 到 99 Copies must be 1…99.") }
        if data.isEmpty { throw ValidationError("缺少数据文件 Missing data files.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs 至少为 1 --jobs must be at least 1.") }
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
            // Packs are rendered in parallel (the printer and its fonts are shared, read-only);
            // messages come out in file order. Two DATA files that would write the same output
            // are not allowed to overwrite each other: the second is reported, as `fill` does.
            var seen = Set<String>()
            let unique = outputs.map { seen.insert($0.path).inserted }
            let failures = Failures(count: outputs.count)
            let warnings = IndexedResults<[Diagnostic]>(count: outputs.count)
            let jobList = outputs
            performInParallel(jobList.count, jobs: jobs) { i in
                let job = jobList[i]
                guard unique[i] else {
                    failures[i] = ShenbaoFailure(.unusableInput, [Diagnostic(id: "render.duplicate_output", file: job.data,
                        message: Localized(zh: "与另一个数据文件同名，输出 \(job.path) 会被覆盖，已跳过",
                                           en: "same name as another data file; \(job.path) would be overwritten, skipped"))])
                    return
                }
                do {
                    let document = try DataLoader.load(path: job.data)
                    let (bytes, issues) = try printer.render(document: document, options: options, format: job.format)
                    warnings[i] = issues
                    try AtomicFile.write(bytes, to: job.path)
                } catch let failure as ShenbaoFailure {
                    failures[i] = failure
                } catch {
                    failures[i] = ShenbaoFailure.unusable("render.failed", file: job.data, zh: "\(error)", en: "\(error)")
                }
            }
            var problems: [Diagnostic] = []
            var status = ExitStatus.ok
            for i in outputs.indices {
                problems += warnings[i] ?? []
                if let failure = failures[i] {
                    problems += failure.diagnostics
                    if failure.status.rawValue > status.rawValue { status = failure.status }
                }
            }
            if status != .ok { throw ShenbaoFailure(status, problems) }
            if !problems.isEmpty { printDiagnostics(problems, global.lang) }
        }
    }
}
