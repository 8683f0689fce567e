import ArgumentParser
import Foundation

/// Argument-parser's usage errors with a Chinese line first: the people this tool is for read
/// Chinese, and its messages are English. The common ones are translated; others say 用法错误.
enum UsageErrors {
    static let phrases: [(String, String)] = [
        ("Missing expected argument", "缺少必需的参数"),
        ("Unknown option", "未知的选项"),
        ("Unexpected argument", "多余的参数"),
        ("Missing value for", "选项缺少取值"),
        ("The value", "选项的取值无效"),
        ("Missing required", "缺少必需的选项"),
        ("is not a valid", "取值无效"),
    ]

    /// The Chinese line for `message`, argument-parser's own text.
    static func chinese(_ message: String) -> String {
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        for (english, zh) in phrases where first.contains(english) { return "用法错误：\(zh)。（\(first.replacingOccurrences(of: "Error: ", with: ""))）" }
        return "用法错误。"
    }
}

extension Shenbao {
    /// Parses, runs, and on a usage error prints a Chinese line before argument-parser's own
    /// message and usage (unless `--lang en` was given).
    static func runLocalized() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let english = arguments.contains("--lang=en") || zip(arguments, arguments.dropFirst()).contains { $0 == "--lang" && $1 == "en" }
            if code == .validationFailure, !english {
                writeStandardError(UsageErrors.chinese(fullMessage(for: error)) + "\n")
            }
            exit(withError: error)
        }
    }
}
