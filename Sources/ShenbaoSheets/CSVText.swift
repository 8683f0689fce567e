import Foundation
import ShenbaoCore

/// The text of a CSV file, whatever of the encodings clerks' spreadsheets are saved in: UTF-8
/// (with or without the BOM Excel's "CSV UTF-8" writes), UTF-16 with a BOM (Excel's "Unicode
/// text"), or GB18030 — what Excel and WPS write for plain "CSV" on a Chinese Windows (GBK is
/// its two-byte subset). Bytes that are valid UTF-8 are UTF-8; anything else is decoded as
/// GB18030 by glibc's iconv, which maps all of Unicode, so a rare character (𠮷, 䶮) survives. A
/// byte sequence neither encoding can read is refused, never replaced: no character is garbled.
enum CSVText {
    /// The file's bytes as UTF-8 text, without a BOM.
    static func decode(_ bytes: [UInt8], file: String) throws(ShenbaoFailure) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            guard let offset = firstInvalidUTF8(body) else { return try refuseNUL(body, file: file) }
            throw refusal(file: file, bytes: body, at: offset, zh: "以 UTF-8 BOM 开头，却含有无效的 UTF-8 字节",
                          en: "starts with a UTF-8 BOM but holds invalid UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            return try refuseNUL(try transcode(Array(bytes.dropFirst(2)), from: encoding, file: file), file: file)
        }
        if firstInvalidUTF8(bytes) == nil { return try refuseNUL(bytes, file: file) }
        return try refuseNUL(try transcode(bytes, from: "GB18030", file: file), file: file)
    }

    /// The offset of the first byte that is not part of valid UTF-8, nil when all are.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // Fast path: ASCII and valid UTF-8 are by far the common case.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        return UTF8Validation.firstInvalidOffset(bytes)
    }

    /// `bytes` in `encoding` as UTF-8, through iconv; refuses at the first sequence it cannot map.
    private static func transcode(_ bytes: [UInt8], from encoding: String, file: String) throws(ShenbaoFailure) -> [UInt8] {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw ShenbaoFailure.unusable(.sheetEncoding, file: file,
                zh: "本机的 iconv 不支持 \(encoding)，无法读取该 CSV；请另存为 CSV UTF-8",
                en: "this system's iconv lacks \(encoding), so the CSV cannot be read; save it as CSV UTF-8")
        }
        defer { iconv_close(converter) }
        // UTF-8 needs at most 2 bytes per GB18030 byte (3 per 2-byte, 4 per 4-byte sequence) and 3 per UTF-16 unit.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        let (left, produced) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                inBuffer.withMemoryRebound(to: CChar.self) { inChars in
                    outBuffer.withMemoryRebound(to: CChar.self) { outChars in
                        var inPointer: UnsafeMutablePointer<CChar>? = inChars.baseAddress
                        var outPointer: UnsafeMutablePointer<CChar>? = outChars.baseAddress
                        var inLeft = inChars.count, outLeft = outChars.count
                        _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                        return (inLeft, outChars.count - outLeft)
                    }
                }
            }
        }
        guard left == 0 else {
            let gb = encoding == "GB18030"
            throw refusal(file: file, bytes: bytes, at: bytes.count - left,
                          zh: gb ? "既不是 UTF-8 也不是 GB18030 文本" : "不是有效的 \(encoding) 文本",
                          en: gb ? "is neither UTF-8 nor GB18030 text" : "is not valid \(encoding) text")
        }
        output.removeSubrange(produced...)
        return output
    }

    /// NUL never occurs in a text CSV: a file with one is binary (an .xls renamed .csv).
    private static func refuseNUL(_ bytes: [UInt8], file: String) throws(ShenbaoFailure) -> [UInt8] {
        guard let offset = bytes.firstIndex(of: 0) else { return bytes }
        throw refusal(file: file, bytes: bytes, at: offset, zh: "含有 NUL 字节，不是文本 CSV（是否把 .xls 改名成了 .csv？）",
                      en: "contains NUL bytes: not a text CSV (an .xls renamed to .csv?)")
    }

    private static func refusal(file: String, bytes: [UInt8], at offset: Int, zh: String, en: String) -> ShenbaoFailure {
        let line = bytes.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return ShenbaoFailure.unusable(.sheetEncoding, file: file, line: line,
            zh: "该 CSV \(zh)（第 \(offset + 1) 字节）；请在 Excel 中另存为“CSV UTF-8”",
            en: "the CSV \(en) (byte \(offset + 1)); save it from Excel as “CSV UTF-8”")
    }
}
