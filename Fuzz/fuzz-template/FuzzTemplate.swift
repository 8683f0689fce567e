// The template language: lex, parse and render random templates against random data (the bytes
// after the first NUL, read as YAML; a fixed record when they are not data).
import FuzzSupport
import ShenbaoCore
import ShenbaoTemplate

let fallback: Value = ["a": ["b": "x", "list": [1, 2, 3]], "money": 12.5, "flag": true, "text": "<&>"]

func fuzzTemplate(_ bytes: [UInt8]) {
    let (template, data) = splitAtNul(bytes)
    guard let source = String(validating: template, as: UTF8.self),
          let parsed = try? Template.parse(source) else { return }
    let root = (try? DataLoader.load(data: .init(data), file: "fuzz", format: .yaml).root) ?? fallback
    _ = try? parsed.render(root, partials: { $0 == "self" ? source : nil }, strict: false)
}

@main struct Main {
    static func main() {
        FuzzMain.run("fuzz-template", fuzzTemplate) { data, size in
            fuzzTemplate(FuzzMain.bytes(data, size))
            return 0
        }
    }
}
