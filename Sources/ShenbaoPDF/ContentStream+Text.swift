import ShenbaoFonts
import ShenbaoPDFWriter

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

extension ContentStream {
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
        showGlyphs([GlyphPiece(glyphs: glyphs, text: text, font: font)], size: size, x: x, y: y, style: style)
    }

    /// Shows `pieces` one after the other as one text object, each in its own font of one face
    /// (`FixedGlyphs` and the document's own): a font change inside the object is a `Tf` (§9.3.1),
    /// where a text object of its own for each piece cost a summary of a thousand rows a quarter
    /// of its size. Returns the advance in points.
    @discardableResult
    public mutating func showGlyphs(_ pieces: [GlyphPiece], size: Double, x: Double, y: Double,
                                    style: TextStyle = .normal) -> Double {
        guard let first = pieces.first(where: { !$0.glyphs.isEmpty }) else { return 0 }
        let upem = Double(first.font.face.unitsPerEm)
        op("q")
        setFillColor(style.color)
        if style.syntheticBold {
            setStrokeColor(style.color)
            setLineWidth(size * style.boldStrokeFraction)
            setLineJoin(1)
        }
        append("BT ")
        setFont(first.font, size: size)
        if style.syntheticBold { append("2 Tr ") }
        if style.characterSpacing != 0 { num(style.characterSpacing); append("Tc ") }
        if style.horizontalScale != 1 { num(style.horizontalScale * 100); append("Tz ") }
        num(x); num(y); op("Td")
        // Pen positions in thousandths of text space: where PDF puts the pen (from /W widths) and
        // where shaping wants it; a TJ number closes the gap (§9.4.3). A glyph's vertical offset
        // (marks) is a text rise (`Ts`, §9.3.7), which ends one TJ array and starts the next.
        var array: [UInt8] = []
        var adjusted = false, inHex = false
        func flush(into stream: inout ContentStream) {
            guard !array.isEmpty else { return }
            if inHex { array.append(UInt8(ascii: ">")); inHex = false }
            if adjusted {
                stream.append([UInt8(ascii: "[")])
                stream.append(array)
                stream.op("] TJ")
            } else {
                // No adjustments: the hex string and `Tj`.
                stream.append(array)
                stream.op(" Tj")
            }
            array.removeAll(keepingCapacity: true)
            adjusted = false
        }
        let hex = PDFObject.hexDigits
        var pdfPen = 0.0, truePen = 0.0
        var total: Int64 = 0
        var rise: Int32 = 0
        var shownFont = first.font
        var count = 0
        for piece in pieces where !piece.glyphs.isEmpty {
            let shown = piece.font.record(piece.glyphs, text: piece.text)
            if piece.font !== shownFont {
                flush(into: &self)
                setFont(piece.font, size: size)
                shownFont = piece.font
            }
            count += piece.glyphs.count
            for (g, (cid, width)) in zip(piece.glyphs, shown) {
                if g.yOffset != rise {
                    flush(into: &self)
                    rise = g.yOffset
                    num(Double(rise) * size / upem); op("Ts")
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
                array.append(hex[Int(cid >> 12)])
                array.append(hex[Int((cid >> 8) & 0xF)])
                array.append(hex[Int((cid >> 4) & 0xF)])
                array.append(hex[Int(cid & 0xF)])
                pdfPen += width
                truePen += Double(g.xAdvance) * 1000 / upem
                total += Int64(g.xAdvance)
            }
        }
        flush(into: &self)
        op("ET Q")
        return (Double(total) * size / upem + style.characterSpacing * Double(count)) * style.horizontalScale
    }
}

extension ContentStream {
    /// `/Fk size Tf` (§9.3.1), the font named in the stream's resources.
    fileprivate mutating func setFont(_ font: PDFFont, size: Double) {
        useFont(font.resourceName, font.ref)
        append([UInt8(ascii: "/")])
        append(font.resourceName)
        append([UInt8(ascii: " ")])
        num(size)
        append("Tf ")
    }
}

/// Glyphs shaped from `text` (clusters index `text.unicodeScalars`) and the font to show them in.
public struct GlyphPiece {
    public var glyphs: [ShapedGlyph]
    public var text: String
    public var font: PDFFont
    public init(glyphs: [ShapedGlyph], text: String, font: PDFFont) {
        self.glyphs = glyphs; self.text = text; self.font = font
    }
}
