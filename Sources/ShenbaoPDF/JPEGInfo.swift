import ShenbaoCore

/// What a PDF needs to pass a JPEG through as `/DCTDecode` (ISO 32000-1 §7.4.8): size and components,
/// read from the first SOF marker (ITU T.81 §B.2.2); an Adobe APP14 marker flags inverted CMYK.
struct JPEGInfo {
    var width: Int
    var height: Int
    var components: Int
    var bitsPerComponent: Int
    var adobeInverted: Bool

    init(_ b: [UInt8], name: String?) throws {
        func bad(_ zh: String, _ why: String) -> ShenbaoFailure {
            ShenbaoFailure.unusable(.imageMalformed, file: name,
                zh: "JPEG 图片已损坏（\(zh)）。请重新导出该图片。", en: "the JPEG image is damaged (\(why)); export it again.")
        }
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { throw bad("没有 JPEG 文件头", "no SOI") }
        var i = 2
        var adobe = false
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { throw bad("第 \(i) 字节处应为标记", "marker expected at byte \(i)") }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { throw bad("数据段超出文件末尾", "segment past the end") }
            if marker == 0xEE, length >= 7, b[i + 4] == 0x41, b[i + 5] == 0x64, b[i + 6] == 0x6F { adobe = true }
            // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard length >= 8 else { throw bad("帧头过短", "short SOF") }
                bitsPerComponent = Int(b[i + 4])
                height = Int(b[i + 5]) << 8 | Int(b[i + 6])
                width = Int(b[i + 7]) << 8 | Int(b[i + 8])
                components = Int(b[i + 9])
                adobeInverted = adobe
                guard width > 0, height > 0, [1, 3, 4].contains(components) else { throw bad("不支持的帧格式", "unsupported frame") }
                return
            }
            if marker == 0xDA { break }
            i += 2 + length
        }
        throw bad("没有帧头", "no frame header")
    }
}
