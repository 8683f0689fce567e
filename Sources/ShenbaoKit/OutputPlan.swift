import Foundation

/// Where each input's output goes, decided the same way by every command (`fill`, `render`,
/// `text`, and `batch` for its folders):
/// - `-o -` is standard output, for one input;
/// - `-o` naming an existing folder, or ending in `/`, or given several inputs, is a folder: each
///   input gives `<stem>.<ext>` there, and the folder (with its parents) is made when missing;
/// - otherwise `-o` is the file, its extension must say the format, and missing parent folders
///   are made;
/// - without `-o` (`fill`), each output goes next to its input.
/// An output that is one of the inputs (by any path or link) is refused: no input is ever overwritten.
public enum OutputPlan {
    /// The jobs for `inputs`. `extensions` are the file endings the command writes (the first is
    /// used in folders); `format` names them in messages (`.docx`). `protected` are the other
    /// inputs (a template, a seal) that no output may replace.
    public static func jobs(inputs: [String], output: String?, extensions: [String], protected: [String] = []) throws -> [FileJob] {
        let ext = extensions[0]
        let jobs: [FileJob]
        if output == "-" {
            guard inputs.count == 1 else {
                throw usage(zh: "-o - 只能用于一个数据文件", en: "-o - needs a single DATA file")
            }
            jobs = [FileJob(input: inputs[0], output: "-")]
        } else if let output, isFolder(output) || output.hasSuffix("/") || inputs.count > 1 {
            let namesAFile = !isFolder(output) && !output.hasSuffix("/")
                && extensions.contains((output as NSString).pathExtension.lowercased())
            if namesAFile {
                throw usage(zh: "多个数据文件时 -o 应为文件夹，而不是 \(output)", en: "with several DATA files, -o must be a folder, not \(output)")
            }
            try ManyFiles.makeFolder(output)
            jobs = inputs.map { FileJob(input: $0, output: ManyFiles.output(for: $0, in: output, extension: ext)) }
        } else if let output {
            guard extensions.contains((output as NSString).pathExtension.lowercased()) else {
                let list = extensions.map { ".\($0)" }.joined(separator: " 或 ")
                throw usage(zh: "输出文件 \(output) 的扩展名应为 \(list)", en: "the output \(output) must end in \(extensions.map { ".\($0)" }.joined(separator: " or "))")
            }
            let parent = (output as NSString).deletingLastPathComponent
            if !parent.isEmpty && !isFolder(parent) { try ManyFiles.makeFolder(parent) }
            jobs = [FileJob(input: inputs[0], output: output)]
        } else {
            jobs = inputs.map { FileJob(input: $0, output: ManyFiles.output(for: $0, in: nil, extension: ext)) }
        }
        try refuseOverwritingInputs(jobs, inputs: inputs + protected)
        return jobs
    }

    /// Throws when an output would replace one of `inputs`.
    public static func refuseOverwritingInputs(_ jobs: [FileJob], inputs: [String]) throws {
        let clashes = jobs.compactMap { job in inputs.first { FileIdentity.same(job.output, $0) }.map { (job.output, $0) } }
        guard !clashes.isEmpty else { return }
        throw ShenbaoFailure(.unusableInput, clashes.map { output, input in
            Diagnostic(id: .outputIsInput, file: output, message: Localized(
                zh: "输出文件就是输入文件 \(input)，已拒绝（不会覆盖任何输入）",
                en: "the output is the input \(input); refused (no input is ever overwritten)"))
        })
    }

    static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    static func usage(zh: String, en: String) -> ShenbaoFailure {
        ShenbaoFailure(.usage, [Diagnostic(id: .usageArgument, message: Localized(zh: zh, en: en))])
    }
}
