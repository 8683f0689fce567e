// The data loader: YAML and JSON (the format detected, as standard input is read).
import FuzzSupport
import Foundation
import ShenbaoCore

func fuzzData(_ bytes: [UInt8]) {
    _ = try? DataLoader.load(data: Data(bytes), file: "fuzz", format: .detect)
    _ = try? DataLoader.load(data: Data(bytes), file: "fuzz.json", format: .json)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzData(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if !FUZZING
FuzzReplay.main("fuzz-data", fuzzData)
#endif
