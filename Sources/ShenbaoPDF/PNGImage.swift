import ShenbaoCore
import ShenbaoZip

/// A decoded PNG (W3C PNG 2nd ed.): 8-bit samples without alpha, and the alpha channel apart, as a
/// PDF image and its `/SMask` need them. Bit depths 1–16, all colour types, non-interlaced and Adam7.
struct PNGImage {
    var width: Int
    var height: Int
    /// 1 (gray) or 3 (RGB) components per pixel, 8 bits each.
    var colorComponents: Int
    var color: [UInt8]
    /// One byte per pixel, or nil when the image is opaque.
    var alpha: [UInt8]?

    init(_ b: [UInt8], name: String?) throws {
        func bad(_ zh: String, _ why: String) -> ShenbaoFailure {
            ShenbaoFailure.unusable(.imageMalformed, file: name,
                zh: "PNG 图片无法读取（\(zh)）。请重新导出该图片。", en: "cannot read the PNG image (\(why)); export it again.")
        }
        guard b.count > 8, b.starts(with: ImageFormat.pngSignature) else { throw bad("没有 PNG 文件头", "no signature") }
        var i = 8
        var w = 0, h = 0, depth = 0, type = 0, interlace = 0
        var palette: [UInt8] = [], trns: [UInt8] = [], idat: [UInt8] = []
        while i + 8 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            let type4 = String(decoding: b[i + 4..<i + 8], as: UTF8.self)
            let start = i + 8
            guard length >= 0, start + length + 4 <= b.count else { throw bad("数据块 \(type4) 超出文件末尾", "chunk \(type4) past the end") }
            let body = b[start..<start + length]
            switch type4 {
            case "IHDR":
                guard length >= 13 else { throw bad("IHDR 数据块过短", "short IHDR") }
                let p = body.startIndex
                w = Int(body[p]) << 24 | Int(body[p + 1]) << 16 | Int(body[p + 2]) << 8 | Int(body[p + 3])
                h = Int(body[p + 4]) << 24 | Int(body[p + 5]) << 16 | Int(body[p + 6]) << 8 | Int(body[p + 7])
                depth = Int(body[p + 8]); type = Int(body[p + 9]); interlace = Int(body[p + 12])
            case "PLTE": palette = Array(body)
            case "tRNS": trns = Array(body)
            case "IDAT": idat.append(contentsOf: body)
            default: break
            }
            i = start + length + 4
            if type4 == "IEND" { break }
        }
        let channels: Int
        switch type {
        case 0: channels = 1
        case 2: channels = 3
        case 3: channels = 1
        case 4: channels = 2
        case 6: channels = 4
        default: throw bad("不支持的颜色类型 \(type)", "colour type \(type)")
        }
        guard w > 0, h > 0, w <= 20_000, h <= 20_000, [1, 2, 4, 8, 16].contains(depth) else { throw bad("尺寸或位深不受支持", "size or bit depth") }
        if type == 3 && palette.isEmpty { throw bad("缺少调色板", "palette missing") }
        let bitsPerPixel = channels * depth
        func rowBytes(_ width: Int) -> Int { (width * bitsPerPixel + 7) / 8 }
        var expected = 0
        let passes = interlace == 1 ? PNGImage.adam7 : [(0, 0, 1, 1)]
        for (x0, y0, dx, dy) in passes {
            let pw = (w - x0 + dx - 1) / dx, ph = (h - y0 + dy - 1) / dy
            if pw > 0 && ph > 0 { expected += ph * (rowBytes(pw) + 1) }
        }
        guard let raw = Deflate.inflate(idat, limit: expected + 1024), raw.count >= expected else { throw bad("图像数据无法解压", "image data") }

        // Unfilter each pass (§9), then spread its pixels to full-image sample positions.
        var samples = [UInt16](repeating: 0, count: w * h * channels)
        var offset = 0
        let bpp = max(1, bitsPerPixel / 8)
        for (x0, y0, dx, dy) in passes {
            let pw = (w - x0 + dx - 1) / dx, ph = (h - y0 + dy - 1) / dy
            guard pw > 0 && ph > 0 else { continue }
            let rb = rowBytes(pw)
            var previous = [UInt8](repeating: 0, count: rb)
            var row = [UInt8](repeating: 0, count: rb)
            for r in 0..<ph {
                let filter = raw[offset]
                for k in 0..<rb {
                    let x = raw[offset + 1 + k]
                    let a = k >= bpp ? row[k - bpp] : 0
                    let up = previous[k]
                    let c = k >= bpp ? previous[k - bpp] : 0
                    switch filter {
                    case 0: row[k] = x
                    case 1: row[k] = x &+ a
                    case 2: row[k] = x &+ up
                    case 3: row[k] = x &+ UInt8((Int(a) + Int(up)) / 2)
                    case 4:
                        let p = Int(a) + Int(up) - Int(c)
                        let pa = abs(p - Int(a)), pb = abs(p - Int(up)), pc = abs(p - Int(c))
                        row[k] = x &+ (pa <= pb && pa <= pc ? a : (pb <= pc ? up : c))
                    default: throw bad("未知的行过滤方式 \(filter)", "filter \(filter)")
                    }
                }
                offset += rb + 1
                let y = y0 + r * dy
                for col in 0..<pw {
                    let px = x0 + col * dx
                    for ch in 0..<channels {
                        let s: UInt16
                        switch depth {
                        case 16:
                            let at = (col * channels + ch) * 2
                            s = UInt16(row[at]) << 8 | UInt16(row[at + 1])
                        case 8: s = UInt16(row[col * channels + ch])
                        default:
                            let bit = (col * channels + ch) * depth
                            s = UInt16((row[bit / 8] >> (8 - depth - bit % 8)) & UInt8((1 << depth) - 1))
                        }
                        samples[(y * w + px) * channels + ch] = s
                    }
                }
                swap(&previous, &row)
            }
        }

        // Scale to 8 bits and split colour from alpha.
        let maxValue = (1 << depth) - 1
        func eight(_ v: UInt16) -> UInt8 { depth == 8 ? UInt8(v) : UInt8((Int(v) * 255 + maxValue / 2) / maxValue) }
        width = w; height = h
        let pixels = w * h
        switch type {
        case 3:
            colorComponents = 3
            color = [UInt8](repeating: 0, count: pixels * 3)
            var a = [UInt8](repeating: 255, count: pixels)
            var anyAlpha = false
            for p in 0..<pixels {
                let index = Int(samples[p])
                if index * 3 + 2 < palette.count {
                    color[p * 3] = palette[index * 3]; color[p * 3 + 1] = palette[index * 3 + 1]; color[p * 3 + 2] = palette[index * 3 + 2]
                }
                if index < trns.count { a[p] = trns[index]; if trns[index] != 255 { anyAlpha = true } }
            }
            alpha = anyAlpha ? a : nil
        case 0, 2:
            colorComponents = channels
            color = samples.map(eight)
            // tRNS for gray/RGB names one colour as fully transparent.
            if trns.count >= 2 * channels {
                let key = (0..<channels).map { UInt16(trns[2 * $0]) << 8 | UInt16(trns[2 * $0 + 1]) }
                var a = [UInt8](repeating: 255, count: pixels)
                for p in 0..<pixels where (0..<channels).allSatisfy({ samples[p * channels + $0] == key[$0] }) { a[p] = 0 }
                alpha = a
            } else {
                alpha = nil
            }
        default:
            colorComponents = channels - 1
            color = [UInt8](repeating: 0, count: pixels * colorComponents)
            var a = [UInt8](repeating: 0, count: pixels)
            for p in 0..<pixels {
                for ch in 0..<colorComponents { color[p * colorComponents + ch] = eight(samples[p * channels + ch]) }
                a[p] = eight(samples[p * channels + colorComponents])
            }
            alpha = a.allSatisfy { $0 == 255 } ? nil : a
        }
    }

    /// Adam7 passes: (x start, y start, x step, y step).
    static let adam7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
}
