/// Little-endian field access on the raw bytes of an archive (APPNOTE.TXT stores every
/// integer little-endian); callers check bounds first.
extension Array where Element == UInt8 {
    @inline(__always) func u16(_ at: Int) -> Int { Int(self[at]) | Int(self[at + 1]) << 8 }
    @inline(__always) func u32(_ at: Int) -> Int {
        Int(self[at]) | Int(self[at + 1]) << 8 | Int(self[at + 2]) << 16 | Int(self[at + 3]) << 24
    }

    @inline(__always) mutating func put16(_ v: Int) {
        append(UInt8(truncatingIfNeeded: v)); append(UInt8(truncatingIfNeeded: v >> 8))
    }

    @inline(__always) mutating func put32(_ v: Int) {
        put16(v & 0xFFFF); put16((v >> 16) & 0xFFFF)
    }
}
