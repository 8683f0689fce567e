import ShenbaoPDFWriter

/// Equality as PDF means it, for telling whether an update really changed an object: a
/// dictionary's entries in any order are the same dictionary (§7.3.7), a literal and a hex string
/// of the same bytes the same string (§7.3.4), and a stream is its dictionary but `/Length` plus
/// its bytes. Incremental writers often rewrite objects unchanged, in their own spelling.
enum ObjectComparison {
    static func same(_ a: PDFObject?, _ b: PDFObject?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (.dictionary(let x)?, .dictionary(let y)?): same(x, y)
        case (.array(let x)?, .array(let y)?): x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (x?, y?): x == y || (x.stringBytes != nil && x.stringBytes == y.stringBytes)
        default: false
        }
    }

    static func same(_ a: PDFDictionary, _ b: PDFDictionary, ignoring ignored: Set<String> = []) -> Bool {
        changedKeys(a, b).isSubset(of: ignored)
    }

    static func same(_ a: PDFIndirectObject?, _ b: PDFIndirectObject?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (.object(let x)?, .object(let y)?): same(x, y)
        case (.stream(let x)?, .stream(let y)?): x.data == y.data && same(x.dictionary, y.dictionary, ignoring: ["Length"])
        default: false
        }
    }

    /// The keys whose values differ, counting a key present in only one of them.
    static func changedKeys(_ a: PDFDictionary, _ b: PDFDictionary) -> Set<String> {
        var changed: Set<String> = []
        for key in Set(a.keys).union(b.keys) where !same(a[key], b[key]) { changed.insert(key) }
        return changed
    }

    /// Whether `new` holds every entry of `old` (as many times) and whatever else it holds passes
    /// `isAllowedAddition`. Entries are compared as written (references, mostly), in linear time.
    static func onlyGrew(from old: [PDFObject], to new: [PDFObject], isAllowedAddition: (PDFObject) -> Bool) -> Bool {
        var counts: [PDFObject: Int] = [:]
        for item in new { counts[item, default: 0] += 1 }
        for item in old {
            guard let n = counts[item], n > 0 else { return false }
            counts[item] = n - 1
        }
        return counts.allSatisfy { $0.value == 0 || isAllowedAddition($0.key) }
    }
}
