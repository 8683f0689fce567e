import ShenbaoPDFWriter

/// Text strings (ISO 32000-1 §7.9.2.2): field names, reasons, locations, names. UTF-16BE after
/// a byte order mark, UTF-8 after its mark (ISO 32000-2 §7.9.2.2.1), else PDFDocEncoding (Annex D.2).
public enum PDFText {
    /// The string a text string's bytes hold.
    public static func decode(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            scalars.append(Unicode.Scalar(docEncoding(b)) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// The text of a string object; nil for anything else.
    public static func decode(_ object: PDFObject?) -> String? {
        object?.stringBytes.map(decode)
    }

    /// PDFDocEncoding: Latin-1 but for 0x18–0x1F and 0x7F–0xA0 (Table D.2).
    private static func docEncoding(_ b: UInt8) -> UInt32 {
        switch b {
        case 0x18...0x1F: low[Int(b - 0x18)]
        case 0x80...0xA0: high[Int(b - 0x80)]
        case 0x7F, 0xAD: 0xFFFD
        default: UInt32(b)
        }
    }

    private static let low: [UInt32] = [0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC]
    private static let high: [UInt32] = [
        0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212, 0x2030,
        0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160,
        0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD, 0x20AC,
    ]
}
