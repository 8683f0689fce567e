/// What every page carries besides the form: the page number under the text block and the
/// copy mark above it.
public struct PageFurniture: Sendable {
    public var measurer: any TextMeasurer
    /// 4号 (14 pt), as GB/T 9704 §7.5 sets page numbers.
    public static let standardPageNumberSize = 14.0
    public var pageNumberSize: Double = PageFurniture.standardPageNumberSize
    /// 小四 (12 pt) for the copy mark.
    public static let standardCopyMarkSize = 12.0
    public var copyMarkSize: Double = PageFurniture.standardCopyMarkSize
    /// The page number's top lies this far below the text block (GB/T 9704 §7.5: 7 mm).
    public static let pageNumberDrop = 7.mm
    /// The copy mark's baseline lies this far above the text block.
    public static let copyMarkRise = 6.mm

    public init(measurer: any TextMeasurer) { self.measurer = measurer }

    /// `— n —` centred 7 mm below the text block (GB/T 9704 §7.5: 一字线 on both sides).
    public func pageNumber(_ n: Int, on setup: PageSetup) -> TextRun {
        let text = "— \(n) —"
        let w = measurer.width(of: text, size: pageNumberSize)
        let top = setup.height - setup.bottom + Self.pageNumberDrop
        return TextRun(text: text, x: (setup.width - w) / 2, y: top + pageNumberSize * measurer.ascender,
                       size: pageNumberSize)
    }

    /// `第k份 共N份` flush with the right edge of the text block, just above it.
    public func copyMark(copy: Int, of total: Int, on setup: PageSetup) -> TextRun {
        let text = "第\(copy)份 共\(total)份"
        let w = measurer.width(of: text, size: copyMarkSize)
        return TextRun(text: text, x: setup.width - setup.right - w, y: setup.top - Self.copyMarkRise, size: copyMarkSize)
    }

    /// The pages with their numbers added, counting from 1. The pages are taken, not copied: a
    /// copy of a 5,000-row summary's pages was a tenth of a batch's peak memory.
    public func numbered(_ pages: consuming [Page]) -> [Page] {
        for i in pages.indices { number(&pages[i], i + 1) }
        return pages
    }

    /// Adds page number `n` to `page` (a page handed on by `Layout.pages(_:each:)`).
    public func number(_ page: inout Page, _ n: Int) {
        page.items.append(.text(pageNumber(n, on: page.setup)))
    }
}
