import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoTestSupport
@testable import ShenbaoFormLayout
@testable import ShenbaoKit
@testable import ShenbaoPrint

/// Shared pieces of the print tests: the package's files, one printer per form, and the
/// poppler/qpdf tools that read what we wrote.
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

    /// A 64×64 RGBA PNG of a red ring on transparency, made with Python's zlib (no image files in the repo).
    static func sealPNG() throws -> Data {
        let program = """
        import zlib, struct, sys, math
        w = h = 64
        rows = b''
        for y in range(h):
            rows += b'\\x00'
            for x in range(w):
                d = math.hypot(x - 31.5, y - 31.5)
                a = 255 if 26 <= d <= 31 or (abs(x - 31.5) < 6 and abs(y - 31.5) < 6) else 0
                rows += bytes([200, 0, 0, a])
        def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
        sys.stdout.buffer.write(b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
        """
        return try Subprocess.python(program).output
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
