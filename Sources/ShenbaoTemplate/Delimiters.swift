/// The pair of strings that open and close a tag: `{{ }}` by default; `{ }` reads templates
/// written for single-brace engines such as docxtemplater's.
public struct Delimiters: Sendable, Hashable {
    public var open: String
    public var close: String

    public static let mustache = Delimiters(open: "{{", close: "}}")

    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }

    /// Reads `"{ }"` or `"<% %>"`: two non-empty words without `=` separated by white space.
    public init?(spec: String) {
        let parts = spec.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else { return nil }
        self.init(open: String(parts[0]), close: String(parts[1]))
    }
}
