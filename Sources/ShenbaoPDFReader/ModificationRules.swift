import ShenbaoPDFWriter

/// The rules for one revision's changes, given the document before and after it.
///
/// Allowed, because signing an already signed document needs them and none changes what a page
/// shows: new signature fields and their widgets, signature dictionaries, appearance streams and
/// what only they use, `/AcroForm` gaining fields, `/Annots` arrays and page dictionaries gaining
/// only signature widgets, a catalog changing only `/AcroForm`, `/DSS` or `/Extensions`, the
/// document security store, and the information dictionary's `/ModDate` and `/Producer`. Filling an unsigned signature field is allowed; changing one that
/// was signed, or the appearance of a signed field, is not. Filling in another form field (its
/// value and a new appearance, as an endorsement fills a pack's 推荐部门意见 box) is allowed too:
/// it is what pyHanko's difference analysis calls form filling, and a signature's appearance may
/// draw just as much. Everything else is disallowed, and
/// so is a new object an older one already referred to (a dangling reference brought to life).
struct ModificationRules {
    enum Judgement { case ignored, allowed, disallowed }

    let before: [Int: PDFIndirectObject]
    let after: [Int: PDFIndirectObject]
    let beforeRoot: Int?
    let afterRoot: Int?
    let afterInfo: Int?
    let beforeGraph: ReferenceGraph
    let afterGraph: ReferenceGraph
    private let appearanceOnly: Set<Int>
    private let securityStoreOnly: Set<Int>
    /// What the appearances of fields signed before this revision are drawn from.
    private let protected: Set<Int>

    init(before: [Int: PDFIndirectObject], after: [Int: PDFIndirectObject], beforeRoot: Int?, afterRoot: Int?,
         afterInfo: Int?, beforeGraph: ReferenceGraph, afterGraph: ReferenceGraph) {
        self.before = before
        self.after = after
        self.beforeRoot = beforeRoot
        self.afterRoot = afterRoot
        self.afterInfo = afterInfo
        self.beforeGraph = beforeGraph
        self.afterGraph = afterGraph
        appearanceOnly = afterGraph.reachedOnly(through: .appearance)
        securityStoreOnly = afterGraph.reachedOnly(through: .securityStore)
        var seeds: [Int] = []
        for (_, object) in before {
            guard let d = object.dictionary, d["AP"] != nil, Self.signatureFieldIsSigned(d, in: before) == true else { continue }
            seeds.append(contentsOf: Self.references(in: d["AP"]))
        }
        protected = beforeGraph.reachable(from: seeds)
    }

    func judge(_ number: Int) -> Judgement {
        guard let new = after[number] else { return .disallowed }
        let old = before[number]
        if let type = new.stream?.dictionary["Type"]?.nameValue, type == "XRef" || type == "ObjStm",
           old == nil || old?.stream?.dictionary["Type"]?.nameValue == type {
            return .ignored
        }
        if old == nil, beforeGraph.isReferenced(number) { return .disallowed }
        if protected.contains(number) { return .disallowed }
        guard let dictionary = new.dictionary else { return byReferrers(number, old: old) }
        if number == afterRoot { return catalog(dictionary) }
        if Self.isSignatureDictionary(dictionary) { return old == nil ? .allowed : .disallowed }
        if Self.signatureFieldIsSigned(dictionary, in: after) != nil { return field(dictionary, old: old?.dictionary) }
        if let old = old?.dictionary, Self.terminalField(dictionary, in: after) != nil {
            return ObjectComparison.changedKeys(old, dictionary).isSubset(of: ["V", "AP", "AS"]) ? .allowed : .disallowed
        }
        if number == formNumber(in: after, root: afterRoot) { return form(dictionary) }
        if dictionary["Type"]?.nameValue == "Page" { return page(dictionary, old: old?.dictionary) }
        if number == afterInfo {
            return ObjectComparison.changedKeys(old?.dictionary ?? [:], dictionary).isSubset(of: ["ModDate", "Producer"]) ? .allowed : .disallowed
        }
        if let type = dictionary["Type"]?.nameValue, ["SigFieldLock", "SV", "SigRef", "TransformParams"].contains(type), old == nil {
            return .allowed
        }
        return byReferrers(number, old: old)
    }

    /// An object that is not one of the dictionaries above, judged by who refers to it: the form's
    /// `/Fields` or a page's `/Annots` (which may only gain signature fields or widgets), only
    /// appearances or the security store, or nothing at all when it is new.
    private func byReferrers(_ number: Int, old: PDFIndirectObject?) -> Judgement {
        if case .array(let items)? = after[number]?.value, let oldItems = old?.value.arrayValue {
            if isFieldsArray(number) { return grew(oldItems, items) { isSignatureField($0) } }
            if isAnnotsArray(number) { return grew(oldItems, items) { isSignatureWidget($0) } }
        }
        if appearanceOnly.contains(number) || securityStoreOnly.contains(number) { return .allowed }
        if old == nil, !afterGraph.isReferenced(number) { return .allowed }
        return .disallowed
    }

    private func catalog(_ new: PDFDictionary) -> Judgement {
        guard let oldNumber = beforeRoot, let old = before[oldNumber]?.dictionary else { return .disallowed }
        let changed = ObjectComparison.changedKeys(old, new)
        guard changed.isSubset(of: ["AcroForm", "DSS", "Extensions"]) else { return .disallowed }
        // A form dictionary written into the catalog directly is judged here, not as an object.
        if changed.contains("AcroForm"), case .dictionary(let form)? = new["AcroForm"] { return self.form(form) }
        return .allowed
    }

    /// `/AcroForm` may gain signature fields and set `/SigFlags` (§12.7.2, Table 218).
    private func form(_ new: PDFDictionary) -> Judgement {
        let old = beforeRoot.flatMap { resolve(before[$0]?.dictionary?["AcroForm"], in: before)?.dictionaryValue } ?? [:]
        let changed = ObjectComparison.changedKeys(old, new)
        guard changed.isSubset(of: ["Fields", "SigFlags", "DR", "DA"]) else { return .disallowed }
        guard changed.contains("Fields") else { return .allowed }
        let oldFields = resolve(old["Fields"], in: before)?.arrayValue ?? []
        let newFields = resolve(new["Fields"], in: after)?.arrayValue ?? []
        return grew(oldFields, newFields) { isSignatureField($0) }
    }

    /// A page may change only in `/Annots`, and that only by gaining signature widgets.
    private func page(_ new: PDFDictionary, old: PDFDictionary?) -> Judgement {
        guard let old, old["Type"]?.nameValue == "Page" else { return .disallowed }
        let changed = ObjectComparison.changedKeys(old, new)
        guard changed.isSubset(of: ["Annots"]) else { return .disallowed }
        guard changed.contains("Annots") else { return .allowed }
        let oldAnnots = resolve(old["Annots"], in: before)?.arrayValue ?? []
        let newAnnots = resolve(new["Annots"], in: after)?.arrayValue ?? []
        return grew(oldAnnots, newAnnots) { isSignatureWidget($0) }
    }

    /// A signature field or its widget: new, or filled in (`/V` where there was none) and given
    /// an appearance — unless it was signed already.
    private func field(_ new: PDFDictionary, old: PDFDictionary?) -> Judgement {
        guard let old else { return .allowed }
        let changed = ObjectComparison.changedKeys(old, new)
        guard changed.isSubset(of: ["V", "AP", "AS"]) else { return .disallowed }
        if changed.contains("V"), old["V"] != nil { return .disallowed }
        if !changed.isDisjoint(with: ["AP", "AS"]), Self.signatureFieldIsSigned(old, in: before) == true { return .disallowed }
        return .allowed
    }

    private func grew(_ old: [PDFObject], _ new: [PDFObject], _ isAllowed: (PDFObject) -> Bool) -> Judgement {
        ObjectComparison.onlyGrew(from: old, to: new, isAllowedAddition: isAllowed) ? .allowed : .disallowed
    }

    private func isSignatureField(_ value: PDFObject) -> Bool {
        guard let d = resolve(value, in: after)?.dictionaryValue else { return false }
        return Self.signatureFieldIsSigned(d, in: after) != nil
    }

    private func isSignatureWidget(_ value: PDFObject) -> Bool {
        guard let d = resolve(value, in: after)?.dictionaryValue, d["Subtype"]?.nameValue == "Widget" else { return false }
        return Self.signatureFieldIsSigned(d, in: after) != nil
    }

    private func isFieldsArray(_ number: Int) -> Bool {
        guard let root = afterRoot, let form = resolve(after[root]?.dictionary?["AcroForm"], in: after)?.dictionaryValue else { return false }
        return form["Fields"]?.refValue?.number == number
    }

    private func isAnnotsArray(_ number: Int) -> Bool {
        afterGraph.incoming[number]?.contains { edge in
            guard let page = after[edge.from]?.dictionary else { return false }
            return page["Type"]?.nameValue == "Page" && page["Annots"]?.refValue?.number == number
        } ?? false
    }

    private func formNumber(in view: [Int: PDFIndirectObject], root: Int?) -> Int? {
        root.flatMap { view[$0]?.dictionary?["AcroForm"]?.refValue?.number }
    }

    /// A signature dictionary (Table 252) or a document timestamp (ISO 32000-2 §12.8.5).
    static func isSignatureDictionary(_ d: PDFDictionary) -> Bool {
        let type = d["Type"]?.nameValue
        return type == "Sig" || type == "DocTimeStamp" || (d["ByteRange"] != nil && d["Contents"] != nil && d["Filter"] != nil)
    }

    /// Whether the signature field `d` is, or is a widget of (`/FT /Sig` on it or up its `/Parent`
    /// chain, §12.7.3.1), has a value, that is, is signed; nil when `d` is neither.
    static func signatureFieldIsSigned(_ d: PDFDictionary, in view: [Int: PDFIndirectObject]) -> Bool? {
        guard let field = terminalField(d, in: view), field.type == "Sig" else { return nil }
        return field.node["V"] != nil
    }

    /// The field `d` is or is a widget of: the first dictionary up the `/Parent` chain with a
    /// field type (`/FT`, inheritable, §12.7.3.1), and that type; nil when `d` is no field.
    static func terminalField(_ d: PDFDictionary, in view: [Int: PDFIndirectObject]) -> (type: String, node: PDFDictionary)? {
        var node = d
        for _ in 0..<PDFReadLimits.maxNesting {
            if let type = node["FT"]?.nameValue { return (type, node) }
            guard let parent = node["Parent"]?.refValue, let next = view[parent.number]?.dictionary else { return nil }
            node = next
        }
        return nil
    }

    /// Every reference inside `value`.
    static func references(in value: PDFObject?) -> [Int] {
        switch value {
        case .ref(let r)?: [r.number]
        case .array(let items)?: items.flatMap { references(in: $0) }
        case .dictionary(let d)?: d.keys.flatMap { references(in: d[$0]) }
        default: []
        }
    }

    /// `value` with references followed in `view`, at most `PDFReadLimits.maxReferenceChain`.
    private func resolve(_ value: PDFObject?, in view: [Int: PDFIndirectObject]) -> PDFObject? {
        var value = value
        for _ in 0..<PDFReadLimits.maxReferenceChain {
            guard case .ref(let r)? = value else { return value }
            value = view[r.number]?.value
        }
        return nil
    }
}
