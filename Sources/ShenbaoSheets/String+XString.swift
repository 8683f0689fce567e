extension String {
    /// Whether `_x` occurs: the start of a SpreadsheetML escape (`XString`), found on bytes.
    var mayHoldXStringEscape: Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if previous == UInt8(ascii: "_"), byte == UInt8(ascii: "x") { return true }
            previous = byte
        }
        return false
    }
}
