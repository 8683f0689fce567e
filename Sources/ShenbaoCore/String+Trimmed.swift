extension String {
    /// Without the white space (spaces, tabs, line breaks, U+3000) at either end. Every cell of a
    /// batch and every value a rule compares passes here: this stays in the standard library,
    /// where Foundation's `trimmingCharacters(in:)` bridges through NSString and took a quarter
    /// of reading a sheet.
    public var trimmed: String {
        let scalars = unicodeScalars
        // Most cells start and end with a printable ASCII character or a CJK ideograph: no property lookup.
        func plain(_ s: Unicode.Scalar) -> Bool { (0x21 ..< 0x7F).contains(s.value) || (0x4E00 ..< 0xA000).contains(s.value) }
        if let head = scalars.first, let tail = scalars.last, plain(head), plain(tail) { return self }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first ... last])
    }
}
