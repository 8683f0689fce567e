import ShenbaoTemplate

/// A compiled part: what to write for every data record, parsed once.
///
/// Literal XML is kept as ready bytes; only tags and sections are evaluated per record, so
/// filling a part is appending bytes and escaped values.
indirect enum Piece: Sendable {
    case bytes([UInt8])
    /// A value, escaped for XML; in WordprocessingML `\n` becomes `w:br` and `\t` `w:tab`.
    case value(Expression, location: String)
    /// An image placed as an inline drawing where the tag stood.
    case image(Expression, location: String)
    /// The relationship id of the image a placeholder picture shows: the filled image's, or
    /// `fallback` (the placeholder's own picture) when the data names none.
    case imageRelation(Expression, location: String, fallback: String)
    /// A section: its body once per item, once for a truthy value, or (inverted) once for a falsy one.
    case section(Expression, inverted: Bool, location: String, body: [Piece])
    /// A table that disappears when none of its rows is written (every row was an empty section).
    case table([Piece])
    /// The start of a table row, counted so that `table` knows a row was written.
    case rowMark
    /// The end of a table cell: a cell must end with a paragraph (ECMA-376 Part 1 §17.4.66),
    /// so one is added when what was written ends with a table or is empty.
    case cellEnd
}

/// A part whose text held tags, compiled.
struct CompiledPart: Sendable {
    var name: String
    var isWordprocessing: Bool
    var pieces: [Piece]
}

/// What `check-template` needs to know of a tag.
public struct DOCXTag: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case value, section, invertedSection, image }
    public var kind: Kind
    public var expression: Expression
    /// `word/document.xml ¶12`.
    public var location: String
    /// Paths of the sections around the tag, outermost first.
    public var scopes: [String]

    public init(kind: Kind, expression: Expression, location: String, scopes: [String] = []) {
        self.kind = kind
        self.expression = expression
        self.location = location
        self.scopes = scopes
    }
}
