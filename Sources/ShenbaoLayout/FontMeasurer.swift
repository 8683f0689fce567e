import ShenbaoFonts

/// Measures text with the real fonts: the main face's advances, and a fallback face's for the
/// few characters the main face lacks (☑ ☐ come from a symbol font), as the painter draws them.
public struct FontMeasurer: TextMeasurer {
    public let library: FontLibrary
    public let main: FontFace
    public let ascender: Double
    public let descender: Double

    /// Throws `font.missing` (exit 2) when the main font is not installed.
    public init(library: FontLibrary) throws {
        self.library = library
        main = try library.mainFace()
        let upem = Double(main.unitsPerEm)
        let a = Double(main.ascender) / upem, d = Double(-main.descender) / upem
        // Normalise to the em box so that lines are centred the same whatever the font's gaps.
        let total = a + d > 0 ? a + d : 1
        ascender = a / total
        descender = d / total
    }

    public func advance(of scalar: Unicode.Scalar, size: Double, bold: Bool) -> Double {
        if let gid = main.glyph(for: scalar) {
            return Double(main.advance(glyph: gid)) * size / Double(main.unitsPerEm)
        }
        if let face = library.fallbackFace(for: scalar), let gid = face.glyph(for: scalar) {
            return Double(face.advance(glyph: gid)) * size / Double(face.unitsPerEm)
        }
        return CJKBreaking.isWide(scalar) ? size : size / 2
    }
}
