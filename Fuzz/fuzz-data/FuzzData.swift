// The data loader: YAML and JSON (the format detected, as standard input is read).
import FuzzSupport
import Foundation
import ShenbaoCore

func fuzzData(_ bytes: [UInt8]) {
    _ = try? DataLoader.load(data: Data(bytes), file: "fuzz", format: .detect)
    _ = try? DataLoader.load(data: Data(bytes), file: "fuzz.json", format: .json)
}

@main struct Main {
    static func main() {
        FuzzMain.run("fuzz-data", fuzzData) { data, size in
            fuzzData(FuzzMain.bytes(data, size))
            return 0
        }
    }
}
