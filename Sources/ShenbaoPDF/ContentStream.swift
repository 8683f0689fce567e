import ShenbaoFonts

/// A colour for strokes, fills and text.
public enum PDFColor: Sendable, Hashable {
    /// DeviceGray, 0 = black … 1 = white.
    case gray(Double)
    /// DeviceRGB components 0…1.
    case rgb(Double, Double, Double)

    /// Black, as DeviceGray 0.
    public static let black = PDFColor.gray(0)
}

/// How a run of text is painted.
public struct TextStyle: Sendable, Hashable {
    /// Fill (and, for synthetic bold, stroke) colour.
    public var color: PDFColor
    /// Draws the glyph outlines with text render mode 2 (fill then stroke, ISO 32000-1 §9.3.6),
    /// thickening them, because the CJK fonts we embed come without a bold face.
    public var syntheticBold: Bool
    /// Stroke width for synthetic bold as a fraction of the font size.
    public var boldStrokeFraction: Double
    /// Extra space after every glyph, in points (`Tc`, §9.3.2): spreads a label such as
    /// "单位名称" evenly across a cell, as Chinese forms do.
    public var characterSpacing: Double
    /// Horizontal scaling, 1 = 100% (`Tz`, §9.3.4): squeezes a long value into a fixed cell.
    public var horizontalScale: Double

    public init(color: PDFColor = .black, syntheticBold: Bool = false, boldStrokeFraction: Double = 0.03,
                characterSpacing: Double = 0, horizontalScale: Double = 1) {
        self.color = color
        self.syntheticBold = syntheticBold
        self.boldStrokeFraction = boldStrokeFraction
        self.characterSpacing = characterSpacing
        self.horizontalScale = horizontalScale
    }

    /// Black, regular weight.
    public static let normal = TextStyle()
    /// Black, synthetic bold.
    public static let bold = TextStyle(syntheticBold: true)
}

/// A page's (or form XObject's) drawing operators (ISO 32000-1 §8, §9.4), in PDF user space:
/// points, origin at the bottom-left, y up.
///
/// It records which fonts, images and forms it names, so the page's `/Resources` are built from use.
public struct ContentStream {
    /// The operators written so far.
    public private(set) var bytes: [UInt8] = []
    /// Resource name → what it names, for the `/Resources` dictionary.
    var fonts: [String: PDFFont] = [:]
    var xobjects: [String: PDFRef] = [:]

    /// An empty stream.
    public init() {}

    // MARK: Graphics state (§8.4)

    /// `q`: saves the graphics state.
    public mutating func save() { op("q") }
    /// `Q`: restores the graphics state.
    public mutating func restore() { op("Q") }
    /// `cm`: concatenates a matrix to the current transformation.
    public mutating func transform(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        num(a); num(b); num(c); num(d); num(e); num(f); op("cm")
    }
    /// `w`: line width in points.
    public mutating func setLineWidth(_ width: Double) { num(width); op("w") }
    /// `J`: line cap (0 butt, 1 round, 2 square).
    public mutating func setLineCap(_ cap: Int) { op("\(cap) J") }
    /// `j`: line join (0 miter, 1 round, 2 bevel).
    public mutating func setLineJoin(_ join: Int) { op("\(join) j") }
    /// `d`: dash pattern; an empty array is a solid line.
    public mutating func setDash(_ pattern: [Double], phase: Double = 0) {
        op("[\(pattern.map(n).joined(separator: " "))] \(n(phase)) d")
    }
    /// `G`/`RG`: stroke colour.
    public mutating func setStrokeColor(_ color: PDFColor) {
        switch color {
        case .gray(let g): num(g); op("G")
        case .rgb(let r, let g, let b): num(r); num(g); num(b); op("RG")
        }
    }
    /// `g`/`rg`: fill colour.
    public mutating func setFillColor(_ color: PDFColor) {
        switch color {
        case .gray(let g): num(g); op("g")
        case .rgb(let r, let g, let b): num(r); num(g); num(b); op("rg")
        }
    }

    // MARK: Paths (§8.5)

    /// `m`: starts a new subpath at (x, y).
    public mutating func moveTo(_ x: Double, _ y: Double) { num(x); num(y); op("m") }
    /// `l`: a straight segment to (x, y).
    public mutating func lineTo(_ x: Double, _ y: Double) { num(x); num(y); op("l") }
    /// `c`: a cubic Bézier segment with two control points, ending at (x3, y3).
    public mutating func curveTo(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x3: Double, _ y3: Double) {
        num(x1); num(y1); num(x2); num(y2); num(x3); num(y3); op("c")
    }
    /// `re`: a rectangle from its lower-left corner.
    public mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        num(x); num(y); num(width); num(height); op("re")
    }
    /// `h`: closes the current subpath.
    public mutating func closePath() { op("h") }
    /// `S`: strokes the path.
    public mutating func stroke() { op("S") }
    /// `f`: fills the path (non-zero winding).
    public mutating func fill() { op("f") }
    /// `B`: fills then strokes the path.
    public mutating func fillAndStroke() { op("B") }
    /// `W n`: intersects the clip with the path.
    public mutating func clip() { op("W n") }

    /// A straight line from (x1, y1) to (x2, y2), stroked.
    public mutating func line(from x1: Double, _ y1: Double, to x2: Double, _ y2: Double) {
        moveTo(x1, y1); lineTo(x2, y2); stroke()
    }

    // MARK: Text (§9.4)

    /// Shapes `string` with the font's face and shows it with its baseline starting at (x, y).
    /// Returns the advance width in points (spacing and scaling included). The glyphs and their text are recorded in `font`
    /// for subsetting and the ToUnicode map.
    @discardableResult
    public mutating func text(_ string: String, font: PDFFont, size: Double, x: Double, y: Double,
                              style: TextStyle = .normal) -> Double {
        // One line only: tabs and line breaks would print as .notdef boxes, so they become spaces
        // (scalar for scalar, keeping cluster indexes).
        var line = string
        if string.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            line = String(String.UnicodeScalarView(string.unicodeScalars.map {
                $0.properties.generalCategory == .control ? " " : $0
            }))
        }
        let glyphs = font.face.shape(line)
        return showGlyphs(glyphs, text: line, font: font, size: size, x: x, y: y, style: style)
    }

    /// Shows glyphs already shaped from `text` (clusters index `text.unicodeScalars`) at (x, y);
    /// for callers that shaped to measure and should not shape twice. Returns the advance in points.
    @discardableResult
    public mutating func showGlyphs(_ glyphs: [ShapedGlyph], text: String, font: PDFFont, size: Double,
                                    x: Double, y: Double, style: TextStyle = .normal) -> Double {
        guard !glyphs.isEmpty else { return 0 }
        let shown = font.record(glyphs, text: text)
        fonts[font.resourceName] = font
        let upem = Double(font.face.unitsPerEm)
        op("q")
        setFillColor(style.color)
        if style.syntheticBold {
            setStrokeColor(style.color)
            setLineWidth(size * style.boldStrokeFraction)
            setLineJoin(1)
        }
        bytes.append(contentsOf: "BT /".utf8)
        bytes.append(contentsOf: font.resourceName.utf8)
        bytes.append(UInt8(ascii: " "))
        num(size)
        bytes.append(contentsOf: "Tf ".utf8)
        if style.syntheticBold { bytes.append(contentsOf: "2 Tr ".utf8) }
        if style.characterSpacing != 0 { num(style.characterSpacing); bytes.append(contentsOf: "Tc ".utf8) }
        if style.horizontalScale != 1 { num(style.horizontalScale * 100); bytes.append(contentsOf: "Tz ".utf8) }
        num(x); num(y); op("Td")
        // Pen positions in thousandths of text space: where PDF puts the pen (from /W widths) and
        // where shaping wants it; a TJ number closes the gap (§9.4.3). A glyph's vertical offset
        // (marks) is a text rise (`Ts`, §9.3.7), which ends one TJ array and starts the next.
        var array: [UInt8] = []
        var adjusted = false, inHex = false
        func flush(into bytes: inout [UInt8]) {
            guard !array.isEmpty else { return }
            if inHex { array.append(UInt8(ascii: ">")); inHex = false }
            if adjusted {
                bytes.append(UInt8(ascii: "["))
                bytes.append(contentsOf: array)
                bytes.append(contentsOf: "] TJ".utf8)
            } else {
                // No adjustments: the hex string and `Tj`.
                bytes.append(contentsOf: array)
                bytes.append(contentsOf: " Tj".utf8)
            }
            bytes.append(0x0A)
            array.removeAll(keepingCapacity: true)
            adjusted = false
        }
        var pdfPen = 0.0, truePen = 0.0
        var total: Int64 = 0
        var rise: Int32 = 0
        for (g, (cid, width)) in zip(glyphs, shown) {
            if g.yOffset != rise {
                flush(into: &bytes)
                rise = g.yOffset
                op("\(n(Double(rise) * size / upem)) Ts")
            }
            let want = truePen + Double(g.xOffset) * 1000 / upem
            let delta = want - pdfPen
            if abs(delta) > 0.005 {
                if inHex { array.append(UInt8(ascii: ">")); inHex = false }
                array.append(UInt8(ascii: " "))
                PDFObject.append(-delta, to: &array)
                array.append(UInt8(ascii: " "))
                adjusted = true
                pdfPen = want
            }
            if !inHex { array.append(UInt8(ascii: "<")); inHex = true }
            array.append(PDFObject.hexDigits[Int(cid >> 12)])
            array.append(PDFObject.hexDigits[Int((cid >> 8) & 0xF)])
            array.append(PDFObject.hexDigits[Int((cid >> 4) & 0xF)])
            array.append(PDFObject.hexDigits[Int(cid & 0xF)])
            pdfPen += width
            truePen += Double(g.xAdvance) * 1000 / upem
            total += Int64(g.xAdvance)
        }
        flush(into: &bytes)
        op("ET Q")
        return (Double(total) * size / upem + style.characterSpacing * Double(glyphs.count)) * style.horizontalScale
    }

    // MARK: XObjects (§8.8, §8.10)

    /// `Do`: draws an image into the rectangle with lower-left corner (x, y).
    public mutating func drawImage(_ image: PDFImage, x: Double, y: Double, width: Double, height: Double) {
        xobjects[image.resourceName] = image.ref
        op("q \(n(width)) 0 0 \(n(height)) \(n(x)) \(n(y)) cm /\(image.resourceName) Do Q")
    }

    /// `Do`: draws a form XObject with its origin moved to (x, y), optionally scaled.
    public mutating func drawForm(_ form: PDFFormXObject, x: Double = 0, y: Double = 0, scale: Double = 1) {
        xobjects[form.resourceName] = form.ref
        op("q \(n(scale)) 0 0 \(n(scale)) \(n(x)) \(n(y)) cm /\(form.resourceName) Do Q")
    }

    /// Appends operators verbatim (for what this type does not cover yet).
    public mutating func raw(_ operators: String) { op(operators) }

    /// The `/Resources` dictionary this stream needs.
    func resources() -> PDFDictionary {
        var dict = PDFDictionary()
        if !fonts.isEmpty {
            var f = PDFDictionary()
            for name in fonts.keys.sorted() { f[name] = .ref(fonts[name]!.ref) }
            dict["Font"] = .dictionary(f)
        }
        if !xobjects.isEmpty {
            var x = PDFDictionary()
            for name in xobjects.keys.sorted() { x[name] = .ref(xobjects[name]!) }
            dict["XObject"] = .dictionary(x)
        }
        return dict
    }

    /// Appends a number and a space (an operand).
    private mutating func num(_ v: Double) {
        PDFObject.append(v, to: &bytes)
        bytes.append(UInt8(ascii: " "))
    }

    private mutating func op(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        bytes.append(0x0A)
    }

    private func n(_ v: Double) -> String { PDFObject.format(v) }
}
