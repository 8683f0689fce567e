import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao fill TEMPLATE.docx DATA… -o OUT [--strict] [--delimiters "{ }"]` (spec/cli.md).
///
/// The template is read and compiled once; each data file gives one document. With several
/// data files every record is filled even when another fails, and the exit code is the worst;
/// documents are filled in parallel (`--jobs`), messages still in the order of the files.
struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill", abstract: "用数据填充 Word 模板 Fill a tagged Word template.")

    @Argument(help: "Word 模板 Tagged Word template (.docx).") var template: String
    @Argument(help: "数据文件 Data files (.json, .yaml, .yml; - for standard input).") var data: [String]
    @Option(name: .shortAndLong, help: "输出文件（多个数据文件时为文件夹） Output file, or folder with several data files (- for standard output).")
    var output: String?
    @Flag(name: .long, help: "缺少数据时报错 Fail, listing every missing value.") var strict = false
    @Option(name: .long, help: "标签分隔符 Tag delimiters, e.g. \"{ }\" (default \"{{ }}\").") var delimiters: String?
    @Option(name: .long, help: "并行数 Documents filled at once with several DATA files (default: the number of cores).")
    var jobs: Int?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let delimiters, Delimiters(spec: delimiters) == nil {
            throw ValidationError("--delimiters: expected two words such as \"{ }\" or \"<% %>\"")
        }
        if data.isEmpty { throw ValidationError("at least one DATA file is needed") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if data.count > 1 && output == "-" { throw ValidationError("-o - needs a single DATA file") }
        if data.count == 1 && data[0] == "-" && output == nil { throw ValidationError("reading data from standard input needs -o") }
    }

    func run() throws {
        let clock = PhaseClock(enabled: ProcessInfo.processInfo.environment["SHENBAO_TIMING"] != nil)
        defer { clock.report() }
        try reporting(global.lang) {
            let compiled = try WordTemplate(path: template, delimiters: delimiters.flatMap(Delimiters.init(spec:)) ?? .mustache)
            if data.count > 1 && output == nil {
                throw ShenbaoFailure.unusable(.fillOutput, zh: "多个数据文件时须用 -o 指定输出文件夹", en: "with several DATA files, -o must name an output folder")
            }
            let jobList = try OutputPlan.jobs(inputs: data, output: output, extensions: ["docx", "docm"], protected: [template])
            let strict = self.strict
            let outcome = ManyFiles.run(jobList, parallel: jobs, duplicate: .fillDuplicateOutput,
                                        write: { bytes, path in try clock.time(\.write) { try AtomicFile.write(bytes, to: path) } }) { job in
                let document = try clock.time(\.load) { try DataLoader.load(path: job.input) }
                let filled = try clock.time(\.fill) { try compiled.fill(document, strict: strict) }
                clock.count()
                return (filled.bytes, filled.warnings)
            }
            if outcome.status != .ok { throw ShenbaoFailure(outcome.status, outcome.diagnostics) }
            printDiagnostics(outcome.diagnostics, global.lang)
        }
    }
}

/// With `SHENBAO_TIMING` set, `fill` prints the time of its phases to standard error
/// (bench/fill reads it): summed over all documents and threads.
final class PhaseClock: Sendable {
    struct Totals { var load = 0.0, fill = 0.0, write = 0.0, documents = 0 }
    let enabled: Bool
    let start = DispatchTime.now().uptimeNanoseconds
    private let totals = Locked(Totals())

    init(enabled: Bool) { self.enabled = enabled }

    func time<T>(_ phase: WritableKeyPath<Totals, Double>, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let begin = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6
            totals.withLock { $0[keyPath: phase] += elapsed }
        }
        return try body()
    }

    func count() { if enabled { totals.withLock { $0.documents += 1 } } }

    func report() {
        guard enabled else { return }
        let t = totals.withLock { $0 }
        let n = Double(max(t.documents, 1))
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        writeStandardError(String(format: "timing: %d documents, total %.1f ms; per document: load %.3f ms, fill %.3f ms, write %.3f ms\n",
                                  t.documents, total, t.load / n, t.fill / n, t.write / n))
    }
}
