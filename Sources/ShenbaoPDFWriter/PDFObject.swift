import Foundation
import ShenbaoCore

/// A reference to an indirect object (ISO 32000-1 §7.3.10): its object number, generation 0.
public struct PDFRef: Hashable, Sendable, Comparable {
    /// The object number, from 1.
    public let number: Int
    public init(_ number: Int) { self.number = number }
    public static func < (a: PDFRef, b: PDFRef) -> Bool { a.number < b.number }
}

/// A PDF value (ISO 32000-1 §7.3), written in one canonical form so output is byte-for-byte stable.
public indirect enum PDFObject: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case real(Double)
    /// A name, without the slash; characters outside `!`…`~` and delimiters are `#xx`-escaped.
    case name(String)
    /// A literal string `( … )` of raw bytes.
    case string([UInt8])
    /// A hexadecimal string `< … >`.
    case hexString([UInt8])
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case ref(PDFRef)

    /// A text string (§7.9.2.2): plain bytes when ASCII, else UTF-16BE with a byte order mark.
    public static func text(_ s: String) -> PDFObject {
        if s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return .string(Array(s.utf8)) }
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in s.utf16 { bytes.append(UInt8(unit >> 8)); bytes.append(UInt8(unit & 0xFF)) }
        return .hexString(bytes)
    }

    /// A date string `D:YYYYMMDDHHmmSSZ` in UTC (§7.9.4).
    public static func date(_ date: Date) -> PDFObject {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return .string(Array("D:\(c.year ?? 1970)\(two(c.month))\(two(c.day))\(two(c.hour))\(two(c.minute))\(two(c.second))Z".utf8))
    }

    /// Appends the object's canonical bytes to `out`.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .real(let d): PDFObject.append(d, to: &out)
        case .name(let n): PDFObject.writeName(n, to: &out)
        case .string(let bytes):
            out.append(UInt8(ascii: "("))
            for b in bytes {
                switch b {
                case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                    out.append(UInt8(ascii: "\\")); out.append(b)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                default: out.append(b)
                }
            }
            out.append(UInt8(ascii: ")"))
        case .hexString(let bytes):
            out.append(UInt8(ascii: "<"))
            PDFObject.appendHex(bytes, to: &out)
            out.append(UInt8(ascii: ">"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: " ")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let d): d.write(to: &out)
        case .ref(let r): out.append(contentsOf: "\(r.number) 0 R".utf8)
        }
    }

    /// Real numbers with at most 4 decimals, no exponent, trailing zeros trimmed (§7.3.3 forbids exponents).
    public static func format(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `format(value)` appended as bytes, without making a String (content streams write thousands).
    public static func append(_ value: Double, to out: inout [UInt8]) {
        // Beyond ±1e12 nothing in a page is meaningful, and the integer maths below would overflow.
        guard value.isFinite else { out.append(UInt8(ascii: "0")); return }
        if abs(value) > 1e12 {
            if value < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: "1000000000000".utf8)
            return
        }
        let scaled = (value * 10_000).rounded()
        if scaled == 0 { out.append(UInt8(ascii: "0")); return }
        if scaled < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = Int64(abs(scaled))
        appendDigits(magnitude / 10_000, to: &out)
        var fraction = magnitude % 10_000
        if fraction != 0 {
            var digits = 4
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            out.append(UInt8(ascii: "."))
            // Leading zeros of the fraction, then its digits: 0.05 → "05".
            var width = 1, f = fraction
            while f >= 10 { f /= 10; width += 1 }
            for _ in 0..<(digits - width) { out.append(UInt8(ascii: "0")) }
            appendDigits(fraction, to: &out)
        }
    }

    /// A non-negative integer in decimal.
    static func appendDigits(_ n: Int64, to out: inout [UInt8]) {
        if n < 10 { out.append(UInt8(ascii: "0") + UInt8(n)); return }
        var buffer: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = n
        withUnsafeMutableBytes(of: &buffer) { digits in
            while rest > 0 {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            out.append(contentsOf: digits[(20 - count)...])
        }
    }

    static func writeName(_ name: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "/"))
        for b in name.utf8 {
            switch b {
            // Outside the regular characters, or a delimiter: ( ) < > [ ] { } / % and # itself
            // (§7.3.5). A switch, not a search of a string: every key of every dictionary comes here.
            case ..<0x21, 0x7F..., 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25, 0x23:
                out.append(UInt8(ascii: "#"))
                appendHex([b], to: &out)
            default:
                out.append(b)
            }
        }
    }

    /// Upper-case hex digits, as PDF hex strings and CMaps write them.
    public static let hexDigits = Array("0123456789ABCDEF".utf8)
    /// `bytes` as upper-case hex digits, appended to `out`.
    public static func appendHex(_ bytes: [UInt8], to out: inout [UInt8]) {
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0F)])
        }
    }
}

/// A PDF dictionary (§7.3.7): keys in insertion order, so output never depends on hashing.
public typealias PDFDictionary = OrderedDictionary<PDFObject>

extension OrderedDictionary where Element == PDFObject {
    /// Appends `<< /Key value … >>`.
    public func write(to out: inout [UInt8]) {
        out.append(contentsOf: "<<".utf8)
        for (key, value) in pairs {
            out.append(UInt8(ascii: " "))
            PDFObject.writeName(key, to: &out)
            out.append(UInt8(ascii: " "))
            value.write(to: &out)
        }
        out.append(contentsOf: " >>".utf8)
    }
}
