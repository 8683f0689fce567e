/// Stage two's output: the template as a tree, sections holding their bodies.
indirect enum Node: Sendable {
    case text(String)
    /// `offset` is the tag's UTF-8 offset in the source, for messages.
    case interpolation(Expression, escaped: Bool, offset: Int)
    case section(Expression, inverted: Bool, body: [Node], offset: Int)
    /// `indent` is prefixed to every line of a standalone partial, as Mustache specifies.
    case partial(name: String, indent: String)
}
