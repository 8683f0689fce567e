// The form layout loader: random YAML as a layout, loaded with every label known, then its
// blocks rendered for a fixed record (layout needs fonts, so it stops at blocks).
import FuzzSupport
import Foundation
import ShenbaoCore
import ShenbaoFormLayout

let record: Value = ["applicant": ["name": "上海某公司"], "items": [["name": "a"], ["name": "b"]], "flag": true]

func fuzzLayout(_ bytes: [UInt8]) {
    guard let document = try? DataLoader.load(data: Data(bytes), file: "fuzz.yaml", format: .yaml),
          let layout = try? FormLayoutLoader.load(document: document, labels: { _, path in path }) else { return }
    _ = try? FormRenderer(layout: layout).blocks(data: record)
}

@main struct Main {
    static func main() {
        FuzzMain.run("fuzz-layout", fuzzLayout) { data, size in
            fuzzLayout(FuzzMain.bytes(data, size))
            return 0
        }
    }
}
