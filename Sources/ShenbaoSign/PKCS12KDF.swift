import Crypto

/// The PKCS#12 key derivation (RFC 7292 Appendix B.2), needed for one thing: the integrity key of
/// a PFX's MAC, which OpenSSL 3 still derives this way by default (then HMAC-SHA256 over the
/// content). swift-crypto offers no PKCS#12 derivation, so this composes its hash functions
/// exactly as B.2 lays the steps out. A MAC key is never longer than the hash output, so only the
/// first output block (B.2 step 6 with c = 1) is ever derived.
enum PKCS12KDF {
    /// The purpose byte `ID` of B.3 for MAC keys.
    private static let macPurpose: UInt8 = 3

    /// The MAC key for `password` (already as B.1's BMPString with its two-byte terminator).
    static func macKey<H: HashFunction>(_ hash: H.Type, password: [UInt8], salt: ArraySlice<UInt8>, iterations: Int) -> SymmetricKey {
        let v = H.blockByteCount
        // Steps 1–4: D is ID repeated to v bytes; S and P are the salt and password repeated to a
        // whole number of v-byte blocks (empty stays empty); I = S || P.
        let diversifier = [UInt8](repeating: macPurpose, count: v)
        let input = fill(salt, blockSize: v) + fill(password[...], blockSize: v)
        // Step 6a: A = H^r(D || I).
        var block = Array(H.hash(data: diversifier + input))
        for _ in 1..<max(iterations, 1) { block = Array(H.hash(data: block)) }
        return SymmetricKey(data: block)
    }

    /// `bytes` repeated to fill `blockSize * ceil(count / blockSize)` bytes.
    private static func fill(_ bytes: ArraySlice<UInt8>, blockSize: Int) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        let length = blockSize * ((bytes.count + blockSize - 1) / blockSize)
        return (0..<length).map { bytes[bytes.startIndex + $0 % bytes.count] }
    }

    /// A password as B.1 encodes it: big-endian UTF-16 with a terminating zero character.
    static func bmpString(_ password: String) -> [UInt8] {
        password.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + [0, 0]
    }
}
