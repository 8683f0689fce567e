import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One batch at a time per OUTDIR: an exclusive `flock` on `OUTDIR/.shenbao-batch.lock`, held
/// while the batch runs. The kernel releases it when the process ends however it ends, so a
/// killed batch never leaves a stale lock that refuses the next one.
final class BatchLock {
    static let fileName = ".shenbao-batch.lock"
    private let descriptor: Int32

    /// Takes the lock, or throws `batch.locked` (exit 2) when another batch holds it.
    init(folder: String) throws {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ShenbaoFailure.unusable(.outputWrite, file: path, zh: "无法创建锁文件：\(String(cString: strerror(errno)))",
                                          en: "cannot create the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw ShenbaoFailure.unusable(.batchLocked, file: folder,
                zh: "另一个批量任务正在写入此输出文件夹；请等待其完成，或换一个文件夹",
                en: "another batch is writing into this output folder; wait for it to finish or choose another folder")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Removes the temporary files (`AtomicFile.isTemporary`) a killed batch left in `folder` and
    /// its record folders: under the lock no other batch is writing them.
    static func sweepTemporaryFiles(in folder: String) {
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder) else { return }
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").count > 3 { walker.skipDescendants(); continue }
            if AtomicFile.isTemporary((relative as NSString).lastPathComponent) {
                try? manager.removeItem(atPath: (folder as NSString).appendingPathComponent(relative))
            }
        }
    }
}
