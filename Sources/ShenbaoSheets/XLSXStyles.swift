import ShenbaoCore
import ShenbaoXML

/// The part of the styles (ECMA-376 Part 1 §18.8.39 `styleSheet`) a reader needs: for each
/// cell format (`cellXfs`, §18.8.10, indexed by a cell's `s`) whether its number format is a
/// date. The number format is a built-in id or one of the workbook's own `numFmts` (§18.8.31).
enum XLSXStyles {
    /// Number formats by cell format index.
    static func read(_ bytes: [UInt8], part: String, file: String) throws(ShenbaoFailure) -> [NumberFormat] {
        let reader = try XMLStreamReader(bytes, part: part, file: file, XLSXPackage.refusal)
        var custom: [Int: NumberFormat] = [:]
        var formatIDs: [Int] = []
        var inCellXfs = false
        while let event = try reader.next() {
            switch event {
            case .start(let e):
                switch e.name {
                case "numFmt":
                    if let id = e.attribute("numFmtId").flatMap({ Int($0) }), let code = e.attribute("formatCode") {
                        custom[id] = NumberFormat(code: code)
                    }
                case "cellXfs": inCellXfs = true
                // `xf` also appears in `cellStyleXfs`, whose indexes cells do not use.
                case "xf" where inCellXfs: formatIDs.append(e.attribute("numFmtId").flatMap { Int($0) } ?? 0)
                default: break
                }
            case .end("cellXfs"): inCellXfs = false
            default: break
            }
        }
        return formatIDs.map { custom[$0] ?? NumberFormat.builtIn($0) }
    }
}
