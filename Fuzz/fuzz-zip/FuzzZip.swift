// The ZIP reader: the central directory, then every entry inflated under the limits.
import FuzzSupport
import ShenbaoZip

func fuzzZip(_ bytes: [UInt8]) {
    guard let archive = try? ZipArchive(bytes: bytes) else { return }
    for entry in archive.entries { _ = try? archive.contents(of: entry) }
}

@main struct Main {
    static func main() {
        FuzzMain.run("fuzz-zip", fuzzZip) { data, size in
            fuzzZip(FuzzMain.bytes(data, size))
            return 0
        }
    }
}
