import Foundation

/// Writes output files so that an error never leaves a partial or empty file behind:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    /// Writes `data` to `path` atomically; `-` writes to standard output.
    public static func write(_ data: some DataProtocol, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(data))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0 ... .max)).tmp")
        do {
            try Data(data).write(to: temp)
            if rename(temp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw ShenbaoFailure.unusable("output.write", file: path,
                zh: "无法写入输出文件：\(error.localizedDescription)",
                en: "cannot write the output file: \(error.localizedDescription)")
        }
    }
}
