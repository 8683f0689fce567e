/// A cell's address in A1 style (ECMA-376 Part 1 §18.18.62 `ST_CellRef`): column letters A…XFD
/// (1 to 16,384, Excel's grid), then the row number 1…1,048,576.
public struct CellReference: Sendable, Hashable, CustomStringConvertible {
    /// 0 for column A.
    public var column: Int
    /// 1-based, as a spreadsheet shows it.
    public var row: Int

    /// Excel's grid (§18.3.1.73 `row`, §18.3.1.13 `col`): references beyond it are malformed.
    public static let gridColumns = 16_384
    public static let gridRows = 1_048_576

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Reads `B3`, `$B$3` and `b3`; nil for anything else or beyond the grid.
    public init?(_ text: String) {
        self.init(utf8: text.utf8)
    }

    /// The same from UTF-8 bytes (a worksheet's `r` attribute as the parser has it).
    public init?<Bytes: Collection>(utf8: Bytes) where Bytes.Element == UInt8 {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                guard letters > 0, digits < 7, !(digits == 0 && byte == UInt8(ascii: "0")) else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, column <= Self.gridColumns, row <= Self.gridRows else { return nil }
        self.init(column: column - 1, row: row)
    }

    /// The letters of column `index` (0 → A, 26 → AA, 16383 → XFD).
    public static func letters(ofColumn index: Int) -> String {
        var n = index + 1
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    /// `B3`.
    public var description: String { Self.letters(ofColumn: column) + String(row) }
}
