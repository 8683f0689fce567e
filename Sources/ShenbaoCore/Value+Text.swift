extension Value {
    /// The text a value prints as when a template or form interpolates it: numbers without a
    /// trailing `.0`, dates in ISO form, lists joined with `、` (as Chinese forms list items).
    public var plainText: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .decimal(let d):
            if d.rounded() == d, abs(d) < 1e15 { return String(Int(d)) }
            return String(d)
        case .text(let s): return s
        case .date(let date): return date.description
        case .list(let items): return items.map(\.plainText).joined(separator: "、")
        case .map: return ""
        }
    }

    /// The value as a calendar date: a date, or text in one of the accepted date forms.
    public var civilDate: CivilDate? {
        switch self {
        case .date(let d): return d
        case .text(let s): return CivilDate(parsing: s)
        default: return nil
        }
    }

    /// The value as a number, from a number or numeric text.
    public var number: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .decimal(let d): return d
        case .text(let s): return Double(s.trimmed)
        default: return nil
        }
    }
}

import Foundation
