import ShenbaoCore
import ShenbaoPDFWriter
import ShenbaoZip

/// What one document's decoded streams may still come to: `PDFReadLimits.maxDecodedTotal` in
/// all, and past `ratioCheckSize` no stream may expand more than `maxRatio`:1 — the ZIP reader's
/// rules, since a Flate stream is the same bomb as a deflated ZIP entry.
struct DecodeBudget {
    private(set) var remaining = PDFReadLimits.maxDecodedTotal

    /// The most `input` may inflate to, and whether that limit is the ratio's (not the total's).
    func limit(for input: Int) -> (bytes: Int, byRatio: Bool) {
        let byRatio = max(PDFReadLimits.ratioCheckSize, input > Int.max / PDFReadLimits.maxRatio ? Int.max : input * PDFReadLimits.maxRatio)
        return byRatio < remaining ? (byRatio, true) : (remaining, false)
    }

    mutating func spend(_ bytes: Int) { remaining -= min(bytes, remaining) }
}

/// Decodes stream data through its `/Filter` chain (ISO 32000-1 §7.4): FlateDecode (§7.4.4) with
/// the PNG and no-op predictors (§7.4.4.4, Table 8), which is what cross-reference and object
/// streams use. Other filters are refused as unsupported: the reader decodes only the streams that
/// hold the file's structure, never page content.
enum StreamFilters {
    static func decode(_ stream: PDFStream, budget: inout DecodeBudget) throws(ShenbaoFailure) -> [UInt8] {
        let filters: [PDFObject]
        switch stream.dictionary["Filter"] {
        case nil: filters = []
        case .array(let list)?: filters = list
        case let single?: filters = [single]
        }
        let parameters: [PDFObject]
        switch stream.dictionary["DecodeParms"] {
        case .array(let list)?: parameters = list
        case let single?: parameters = [single]
        case nil: parameters = []
        }
        var data = Array(stream.data)
        for (i, filter) in filters.enumerated() {
            guard case .name(let name) = filter, name == "FlateDecode" || name == "Fl" else {
                let shown = filter.nameValue ?? "?"
                throw .pdfUnsupported("流过滤器 /\(shown.prefix(40))", "stream filter /\(shown.prefix(40))")
            }
            data = try inflate(data, budget: &budget)
            if i < parameters.count, case .dictionary(let p) = parameters[i] {
                data = try unpredict(data, parameters: p)
            }
        }
        return data
    }

    private static func inflate(_ data: [UInt8], budget: inout DecodeBudget) throws(ShenbaoFailure) -> [UInt8] {
        let (limit, byRatio) = budget.limit(for: data.count)
        switch Deflate.inflate(data[...], upTo: limit) {
        case .data(let out):
            budget.spend(out.count)
            return out
        case .damaged:
            throw .pdfMalformed("压缩流无法解压", "a compressed stream cannot be inflated")
        case .tooLarge where byRatio:
            throw .pdfTooLarge("一个流的压缩比超过 \(PDFReadLimits.maxRatio):1 且大于 \(PDFReadLimits.ratioCheckSize >> 20) MB",
                               "a stream is compressed more than \(PDFReadLimits.maxRatio):1 and larger than \(PDFReadLimits.ratioCheckSize >> 20) MB")
        case .tooLarge:
            throw .pdfTooLarge("解压后的流总大小超过 \(PDFReadLimits.maxDecodedTotal >> 20) MB",
                               "decoded streams would exceed \(PDFReadLimits.maxDecodedTotal >> 20) MB")
        }
    }

    /// Undoes a predictor (§7.4.4.4): 1 is none; 10–15 are PNG, where every row starts with its
    /// own PNG filter type byte (RFC 2083 §6), whatever the number says.
    static func unpredict(_ data: [UInt8], parameters: PDFDictionary) throws(ShenbaoFailure) -> [UInt8] {
        let predictor = parameters["Predictor"]?.integerValue ?? 1
        if predictor == 1 { return data }
        guard predictor >= 10, predictor <= 15 else {
            throw .pdfUnsupported("预测器 \(predictor)", "predictor \(predictor)")
        }
        let colors = parameters["Colors"]?.integerValue ?? 1
        let bits = parameters["BitsPerComponent"]?.integerValue ?? 8
        let columns = parameters["Columns"]?.integerValue ?? 1
        guard (1...32).contains(colors), [1, 2, 4, 8, 16].contains(bits), (1...(1 << 20)).contains(columns) else {
            throw .pdfMalformed("预测器参数无效", "invalid predictor parameters")
        }
        let rowLength = (columns * colors * bits + 7) / 8
        let pixelBytes = max(1, (colors * bits + 7) / 8)
        let rows = data.count / (rowLength + 1)
        var out = [UInt8](repeating: 0, count: rows * rowLength)
        for row in 0..<rows {
            let input = row * (rowLength + 1) + 1
            let at = row * rowLength
            let type = data[input - 1]
            for i in 0..<rowLength {
                let raw = data[input + i]
                let left = i >= pixelBytes ? out[at + i - pixelBytes] : 0
                let up = row > 0 ? out[at + i - rowLength] : 0
                let upLeft = row > 0 && i >= pixelBytes ? out[at + i - rowLength - pixelBytes] : 0
                let predicted: UInt8
                switch type {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = UInt8((Int(left) + Int(up)) / 2)
                case 4: predicted = paeth(left, up, upLeft)
                default: throw .pdfMalformed("PNG 预测行类型 \(type) 无效", "invalid PNG predictor row type \(type)")
                }
                out[at + i] = raw &+ predicted
            }
        }
        return out
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }
}
