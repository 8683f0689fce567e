import Foundation
#if FUZZING
import CLibFuzzer
#endif

/// What every fuzz target shares. Built with `-sanitize=fuzzer` (`make fuzz`), a target's
/// `LLVMFuzzerTestOneInput` is driven by libFuzzer; built normally (`swift build`, `make test`),
/// the same target replays the files it is given, so every corpus file and every input that
/// once crashed stays a regression test.
public enum FuzzReplay {
    /// Runs `body` on every file named in the arguments (folders: every file in them) and prints
    /// `replayed N inputs`. A crash is a crash: the process dies and the caller sees it.
    public static func main(_ name: String, _ body: ([UInt8]) -> Void) {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                : [argument]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                body([UInt8](data))
                count += 1
            }
        }
        print("\(name): replayed \(count) inputs")
    }
}

/// The entry point every fuzz target's `main` calls: libFuzzer's driver in a fuzz build
/// (`-sanitize=fuzzer -DFUZZING`), else the replay of the files given.
public enum FuzzMain {
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    public static func run(_ name: String, _ body: ([UInt8]) -> Void, fuzzer: Callback) {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzer))
        #else
        FuzzReplay.main(name, body)
        #endif
    }

    /// The bytes libFuzzer hands a callback.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}

/// Splits fuzz input at the first NUL: a template and its data, a layout and its record.
public func splitAtNul(_ bytes: [UInt8]) -> (first: [UInt8], rest: [UInt8]) {
    guard let cut = bytes.firstIndex(of: 0) else { return (bytes, []) }
    return (Array(bytes[..<cut]), Array(bytes[(cut + 1)...]))
}
