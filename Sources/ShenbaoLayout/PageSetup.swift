/// The sheet and its text block: A4 with the margins of GB/T 9704-2012 §5.2 (top 37 mm,
/// left 28 mm, right 26 mm, bottom 35 mm), which Chinese official forms follow.
public struct PageSetup: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public var top: Double
    public var left: Double
    public var right: Double
    public var bottom: Double

    public init(width: Double, height: Double, top: Double, left: Double, right: Double, bottom: Double) {
        self.width = width; self.height = height
        self.top = top; self.left = left; self.right = right; self.bottom = bottom
    }

    /// A4 portrait, GB/T 9704 margins.
    public static let a4 = PageSetup(width: 210.mm, height: 297.mm, top: 37.mm, left: 28.mm, right: 26.mm, bottom: 35.mm)

    /// A4 landscape for wide list tables (推荐汇总表): the sheet turned, the same margins kept
    /// on the binding (left) and head (top) sides, so the text block stays where a clerk expects it.
    public static let a4Landscape = PageSetup(width: 297.mm, height: 210.mm, top: 28.mm, left: 37.mm, right: 35.mm, bottom: 26.mm)

    /// The text block: everything the layout places except page furniture.
    public var body: Rect { Rect(x: left, y: top, width: width - left - right, height: height - top - bottom) }
}
