/// Full-width ASCII (U+FF01–U+FF5E, and the ideographic space) as Chinese input methods type it,
/// folded to ASCII: ０２１－６４２２００００ is 021-64220000 to every check and every form.
public enum HalfWidth {
    public static func fold(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            if (0xFF01...0xFF5E).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar }
            return scalar.value == 0x3000 ? " " : scalar
        }))
    }
}
