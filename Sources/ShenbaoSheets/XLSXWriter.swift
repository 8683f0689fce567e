import Foundation
import ShenbaoCore
import ShenbaoZip

/// Writes a workbook (SpreadsheetML, ECMA-376 Part 1 §18; packaging, Part 2) from worksheet
/// drafts: the smallest package Excel, WPS, LibreOffice and openpyxl all open — content types,
/// package and workbook relationships, the workbook, its worksheets, shared strings and styles.
/// Deterministic: the same drafts give the same bytes (ShenbaoZip's writer, no timestamps).
///
/// A drop-down list is written inline when it fits Excel's limit of 255 characters for a list
/// formula and no value holds a comma or a quote; otherwise its values go to a hidden sheet
/// `选项`, one list per column, and the drop-down refers to that range.
public enum XLSXWriter {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Excel refuses a list formula longer than this (characters, separators included).
    public static let inlineListLimit = 255
    /// The name of the hidden sheet that holds long lists.
    public static let listSheetName = "选项"

    /// The workbook's bytes; the first draft is the sheet that opens.
    public static func write(_ drafts: [WorksheetDraft]) -> [UInt8] {
        var names: [String] = []
        for draft in drafts { names.append(uniqueName(sanitized(draft.name), avoiding: names)) }
        let listSheet = uniqueName(listSheetName, avoiding: names)
        var sheets = drafts.map { ($0, false) }
        var listColumns: [[String]] = []
        var sources: [[WorksheetWriter.ListSource]] = []
        for draft in drafts {
            sources.append(draft.dropDowns.map { dropDown in
                let joined = dropDown.values.joined(separator: ",")
                if joined.utf16.count + 2 <= inlineListLimit, !dropDown.values.contains(where: { $0.contains(",") || $0.contains("\"") }) {
                    return .inline(dropDown.values)
                }
                let column = listColumns.firstIndex(of: dropDown.values) ?? {
                    listColumns.append(dropDown.values)
                    return listColumns.count - 1
                }()
                let letters = CellReference.letters(ofColumn: column)
                let quoted = "'" + listSheet.replacingOccurrences(of: "'", with: "''") + "'"
                return .range("\(quoted)!$\(letters)$1:$\(letters)$\(max(dropDown.values.count, 1))")
            })
        }
        if !listColumns.isEmpty {
            let height = listColumns.map(\.count).max() ?? 0
            let rows = (0 ..< height).map { r in listColumns.map { r < $0.count ? Cell.text($0[r]) : .empty } }
            sheets.append((WorksheetDraft(name: listSheet, rows: rows, hasHeader: false), true))
            names.append(listSheet)
            sources.append([])
        }

        var strings = SharedStringTable()
        var zip = ZipWriter()
        let count = sheets.count
        zip.add("[Content_Types].xml", contents: contentTypes(sheets: count))
        zip.add("_rels/.rels", contents: Array((declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """).utf8))
        zip.add("xl/workbook.xml", contents: workbook(names: names, hidden: sheets.map(\.1)))
        var rels = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 1 ... count {
            rels += "<Relationship Id=\"rId\(i)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        rels += "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        rels += "<Relationship Id=\"rId\(count + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        zip.add("xl/_rels/workbook.xml.rels", contents: Array((rels + "</Relationships>").utf8))
        for (i, (draft, _)) in sheets.enumerated() {
            let writer = WorksheetWriter(draft: draft, selected: i == 0)
            zip.add("xl/worksheets/sheet\(i + 1).xml", contents: writer.xml(strings: &strings, sources: sources[i]))
        }
        zip.add("xl/styles.xml", contents: XLSXStyleSheet.xml)
        zip.add("xl/sharedStrings.xml", contents: strings.xml())
        return zip.finish()
    }

    private static func contentTypes(sheets: Int) -> [UInt8] {
        let ml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var xml = declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="\(ml).sheet.main+xml"/>
            """
        for i in 1 ... sheets {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"\(ml).worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ml).styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ml).sharedStrings+xml\"/></Types>"
        return Array(xml.utf8)
    }

    private static func workbook(names: [String], hidden: [Bool]) -> [UInt8] {
        var out = Array((declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>").utf8)
        for (i, name) in names.enumerated() {
            out += Array("<sheet name=\"".utf8)
            MarkupEscape.append(name, as: .xmlAttribute, into: &out)
            out += Array("\" sheetId=\"\(i + 1)\"\(hidden[i] ? " state=\"hidden\"" : "") r:id=\"rId\(i + 1)\"/>".utf8)
        }
        out += Array("</sheets></workbook>".utf8)
        return out
    }

    /// A name Excel accepts for a tab (§18.2.19: at most 31 characters, none of `[]:*?/\`, not
    /// starting or ending with `'`).
    static func sanitized(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            .trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }

    /// `name`, or `name2`, `name3`… when another sheet has it already (Excel compares ignoring case).
    private static func uniqueName(_ name: String, avoiding names: [String]) -> String {
        var candidate = name, n = 2
        while names.contains(where: { $0.lowercased() == candidate.lowercased() }) {
            candidate = String(name.prefix(31 - String(n).count)) + String(n)
            n += 1
        }
        return candidate
    }
}
