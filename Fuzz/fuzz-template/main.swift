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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzTemplate(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
FuzzReplay.main("fuzz-template", fuzzTemplate)
#endif
