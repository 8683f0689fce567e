import ShenbaoCore

/// `glyph.missing`: characters no available font can print (the form would show a box). Runs
/// only when the caller provides a `GlyphCoverage` (the renderer knows the fonts; rules do not).
public struct GlyphRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.glyphMissing] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        guard let glyphs = context.glyphs else { return [] }
        return context.fields { $0.isText || $0.kind == .enum }.compactMap { _, path, value in
            guard let text = value?.scalarText else { return nil }
            var missing: [Unicode.Scalar] = []
            // Whitespace is asked last: a Unicode property lookup for every character cost more than the coverage.
            for scalar in text.unicodeScalars where scalar.value >= 0x20 && !glyphs.covers(scalar) {
                if !scalar.properties.isWhitespace, !missing.contains(scalar) { missing.append(scalar) }
            }
            guard !missing.isEmpty else { return nil }
            let list = missing.prefix(8).map { "「\(Character($0))」U+\(String($0.value, radix: 16, uppercase: true))" }.joined(separator: "、")
            return context.issue(.glyphMissing, .warning, at: path,
                zh: "字体中没有这些字符，打印时会显示为方框：\(list)；请换用常用字或提供含这些字的字体",
                en: "no available font has these characters, which would print as boxes: \(list); use other characters or add a font")
        }
    }
}
