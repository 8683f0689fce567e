import ShenbaoPDFWriter

/// How a document changed after a signature (`shenbao verify`'s `modified_after`).
public enum ModificationVerdict: String, Sendable, Hashable {
    /// No later revision changed anything.
    case none
    /// Later revisions only added signatures, their fields and appearances, or security data.
    case allowed
    /// Something else changed: page content, resources pages use, any other object.
    case disallowed
}

/// A verdict and the object numbers behind it: for `disallowed` the objects no rule allows, for
/// `allowed` the objects the allowed changes touched.
public struct ModificationReport: Sendable, Hashable {
    public let verdict: ModificationVerdict
    public let objects: [Int]

    public init(verdict: ModificationVerdict, objects: [Int]) {
        self.verdict = verdict
        self.objects = objects
    }
}

extension PDFDocumentReader {
    /// What changed after `signature`'s revision. A signature covering no revision (its byte
    /// range stops where no revision ends) is `disallowed`: what it covers is not a document.
    public func modifications(after signature: PDFSignature) -> ModificationReport {
        guard let revision = signature.revision else { return ModificationReport(verdict: .disallowed, objects: []) }
        return modifications(after: revision)
    }

    /// Compares each revision after `revision` with the one before it (ISO 32000-1 §12.8.2.2 leaves
    /// the rules to the reader; these follow what Acrobat and pyHanko accept for "signing"):
    /// every object a revision defines, redefines or frees is judged by `ModificationRules`.
    public func modifications(after revision: Int) -> ModificationReport {
        guard revisions.indices.contains(revision) else { return ModificationReport(verdict: .disallowed, objects: []) }
        var view: [Int: PDFIndirectObject] = [:]
        for r in revisions[...revision] { apply(r, to: &view) }
        var allowed: Set<Int> = [], offending: Set<Int> = []
        var beforeGraph = ReferenceGraph(objects: view, root: revisions[revision].trailer["Root"]?.refValue?.number)
        for later in revisions[(revision + 1)...] {
            var next = view
            apply(later, to: &next)
            let changed = Set(later.objects.keys).union(later.freed).filter { !ObjectComparison.same(view[$0], next[$0]) }
            let root = later.trailer["Root"]?.refValue?.number
            let afterGraph = ReferenceGraph(objects: next, root: root)
            if !changed.isEmpty {
                let rules = ModificationRules(before: view, after: next, beforeRoot: revisions[later.index - 1].trailer["Root"]?.refValue?.number,
                                              afterRoot: root, afterInfo: later.trailer["Info"]?.refValue?.number,
                                              beforeGraph: beforeGraph, afterGraph: afterGraph)
                for number in changed {
                    switch rules.judge(number) {
                    case .ignored: break
                    case .allowed: allowed.insert(number)
                    case .disallowed: offending.insert(number)
                    }
                }
            }
            view = next
            beforeGraph = afterGraph
        }
        if !offending.isEmpty { return ModificationReport(verdict: .disallowed, objects: offending.sorted()) }
        return ModificationReport(verdict: allowed.isEmpty ? .none : .allowed, objects: allowed.sorted())
    }

    private func apply(_ revision: PDFRevision, to view: inout [Int: PDFIndirectObject]) {
        for number in revision.freed { view[number] = nil }
        view.merge(revision.objects) { _, newer in newer }
    }
}
