import ShenbaoCore

/// Writes one worksheet part (ECMA-376 Part 1 §18.3.1.99 `worksheet`), its children in the order
/// the schema fixes and Excel insists on: `sheetViews` (the frozen header, §18.3.1.87), `cols`
/// (§18.3.1.17), `sheetData` (§18.3.1.80), `dataValidations` (§18.3.1.33), `pageMargins`.
struct WorksheetWriter {
    /// A drop-down's allowed values as its formula gives them (§18.3.1.32 `formula1`): inline as
    /// `"企业,事业单位"`, or a reference to a range of the hidden list sheet.
    enum ListSource {
        case inline([String])
        case range(String)
    }

    let draft: WorksheetDraft
    let selected: Bool

    /// The sheet's XML; text cells are added to `strings`, `sources` holds one per drop-down.
    func xml(strings: inout SharedStringTable, sources: [ListSource]) -> [UInt8] {
        var out = Array(XLSXWriter.declaration.utf8)
        out += Array("<worksheet xmlns=\"\(XLSXWriter.mainNamespace)\" xmlns:r=\"\(XLSXWriter.relationshipNamespace)\">".utf8)
        out += Array("<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>".utf8)
        if draft.hasHeader {
            out += Array("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>".utf8)
        }
        out += Array("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>".utf8)
        if !draft.columns.isEmpty {
            out += Array("<cols>".utf8)
            for (i, column) in draft.columns.enumerated() {
                let style = XLSXStyleSheet.Style(column.style)
                out += Array("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(Value.decimal(column.width).plainText)\" customWidth=\"1\"\(style == .general ? "" : " style=\"\(style.rawValue)\"")/>".utf8)
            }
            out += Array("</cols>".utf8)
        }
        out += Array("<sheetData>".utf8)
        for (r, row) in draft.rows.enumerated() {
            // A header's long labels wrap: its row is two lines high (Excel does not grow it on opening).
            out += Array((r == 0 && draft.hasHeader ? "<row r=\"1\" ht=\"32\" customHeight=\"1\">" : "<row r=\"\(r + 1)\">").utf8)
            for (c, cell) in row.enumerated() {
                let columnStyle = c < draft.columns.count ? XLSXStyleSheet.Style(draft.columns[c].style) : .general
                let style: XLSXStyleSheet.Style = r == 0 && draft.hasHeader ? .header : columnStyle
                write(cell, at: CellReference(column: c, row: r + 1), style: style, into: &out, strings: &strings)
            }
            out += Array("</row>".utf8)
        }
        out += Array("</sheetData>".utf8)
        if !draft.dropDowns.isEmpty {
            out += Array("<dataValidations count=\"\(draft.dropDowns.count)\">".utf8)
            for (dropDown, source) in zip(draft.dropDowns, sources) {
                let letters = CellReference.letters(ofColumn: dropDown.column)
                let sqref = "\(letters)\(dropDown.rows.lowerBound):\(letters)\(dropDown.rows.upperBound)"
                out += Array("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"请从列表中选择\" error=\"请从下拉列表中选择一项（可选值见“填写说明”）。\" sqref=\"\(sqref)\"><formula1>".utf8)
                switch source {
                case .inline(let values):
                    MarkupEscape.append("\"" + values.joined(separator: ",") + "\"", as: .xmlText, into: &out)
                case .range(let reference):
                    MarkupEscape.append(reference, as: .xmlText, into: &out)
                }
                out += Array("</formula1></dataValidation>".utf8)
            }
            out += Array("</dataValidations>".utf8)
        }
        out += Array("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>".utf8)
        return out
    }

    private func write(_ cell: Cell, at reference: CellReference, style: XLSXStyleSheet.Style,
                       into out: inout [UInt8], strings: inout SharedStringTable) {
        func open(_ type: String?, _ style: XLSXStyleSheet.Style) {
            out += Array("<c r=\"\(reference)\"\(style == .general ? "" : " s=\"\(style.rawValue)\"")\(type.map { " t=\"\($0)\"" } ?? "")>".utf8)
        }
        switch cell {
        case .empty:
            return
        case .text(let s):
            open("s", style)
            out += Array("<v>\(strings.index(of: s))</v></c>".utf8)
        case .number(let x):
            // XML Schema's double has no NaN or infinity Excel reads; such a number is no value.
            guard x.isFinite else { return }
            open(nil, style == .text ? .general : style)
            out += Array("<v>\(Value.decimal(x).plainText)</v></c>".utf8)
        case .bool(let b):
            open("b", style)
            out += Array("<v>\(b ? 1 : 0)</v></c>".utf8)
        case .date(let d):
            open(nil, .date)
            out += Array("<v>\(ExcelDate.serial(of: d))</v></c>".utf8)
        }
    }
}
