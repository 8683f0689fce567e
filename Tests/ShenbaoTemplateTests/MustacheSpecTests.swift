import Foundation
import Testing
import ShenbaoCore
import ShenbaoTestSupport
@testable import ShenbaoTemplate

/// The official Mustache specification tests, read from `../shared/conformance/mustache/`
/// (never copied into this repository). Reported as skipped when that folder is absent.
@Suite struct MustacheSpecTests {
    static let folder = TestFolders.shared?.appendingPathComponent("conformance/mustache")
    static let files = ["interpolation", "sections", "inverted", "comments", "delimiters", "partials"]
    /// Whether the specification folder is there (checked once).
    static let present = folder.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
    static let absent: Comment = "../shared/conformance/mustache is absent (or set SHENBAO_SHARED)"

    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var name: String
        var template: String
        var data: Value
        var partials: [String: String]
        var expected: String
        var testDescription: String { "\(file): \(name)" }
    }

    static func cases() -> [Case] {
        var cases: [Case] = []
        for file in files {
            guard let url = folder?.appendingPathComponent(file + ".json") else { continue }
            guard let bytes = try? Data(contentsOf: url),
                  let json = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
                  let tests = json["tests"] as? [[String: Any]] else { continue }
            for test in tests {
                let dataJSON = try! JSONSerialization.data(withJSONObject: test["data"]!, options: [.fragmentsAllowed])
                let data = try! DataLoader.load(data: dataJSON, file: "\(file).json", format: .json).root
                cases.append(Case(file: file, name: test["name"] as! String, template: test["template"] as! String,
                                  data: data, partials: test["partials"] as? [String: String] ?? [:],
                                  expected: test["expected"] as! String))
            }
        }
        return cases
    }

    /// `cases()` leaves out a file it cannot read: each file must be there and hold tests.
    @Test(.enabled(if: present, absent), arguments: files)
    func specificationFileIsReadable(_ file: String) throws {
        let url = try #require(Self.folder?.appendingPathComponent(file + ".json"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let tests = try #require(json?["tests"] as? [[String: Any]], "\(file).json has no \"tests\" list")
        #expect(!tests.isEmpty)
    }

    @Test(.enabled(if: present, absent))
    func specificationHasAllItsCases() {
        #expect(Self.cases().count == 136)
    }

    @Test(.enabled(if: present, absent), arguments: cases())
    func conforms(_ spec: Case) throws {
        let template = try Template.parse(spec.template, name: spec.name)
        let partials = spec.partials
        let output = try template.render(spec.data, partials: { partials[$0] })
        #expect(output == spec.expected)
    }
}
