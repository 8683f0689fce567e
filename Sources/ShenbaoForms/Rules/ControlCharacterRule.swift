import ShenbaoCore

/// `text.control_character` (a warning): text holding characters no document can print and XML
/// cannot hold — control characters and U+FFFE/U+FFFF, common in text copied from Word. The
/// forms drop them (a vertical tab or form feed becomes a line break); the rule says so once
/// per field, so nothing disappears unannounced.
public struct ControlCharacterRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.textControlCharacter] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.fields { $0.isText }.compactMap { _, path, value in
            guard let text = value?.scalarText, text.unicodeScalars.contains(where: { !MarkupEscape.isXMLCharacter($0) }) else { return nil }
            return context.issue(.textControlCharacter, .warning, at: path,
                zh: "含有不可打印的控制字符（常见于从 Word 复制的文字）；已去掉，换页符和垂直制表符改为换行",
                en: "holds control characters that cannot be printed (common in text copied from Word); they are dropped, vertical tabs and form feeds become line breaks")
        }
    }
}
