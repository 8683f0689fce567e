/// FNV-1a, 64-bit: a hash that is the same on every run and platform (Swift's `Hasher` is seeded per process),
/// used for subset tags and the file `/ID`.
public struct StableHash: Sendable {
    public private(set) var value: UInt64

    public init(seed: UInt64 = 0xcbf2_9ce4_8422_2325) { value = seed }

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for b in bytes {
            value ^= UInt64(b)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    public mutating func combine(_ n: UInt32) {
        combine([UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)])
    }

    public var bytes: [UInt8] { (0..<8).map { UInt8((value >> (56 - 8 * UInt64($0))) & 0xFF) } }

    /// A 16-byte digest of a file for its `/ID`, taken in pieces as the file is written (a
    /// `PDFWriter` with a sink): four FNV-style lanes over 8-byte words, so the multiplications do
    /// not wait on each other (byte-wise FNV over a 100 KB file twice cost ≈0.2 ms). Every piece
    /// but the last must be a multiple of 32 bytes long, the lanes' word.
    public struct FileDigest: Sendable {
        private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4,
                                                               0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f)
        private var count = 0

        public init() {}

        public mutating func add(_ raw: UnsafeRawBufferPointer) {
            let prime: UInt64 = 0x0000_0100_0000_01B3
            var at = 0
            while at + 32 <= raw.count {
                lanes.0 = (lanes.0 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))) &* prime
                lanes.1 = (lanes.1 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))) &* prime
                lanes.2 = (lanes.2 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))) &* prime
                lanes.3 = (lanes.3 ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))) &* prime
                // Fold the high bits down, or a byte could only ever reach bits above it.
                lanes.0 ^= lanes.0 >> 29; lanes.1 ^= lanes.1 >> 29; lanes.2 ^= lanes.2 >> 29; lanes.3 ^= lanes.3 >> 29
                at += 32
            }
            while at < raw.count {
                lanes.0 = (lanes.0 ^ UInt64(raw[at])) &* prime
                at += 1
            }
            count += raw.count
        }

        /// The digest of everything added.
        public var value: [UInt8] {
            var a = StableHash(seed: lanes.0), b = StableHash(seed: lanes.2)
            a.combine(lanes.1)
            a.combine(UInt64(count))
            b.combine(lanes.3)
            b.combine(lanes.0)
            return a.bytes + b.bytes
        }
    }

    public mutating func combine(_ n: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) {
            value ^= (n >> UInt64(shift)) & 0xFF
            value = value &* 0x0000_0100_0000_01B3
        }
    }
}
