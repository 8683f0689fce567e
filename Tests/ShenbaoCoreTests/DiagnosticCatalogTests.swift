import Foundation
import Testing
import ShenbaoCore
import ShenbaoTestSupport

/// The one catalog of diagnostic ids (Sources/ShenbaoCore/DiagnosticCatalog.swift) is complete,
/// is the only place ids are made from literals, and is what docs/diagnostics.md shows.
@Suite struct DiagnosticCatalogTests {
    static let sources = TestFolders.packageRoot.appendingPathComponent("Sources")

    static func swiftFiles() throws -> [(path: String, text: String)] {
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        var files: [(String, String)] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            files.append((relative, try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)))
        }
        return files
    }

    @Test func catalogIsSortedUniqueAndExplained() {
        let raw = Diagnostic.ID.catalog.map(\.rawValue)
        #expect(raw == raw.sorted(), "keep DiagnosticCatalog.catalog sorted by id")
        #expect(Set(raw).count == raw.count, "an id is listed twice")
        for id in Diagnostic.ID.catalog { #expect(!id.meaning.isEmpty, "\(id) has no meaning") }
    }

    @Test func idsAreMadeOnlyInTheCatalog() throws {
        var offenders: [String] = []
        var declared = 0
        for (path, text) in try Self.swiftFiles() {
            let isCatalog = path.hasSuffix("ShenbaoCore/DiagnosticCatalog.swift")
            if isCatalog {
                declared = text.components(separatedBy: "public static let ").count - 2 // minus `catalog`
                continue
            }
            if text.contains("Diagnostic.ID(\"") { offenders.append("\(path): an id made from a literal") }
            if text.contains("extension Diagnostic.ID") { offenders.append("\(path): ids declared outside the catalog") }
            for literal in ["Diagnostic(id: \"", ".unusable(\"", "issue(\"", "problem(\"", "TemplateError(id: \""]
            where text.contains(literal) {
                offenders.append("\(path): \(literal)… names an id by a string")
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
        #expect(declared == Diagnostic.ID.catalog.count, "every id constant is in `catalog` (\(declared) declared)")
    }

    /// Rule ids that the definitions and the notice declare are ids of the catalog too.
    @Test func configuredRuleIDsAreInTheCatalog() throws {
        let known = Set(Diagnostic.ID.catalog.map(\.rawValue))
        let templates = TestFolders.packageRoot.appendingPathComponent("templates")
        var unknown: [String] = []
        for folder in ["definitions", "notices"] {
            let dir = templates.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".yaml") {
                let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    for key in ["rule: ", "minimum_rule: "] where trimmed.hasPrefix(key) {
                        let id = trimmed.dropFirst(key.count).trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
                        if !known.contains(id) && !id.hasPrefix("eligibility.") { unknown.append("\(folder)/\(file): \(id)") }
                    }
                }
            }
        }
        #expect(unknown.isEmpty, "\(unknown)")
    }

    /// docs/diagnostics.md is generated from the catalog; rerun with SHENBAO_RECORD_SNAPSHOTS=1 after adding an id.
    @Test func theDocsShowTheCatalog() {
        var text = """
        # Diagnostic ids

        Every message Shenbao prints ends with a stable id in brackets (`[credit_code.checksum]`),
        and `--json` reports carry it as `rule`. This table is generated from
        `Sources/ShenbaoCore/DiagnosticCatalog.swift` by `DiagnosticCatalogTests`; rule ids that a
        notice declares per eligibility condition appear as `eligibility.<key>`.

        | id | meaning |
        | --- | --- |

        """
        for id in Diagnostic.ID.catalog {
            text += "| `\(id.rawValue)` | \(id.meaning.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        assertSnapshot(text, named: "diagnostics.md", in: TestFolders.packageRoot.appendingPathComponent("docs"), fileExtension: nil)
    }
}
