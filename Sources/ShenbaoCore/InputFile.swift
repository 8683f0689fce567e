import Foundation

/// Reads an input file (or standard input, `-`) whole, refusing what is not a regular file or is
/// larger than `limit` before it can exhaust memory: an endless `/dev/zero` on standard input stops
/// at the limit like a huge file does.
public enum InputFile {
    /// The bytes of `path`; `unreadable` names the problem when the file cannot be read,
    /// `tooLarge` when it passes `limit` bytes (`limitText` says the limit in messages, "16 MB").
    public static func read(_ path: String, limit: Int, unreadable: Diagnostic.ID, tooLarge: Diagnostic.ID,
                            limitText: String) throws -> Data {
        if path != "-" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                throw ShenbaoFailure.unusable(unreadable, file: path,
                    zh: "不是文件，是文件夹：请给出文件的路径", en: "is a folder, not a file: give the path of a file")
            }
        }
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else if let opened = FileHandle(forReadingAtPath: path) {
            handle = opened
        } else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ShenbaoFailure.unusable(unreadable, file: path,
                zh: exists ? "无法读取文件（没有读取权限？）" : "找不到文件",
                en: exists ? "cannot read the file (no permission?)" : "file not found")
        }
        defer { if path != "-" { try? handle.close() } }
        var data = Data()
        do {
            // In chunks, so standard input that never ends is cut off at the limit.
            while data.count <= limit, let chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - data.count)), !chunk.isEmpty {
                data.append(chunk)
            }
        } catch {
            throw ShenbaoFailure(.unusableInput, [Diagnostic(id: unreadable, file: path,
                message: Localized(zh: "读取文件时出错", en: "error while reading the file"), cause: error)])
        }
        guard data.count <= limit else {
            throw ShenbaoFailure.unusable(tooLarge, file: path,
                zh: "文件超过 \(limitText) 上限，已拒绝", en: "the file exceeds the \(limitText) limit; refused")
        }
        return data
    }
}
