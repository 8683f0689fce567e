/// The styles every written workbook carries (ECMA-376 Part 1 §18.8.39 `styleSheet`): the
/// minimum Excel accepts — two fonts, the two fills it requires (`none`, `gray125`, §18.8.21), one
/// border, one cell style — and one cell format (`cellXfs`, §18.8.10) per `Style`.
enum XLSXStyleSheet {
    /// Cell format indexes, as cells' `s` and columns' `style` name them.
    enum Style: Int {
        case general = 0
        /// Bold on light grey, centred, wrapped: a header cell.
        case header = 1
        /// Number format 49, `@`.
        case text = 2
        /// Custom number format 164, `yyyy-mm-dd`.
        case date = 3
        /// Wrapped, top-aligned.
        case wrapped = 4

        init(_ style: WorksheetDraft.ColumnStyle) {
            switch style {
            case .general: self = .general
            case .text: self = .text
            case .date: self = .date
            case .wrapped: self = .wrapped
            }
        }
    }

    /// `xl/styles.xml`.
    static let xml = Array((XLSXWriter.declaration + """
        <styleSheet xmlns="\(XLSXWriter.mainNamespace)">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>\
        <font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>\
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1">\
        <alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """).utf8)
}
