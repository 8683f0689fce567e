import ShenbaoCore
import ShenbaoXML
import ShenbaoZip

/// A workbook package opened for reading, found as Excel finds its parts (ECMA-376 Part 2 §9.3,
/// Part 1 §12.3): the package relationships name the workbook part (§12.3.23, normally
/// `xl/workbook.xml`); its `sheets` list names, order and visibility (§18.2.19 `sheet`); its
/// relationships give each sheet's part, the shared strings (§12.3.15) and the styles (§12.3.20).
struct XLSXPackage {
    struct SheetEntry {
        var name: String
        /// The worksheet part; nil for a chart or dialog sheet, which hold no cells.
        var part: String?
        var hidden: Bool
    }

    let archive: ZipArchive
    let file: String
    let workbookPart: String
    let sheets: [SheetEntry]
    /// `workbookPr date1904` (§18.2.28): serial dates count from 1904-01-01.
    let date1904: Bool
    let sharedStringsPart: String?
    let stylesPart: String?

    /// How a refused workbook part is reported.
    static let refusal = XMLRefusal(declaration: .sheetDtd, malformed: .sheetMalformed, tooDeep: .sheetMalformed,
                                    subject: Localized(zh: "工作簿", en: "the workbook"))

    init(bytes: [UInt8], file: String) throws(ShenbaoFailure) {
        // An OLE compound file (D0 CF 11 E0): Excel 97–2003's .xls, or any workbook saved with a password.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw ShenbaoFailure.unusable(.sheetFormat, file: file,
                zh: "这是旧版 .xls 文件或设置了打开密码的工作簿；请在 Excel 中取消密码并另存为 .xlsx",
                en: "this is an old .xls file or a password-protected workbook; remove the password and save it as .xlsx")
        }
        do { archive = try ZipArchive(bytes: bytes) } catch {
            if error.id == .zipNotZip {
                throw ShenbaoFailure.unusable(.sheetFormat, file: file, zh: "不是 .xlsx 工作簿（.xlsx 应是 ZIP 压缩包）",
                                              en: "not an .xlsx workbook (an .xlsx is a ZIP package)")
            }
            throw error.failure(file: file)
        }
        self.file = file
        var packageRels: [OPCRelationship] = []
        if let bytes = try Self.read(archive, "_rels/.rels", file: file) {
            packageRels = try OPCRelationships.read(bytes, part: "_rels/.rels", source: "", file: file, Self.refusal)
        }
        let named = packageRels.first { $0.type.hasSuffix("/officeDocument") && !$0.external }?.target
        guard let workbook = named ?? (archive.entry(named: "xl/workbook.xml") != nil ? "xl/workbook.xml" : nil),
              let workbookBytes = try Self.read(archive, workbook, file: file) else {
            throw ShenbaoFailure.unusable(.sheetFormat, file: file, zh: "ZIP 包中没有工作簿部件，不是 .xlsx 工作簿",
                                          en: "the ZIP package has no workbook part: not an .xlsx workbook")
        }
        workbookPart = workbook
        let relsName = OPCRelationships.relsName(of: workbook)
        var rels: [OPCRelationship] = []
        if let bytes = try Self.read(archive, relsName, file: file) {
            rels = try OPCRelationships.read(bytes, part: relsName, source: workbook, file: file, Self.refusal)
        }
        var date1904 = false
        var sheets: [SheetEntry] = []
        let reader = try XMLStreamReader(workbookBytes, part: workbook, file: file, Self.refusal)
        while let event = try reader.next() {
            guard case .start(let e) = event else { continue }
            switch e.name {
            case "workbookPr":
                date1904 = ["1", "true"].contains(e.attribute("date1904") ?? "")
            case "sheet":
                let rel = e.attribute("id").flatMap { id in rels.first { $0.id == id } }
                let isWorksheet = rel.map { $0.type.hasSuffix("/worksheet") && !$0.external } ?? false
                sheets.append(SheetEntry(name: e.attribute("name") ?? "", part: isWorksheet ? rel?.target : nil,
                                         hidden: (e.attribute("state") ?? "visible") != "visible"))
            default:
                break
            }
        }
        self.sheets = sheets
        self.date1904 = date1904
        sharedStringsPart = rels.first { $0.type.hasSuffix("/sharedStrings") && !$0.external }?.target
        stylesPart = rels.first { $0.type.hasSuffix("/styles") && !$0.external }?.target
    }

    /// The sheet to read: the one named `name`, or the first visible worksheet.
    func sheet(named name: String?) throws(ShenbaoFailure) -> (name: String, part: String) {
        let names = sheets.map(\.name).joined(separator: "、")
        if let name {
            guard let entry = sheets.first(where: { $0.name == name }) ?? sheets.first(where: {
                $0.name.lowercased() == name.lowercased() }) else {
                throw ShenbaoFailure.unusable(.sheetNotFound, file: file,
                    zh: "工作簿中没有名为「\(name)」的工作表（有：\(names)）",
                    en: "the workbook has no sheet named “\(name)” (it has: \(sheets.map(\.name).joined(separator: ", ")))")
            }
            guard let part = entry.part, archive.entry(named: part) != nil else {
                throw ShenbaoFailure.unusable(.sheetNotFound, file: file,
                    zh: "「\(entry.name)」不是含有单元格的工作表（图表工作表或部件缺失）",
                    en: "“\(entry.name)” is not a worksheet with cells (a chart sheet, or its part is missing)")
            }
            return (entry.name, part)
        }
        guard let entry = sheets.first(where: { !$0.hidden && $0.part.map { archive.entry(named: $0) != nil } == true }),
              let part = entry.part else {
            throw ShenbaoFailure.unusable(.sheetNotFound, file: file, zh: "工作簿中没有可读取的工作表",
                                          en: "the workbook has no worksheet to read")
        }
        return (entry.name, part)
    }

    /// The uncompressed bytes of a part, nil when the package has none of that name.
    func read(_ part: String) throws(ShenbaoFailure) -> [UInt8]? {
        try Self.read(archive, part, file: file)
    }

    private static func read(_ archive: ZipArchive, _ part: String, file: String) throws(ShenbaoFailure) -> [UInt8]? {
        do { return try archive.contents(named: part) } catch { throw error.failure(file: file) }
    }
}
