import Foundation
import ShenbaoTestSupport

/// What the PDF tests share: the font they embed, pdfinfo's fields, scratch folders.
enum Tools {
    /// `Key: value` lines of pdfinfo's output.
    static func fields(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    static let umingPath = Requirement.umingPath

    /// Pixels darker than mid-grey in a binary PGM (P5, 8-bit): the header's four fields
    /// ("P5", width, height, maxval) each end in one whitespace byte.
    static func darkPixels(_ pgm: [UInt8]) -> Int {
        var fields = 0, i = 0
        while fields < 4, i < pgm.count {
            while i < pgm.count, pgm[i] != 0x20, pgm[i] != 0x0A { i += 1 }
            fields += 1
            i += 1
        }
        return pgm[min(i, pgm.count)...].filter { $0 < 128 }.count
    }
}
