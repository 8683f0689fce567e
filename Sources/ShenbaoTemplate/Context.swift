import ShenbaoCore

/// Where a section over a list is: item `index` (0-based) of `count`.
public struct LoopPosition: Sendable, Hashable {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }
}

/// The Mustache context stack: names are looked up innermost frame first.
///
/// A value type, so each section pushes by copying a short array and a renderer
/// never has to undo anything; hosts (plain text, DOCX parts, form layouts) share it.
public struct Context: Sendable {
    private struct Frame: Sendable {
        var value: Value
        var loop: LoopPosition?
    }

    private var frames: [Frame]

    public init(root: Value) {
        frames = [Frame(value: root, loop: nil)]
    }

    public func pushing(_ value: Value, loop: LoopPosition? = nil) -> Context {
        var copy = self
        copy.frames.append(Frame(value: value, loop: loop))
        return copy
    }

    /// The value a path names, or nil when it is missing.
    ///
    /// As Mustache specifies, the first name of a dotted path is searched for from the
    /// innermost frame outwards, and the rest is resolved only inside what it found.
    public func lookup(_ path: String) -> Value? {
        if path == "." { return frames.last!.value }
        if path.hasPrefix("@") { return loopVariable(path) }
        var names = path.split(separator: ".", omittingEmptySubsequences: false)[...]
        guard let first = names.popFirst() else { return nil }
        var found: Value?
        for frame in frames.reversed() {
            if let value = Context.child(of: frame.value, String(first)) {
                found = value
                break
            }
        }
        guard var current = found else { return nil }
        for name in names {
            guard let next = Context.child(of: current, String(name)) else { return nil }
            current = next
        }
        return current
    }

    /// Looks the path up and runs its pipes; nil when the path is missing and no filter supplied a value.
    public func evaluate(_ expression: Expression) throws(TemplateError) -> Value? {
        var value = lookup(expression.path)
        for call in expression.filters { value = try Filters.apply(call, to: value) }
        return value
    }

    /// The contexts a section body is rendered with: one per list item (with its position),
    /// one for any other truthy value, none for false, null, missing, an empty list or blank text.
    public func sectionContexts(for value: Value?) -> [Context] {
        guard let value, !Context.isFalsy(value) else { return [] }
        if case .list(let items) = value {
            return items.enumerated().map { pushing($1, loop: LoopPosition(index: $0, count: items.count)) }
        }
        if case .bool = value { return [self] }
        return [pushing(value)]
    }

    /// What an inverted section renders for, and a section skips.
    public static func isFalsy(_ value: Value?) -> Bool {
        switch value {
        case nil, .null?, .bool(false)?: return true
        case .list(let items)?: return items.isEmpty
        case .text(let s)?: return s.isEmpty
        default: return false
        }
    }

    private static func child(of value: Value, _ name: String) -> Value? {
        switch value {
        case .map(let map): return map[name]
        case .list(let items):
            guard let n = Int(name), n >= 1, n <= items.count else { return nil }
            return items[n - 1]
        default: return nil
        }
    }

    private func loopVariable(_ name: String) -> Value? {
        guard let loop = frames.last(where: { $0.loop != nil })?.loop else { return nil }
        switch name {
        case "@index": return .integer(loop.index)
        case "@number": return .integer(loop.index + 1)
        case "@first": return .bool(loop.index == 0)
        case "@last": return .bool(loop.index == loop.count - 1)
        default: return nil
        }
    }
}
