import ShenbaoCore
import ShenbaoXML

/// Reads a worksheet's cells (ECMA-376 Part 1 §18.3.1.80 `sheetData`, §18.3.1.73 `row`,
/// §18.3.1.4 `c`) into rows of `Cell`s, typed by the cell's `t` (§18.18.11): `s` shared string,
/// `str` a formula's text, `inlineStr` text in `<is>`, `b` boolean, `e` an error (kept as its
/// text, `#N/A`), `d` an ISO 8601 date, `n` or none a number — a date when its style's number
/// format is one (`NumberFormat`), digits when the format pads with zeros.
///
/// Rows and cells may omit their `r` (they follow the previous one). A reference outside Excel's
/// grid, rows out of order, or an unreadable number are malformed; a value in a column past
/// `Sheet.maxColumns` or more than `Sheet.maxRows` rows are refused as too large. Empty cells
/// (a style without a value) are ignored wherever they are, so a sheet formatted to its last
/// column is still read.
struct XLSXWorksheet {
    let strings: [String]
    let formats: [NumberFormat]
    let date1904: Bool
    let part: String
    let file: String

    /// The non-empty rows, in order, each with its row number.
    func rows(_ bytes: [UInt8]) throws(ShenbaoFailure) -> [SheetRow] {
        let reader = try XMLStreamReader(bytes, part: part, file: file, XLSXPackage.refusal)
        var rows: [SheetRow] = []
        var cells: [Cell] = []
        var rowNumber = 0, column = -1
        var inRow = false
        while let event = try reader.next() {
            guard case .start(let e) = event else {
                if case .end("row") = event {
                    inRow = false
                    if !cells.isEmpty {
                        if rows.count > Sheet.maxRows { throw SheetLimits.tooManyRows(file: file) }
                        rows.append(SheetRow(number: rowNumber, cells: cells))
                    }
                }
                continue
            }
            switch e.name {
            case "row":
                let number: Int
                if let r = e.attribute("r") {
                    guard let n = Int(r), n > rowNumber, n <= CellReference.gridRows else {
                        throw malformed("行号「\(r)」无效或顺序颠倒（上一行是第 \(rowNumber) 行）",
                                        "row number “\(r)” is invalid or out of order (the previous row is \(rowNumber))")
                    }
                    number = n
                } else {
                    number = rowNumber + 1
                }
                rowNumber = number
                column = -1
                cells = []
                inRow = true
            case "c" where inRow:
                if let r = e.attribute("r") {
                    guard let ref = CellReference(r), ref.row == rowNumber, ref.column > column else {
                        throw malformed("第 \(rowNumber) 行的单元格引用「\(r)」无效或顺序颠倒",
                                        "cell reference “\(r)” in row \(rowNumber) is invalid or out of order")
                    }
                    column = ref.column
                } else {
                    column += 1
                    guard column < CellReference.gridColumns else {
                        throw malformed("第 \(rowNumber) 行的单元格超出 \(CellReference.gridColumns) 列",
                                        "row \(rowNumber) has cells beyond column \(CellReference.gridColumns)")
                    }
                }
                let cell = try value(of: e, reader)
                if cell == .empty { continue }
                guard column < Sheet.maxColumns else {
                    throw SheetLimits.tooManyColumns(file: file, row: rowNumber)
                }
                if cells.count < column { cells.append(contentsOf: repeatElement(Cell.empty, count: column - cells.count)) }
                cells.append(cell)
            default:
                break
            }
        }
        return rows
    }

    /// The value of the cell just started: reads up to its end.
    private func value(of c: XMLStart, _ reader: XMLStreamReader) throws(ShenbaoFailure) -> Cell {
        var raw: String?, inline = ""
        var inValue = false, inInline = false, inText = false, phonetic = 0
        read: while let event = try reader.next() {
            switch event {
            case .start(let e):
                switch e.name {
                case "v": inValue = true; raw = raw ?? ""
                case "is": inInline = true
                case "rPh": phonetic += 1
                case "t": inText = inInline && phonetic == 0
                default: break
                }
            case .end(let name):
                switch name {
                case "c": break read
                case "v": inValue = false
                case "is": inInline = false
                case "rPh": phonetic -= 1
                case "t": inText = false
                default: break
                }
            case .text(let t):
                if inValue { raw = (raw ?? "") + t } else if inText { inline += t }
            }
        }
        let reference = c.attribute("r") ?? "?"
        switch c.attribute("t") ?? "n" {
        case "inlineStr":
            return inline.isEmpty ? .empty : .text(XString.decode(inline))
        case "s":
            guard let raw else { return .empty }
            guard let index = Int(raw.trimmed), strings.indices.contains(index) else {
                throw malformed("单元格 \(reference) 引用了不存在的共享字符串「\(raw)」",
                                "cell \(reference) refers to shared string “\(raw)”, which does not exist")
            }
            return strings[index].isEmpty ? .empty : .text(strings[index])
        case "str", "e":
            guard let raw, !raw.isEmpty else { return .empty }
            return .text(XString.decode(raw))
        case "b":
            guard let raw else { return .empty }
            return .bool(raw == "1" || raw.lowercased() == "true")
        case "d":
            guard let raw, !raw.isEmpty else { return .empty }
            return CivilDate(parsing: raw).map(Cell.date) ?? .text(raw)
        default:
            guard let raw else { return .empty }
            let trimmed = raw.trimmed
            if trimmed.isEmpty { return .empty }
            guard let number = Double(trimmed), number.isFinite else {
                throw malformed("单元格 \(reference) 的数值「\(raw)」无法读取", "cell \(reference) holds an unreadable number “\(raw)”")
            }
            return typed(number, style: c.attribute("s").flatMap { Int($0) } ?? 0)
        }
    }

    /// A number as its cell format shows it: a date, zero-padded digits, or the number.
    private func typed(_ number: Double, style: Int) -> Cell {
        switch style < formats.count ? formats[style] : .number {
        case .date:
            // Below 1 the number is a time of day alone, not a date.
            guard number >= 1, let day = ExcelDate.day(serial: number, date1904: date1904) else { return .number(number) }
            switch day {
            case .date(let d): return .date(d)
            // Kept as what Excel shows, so a date field reports the impossible date instead of a number.
            case .fictitious19000229: return .text("1900-02-29")
            }
        case .zeroPadded(let width):
            guard number >= 0, number < 1e15, number.rounded() == number else { return .number(number) }
            let digits = String(Int(number))
            return .text(String(repeating: "0", count: max(0, width - digits.count)) + digits)
        case .number:
            return .number(number)
        }
    }

    private func malformed(_ zh: String, _ en: String) -> ShenbaoFailure {
        ShenbaoFailure.unusable(.sheetMalformed, file: file, zh: "\(part)：\(zh)", en: "\(part): \(en)")
    }
}
