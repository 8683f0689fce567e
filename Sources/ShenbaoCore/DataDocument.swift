/// A data file loaded into a `Value`, with the line every value was written on,
/// so messages can point at `file:line`.
public struct DataDocument: Sendable {
    /// The file name as the user gave it (`-` for standard input).
    public var file: String
    public var root: Value
    /// Line (1-based) of each value, keyed by its dotted path (`applicant.contact.name`,
    /// `project.expected_outputs.1.level`). The root is under the empty path.
    public var lines: [String: Int]

    public init(file: String, root: Value, lines: [String: Int] = [:]) {
        self.file = file
        self.root = root
        self.lines = lines
    }

    /// The line of the value at `path`, or of its nearest written ancestor (a missing field
    /// is reported at the map that should hold it).
    public func line(of path: String) -> Int? {
        var p = Substring(path)
        while true {
            if let line = lines[String(p)] { return line }
            guard let dot = p.lastIndex(of: ".") else { return lines[""] }
            p = p[..<dot]
        }
    }
}
