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
/// column is still read. Every cell of a batch passes here, so it works on libxml2's bytes
/// (`XMLContentHandler`) and makes a string only for a value.
final class XLSXWorksheet: XMLContentHandler {
    private let strings: [String]
    private let formats: [NumberFormat]
    private let date1904: Bool
    private let part: String
    private let file: String

    private(set) var rows: [SheetRow] = []
    private var cells: [Cell] = []
    private var rowNumber = 0, column = -1, inRow = false
    // The cell being read: its type letter, style, and the text gathered.
    private var type: UInt8 = UInt8(ascii: "n"), style = 0
    private var value: [UInt8] = [], hasValue = false, inline: [UInt8] = []
    private var inValue = false, inInline = false, inText = false, phonetic = 0

    init(strings: [String], formats: [NumberFormat], date1904: Bool, part: String, file: String) {
        self.strings = strings
        self.formats = formats
        self.date1904 = date1904
        self.part = part
        self.file = file
    }

    /// The non-empty rows of the worksheet part `bytes`, in order, each with its row number.
    func read(_ bytes: [UInt8]) throws(ShenbaoFailure) -> [SheetRow] {
        try XMLPushParser.parse(bytes, part: part, file: file, XLSXPackage.refusal, handler: self)
        return rows
    }

    func start(_ tag: XMLTag) throws(ShenbaoFailure) {
        if tag.is("c") {
            guard inRow else { return }
            try startCell(tag)
        } else if tag.is("v") {
            inValue = true
            hasValue = true
        } else if tag.is("is") {
            inInline = true
        } else if tag.is("t") {
            inText = inInline && phonetic == 0
        } else if tag.is("rPh") {
            phonetic += 1
        } else if tag.is("row") {
            try startRow(tag)
        }
    }

    func end(_ name: XMLName) throws(ShenbaoFailure) {
        if name.is("v") {
            inValue = false
        } else if name.is("t") {
            inText = false
        } else if name.is("c") {
            guard inRow else { return }
            try endCell()
        } else if name.is("is") {
            inInline = false
        } else if name.is("rPh") {
            phonetic -= 1
        } else if name.is("row") {
            inRow = false
            guard !cells.isEmpty else { return }
            if rows.count > Sheet.maxRows { throw SheetLimits.tooManyRows(file: file) }
            rows.append(SheetRow(number: rowNumber, cells: cells))
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inValue { value.append(contentsOf: bytes) } else if inText { inline.append(contentsOf: bytes) }
    }

    private func startRow(_ tag: XMLTag) throws(ShenbaoFailure) {
        if let r = tag.attributeBytes("r") {
            guard let n = Self.integer(r), n > rowNumber, n <= CellReference.gridRows else {
                let text = String(decoding: r, as: UTF8.self)
                throw malformed("行号「\(text)」无效或顺序颠倒（上一行是第 \(rowNumber) 行）",
                                "row number “\(text)” is invalid or out of order (the previous row is \(rowNumber))")
            }
            rowNumber = n
        } else {
            rowNumber += 1
        }
        column = -1
        cells = []
        inRow = true
    }

    private func startCell(_ tag: XMLTag) throws(ShenbaoFailure) {
        if let r = tag.attributeBytes("r") {
            guard let ref = CellReference(utf8: r), ref.row == rowNumber, ref.column > column else {
                let text = String(decoding: r, as: UTF8.self)
                throw malformed("第 \(rowNumber) 行的单元格引用「\(text)」无效或顺序颠倒",
                                "cell reference “\(text)” in row \(rowNumber) is invalid or out of order")
            }
            column = ref.column
        } else {
            column += 1
            guard column < CellReference.gridColumns else {
                throw malformed("第 \(rowNumber) 行的单元格超出 \(CellReference.gridColumns) 列",
                                "row \(rowNumber) has cells beyond column \(CellReference.gridColumns)")
            }
        }
        let t = tag.attributeBytes("t")
        type = t.flatMap { $0.first } ?? UInt8(ascii: "n")
        // `inlineStr` and `str`: capitals, apart from `s` (a shared string) by their length.
        if type == UInt8(ascii: "i") { type = UInt8(ascii: "I") }
        if type == UInt8(ascii: "s"), let t, t.count > 1 { type = UInt8(ascii: "S") }
        style = tag.attributeBytes("s").flatMap(Self.integer) ?? 0
        value.removeAll(keepingCapacity: true)
        inline.removeAll(keepingCapacity: true)
        hasValue = false
    }

    private func endCell() throws(ShenbaoFailure) {
        let cell = try currentCell()
        if cell == .empty { return }
        guard column < Sheet.maxColumns else { throw SheetLimits.tooManyColumns(file: file, row: rowNumber) }
        if cells.count < column { cells.append(contentsOf: repeatElement(Cell.empty, count: column - cells.count)) }
        cells.append(cell)
    }

    /// The cell just read, by its type (`I` inlineStr, `S` str, else the type's letter).
    private func currentCell() throws(ShenbaoFailure) -> Cell {
        // Named only in messages: making the letters for every cell was a seventh of reading.
        var here: String { CellReference(column: column, row: rowNumber).description }
        switch type {
        case UInt8(ascii: "I"):
            return inline.isEmpty ? .empty : .text(XString.decode(String(decoding: inline, as: UTF8.self)))
        case UInt8(ascii: "s"):
            guard hasValue else { return .empty }
            guard let index = Self.integer(value), strings.indices.contains(index) else {
                let raw = String(decoding: value, as: UTF8.self)
                throw malformed("单元格 \(here) 引用了不存在的共享字符串「\(raw)」", "cell \(here) refers to shared string “\(raw)”, which does not exist")
            }
            return strings[index].isEmpty ? .empty : .text(strings[index])
        case UInt8(ascii: "S"), UInt8(ascii: "e"):
            return value.isEmpty ? .empty : .text(XString.decode(String(decoding: value, as: UTF8.self)))
        case UInt8(ascii: "b"):
            guard hasValue else { return .empty }
            return .bool(value == [UInt8(ascii: "1")] || String(decoding: value, as: UTF8.self).lowercased() == "true")
        case UInt8(ascii: "d"):
            guard !value.isEmpty else { return .empty }
            let raw = String(decoding: value, as: UTF8.self)
            return CivilDate(parsing: raw).map(Cell.date) ?? .text(raw)
        default:
            let raw = String(decoding: value, as: UTF8.self).trimmed
            if raw.isEmpty { return .empty }
            guard let number = Double(raw), number.isFinite else {
                throw malformed("单元格 \(here) 的数值「\(raw)」无法读取", "cell \(here) holds an unreadable number “\(raw)”")
            }
            return typed(number)
        }
    }

    /// A number as its cell format shows it: a date, zero-padded digits, or the number.
    private func typed(_ number: Double) -> Cell {
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

    /// Decimal digits (spaces around allowed), nil for anything else or past a million million.
    private static func integer<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        var n = 0, digits = 0
        for byte in bytes {
            if byte == 0x20 { continue }
            guard (0x30 ... 0x39).contains(byte), digits < 12 else { return nil }
            n = n * 10 + Int(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? n : nil
    }

    private func malformed(_ zh: String, _ en: String) -> ShenbaoFailure {
        ShenbaoFailure.unusable(.sheetMalformed, file: file, zh: "\(part)：\(zh)", en: "\(part): \(en)")
    }
}
