import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoDOCX
import ShenbaoTemplate

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

    /// Templates larger than this are refused before reading (the ZIP limits apply after).
    static let maxTemplateBytes = 100 << 20

    func validate() throws {
        if let delimiters, Delimiters(spec: delimiters) == nil {
            throw ValidationError("--delimiters: expected two words such as \"{ }\" or \"<% %>\"")
        }
        if data.isEmpty { throw ValidationError("at least one DATA file is needed") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if data.count > 1 && output == "-" { throw ValidationError("-o - needs a single DATA file") }
        if data.count == 1 && data[0] == "-" && output == nil { throw ValidationError("reading data from standard input needs -o") }
    }

    /// With `SHENBAO_TIMING` set, the time of each phase goes to standard error (bench/fill reads it).
    private static let timing = ProcessInfo.processInfo.environment["SHENBAO_TIMING"] != nil
    /// Phase times summed over all documents (and threads), under a lock.
    private final class Clock: @unchecked Sendable {
        var load = 0.0, fill = 0.0, write = 0.0, documents = 0
        let lock = NSLock()
    }
    private static let clock = Clock()

    private func timed<T>(_ phase: ReferenceWritableKeyPath<Clock, Double>, _ body: () throws -> T) rethrows -> T {
        guard Self.timing else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            Self.clock.lock.withLock { Self.clock[keyPath: phase] += elapsed }
        }
        return try body()
    }

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            if Self.timing {
                let n = Double(max(Self.clock.documents, 1))
                let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                FileHandle.standardError.write(Data(String(format: "timing: %d documents, total %.1f ms; per document: load %.3f ms, fill %.3f ms, write %.3f ms\n",
                    Self.clock.documents, total, Self.clock.load / n, Self.clock.fill / n, Self.clock.write / n).utf8))
            }
        }
        try reporting(global.lang) {
            let compiled = try Self.loadTemplate(template, delimiters: delimiters.flatMap(Delimiters.init(spec:)) ?? .mustache)
            if data.count == 1 {
                var isFolder: ObjCBool = false
                let out = output.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue
                    ? Self.outputName(for: data[0], in: $0) : $0 } ?? Self.outputName(for: data[0], in: nil)
                try fillOne(compiled, data: data[0], to: out)
                return
            }
            guard let folder = output else {
                throw ShenbaoFailure.unusable("fill.output", zh: "多个数据文件时须用 -o 指定输出文件夹", en: "with several DATA files, -o must name an output folder")
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw ShenbaoFailure.unusable("output.write", file: folder, zh: "无法创建输出文件夹", en: "cannot create the output folder")
            }
            var seen = Set<String>()
            let outputs = data.map { file -> String? in
                let out = Self.outputName(for: file, in: folder)
                return seen.insert(out).inserted ? out : nil
            }
            let failures = Failures(count: data.count)
            performInParallel(data.count, jobs: jobs) { i in
                guard let out = outputs[i] else {
                    failures[i] = ShenbaoFailure(.unusableInput, [Diagnostic(id: "fill.duplicate_output", file: data[i],
                        message: Localized(zh: "与另一个数据文件同名，输出 \(Self.outputName(for: data[i], in: folder)) 会被覆盖，已跳过",
                                           en: "same name as another data file; \(Self.outputName(for: data[i], in: folder)) would be overwritten, skipped"))])
                    return
                }
                do {
                    try fillOne(compiled, data: data[i], to: out)
                } catch let failure as ShenbaoFailure {
                    failures[i] = failure
                } catch {
                    failures[i] = ShenbaoFailure.unusable("fill.failed", file: data[i], zh: "\(error)", en: "\(error)")
                }
            }
            let all = failures.all
            if let worst = all.map(\.status).max(by: { $0.rawValue < $1.rawValue }) {
                throw ShenbaoFailure(worst, all.flatMap(\.diagnostics))
            }
        }
    }

    private func fillOne(_ template: DOCXTemplate, data file: String, to out: String) throws {
        let document = try timed(\.load) { try DataLoader.load(path: file) }
        let folder = file == "-" ? nil : (file as NSString).deletingLastPathComponent
        let bytes = try timed(\.fill) {
            try template.fill(document.root, strict: strict, dataFile: file, resourceDirectory: folder.map { $0.isEmpty ? "." : $0 })
        }
        try timed(\.write) { try AtomicFile.write(bytes, to: out) }
        Self.clock.lock.withLock { Self.clock.documents += 1 }
    }

    /// Reads and compiles a Word template, refusing what is too large to be one.
    static func loadTemplate(_ path: String, delimiters: Delimiters) throws -> DOCXTemplate {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ShenbaoFailure.unusable("template.unreadable", file: path, zh: "无法读取模板文件", en: "cannot read the template file")
        }
        defer { try? handle.close() }
        let data = handle.readData(ofLength: maxTemplateBytes + 1)
        guard data.count <= maxTemplateBytes else {
            throw ShenbaoFailure.unusable("template.too_large", file: path, zh: "模板文件超过 100 MB，已拒绝", en: "template file exceeds 100 MB; refused")
        }
        return try DOCXTemplate(bytes: [UInt8](data), file: path, delimiters: delimiters)
    }

    /// `<DATA stem>.docx`, next to DATA or in `folder`.
    static func outputName(for dataFile: String, in folder: String?) -> String {
        let stem = ((dataFile as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = (stem.isEmpty || dataFile == "-" ? "stdin" : stem) + ".docx"
        if let folder { return (folder as NSString).appendingPathComponent(name) }
        return ((dataFile as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
    }
}
