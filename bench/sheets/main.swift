// The sheet-reading benchmark (bench/sheets/README.md): a batch workbook of N applications
// (default 5,000) in the batch-template's columns, written once, then read and turned into
// records five times; prints the median of each phase. `bench/sheets/run.sh [N] [FILE.xlsx]`
// runs it in a release build; given FILE it also times reading that workbook. Checks nothing.
import Dispatch
import Foundation
import ShenbaoCore
import ShenbaoForms
import ShenbaoSheets

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 5000 : 5000
let root = FileManager.default.currentDirectoryPath
let definition = try FormDefinition.load(name: "application")
let notice = try NoticeConfig.load(id: NoticeConfig.defaultID)
let sample = try DataLoader.load(path: root + "/templates/samples/application.yaml").root
let columns = TemplateColumn.columns(of: definition)

// Rows vary (names, numbers, dates) so shared strings are as many as a real batch has.
var drafts = BatchTemplate.drafts(definition: definition, notice: notice)
for n in 1 ... count {
    drafts[0].rows.append(columns.map { column in
        guard let value = sample.value(at: column.path), !value.isBlank else { return .empty }
        switch (column.field.kind, value) {
        case (.integer, .integer(let i)): return .number(Double(i + n % 5))
        case (.boolean, .bool(let b)): return .bool(b)
        case (.date, .date(let d)): return .date(d.adding(months: n % 12))
        case (.text, _), (.longtext, _): return .text(value.plainText + (column.field.kind == .longtext ? "（第\(n)份）" : "\(n)"))
        default: return .text(value.plainText)
        }
    })
}
let bytes = XLSXWriter.write(drafts)

func median(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0 ..< 5 {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times.sorted()[2]
}
var sheet = try XLSXReader.read(bytes, file: "bench.xlsx")
let read = try median { sheet = try XLSXReader.read(bytes, file: "bench.xlsx") }
var records = 0
let typed = try median { records = try SheetRecords(sheet: sheet, file: "bench.xlsx", definition: definition).all().count }
print(String(format: "sheets bench: %d rows × %d columns, %d KB xlsx: read %.0f ms, records %.0f ms, total %.0f ms (%d records)",
             count, columns.count, bytes.count / 1024, read, typed, read + typed, records))

if CommandLine.arguments.count > 2 {
    let path = CommandLine.arguments[2]
    var rows = 0
    let other = try median { rows = try SheetReader.read(path: path).rows.count }
    print(String(format: "sheets bench: %@ (%d rows): read %.0f ms", path, rows, other))
}
