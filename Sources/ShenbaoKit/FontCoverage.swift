import ShenbaoFonts
import ShenbaoForms

/// What the fonts can print, for the validator's `glyph.missing` rule.
public struct FontCoverage: GlyphCoverage {
    public let library: FontLibrary
    /// The main face, found once: the rule asks about every character of every text field, and
    /// the library finds its main face under a lock.
    private let main: FontFace?

    public init(library: FontLibrary) {
        self.library = library
        main = try? library.mainFace()
    }

    public func covers(_ scalar: Unicode.Scalar) -> Bool {
        if let main, main.glyph(for: scalar) != nil { return true }
        return library.fallbackFace(for: scalar) != nil
    }
}
