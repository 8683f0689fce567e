import CDeflate
import CZlib
import Foundation
import ShenbaoCore

/// zlib streams for `/FlateDecode` (ISO 32000-1 §7.4.4, RFC 1950) and for reading PNG data.
public enum Deflate {
    /// Compresses `bytes` into a zlib stream at `level` (0–12; 6 is the usual balance).
    ///
    /// libdeflate rather than zlib: on a 460-glyph CJK subset it is twice as fast at level 6 for the
    /// same size (bench/pdf/README.md), and compression is most of a document's writing time.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(min(max(level, 0), 12)) else {
            return zlibCompress(bytes, level: min(max(level, 0), 9))
        }
        defer { libdeflate_free_compressor(compressor) }
        var out = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, bytes.count))
        let size = bytes.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                libdeflate_zlib_compress(compressor, src.baseAddress, src.count, dst.baseAddress, dst.count)
            }
        }
        precondition(size > 0, "libdeflate failed with a bound-sized buffer")
        out.removeSubrange(size...)
        return out
    }

    /// The same with zlib's `compress2` (levels 0–9), kept for comparison and as a fallback.
    public static func zlibCompress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var destLength = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(destLength))
        let status = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                compress2(dst.baseAddress, &destLength, src.baseAddress, uLong(src.count), level)
            }
        }
        precondition(status == Z_OK, "compress2 failed with a bound-sized buffer: \(status)")
        out.removeSubrange(Int(destLength)...)
        return out
    }

    /// Inflates a zlib stream; nil when it is damaged or would exceed `limit` bytes.
    public static func inflate(_ bytes: [UInt8], limit: Int = 512 << 20) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        let done: Bool = input.withUnsafeMutableBufferPointer { src in
            stream.next_in = src.baseAddress
            stream.avail_in = uInt(src.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { dst -> Int32 in
                    stream.next_out = dst.baseAddress
                    stream.avail_out = uInt(dst.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                out.append(contentsOf: chunk[0..<produced])
                if out.count > limit { return false }
                if status == Z_STREAM_END { return true }
                if status != Z_OK { return false }
                if stream.avail_in == 0 && produced == 0 { return false }
            }
        }
        return done ? out : nil
    }
}
