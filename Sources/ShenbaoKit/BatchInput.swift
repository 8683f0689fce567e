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
}

/// Reads `batch`'s INPUT (spec/cli.md `batch`): a `.csv` or `.xlsx` sheet of the application
/// form (`SheetReader`, `SheetRecords`), or a folder of YAML/JSON data files. Every record
/// comes back, readable or not; only an input that cannot be read at all throws (exit 2).
public enum BatchInput {
    /// The data files a folder input takes, by extension.
    static let dataExtensions: Set<String> = ["json", "yaml", "yml"]

    /// The records of `path`, and what was noticed about the input as a whole (unknown columns).
    public static func read(_ path: String, sheet: String?, form: String = "application") throws -> (records: [BatchRecord], warnings: [Diagnostic]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ShenbaoFailure.unusable(.sheetUnreadable, file: path, zh: "找不到输入文件或文件夹", en: "no such input file or folder")
        }
        let read = isFolder.boolValue ? try folder(path, form: form) : try spreadsheet(path, sheet: sheet, form: form)
        guard !read.records.isEmpty else {
            throw ShenbaoFailure(.unusableInput, read.warnings + [Diagnostic(id: .batchEmpty, file: path, message: Localized(
                zh: isFolder.boolValue ? "文件夹中没有数据文件（.yaml、.yml、.json）" : "表格中没有数据行",
                en: isFolder.boolValue ? "the folder holds no data file (.yaml, .yml, .json)" : "the sheet has no data row"))])
        }
        return read
    }

    private static func spreadsheet(_ path: String, sheet name: String?, form: String) throws -> (records: [BatchRecord], warnings: [Diagnostic]) {
        let sheet = try SheetReader.read(path: path, sheetName: name)
        let records = try SheetRecords(sheet: sheet, file: path, definition: FormDefinition.load(dataForm: form))
        let list = records.records.enumerated().map { i, record in
            BatchRecord(position: i + 1, row: record.row, source: SheetRow.location(file: path, row: record.row),
                        document: record.document.map { withForm($0, form) }, failures: record.failures, warnings: record.warnings)
        }
        return (list, records.warnings)
    }

    private static func folder(_ path: String, form: String) throws -> (records: [BatchRecord], warnings: [Diagnostic]) {
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
        // Read on every core: parsing a thousand YAML files one by one was a fifth of a batch's planning.
        let list = mapInParallel(files.count, jobs: nil) { i in
            let file = (path as NSString).appendingPathComponent(files[i])
            do {
                return BatchRecord(position: i + 1, row: nil, source: file, document: withForm(try DataLoader.load(path: file), form),
                                   failures: [], warnings: [])
            } catch {
                return BatchRecord(position: i + 1, row: nil, source: file, document: nil,
                                   failures: ShenbaoFailure(caught: error, file: file).diagnostics, warnings: [])
            }
        }
        return (list, [])
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
