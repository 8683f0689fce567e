import ShenbaoFonts
import ShenbaoForms

/// What the fonts can print, for the validator's `glyph.missing` rule.
public struct FontCoverage: GlyphCoverage {
    public let library: FontLibrary
    public init(library: FontLibrary) { self.library = library }
    public func covers(_ scalar: Unicode.Scalar) -> Bool { ((try? library.face(for: scalar)) ?? nil) != nil }
}
