@testable import ShenbaoLayout

/// A measurer with round numbers: every wide character 1 em, every other character 0.5 em,
/// so expected positions can be worked out by hand.
struct FakeMeasurer: TextMeasurer {
    func advance(of scalar: Unicode.Scalar, size: Double, bold: Bool) -> Double {
        CJKBreaking.isWide(scalar) ? size : size / 2
    }
    var ascender: Double { 0.8 }
    var descender: Double { 0.2 }
}

/// All text runs of the pages, in order.
func texts(_ pages: [Page]) -> [String] {
    pages.flatMap { page in page.items.compactMap { item -> String? in
        if case .text(let run) = item { return run.text }
        return nil
    } }
}
