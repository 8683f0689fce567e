import ArgumentParser
import Dispatch
import Foundation
import ShenbaoKit

/// `shenbao batch INPUT -o OUTDIR [--jobs N] [--recommender DATA] [--seal IMAGE] [signing options]
/// [--combined] [--zip] [--sheet NAME] [--progress auto|always|never]` (spec/cli.md `batch`): a host over
/// `BatchRunner` that shows progress, turns Ctrl-C into a clean stop and exits 0, 1 or 2.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "批量生成申报材料 Generate every applicant's files from a spreadsheet or folder.")

    enum ProgressMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: "输入：.csv、.xlsx 或数据文件夹 Input: a .csv, an .xlsx or a folder of data files.") var input: String
    @Option(name: .shortAndLong, help: "输出文件夹 Output folder.") var output: String
    @Option(help: "并行数（默认为处理器核数） Records rendered at once (default: the number of cores).") var jobs: Int?
    @Option(help: "推荐意见数据（不含 application 部分） Opinion data without its application part.") var recommender: String?
    @Option(help: "推荐部门印章图片 The department's seal on every opinion and endorsement.") var seal: String?
    @OptionGroup var signing: SigningOptions
    @Flag(help: "另生成 all.pdf（全部申请表，一个打印任务） Also write all.pdf, every pack for one print job.") var combined = false
    @Flag(help: "另生成 OUTDIR.zip Also write OUTDIR.zip.") var zip = false
    @Option(help: "工作表名称（.xlsx） The worksheet to read.") var sheet: String?
    @Option(help: "进度显示：auto、always、never Progress display.") var progress: ProgressMode = .auto
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs 至少为 1 --jobs must be at least 1.") }
    }

    func run() throws {
        let lang = global.lang
        let cancellation = BatchCancellation()
        // Ctrl-C asks the runner to stop: records being rendered finish (well under a second),
        // the manifest is saved, no file is left half-written.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { cancellation.cancel() }
        interrupt.resume()
        defer { interrupt.cancel() }

        let display = ProgressDisplay(mode: progress, lang: lang)
        var outcome: BatchOutcome?
        try reporting(lang) {
            if signing.signKey != nil && recommender == nil {
                throw ShenbaoFailure(.usage, [Diagnostic(id: .usageArgument, message: Localized(
                    zh: "签名选项用于推荐意见和推荐后的申请表，需要 --recommender", en: "the signing options sign opinions and endorsements: they need --recommender"))])
            }
            let options = BatchOptions(input: input, output: output, sheet: sheet, jobs: jobs, recommender: recommender,
                                       seal: seal, signing: try signing.load(), combined: combined, zip: zip, lang: lang)
            outcome = try BatchRunner.run(options, cancellation: cancellation) { display.show($0) }
        }
        guard let outcome else { return }
        display.finish()
        var notes = outcome.warnings
        for row in outcome.rows where row.status != .ok { notes += row.issues }
        printDiagnostics(notes, lang)
        writeStandardError(outcome.closingLine(lang) + "\n")
        if outcome.interrupted { throw ExitCode(130) }
        if outcome.status != .ok { throw ExitCode(outcome.status.rawValue) }
    }
}

/// The progress of a batch on standard error: on a terminal one line redrawn in place (at most
/// ten times a second), otherwise a plain line every few seconds, or nothing.
final class ProgressDisplay: Sendable {
    private struct State { var shown = 0.0, drawn = false }
    private let live: Bool
    private let enabled: Bool
    private let lang: Lang
    private let state = Locked(State())
    /// Seconds between plain lines, for logs.
    static let plainInterval = 5.0

    init(mode: Batch.ProgressMode, lang: Lang) {
        let terminal = isatty(STDERR_FILENO) == 1
        enabled = mode != .never
        live = mode == .always || (mode == .auto && terminal)
        self.lang = lang
    }

    func show(_ progress: BatchProgress) {
        guard enabled else { return }
        let text: String? = state.withLock { s in
            let interval = live ? 0.1 : Self.plainInterval
            let last = progress.done == progress.total
            guard last || progress.elapsed - s.shown >= interval else { return nil }
            guard live || progress.done > 0 else { return nil }
            s.shown = progress.elapsed
            s.drawn = live
            return live ? "\r\u{1B}[K" + progress.line(lang) : progress.line(lang) + "\n"
        }
        if let text { writeStandardError(text) }
    }

    /// Ends the live line so what follows starts on its own.
    func finish() {
        if state.withLock({ $0.drawn }) { writeStandardError("\n") }
    }
}
