// The ZIP reader: the central directory, then every entry inflated under the limits.
import FuzzSupport
import ShenbaoZip

func fuzzZip(_ bytes: [UInt8]) {
    guard let archive = try? ZipArchive(bytes: bytes) else { return }
    for entry in archive.entries { _ = try? archive.contents(of: entry) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzZip(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
FuzzReplay.main("fuzz-zip", fuzzZip)
#endif
