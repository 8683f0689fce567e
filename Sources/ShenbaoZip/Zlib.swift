import CZlib

/// Raw DEFLATE (RFC 1951) through zlib, as ZIP stores it (no zlib header: window bits −15).
public enum Zlib {
    /// CRC-32 as ZIP records it for every entry.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// Inflates `input`, refusing to produce more than `limit` bytes: the caller passes the size
    /// it is prepared to accept, never a size read from the untrusted archive alone.
    /// Returns nil when the stream is damaged or would exceed `limit`.
    public static func inflate(_ input: ArraySlice<UInt8>, limit: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        // One byte more than the limit, so that exceeding it is seen rather than silently cut.
        var output = [UInt8](repeating: 0, count: limit + 1)
        var produced = 0
        let status: Int32 = input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                let result = CZlib.inflate(&stream, Z_FINISH)
                produced = outBuf.count - Int(stream.avail_out)
                return result
            }
        }
        guard status == Z_STREAM_END, produced <= limit else { return nil }
        output.removeLast(output.count - produced)
        return output
    }

    /// Deflates `input` at `level` (1 fastest … 9 smallest); zlib's output is a pure function of
    /// the input and level, so archives written from the same bytes are identical.
    public static func deflate(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            fatalError("zlib deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        var produced = 0
        input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                let result = CZlib.deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "deflateBound was too small")
                produced = outBuf.count - Int(stream.avail_out)
            }
        }
        output.removeLast(output.count - produced)
        return output
    }
}
