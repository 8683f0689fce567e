// The clerks' spreadsheets: random bytes as a CSV (encoding detection, quoting) or, when they
// open as a ZIP, as an XLSX (workbook, shared strings, styles, sheet XML), then every row typed
// into a record of the application form, as `batch` reads them.
import FuzzSupport
import ShenbaoForms
import ShenbaoSheets

let definition = try? FormDefinition.load(name: "application")

func fuzzSheets(_ bytes: [UInt8]) {
    let format: SheetReader.Format = bytes.starts(with: [0x50, 0x4B]) ? .xlsx : .csv
    guard let sheet = try? SheetReader.read(bytes, file: "fuzz", format: format), let definition else { return }
    // Every row typed, as a batch takes them.
    _ = (try? SheetRecords(sheet: sheet, file: "fuzz", definition: definition))?.all()
}

@main struct Main {
    static func main() {
        FuzzMain.run("fuzz-sheets", fuzzSheets) { data, size in
            fuzzSheets(FuzzMain.bytes(data, size))
            return 0
        }
    }
}
