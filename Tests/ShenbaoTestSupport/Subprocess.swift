import Foundation

/// What a program the tests ran said and how it ended.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Standard output as bytes (for programs that write binary, such as a PNG).
    public var output: Data
}

/// Runs the outside tools the tests judge the output with (poppler, qpdf, python-docx, fontTools…)
/// and the built `shenbao` itself, reading both pipes before waiting so a full pipe never blocks.
public enum Subprocess {
    /// Runs `tool` found on `PATH` with `arguments`.
    public static func run(_ tool: String, _ arguments: [String], input: Data? = nil,
                           in directory: URL? = nil) throws -> ProcessResult {
        try run(executable: URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments, input: input, in: directory)
    }

    /// Runs the program at `executable`.
    public static func run(executable: URL, _ arguments: [String], input: Data? = nil,
                           in directory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let errReader = Thread.detachNewThreadWithResult { err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errReader.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self), output: outData)
    }

    /// A short Python program, run with `python3 -c`.
    public static func python(_ program: String, _ arguments: [String] = []) throws -> ProcessResult {
        try run("python3", ["-c", program] + arguments)
    }

    /// Whether Python can import `module` (the readers some tests need).
    public static func pythonHas(_ module: String) -> Bool {
        (try? python("import \(module)").status == 0) ?? false
    }

    /// Whether `tool` is installed in one of the usual places.
    public static func available(_ tool: String) -> Bool {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + tool) }
    }
}

extension Thread {
    /// Runs `body` on a new thread; `wait()` returns its result.
    fileprivate static func detachNewThreadWithResult<T: Sendable>(_ body: @escaping @Sendable () -> T) -> ThreadResult<T> {
        let result = ThreadResult<T>()
        Thread.detachNewThread { result.set(body()) }
        return result
    }
}

/// A value another thread will provide.
private final class ThreadResult<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?

    func set(_ newValue: T) {
        condition.lock()
        value = newValue
        condition.signal()
        condition.unlock()
    }

    func wait() -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
