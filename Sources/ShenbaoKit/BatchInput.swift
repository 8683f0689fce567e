import Foundation
import ShenbaoForms
import ShenbaoSheets

/// One record of a batch's input, in input order, before anything is checked.
public struct BatchRecord: Sendable {
    /// 1 for the first record: the `NNN` of its folder.
    public var position: Int
    /// The spreadsheet's row number (the header is row 1); nil for a data file of a folder.
    public var row: Int?
    /// Where it came from as messages name it: `名单.csv:row 5`, or the data file's path.
    public var source: String
    /// The record's data; nil when it could not be read (`failures` say why).
    public var document: DataDocument?
    public var failures: [Diagnostic]
    /// What the reader noticed without refusing the record (a ragged CSV row).
    public var warnings: [Diagnostic]
    /// `Fingerprint` of the record as read: a data file's bytes, a row's values. It decides
    /// whether a rerun redoes the record, and whether a record read again is the one checked.
    var print: String
}

/// A batch's records, each read when asked for (`record(_:)`), as often as asked. The batch
/// reads each record twice, to plan it and to render it, and holds none between: the data trees
/// of thousands of records held at once were most of a batch's memory, and grew with N.
public struct BatchSource: Sendable {
    /// The number of records.
    public let count: Int
    /// What was noticed about the input as a whole (unknown columns).
    public let warnings: [Diagnostic]
    private let read: @Sendable (Int) -> BatchRecord

    init(count: Int, warnings: [Diagnostic], read: @escaping @Sendable (Int) -> BatchRecord) {
        self.count = count
        self.warnings = warnings
        self.read = read
    }

    /// Record `i` (0-based) read afresh: a data file from disk, a sheet's row from the sheet read once.
    public func record(_ i: Int) -> BatchRecord { read(i) }
}

/// Reads `batch`'s INPUT (spec/cli.md `batch`): a `.csv` or `.xlsx` sheet of the application
/// form (`SheetReader`, `SheetRecords`), or a folder of YAML/JSON data files. Every record
/// comes back, readable or not; only an input that cannot be read at all throws (exit 2).
public enum BatchInput {
    /// The data files a folder input takes, by extension.
    static let dataExtensions: Set<String> = ["json", "yaml", "yml"]

    /// The records of `path`, to be read one by one.
    public static func open(_ path: String, sheet: String?, form: String = "application") throws -> BatchSource {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ShenbaoFailure.unusable(.sheetUnreadable, file: path, zh: "找不到输入文件或文件夹", en: "no such input file or folder")
        }
        let source = isFolder.boolValue ? try folder(path, form: form) : try spreadsheet(path, sheet: sheet, form: form)
        guard source.count > 0 else {
            throw ShenbaoFailure(.unusableInput, source.warnings + [Diagnostic(id: .batchEmpty, file: path, message: Localized(
                zh: isFolder.boolValue ? "文件夹中没有数据文件（.yaml、.yml、.json）" : "表格中没有数据行",
                en: isFolder.boolValue ? "the folder holds no data file (.yaml, .yml, .json)" : "the sheet has no data row"))])
        }
        return source
    }

    private static func spreadsheet(_ path: String, sheet name: String?, form: String) throws -> BatchSource {
        let sheet = try SheetReader.read(path: path, sheetName: name)
        let records = try SheetRecords(sheet: sheet, file: path, definition: FormDefinition.load(dataForm: form))
        return BatchSource(count: records.count, warnings: records.warnings) { i in
            let record = records.record(i)
            var print = Fingerprint()
            print.add(record.document.map { JSONText.encode($0.root) } ?? "")
            return BatchRecord(position: i + 1, row: record.row, source: SheetRow.location(file: path, row: record.row),
                               document: record.document.map { withForm($0, form) }, failures: record.failures, warnings: record.warnings,
                               print: print.hex)
        }
    }

    private static func folder(_ path: String, form: String) throws -> BatchSource {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw ShenbaoFailure(.unusableInput, [Diagnostic(id: .dataUnreadable, file: path,
                message: Localized(zh: "无法读取输入文件夹", en: "cannot read the input folder"), cause: error)])
        }
        // Sorted by name as bytes, so the order (and the folders' numbers) is the same on every system.
        let files = names.filter { !$0.hasPrefix(".") && dataExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return BatchSource(count: files.count, warnings: []) { i in
            let file = (path as NSString).appendingPathComponent(files[i])
            do {
                let (data, format) = try DataLoader.read(path: file)
                var print = Fingerprint()
                print.add(data)
                return BatchRecord(position: i + 1, row: nil, source: file,
                                   document: withForm(try DataLoader.load(data: data, file: file, format: format), form),
                                   failures: [], warnings: [], print: print.hex)
            } catch {
                return BatchRecord(position: i + 1, row: nil, source: file, document: nil,
                                   failures: ShenbaoFailure(caught: error, file: file).diagnostics, warnings: [], print: "")
            }
        }
    }

    /// A sheet's rows are records of the sheet's form whether or not they have a `form` column.
    private static func withForm(_ document: DataDocument, _ form: String) -> DataDocument {
        guard case .map(var map) = document.root, map["form"] == nil else { return document }
        var out = document
        map = OrderedMap([("form", .text(form))] + map.pairs.map { ($0.key, $0.value) })
        out.root = .map(map)
        return out
    }
}
