/// A run of text set on one baseline.
public struct TextRun: Sendable, Hashable {
    public var text: String
    /// Left end of the baseline, top-left page origin.
    public var x: Double
    public var y: Double
    public var size: Double
    public var bold: Bool
    /// Extra space after each character (PDF `Tc`, ISO 32000-1 §9.3.2), for justified lines.
    public var charSpacing: Double

    public init(text: String, x: Double, y: Double, size: Double, bold: Bool = false, charSpacing: Double = 0) {
        self.text = text; self.x = x; self.y = y; self.size = size; self.bold = bold; self.charSpacing = charSpacing
    }
}

/// A seal area: where the seal image goes, or its caption when there is none.
public struct SealArea: Sendable, Hashable {
    public var center: Point
    public var diameter: Double
    /// The caption （盖章） shown when no seal image is placed.
    public var caption: TextRun
    /// Whether the form's seal image goes here.
    public var takesImage: Bool
    /// Its name among the page's regions, if the layout gave one.
    public var region: String?

    /// The square the seal fills.
    public var bounds: Rect {
        Rect(x: center.x - diameter / 2, y: center.y - diameter / 2, width: diameter, height: diameter)
    }
}

/// A named area of a laid-out page, for what is placed after rendering: a signature widget over
/// a seal area, the department's opinion in the 推荐部门意见 box. Output formats that cannot
/// place things later ignore it; it draws nothing.
public struct NamedRegion: Sendable, Hashable {
    /// `opinion`, `seal.applicant`, … as the layout names them.
    public var name: String
    /// Top-left page coordinates, in points.
    public var rect: Rect

    public init(name: String, rect: Rect) { self.name = name; self.rect = rect }
}

/// One thing placed on a page. The positioned tree both the PDF painter and the golden tests read.
public enum PageItem: Sendable, Hashable {
    case text(TextRun)
    /// A straight rule.
    case line(from: Point, to: Point, width: Double)
    /// A stroked rectangle.
    case rect(Rect, lineWidth: Double)
    /// Boxed (`indirect`): a seal area is twice the size of the other cases, and every item of
    /// every page would be as large as the largest case.
    indirect case seal(SealArea)
    /// A named area; draws nothing.
    case region(NamedRegion)
}

/// One laid-out page: its sheet and what is on it.
public struct Page: Sendable, Hashable {
    public var setup: PageSetup
    public var items: [PageItem]
    /// What the page shows as blocks, cut where the layout cut them (see `PageContent`): for a
    /// format that paginates itself (DOCX), to break its pages where these do.
    public var blocks: [Block]

    public init(setup: PageSetup, items: [PageItem] = [], blocks: [Block] = []) {
        self.setup = setup; self.items = items; self.blocks = blocks
    }

    /// The page's named regions: named cells and named seal areas, in drawing order.
    public var regions: [NamedRegion] {
        items.compactMap { item in
            switch item {
            case .region(let r): return r
            case .seal(let s): return s.region.map { NamedRegion(name: $0, rect: s.bounds) }
            default: return nil
            }
        }
    }
}

extension PageItem {
    /// The item moved by (dx, dy): pass 1 measures at the origin, pass 2 moves into place.
    public func offsetBy(_ dx: Double, _ dy: Double) -> PageItem {
        switch self {
        case .text(var run):
            run.x += dx; run.y += dy
            return .text(run)
        case .line(let a, let b, let w):
            return .line(from: Point(x: a.x + dx, y: a.y + dy), to: Point(x: b.x + dx, y: b.y + dy), width: w)
        case .rect(var r, let w):
            r.x += dx; r.y += dy
            return .rect(r, lineWidth: w)
        case .seal(var s):
            s.center.x += dx; s.center.y += dy
            s.caption.x += dx; s.caption.y += dy
            return .seal(s)
        case .region(var r):
            r.rect.x += dx; r.rect.y += dy
            return .region(r)
        }
    }
}

extension Page {
    /// The page as text, one item per line with positions in points to 0.1: golden snapshots
    /// diff readably and do not depend on PDF bytes.
    public var snapshot: String {
        func f(_ v: Double) -> String {
            let r = (v * 10).rounded() / 10
            return r == r.rounded() ? String(Int(r)) : String(r)
        }
        var out = "page \(f(setup.width))x\(f(setup.height))\n"
        for item in items {
            switch item {
            case .text(let t):
                out += "text \(f(t.x)),\(f(t.y)) \(f(t.size))\(t.bold ? "b" : "")\(t.charSpacing != 0 ? " tc\(f(t.charSpacing))" : "") \(t.text)\n"
            case .line(let a, let b, _):
                out += "line \(f(a.x)),\(f(a.y)) \(f(b.x)),\(f(b.y))\n"
            case .rect(let r, _):
                out += "rect \(f(r.x)),\(f(r.y)) \(f(r.width))x\(f(r.height))\n"
            case .seal(let s):
                out += "seal \(f(s.center.x)),\(f(s.center.y)) d\(f(s.diameter)) \(s.caption.text)@\(f(s.caption.x)),\(f(s.caption.y))"
                out += (s.region.map { " region \($0)" } ?? "") + "\n"
            case .region(let r):
                out += "region \(r.name) \(f(r.rect.x)),\(f(r.rect.y)) \(f(r.rect.width))x\(f(r.rect.height))\n"
            }
        }
        return out
    }
}
