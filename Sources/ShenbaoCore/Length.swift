import Foundation

/// Lengths as people write them in layouts and templates: `42mm`, `4.2cm`, `1.5in`, `12pt`,
/// `200px` (CSS pixels, 96 per inch) or `914400emu` (ECMA-376 Part 1 §20.1.2.1).
public enum Length {
    /// Units and their size in points.
    public enum Unit: String, Sendable, CaseIterable {
        case mm, cm, `in`, pt, px, emu
        public var points: Double {
            switch self {
            case .mm: 72 / 25.4
            case .cm: 720 / 25.4
            case .in: 72
            case .pt: 1
            case .px: 0.75
            case .emu: 1.0 / 12700
            }
        }
    }

    /// `text` in points; a bare number is in `bare` units. nil when it is not a length.
    public static func points(_ text: String, bare: Unit) -> Double? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        for unit in Unit.allCases where s.hasSuffix(unit.rawValue) {
            guard let n = Double(s.dropLast(unit.rawValue.count).trimmingCharacters(in: .whitespaces)), n.isFinite else { return nil }
            return n * unit.points
        }
        guard let n = Double(s), n.isFinite else { return nil }
        return n * bare.points
    }
}
