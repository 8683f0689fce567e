/// How wide text is: the one thing layout needs from fonts.
///
/// A protocol so the layout can be unit-tested with a fake measurer (fixed advances) and run
/// for real on a font face; advances are summed per Unicode scalar, which is exact for CJK
/// (no kerning) and close enough for the short Latin runs a form holds.
public protocol TextMeasurer: Sendable {
    /// The advance of `scalar` in points at font size `size`.
    func advance(of scalar: Unicode.Scalar, size: Double, bold: Bool) -> Double
    /// The ascender as a fraction of the font size: where the baseline sits under a line's top.
    var ascender: Double { get }
    /// The descender as a positive fraction of the font size.
    var descender: Double { get }
}

extension TextMeasurer {
    /// The width of `text` in points.
    public func width<S: StringProtocol>(of text: S, size: Double, bold: Bool = false) -> Double {
        var total = 0.0
        for scalar in text.unicodeScalars { total += advance(of: scalar, size: size, bold: bold) }
        return total
    }
}

/// A measurer without a font: wide (CJK, full-width) characters are one em, everything else half
/// an em. Deterministic, so golden tests of positions do not depend on a font file.
public struct UniformMeasurer: TextMeasurer {
    public init() {}
    public func advance(of scalar: Unicode.Scalar, size: Double, bold: Bool) -> Double {
        CJKBreaking.isWide(scalar) ? size : size / 2
    }
    public var ascender: Double { 0.88 }
    public var descender: Double { 0.12 }
}
