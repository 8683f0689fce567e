import CDeflate

/// DEFLATE (RFC 1951) on whole buffers, for ZIP entries (raw) and PDF and PNG streams
/// (zlib-wrapped, RFC 1950): the one place the project compresses and inflates.
///
/// libdeflate rather than zlib: every buffer is whole in memory, where libdeflate is twice as
/// fast as zlib at the same level and size (bench/pdf), and its output is a pure function of
/// input and level, so files written from the same bytes are identical.
public enum Deflate {
    /// CRC-32 as ZIP records it for every entry.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { crc32($0) }
    }

    /// The CRC-32 of `bytes`, or of what `crc` was taken over followed by `bytes`.
    public static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        UInt32(libdeflate_crc32(crc, bytes.baseAddress, bytes.count))
    }

    /// Raw DEFLATE, as a ZIP entry stores it; `level` 1 (fastest) … 12 (smallest).
    public static func compressRaw(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        bytes.withUnsafeBytes { compressRaw($0, level: level) }
    }

    /// The same from memory the caller holds: a part's text is deflated from the string's own
    /// UTF-8, not from a copy of it.
    public static func compressRaw(_ bytes: UnsafeRawBufferPointer, level: Int32 = 6) -> [UInt8] {
        compress(bytes, level: level, bound: libdeflate_deflate_compress_bound, run: libdeflate_deflate_compress)
    }

    /// A zlib stream, as PDF's `/FlateDecode` (ISO 32000-1 §7.4.4) and PNG store it.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        bytes.withUnsafeBytes { compress($0, level: level, bound: libdeflate_zlib_compress_bound, run: libdeflate_zlib_compress) }
    }

    /// Inflates raw DEFLATE that must come to exactly `size` bytes (a ZIP entry's declared size);
    /// nil when the data is damaged or would come to more or fewer bytes. The bound is the
    /// caller's, so a lying archive cannot make it allocate more than it was prepared to.
    public static func inflateRaw(_ bytes: ArraySlice<UInt8>, size: Int) -> [UInt8]? {
        inflate(bytes, size: size, exact: true, run: libdeflate_deflate_decompress)
    }

    /// Inflates a zlib stream of at most `limit` bytes; nil when damaged or larger.
    public static func inflate(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
        inflate(bytes[...], size: limit, exact: false, run: libdeflate_zlib_decompress)
    }

    /// What inflating a zlib stream of unknown size came to.
    public enum Inflated: Sendable, Hashable {
        case data([UInt8])
        /// The data is damaged or not a zlib stream.
        case damaged
        /// The data would inflate to more than the limit.
        case tooLarge
    }

    /// Inflates a zlib stream whose size nobody declared (a PDF stream's, ISO 32000-1 §7.4.4),
    /// telling a bomb (`tooLarge`) from damage. The buffer starts near the input's size and doubles
    /// up to `limit`, so a small stream never costs a buffer of the whole limit.
    public static func inflate(_ bytes: ArraySlice<UInt8>, upTo limit: Int) -> Inflated {
        guard limit >= 0, let decompressor = libdeflate_alloc_decompressor() else { return .damaged }
        defer { libdeflate_free_decompressor(decompressor) }
        var capacity = min(limit, max(4096, bytes.count > limit / 4 ? limit : 4 * bytes.count))
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            var produced = 0
            let result = bytes.withUnsafeBytes { src in
                out.withUnsafeMutableBytes { dst in
                    libdeflate_zlib_decompress(decompressor, src.baseAddress, src.count, dst.baseAddress, dst.count, &produced)
                }
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                out.removeSubrange(produced...)
                return .data(out)
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                if capacity >= limit { return .tooLarge }
                capacity = capacity > limit / 2 ? limit : capacity * 2
            default:
                return .damaged
            }
        }
    }

    private typealias Compress = (OpaquePointer?, UnsafeRawPointer?, Int, UnsafeMutableRawPointer?, Int) -> Int
    private typealias Bound = (OpaquePointer?, Int) -> Int
    private typealias Decompress = (OpaquePointer?, UnsafeRawPointer?, Int, UnsafeMutableRawPointer?, Int,
                                    UnsafeMutablePointer<Int>?) -> libdeflate_result

    /// Markup deflates to a tenth of its size or less: an input of a megabyte or more is first
    /// deflated into a buffer a quarter of its size, and only data that does not fit gets the
    /// worst-case bound. A batch's summary of thousands of rows is then never held twice at full
    /// size. Smaller inputs go straight to the bound: a font program only halves, and a second try
    /// deflated every pack's 170 KB subset twice.
    private static func compress(_ src: UnsafeRawBufferPointer, level: Int32, bound: Bound, run: Compress) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(min(max(level, 0), 12)) else {
            fatalError("libdeflate could not allocate a compressor (out of memory)")
        }
        defer { libdeflate_free_compressor(compressor) }
        let worst = bound(compressor, src.count)
        let first = src.count < 1 << 20 ? worst : min(worst, src.count / 4)
        for capacity in Set([first, worst]).sorted() {
            var out = [UInt8](repeating: 0, count: capacity)
            let size = out.withUnsafeMutableBytes { dst in run(compressor, src.baseAddress, src.count, dst.baseAddress, dst.count) }
            if size > 0 || src.isEmpty {
                out.removeSubrange(size...)
                return out
            }
        }
        preconditionFailure("libdeflate failed with a bound-sized buffer")
    }

    private static func inflate(_ bytes: ArraySlice<UInt8>, size: Int, exact: Bool, run: Decompress) -> [UInt8]? {
        guard size >= 0, let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var out = [UInt8](repeating: 0, count: size)
        var produced = 0
        let result = bytes.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                run(decompressor, src.baseAddress, src.count, dst.baseAddress, dst.count, &produced)
            }
        }
        guard result == LIBDEFLATE_SUCCESS, !exact || produced == size else { return nil }
        out.removeSubrange(produced...)
        return out
    }
}
