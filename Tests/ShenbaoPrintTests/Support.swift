import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoTestSupport
@testable import ShenbaoFormLayout
@testable import ShenbaoKit
@testable import ShenbaoPrint

/// Shared pieces of the print tests: the package's files, one printer per form, and the values
/// a printed form must show. (The seal image is `TestImages.sealPNG()`.)
enum Support {
    static func file(_ relative: String) -> String { TestFolders.packageRoot.appendingPathComponent(relative).path }

    static let library = FontLibrary()

    static func printer(_ form: String) throws -> FormPrinter {
        try FormPrinter(layout: BuiltInForms.layout(form), library: library)
    }

    static func document(_ relative: String) throws -> DataDocument { try DataLoader.load(path: file(relative)) }

    static func temporary(_ name: String, _ data: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Every printable leaf value of a data tree as the form prints it (dates in Chinese, booleans
    /// and the `form`/`notice` keys left out: those print as ☑/☐ or not at all).
    static func printedValues(_ value: Value, key: String = "") -> [String] {
        switch value {
        case .map(let m): return m.pairs.flatMap { k, v in (key.isEmpty && (k == "form" || k == "notice")) ? [] : printedValues(v, key: k) }
        case .list(let items): return items.flatMap { printedValues($0, key: key) }
        case .date(let d): return [d.chinese]
        case .bool, .null: return []
        default: return [value.plainText]
        }
    }

    static func squeezed(_ s: String) -> String { s.filter { !$0.isWhitespace } }
}

extension FormPrinter {
    /// One record through the engine's render (validation first), with this printer.
    func render(document: DataDocument, options: PrintOptions, format: OutputFormat) throws -> (Data, [Diagnostic]) {
        let output = try PackRenderer(printer: self).render(document, format: format, options: options)
        return (output.bytes, output.issues)
    }
}
