import ShenbaoCore

/// A colour for strokes, fills and text.
public enum PDFColor: Sendable, Hashable {
    /// DeviceGray, 0 = black … 1 = white.
    case gray(Double)
    /// DeviceRGB components 0…1.
    case rgb(Double, Double, Double)

    /// Black, as DeviceGray 0.
    public static let black = PDFColor.gray(0)
}

/// A page's (or form XObject's) drawing operators (ISO 32000-1 §8, §9.4), in PDF user space:
/// points, origin at the bottom-left, y up.
///
/// It records which fonts, images and forms it names, so the page's `/Resources` are built from
/// use. It knows fonts only as resource names and object references: showing text in an
/// embedded font is `ShenbaoPDF`'s extension of this type.
public struct ContentStream: Sendable {
    /// The operators written so far.
    public private(set) var bytes: [UInt8] = []
    /// Resource name → object, for the `/Resources` dictionary.
    private var fonts: [String: PDFRef] = [:]
    private var xobjects: [String: PDFRef] = [:]

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

    /// Records that the stream names the font object `ref` as `/name` (for `/Resources /Font`).
    public mutating func useFont(_ name: String, _ ref: PDFRef) { fonts[name] = ref }

    /// The `/Resources` dictionary this stream needs.
    public func resources() -> PDFDictionary {
        var dict = PDFDictionary()
        if !fonts.isEmpty {
            var f = PDFDictionary()
            for (name, ref) in fonts.sorted(by: { $0.key < $1.key }) { f[name] = .ref(ref) }
            dict["Font"] = .dictionary(f)
        }
        if !xobjects.isEmpty {
            var x = PDFDictionary()
            for (name, ref) in xobjects.sorted(by: { $0.key < $1.key }) { x[name] = .ref(ref) }
            dict["XObject"] = .dictionary(x)
        }
        return dict
    }

    /// Appends operator bytes as they are (a text object built by a font layer). Concrete, not
    /// generic: an unspecialised generic call per glyph run costs more than the copy.
    public mutating func append(_ operators: [UInt8]) { bytes.append(contentsOf: operators) }

    /// Appends operator text as it is, with no line break.
    public mutating func append(_ operators: String) { bytes.append(contentsOf: operators.utf8) }

    /// Appends a number and a space (an operand).
    public mutating func num(_ v: Double) {
        PDFObject.append(v, to: &bytes)
        bytes.append(UInt8(ascii: " "))
    }

    /// Appends an operator and a line break.
    public mutating func op(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        bytes.append(0x0A)
    }

    private func n(_ v: Double) -> String { PDFObject.format(v) }
}
