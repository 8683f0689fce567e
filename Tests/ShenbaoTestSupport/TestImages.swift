import Foundation
import ShenbaoZip

/// Images the tests make themselves (the repository holds no image files for tests), byte for
/// byte the same on every machine: the DEFLATE data is stored, not compressed, so no zlib
/// version can change the file, and goldens can carry its hash.
public enum TestImages {
    /// A 64×64 RGBA PNG of a red ring with a square in the middle, on transparency: a seal.
    public static func sealPNG() -> Data {
        let size = 64
        var raw: [UInt8] = []
        for y in 0..<size {
            raw.append(0)   // filter: none
            for x in 0..<size {
                let dx = Double(x) - 31.5, dy = Double(y) - 31.5
                let d = (dx * dx + dy * dy).squareRoot()
                let opaque = (26...31).contains(d) || (abs(dx) < 6 && abs(dy) < 6)
                raw += [200, 0, 0, opaque ? 255 : 0]
            }
        }
        return Data(png(width: size, height: size, colorType: 6, raw: raw))
    }

    /// A PNG (8-bit samples) around already filtered rows: signature, IHDR, IDAT, IEND (PNG §5).
    public static func png(width: Int, height: Int, colorType: UInt8, raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, _ body: [UInt8]) {
            let typed = Array(type.utf8) + body
            out += be32(UInt32(body.count)) + typed + be32(Deflate.crc32(typed))
        }
        chunk("IHDR", be32(UInt32(width)) + be32(UInt32(height)) + [8, colorType, 0, 0, 0])
        chunk("IDAT", storedZlib(raw))
        chunk("IEND", [])
        return out
    }

    /// `bytes` in a zlib stream of stored DEFLATE blocks (RFC 1950, RFC 1951 §3.2.4).
    public static func storedZlib(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var at = 0
        repeat {
            let count = min(65_535, bytes.count - at)
            let last: UInt8 = at + count == bytes.count ? 1 : 0
            out += [last, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += bytes[at..<at + count]
            at += count
        } while at < bytes.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + be32(b << 16 | a)
    }

    private static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }
}
