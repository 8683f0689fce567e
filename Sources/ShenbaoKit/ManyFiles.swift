import Foundation

/// One input file and the file it makes.
public struct FileJob: Sendable, Hashable {
    /// The data file, as the user named it (`-` for standard input).
    public var input: String
    /// Where the output goes (`-` for standard output).
    public var output: String

    public init(input: String, output: String) { self.input = input; self.output = output }
}

/// What a run over many files ended with: every message in the order of the files, and the
/// worst exit status.
public struct ManyFilesOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var status: ExitStatus
}

/// The many-inputs → many-outputs loop that `fill`, `render` and the batch runner share: work on
/// all cores, every output written atomically, one bad record never stopping the others, and two
/// inputs that would write the same output never overwriting each other.
public enum ManyFiles {
    /// Runs `work` for each job on up to `parallel` threads (default: the cores) and writes what
    /// it returns to the job's output. A job whose output an earlier job already writes is not
    /// run: it is reported with `duplicate`. `write` stores one output (atomically, by default).
    public static func run(_ jobs: [FileJob], parallel: Int?, duplicate: Diagnostic.ID,
                           write: @escaping @Sendable (Data, String) throws -> Void = { try AtomicFile.write($0, to: $1) },
                           work: @escaping @Sendable (FileJob) throws -> (bytes: Data, warnings: [Diagnostic])) -> ManyFilesOutcome {
        var seen = Set<String>()
        let unique = jobs.map { seen.insert($0.output).inserted }
        let results = mapInParallel(jobs.count, jobs: parallel) { i -> (warnings: [Diagnostic], failure: ShenbaoFailure?) in
            let job = jobs[i]
            guard unique[i] else {
                return ([], ShenbaoFailure(.unusableInput, [Diagnostic(id: duplicate, file: job.input,
                    message: Localized(zh: "与另一个数据文件同名，输出 \(job.output) 会被覆盖，已跳过",
                                       en: "same name as another data file; \(job.output) would be overwritten, skipped"))]))
            }
            do {
                let (bytes, warnings) = try work(job)
                try write(bytes, job.output)
                return (warnings, nil)
            } catch {
                return ([], ShenbaoFailure(caught: error, file: job.input))
            }
        }
        var diagnostics: [Diagnostic] = []
        var status = ExitStatus.ok
        for result in results {
            diagnostics += result.warnings
            if let failure = result.failure {
                diagnostics += failure.diagnostics
                if failure.status.rawValue > status.rawValue { status = failure.status }
            }
        }
        return ManyFilesOutcome(diagnostics: diagnostics, status: status)
    }

    /// `<input stem>.<ext>` in `folder`, or next to the input when `folder` is nil; standard
    /// input is named `stdin`.
    public static func output(for input: String, in folder: String?, extension ext: String) -> String {
        let stem = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = (stem.isEmpty || input == "-" ? "stdin" : stem) + "." + ext
        if let folder { return (folder as NSString).appendingPathComponent(name) }
        return ((input as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
    }

    /// Makes `folder` (and its parents) for several outputs.
    public static func makeFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ShenbaoFailure(.unusableInput, [Diagnostic(id: .outputWrite, file: folder,
                message: Localized(zh: "无法创建输出文件夹", en: "cannot create the output folder"), cause: error)])
        }
    }
}
