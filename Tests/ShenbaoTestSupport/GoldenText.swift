import Foundation
import ShenbaoZip

/// Rendered files turned into texts to compare with `assertSnapshot`: what a person can read stays
/// as it is, and every binary part becomes one line with its size and SHA-256, so that a golden
/// says which part changed without holding font programs or pixels.
public enum GoldenText {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    // MARK: PDF

    /// A PDF (best written with `compressionLevel: 0`, so content streams are plain text) as its
    /// bytes, except that each stream whose data is not printable UTF-8 text (font programs,
    /// images, soft masks) is replaced by `<binary stream: N bytes, sha256 …>`. Outside the
    /// streams, a byte that is not printable text (the binary-marker comment, the xref table's CR)
    /// is written `\xNN`.
    public static func pdf(_ data: Data) -> String {
        let bytes = [UInt8](data)
        var out = ""
        var at = 0
        while let (dataStart, dataEnd) = nextStream(in: bytes, from: at) {
            out += printable(bytes[at..<dataStart])
            let payload = bytes[dataStart..<dataEnd]
            out += isText(payload) ? printable(payload) : binaryLine("binary stream", payload)
            at = dataEnd
        }
        return out + printable(bytes[at...])
    }

    /// The byte range of the data of the first stream at or after `from`: after the `stream`
    /// keyword and its end of line, `/Length` bytes long when the dictionary gives a length that
    /// ends at `endstream`, else up to the end of line before the next `endstream`.
    static func nextStream(in bytes: [UInt8], from: Int) -> (Int, Int)? {
        var search = from
        while let keyword = find(Array("stream".utf8), in: bytes, from: search) {
            search = keyword + 6
            // Only `stream` right after a dictionary's `>>` starts one (not the end of `endstream`).
            var back = keyword - 1
            while back > 0, isWhitespace(bytes[back]) { back -= 1 }
            guard back > 0, bytes[back] == UInt8(ascii: ">"), bytes[back - 1] == UInt8(ascii: ">") else { continue }
            var start = keyword + 6
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            guard start < bytes.count, bytes[start] == 0x0A else { continue }
            start += 1
            let objectStart = findLast(Array(" obj".utf8), in: bytes, before: keyword) ?? from
            if let length = declaredLength(bytes[objectStart..<keyword]), start + length <= bytes.count,
               followedByEndstream(bytes, at: start + length) {
                return (start, start + length)
            }
            guard let end = find(Array("endstream".utf8), in: bytes, from: start) else { return nil }
            var dataEnd = end
            if dataEnd > start, bytes[dataEnd - 1] == 0x0A { dataEnd -= 1 }
            if dataEnd > start, bytes[dataEnd - 1] == 0x0D { dataEnd -= 1 }
            return (start, dataEnd)
        }
        return nil
    }

    /// The direct integer after `/Length` in a dictionary's text (not `/Length1`, not a reference).
    static func declaredLength(_ dictionary: ArraySlice<UInt8>) -> Int? {
        let text = String(decoding: dictionary, as: UTF8.self)
        for part in text.components(separatedBy: "/Length").dropFirst() {
            guard let first = part.unicodeScalars.first, first == " " || first == "\n" || first == "\r" else { continue }
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" })
            guard let number = words.first.flatMap({ Int($0) }) else { continue }
            if words.count >= 3, Int(words[1]) != nil, words[2].hasPrefix("R") { return nil }
            return number
        }
        return nil
    }

    private static func followedByEndstream(_ bytes: [UInt8], at index: Int) -> Bool {
        var i = index
        while i < bytes.count, isWhitespace(bytes[i]) { i += 1 }
        return bytes[i...].starts(with: "endstream".utf8)
    }

    // MARK: DOCX

    /// A DOCX (any ZIP) entry by entry, sorted by name: `=== name ===`, then the entry as
    /// `CanonicalXML` when it is XML (`.xml`, `.rels`), as itself when it is other printable
    /// text, else as `<binary: N bytes, sha256 …>`.
    public static func docx(_ data: Data) throws -> String {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: [UInt8](data)) } catch {
            throw Failure(description: "not a ZIP archive: \(error)")
        }
        var out = ""
        for entry in archive.entries.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
            let contents: [UInt8]
            do { contents = try archive.contents(of: entry) } catch {
                throw Failure(description: "\(entry.name): \(error)")
            }
            out += "=== \(entry.name) ===\n"
            if entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
                do { out += try CanonicalXML.format(contents) } catch {
                    throw Failure(description: "\(entry.name): \(error)")
                }
            } else if isText(contents[...]) {
                let text = printable(contents[...])
                out += text.hasSuffix("\n") ? text : text + "\n"
            } else {
                out += binaryLine("binary", contents[...]) + "\n"
            }
        }
        return out
    }

    // MARK: Bytes

    static func binaryLine(_ what: String, _ bytes: ArraySlice<UInt8>) -> String {
        "<\(what): \(bytes.count) bytes, sha256 \(SHA256.hex(bytes))>"
    }

    /// Whether `bytes` are UTF-8 text: valid, and no control characters but tab, line feed and
    /// carriage return.
    static func isText(_ bytes: ArraySlice<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if isControl(scalar) && scalar != "\n" && scalar != "\t" && scalar != "\r" { return false }
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// `bytes` as UTF-8, with each byte that is not part of printable text (a control character
    /// other than tab and line feed, or invalid UTF-8) written `\xNN`.
    static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        var out = ""
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let length = scalarLength(bytes, at: i)
            if length > 0 {
                let scalar = String(decoding: bytes[i..<i + length], as: UTF8.self).unicodeScalars.first!
                if !isControl(scalar) || scalar == "\n" || scalar == "\t" {
                    out.unicodeScalars.append(scalar)
                    i += length
                    continue
                }
            }
            let hex = String(bytes[i], radix: 16, uppercase: true)
            out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            i += 1
        }
        return out
    }

    /// The length of the valid UTF-8 sequence at `i`, 0 when there is none.
    private static func scalarLength(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        guard length > 0, i + length <= bytes.endIndex else { return 0 }
        var iterator = bytes[i..<i + length].makeIterator()
        var decoder = UTF8()
        if case .scalarValue = decoder.decode(&iterator), iterator.next() == nil { return length }
        return 0
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count, from <= bytes.count - needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0], bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func findLast(_ needle: [UInt8], in bytes: [UInt8], before end: Int) -> Int? {
        var i = end - needle.count
        while i >= 0 {
            if bytes[i] == needle[0], bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
