import ShenbaoCore
import ShenbaoPDFWriter

/// One page as the page tree gives it (ISO 32000-1 §7.7.3), with what `endorse` needs to add
/// annotations to it in an incremental update: its reference (to rewrite the page dictionary),
/// its size, and its annotations so far.
public struct PDFPage: Sendable, Hashable {
    /// From 0, in page-tree order (the order a viewer shows them).
    public let index: Int
    public let ref: PDFRef
    public let dictionary: PDFDictionary
    /// `/MediaBox`, inherited from an ancestor when the page has none (§7.7.3.4); US Letter, as
    /// viewers assume, when no node gives one.
    public let mediaBox: PDFRect
    /// `/Rotate` in degrees, inherited like `/MediaBox`.
    public let rotate: Int
    /// The entries of `/Annots` (§12.5.2), usually references.
    public let annotations: [PDFObject]
    /// The array object `/Annots` refers to, when it is indirect: an update rewrites that object
    /// instead of the page dictionary.
    public let annotationsRef: PDFRef?
}

extension PDFRect {
    /// A rectangle from PDF's `[llx lly urx ury]` (§7.9.5), corners in either order; nil unless
    /// four numbers.
    init?(pdfArray: [PDFObject]?) {
        guard let values = pdfArray?.compactMap(\.numberValue), values.count == 4, values.allSatisfy(\.isFinite) else { return nil }
        self.init(x: min(values[0], values[2]), y: min(values[1], values[3]),
                  width: abs(values[2] - values[0]), height: abs(values[3] - values[1]))
    }
}

extension PDFDocumentReader {
    /// The pages in order, as the document stands or as it stood after `revision`. A node that
    /// is its own ancestor or sits deeper than `PDFReadLimits.maxNesting` is refused.
    public func pages(revision: Int? = nil) throws(ShenbaoFailure) -> [PDFPage] {
        guard case .ref(let rootNode)? = try catalog(revision: revision)?["Pages"] else {
            throw .pdfMalformed("目录中没有页面树（/Pages）", "the catalog has no page tree (/Pages)")
        }
        var walk = PageWalk(reader: self, revision: revision)
        try walk.visit(rootNode, inherited: Inherited(), depth: 0)
        return walk.pages
    }
}

/// The attributes a page inherits from its ancestors (§7.7.3.4, Table 30).
private struct Inherited {
    var mediaBox: PDFRect?
    var rotate: Int?
}

private struct PageWalk {
    let reader: PDFDocumentReader
    let revision: Int?
    var pages: [PDFPage] = []
    var seen: Set<Int> = []

    mutating func visit(_ ref: PDFRef, inherited: Inherited, depth: Int) throws(ShenbaoFailure) {
        guard depth <= PDFReadLimits.maxNesting else {
            throw .pdfTooDeep("页面树", "page tree", limit: PDFReadLimits.maxNesting)
        }
        guard seen.insert(ref.number).inserted else {
            throw .pdfMalformed("页面树中对象 \(ref.number) 出现两次", "object \(ref.number) appears twice in the page tree")
        }
        guard let node = try reader.dictionary(.ref(ref), revision: revision) else {
            throw .pdfMalformed("页面树节点 \(ref.number) 不是字典", "page tree node \(ref.number) is not a dictionary")
        }
        var here = inherited
        if let box = PDFRect(pdfArray: try reader.array(node["MediaBox"], revision: revision)) { here.mediaBox = box }
        if let rotate = try reader.resolve(node["Rotate"], revision: revision)?.integerValue { here.rotate = rotate }
        let type = node["Type"]?.nameValue
        if type == "Pages" || (type != "Page" && node["Kids"] != nil) {
            for kid in try reader.array(node["Kids"], revision: revision) ?? [] {
                guard case .ref(let kidRef) = kid else {
                    throw .pdfMalformed("页面树节点 \(ref.number) 的子节点不是引用", "a kid of page tree node \(ref.number) is not a reference")
                }
                try visit(kidRef, inherited: here, depth: depth + 1)
            }
            return
        }
        let annotsRef = node["Annots"]?.refValue
        pages.append(PDFPage(index: pages.count, ref: ref, dictionary: node,
                             mediaBox: here.mediaBox ?? PDFRect(x: 0, y: 0, width: 612, height: 792),
                             rotate: here.rotate ?? 0,
                             annotations: try reader.array(node["Annots"], revision: revision) ?? [],
                             annotationsRef: annotsRef))
    }
}
