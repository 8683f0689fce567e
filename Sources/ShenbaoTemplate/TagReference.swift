/// A tag that reads data, as `check-template` sees it: the expression and the paths of the
/// sections it stands in (outermost first), so its path can be resolved as Mustache would.
public struct TagReference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case value, section, invertedSection }

    public var kind: Kind
    public var expression: Expression
    public var scopes: [String]

    public init(kind: Kind, expression: Expression, scopes: [String] = []) {
        self.kind = kind
        self.expression = expression
        self.scopes = scopes
    }
}
