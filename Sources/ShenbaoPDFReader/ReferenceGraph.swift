import ShenbaoPDFWriter

/// Which objects refer to which in one revision's view of the document, and through what: an
/// appearance (`/AP` of an annotation, §12.5.5, or the form's default resources `/DR`, §12.7.2)
/// or the document security store (`/DSS` of the catalog, ISO 32000-2 §12.8.4.3).
///
/// Modification analysis asks of a changed object whether only appearances can show it — then a
/// later signature's appearance may bring it — or whether a page could (then it may not change).
struct ReferenceGraph {
    enum Context: Hashable { case plain, appearance, securityStore }

    private(set) var incoming: [Int: [(from: Int, context: Context)]] = [:]
    private var outgoing: [Int: [(to: Int, context: Context)]] = [:]

    init(objects: [Int: PDFIndirectObject], root: Int?) {
        for (number, object) in objects {
            collect(object.value, from: number, context: .plain, isRoot: number == root)
        }
    }

    private mutating func collect(_ value: PDFObject, from: Int, context: Context, isRoot: Bool) {
        switch value {
        case .ref(let r) where r.number != from:
            incoming[r.number, default: []].append((from, context))
            outgoing[from, default: []].append((r.number, context))
        case .array(let items):
            for item in items { collect(item, from: from, context: context, isRoot: false) }
        case .dictionary(let d):
            for key in d.keys {
                guard let item = d[key] else { continue }
                var inner = context
                if context == .plain, key == "AP" || key == "DR" { inner = .appearance }
                if context == .plain, isRoot, key == "DSS" { inner = .securityStore }
                collect(item, from: from, context: inner, isRoot: false)
            }
        default:
            break
        }
    }

    /// Whether anything refers to `number`.
    func isReferenced(_ number: Int) -> Bool { incoming[number] != nil }

    /// The objects every reference to which comes through `context`, or from another such object:
    /// the least such set, so objects referring only to each other are not in it.
    func reachedOnly(through context: Context) -> Set<Int> {
        var pending: [Int: Int] = [:]
        var queue: [Int] = []
        for (target, edges) in incoming {
            let other = edges.count(where: { $0.context != context })
            pending[target] = other
            if other == 0 { queue.append(target) }
        }
        var members: Set<Int> = []
        while let next = queue.popLast() {
            guard members.insert(next).inserted else { continue }
            for edge in outgoing[next] ?? [] where edge.context != context {
                pending[edge.to, default: 0] -= 1
                if pending[edge.to] == 0 { queue.append(edge.to) }
            }
        }
        return members
    }

    /// Every object reachable from `seeds`, the seeds included.
    func reachable(from seeds: [Int]) -> Set<Int> {
        var seen: Set<Int> = []
        var queue = seeds
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            queue.append(contentsOf: (outgoing[next] ?? []).map(\.to))
        }
        return seen
    }
}
