/// Writes a table as CSV (RFC 4180) the way Excel and WPS on a Chinese Windows open it without
/// an import dialog: UTF-8 with a BOM (without it Excel reads the bytes as GBK and garbles every
/// Chinese character), CRLF line ends, a field quoted when it holds a comma, a quote or a line
/// break, quotes doubled. What it writes, `CSVReader` reads back.
public enum CSVWriter {
    /// The file's bytes: the BOM, then each row on its own line.
    public static func write(_ rows: [[String]]) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in rows {
            for (i, field) in row.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                    out.append(UInt8(ascii: "\""))
                    for byte in field.utf8 {
                        if byte == UInt8(ascii: "\"") { out.append(byte) }
                        out.append(byte)
                    }
                    out.append(UInt8(ascii: "\""))
                } else {
                    out += field.utf8
                }
            }
            out += [0x0D, 0x0A]
        }
        return out
    }
}
