import Foundation
import ShenbaoCore

extension Template {
    /// Reads and parses a UTF-8 template file; every error names the file and its line (exit 2).
    public static func load(path: String, delimiters: Delimiters = .mustache) throws -> Template {
        guard let bytes = FileManager.default.contents(atPath: path),
              let source = String(validating: bytes, as: UTF8.self) else {
            throw ShenbaoFailure.unusable(.templateUnreadable, file: path,
                zh: "无法读取模板文件（须为 UTF-8 文本）", en: "cannot read the template (UTF-8 text expected)")
        }
        do {
            return try Template.parse(source, name: path, delimiters: delimiters)
        } catch {
            throw ShenbaoFailure(.unusableInput, error.errors.map {
                $0.diagnostic(file: path, line: TemplateError.line(of: $0.offset, in: source))
            })
        }
    }
}
