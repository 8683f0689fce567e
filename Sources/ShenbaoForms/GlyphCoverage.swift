/// What the fonts a form will be printed with can show; the caller (the renderer, which knows
/// the fonts) provides it, so rules stay free of font code. Used by `glyph.missing`.
public protocol GlyphCoverage: Sendable {
    /// True when some available font has a glyph for `scalar`.
    func covers(_ scalar: Unicode.Scalar) -> Bool
}
