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
}
