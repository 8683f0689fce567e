import ShenbaoCore

/// Reads a CSV file into a `Sheet` (RFC 4180): fields separated by commas — or by tabs, when the
/// header line has more tabs than commas (Excel's "text" export, pasted tables) — records ended
/// by CRLF, LF or CR; a field in double quotes may hold separators and line breaks, and `""`
/// inside it is one quote (§2, rules 5–7).
///
/// As Excel reads it, leniently: a quote inside an unquoted field is kept as written. What cannot
/// be read safely is refused: a quote never closed (it would swallow every later row), more rows
/// or columns than `Sheet`'s bounds. A row with more or fewer cells than the header is kept
/// (missing cells empty) and reported (`sheet.ragged`).
public enum CSVReader {
    /// Reads `bytes` (a whole file; `file` names it in messages).
    public static func read(_ bytes: [UInt8], file: String) throws(ShenbaoFailure) -> Sheet {
        guard bytes.count <= Sheet.maxFileBytes else {
            throw SheetLimits.tooLargeFile(file: file)
        }
        let text = try CSVText.decode(bytes, file: file)
        var parser = Parser(bytes: text, separator: separator(of: text), file: file)
        var records: [[String]] = []
        while let record = try parser.nextRecord() {
            if records.count > Sheet.maxRows { throw SheetLimits.tooManyRows(file: file) }
            records.append(record)
        }
        // A file that ends with a line break has no empty last record; blank lines at the end are no rows.
        while let last = records.last, last.count == 1, last[0].isEmpty { records.removeLast() }
        guard let header = records.first else {
            throw ShenbaoFailure.unusable(.sheetHeader, file: file, zh: "CSV 文件是空的，没有表头行",
                                          en: "the CSV file is empty: no header row")
        }
        var rows: [SheetRow] = []
        var warnings: [Diagnostic] = []
        rows.reserveCapacity(records.count - 1)
        for (i, record) in records.enumerated().dropFirst() {
            let number = i + 1
            if record.count != header.count, !(record.count == 1 && record[0].isEmpty) {
                warnings.append(Diagnostic(id: .sheetRagged, severity: .warning, file: SheetRow.location(file: file, row: number),
                    message: Localized(
                        zh: "第 \(number) 行有 \(record.count) 个单元格，表头有 \(header.count) 个"
                            + (record.count < header.count ? "；缺少的按空白读取" : "；多出的单元格没有表头（某个单元格中的逗号是否少了引号？）"),
                        en: "row \(number) has \(record.count) cells, the header \(header.count)"
                            + (record.count < header.count ? "; the missing ones are read as empty" : "; the extra cells have no header (a comma in a cell without quotes?)"))))
            }
            rows.append(SheetRow(number: number, cells: record.map { $0.isEmpty ? .empty : .text($0) }))
        }
        return Sheet(header: header, rows: rows, warnings: warnings)
    }

    /// Tab when the first line (outside quotes) has more tabs than commas, else comma.
    static func separator(of text: [UInt8]) -> UInt8 {
        var commas = 0, tabs = 0, quoted = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ",") where !quoted: commas += 1
            case 0x09 where !quoted: tabs += 1
            case 0x0A where !quoted, 0x0D where !quoted: return tabs > commas ? 0x09 : UInt8(ascii: ",")
            default: break
            }
        }
        return tabs > commas ? 0x09 : UInt8(ascii: ",")
    }

    /// RFC 4180's grammar over UTF-8 bytes (separators, quotes and line ends are ASCII, which never
    /// occurs inside a multi-byte UTF-8 sequence, so cells are cut on bytes and decoded once).
    private struct Parser {
        let bytes: [UInt8]
        let separator: UInt8
        let file: String
        var at = 0
        var record = 1

        init(bytes: [UInt8], separator: UInt8, file: String) {
            self.bytes = bytes
            self.separator = separator
            self.file = file
        }

        mutating func nextRecord() throws(ShenbaoFailure) -> [String]? {
            guard at < bytes.count else { return nil }
            var fields: [String] = []
            while true {
                let (field, ended) = try nextField()
                fields.append(field)
                if fields.count > Sheet.maxColumns { throw SheetLimits.tooManyColumns(file: file, row: record) }
                if ended { break }
            }
            record += 1
            return fields
        }

        /// One field, and whether it ended its record (a line end or the end of the file).
        private mutating func nextField() throws(ShenbaoFailure) -> (String, Bool) {
            let quote = UInt8(ascii: "\"")
            var field: [UInt8] = []
            if at < bytes.count, bytes[at] == quote {
                at += 1
                while true {
                    guard at < bytes.count else {
                        throw ShenbaoFailure.unusable(.sheetMalformed, file: SheetRow.location(file: file, row: record),
                            zh: "第 \(record) 行有一个引号直到文件末尾都没有闭合；请检查该行的引号",
                            en: "a quote opened in row \(record) is never closed; check that row's quotes")
                    }
                    let byte = bytes[at]
                    at += 1
                    if byte == quote {
                        if at < bytes.count, bytes[at] == quote { field.append(quote); at += 1 } else { break }
                    } else {
                        field.append(byte)
                    }
                }
            }
            // Unquoted text, or what follows a closing quote before the separator (kept, as Excel does).
            while at < bytes.count {
                let byte = bytes[at]
                if byte == separator { at += 1; return (String(decoding: field, as: UTF8.self), false) }
                if byte == 0x0A || byte == 0x0D {
                    at += (byte == 0x0D && at + 1 < bytes.count && bytes[at + 1] == 0x0A) ? 2 : 1
                    return (String(decoding: field, as: UTF8.self), true)
                }
                field.append(byte)
                at += 1
            }
            return (String(decoding: field, as: UTF8.self), true)
        }
    }
}
