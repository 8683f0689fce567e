import ShenbaoPDF
import ShenbaoPDFWriter
import ShenbaoZip

/// Writes small PNGs for tests, with each row using a different filter so decoding covers all five.
enum TestPNG {
    /// `channels`: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA; 8-bit samples row by row.
    static func encode(width: Int, height: Int, colorType: UInt8, channels: Int, samples: [UInt8],
                       palette: [UInt8]? = nil, trns: [UInt8]? = nil) -> [UInt8] {
        var raw: [UInt8] = []
        let rb = width * channels
        var previous = [UInt8](repeating: 0, count: rb)
        for y in 0..<height {
            let row = Array(samples[y * rb..<(y + 1) * rb])
            let filter = UInt8(y % 5)
            raw.append(filter)
            for k in 0..<rb {
                let a = k >= channels ? row[k - channels] : 0
                let b = previous[k]
                let c = k >= channels ? previous[k - channels] : 0
                let predictor: UInt8
                switch filter {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = UInt8((Int(a) + Int(b)) / 2)
                case 4:
                    let p = Int(a) + Int(b) - Int(c)
                    let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: predictor = 0
                }
                raw.append(row[k] &- predictor)
            }
            previous = row
        }
        return container(width: width, height: height, depth: 8, colorType: colorType, interlaced: false,
                         palette: palette, trns: trns, raw: raw)
    }

    /// The PNG file around filtered image data: signature, IHDR, PLTE and tRNS when given, IDAT, IEND
    /// (PNG §5), each chunk with its CRC-32 (the same CRC as ZIP's).
    static func container(width: Int, height: Int, depth: Int, colorType: UInt8, interlaced: Bool,
                          palette: [UInt8]? = nil, trns: [UInt8]? = nil, raw: [UInt8]) -> [UInt8] {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func chunk(_ type: String, _ body: [UInt8]) {
            let typed = Array(type.utf8) + body
            png += be32(body.count) + typed + be32(Int(Deflate.crc32(typed)))
        }
        chunk("IHDR", be32(width) + be32(height) + [UInt8(depth), colorType, 0, 0, interlaced ? 1 : 0])
        if let palette { chunk("PLTE", palette) }
        if let trns { chunk("tRNS", trns) }
        chunk("IDAT", Deflate.compress(raw, level: 6))
        chunk("IEND", [])
        return png
    }
}

extension TestPNG {
    /// An interlaced (Adam7) or plain PNG of any bit depth from already packed rows per pass,
    /// filter 0 only: `pixel(x, y)` gives the channel samples (each < 2^depth).
    static func encodeRaw(width: Int, height: Int, colorType: UInt8, channels: Int, depth: Int, interlaced: Bool,
                          pixel: (Int, Int) -> [Int]) -> [UInt8] {
        let passes = interlaced ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
                                : [(0, 0, 1, 1)]
        var raw: [UInt8] = []
        for (x0, y0, dx, dy) in passes {
            let pw = (width - x0 + dx - 1) / dx, ph = (height - y0 + dy - 1) / dy
            guard pw > 0, ph > 0 else { continue }
            for r in 0..<ph {
                raw.append(0)
                var bits: [Int] = []   // (value, width) flattened into a bit stream
                var row: [UInt8] = []
                for c in 0..<pw {
                    for v in pixel(x0 + c * dx, y0 + r * dy) {
                        if depth == 16 { row += [UInt8(v >> 8), UInt8(v & 0xFF)] }
                        else if depth == 8 { row.append(UInt8(v)) }
                        else { for b in (0..<depth).reversed() { bits.append((v >> b) & 1) } }
                    }
                }
                if depth < 8 {
                    while bits.count % 8 != 0 { bits.append(0) }
                    for i in stride(from: 0, to: bits.count, by: 8) {
                        row.append(UInt8(bits[i..<i + 8].reduce(0) { $0 << 1 | $1 }))
                    }
                }
                raw += row
            }
        }
        return container(width: width, height: height, depth: depth, colorType: colorType, interlaced: interlaced, raw: raw)
    }
}
