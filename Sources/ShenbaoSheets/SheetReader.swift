import ShenbaoCore

/// Reads a clerk's spreadsheet file, whichever kind `batch` accepts (spec/cli.md `batch`): a
/// `.csv` (`CSVReader`) or an `.xlsx` (`XLSXReader`, first sheet or `sheetName`). The file is
/// read bounded (`Sheet.maxFileBytes`), so standard input or a huge file stops at the limit.
public enum SheetReader {
    /// The kinds of file read.
    public enum Format: Sendable {
        case csv, xlsx

        /// The format a path's extension names; nil for anything else.
        public init?(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
                self = .csv
            } else if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
                self = .xlsx
            } else {
                return nil
            }
        }
    }

    /// Reads the file at `path`; `sheetName` chooses a worksheet of a workbook (refused for a CSV).
    public static func read(path: String, sheetName: String? = nil) throws(ShenbaoFailure) -> Sheet {
        guard let format = Format(path: path) else {
            let old = path.lowercased().hasSuffix(".xls") || path.lowercased().hasSuffix(".et")
            throw ShenbaoFailure.unusable(.sheetFormat, file: path,
                zh: old ? "不能读取旧版 .xls/.et 文件；请在 Excel 或 WPS 中另存为 .xlsx 或 CSV" : "不支持的表格文件类型（应为 .csv 或 .xlsx）",
                en: old ? "old .xls/.et files cannot be read; save it as .xlsx or CSV from Excel or WPS"
                        : "unsupported spreadsheet type (expected .csv or .xlsx)")
        }
        let data: [UInt8]
        do {
            data = Array(try InputFile.read(path, limit: Sheet.maxFileBytes, unreadable: .sheetUnreadable,
                                            tooLarge: .sheetTooLarge, limitText: "\(Sheet.maxFileBytes >> 20) MB"))
        } catch let failure as ShenbaoFailure {
            throw failure
        } catch {
            throw ShenbaoFailure(caught: error, file: path)
        }
        return try read(data, file: path, format: format, sheetName: sheetName)
    }

    /// Reads bytes already in memory; `file` names them in messages.
    public static func read(_ bytes: [UInt8], file: String, format: Format, sheetName: String? = nil) throws(ShenbaoFailure) -> Sheet {
        switch format {
        case .xlsx:
            return try XLSXReader.read(bytes, file: file, sheetName: sheetName)
        case .csv:
            if let sheetName {
                throw ShenbaoFailure.unusable(.sheetNotFound, file: file,
                    zh: "CSV 文件只有一张表，不能用 --sheet「\(sheetName)」选择", en: "a CSV file has one table; --sheet “\(sheetName)” cannot choose one")
            }
            return try CSVReader.read(bytes, file: file)
        }
    }
}
