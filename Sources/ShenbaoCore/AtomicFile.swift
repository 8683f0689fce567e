import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files so that an error never leaves a partial or empty file behind:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
///
/// An existing target keeps its permissions, and a target that is a symbolic link is written
/// through: the file it points to is replaced, the link stays a link.
///
/// No fsync: the promise is about errors in this program (a failed render never replaces a
/// good file), not about power loss, and an fsync per file made batch writes disk-bound.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically; `-` writes to standard output.
    public static func write(_ bytes: some DataProtocol, to path: String) throws {
        if path == "-" {
            do {
                try FileHandle.standardOutput.write(contentsOf: Data(bytes))
            } catch {
                throw ShenbaoFailure(.unusableInput, [Diagnostic(id: .outputWrite, file: "-",
                    message: Localized(zh: "无法写入标准输出", en: "cannot write to standard output"), cause: error)])
            }
            return
        }
        try write(to: path) { file in
            for region in bytes.regions { region.withUnsafeBytes { file.write($0) } }
        }
    }

    /// Writes the file `body` sends to its sink, a piece at a time, atomically: the pieces go to
    /// the temporary file as they come and the target is replaced only when `body` returns and
    /// every piece was written. A `body` that throws leaves the target as it was. The sink is
    /// closed when `body` returns: it must not be kept. `path` is a file (not `-`).
    public static func write(to path: String, _ body: (ByteSink) throws -> Void) throws {
        precondition(path != "-", "a file written in pieces goes to a file, not to standard output")
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let temp = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp").path
        var existing = stat()
        let mode: mode_t = stat(target.path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(path, errno) }
        // The umask does not apply to fchmod: the new file gets exactly the old one's mode.
        _ = fchmod(fd, mode)
        let file = TemporaryFile(fd: fd)
        var thrown: (any Error)?
        do { try body(file) } catch { thrown = error }
        var error = file.error
        if close(fd) != 0 && error == 0 { error = errno }
        // A sink kept past `body` must not write to whatever file reuses the descriptor.
        file.error = EBADF
        if thrown == nil && error == 0 && rename(temp, target.path) != 0 { error = errno }
        if thrown != nil || error != 0 {
            unlink(temp)
            if let thrown { throw thrown }
            throw failure(path, error)
        }
    }

    /// The temporary file being written: the first error is kept, and what comes after it
    /// dropped. Unlocked: one thread writes it, the caller of `write(to:_:)`.
    private final class TemporaryFile: ByteSink, @unchecked Sendable {
        let fd: Int32
        var error: Int32 = 0

        init(fd: Int32) { self.fd = fd }

        var hasFailed: Bool { error != 0 }

        func write(_ bytes: UnsafeRawBufferPointer) {
            var offset = 0
            while error == 0 && offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 { if errno != EINTR { error = errno } } else { offset += n }
            }
        }
    }

    /// Whether `name` is one of the temporary files `write` makes (`.<target>.<pid>.<n>.tmp`):
    /// one left behind by a process killed mid-write, which `batch` sweeps from its own folder.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    private static func failure(_ path: String, _ code: Int32) -> ShenbaoFailure {
        let reason = String(cString: strerror(code))
        return ShenbaoFailure.unusable(.outputWrite, file: path,
            zh: "无法写入输出文件：\(reason)", en: "cannot write the output file: \(reason)")
    }
}
