import ShenbaoCore

/// Reads one worksheet of an `.xlsx` workbook (SpreadsheetML, ECMA-376 Part 1 §18) into a
/// `Sheet`, directly from the package: no Excel, no LibreOffice. The package is opened with
/// ShenbaoZip's bounded reader (ZIP bombs are refused, `zip.ratio`, `zip.too_large`), every part
/// parsed under `XMLHardening` (a DTD or entity is `sheet.dtd`).
///
/// The first non-empty row is the header; each later non-empty row is a data row numbered as
/// the workbook numbers it. Reads what Excel, WPS, LibreOffice and openpyxl write.
public enum XLSXReader {
    /// The sheet named `sheetName` (exact, else ignoring case), or the first visible worksheet.
    public static func read(_ bytes: [UInt8], file: String, sheetName: String? = nil) throws(ShenbaoFailure) -> Sheet {
        guard bytes.count <= Sheet.maxFileBytes else { throw SheetLimits.tooLargeFile(file: file) }
        let package = try XLSXPackage(bytes: bytes, file: file)
        let (name, part) = try package.sheet(named: sheetName)
        var strings: [String] = [], formats: [NumberFormat] = []
        if let p = package.sharedStringsPart, let bytes = try package.read(p) {
            strings = try XLSXSharedStrings.read(bytes, part: p, file: file)
        }
        if let p = package.stylesPart, let bytes = try package.read(p) {
            formats = try XLSXStyles.read(bytes, part: p, file: file)
        }
        guard let sheetBytes = try package.read(part) else {
            throw ShenbaoFailure.unusable(.sheetNotFound, file: file, zh: "工作表「\(name)」的部件 \(part) 缺失",
                                          en: "the part \(part) of sheet “\(name)” is missing")
        }
        let worksheet = XLSXWorksheet(strings: strings, formats: formats, date1904: package.date1904, part: part, file: file)
        var rows = try worksheet.read(sheetBytes)
        guard !rows.isEmpty else {
            throw ShenbaoFailure.unusable(.sheetHeader, file: file, zh: "工作表「\(name)」是空的，没有表头行",
                                          en: "sheet “\(name)” is empty: no header row")
        }
        let header = rows.removeFirst()
        return Sheet(name: name, header: header.cells.map(\.displayText), headerRow: header.number, rows: rows)
    }
}
