import CDeflate
import CZlib

/// Raw DEFLATE (RFC 1951) of text given piece by piece, for a ZIP entry that may be too large
/// to hold whole before compressing it: a summary of thousands of rows is a document.xml of
/// tens of megabytes, which deflates to a tenth.
///
/// Up to `holdLimit` the input is held and deflated whole by libdeflate (`Deflate`), which is
/// several times faster than zlib at level 1: a pack's 540 KB document.xml through zlib cost a
/// batch a second per thousand records. Past it, the input goes through zlib, which compresses a
/// stream and keeps only the compressed bytes. Either way the output is a function of the input,
/// the level and the library's version, so the files stay reproducible on one system.
public final class DeflateStream {
    /// Held input beyond this is streamed instead.
    public static let holdLimit = 1 << 20
    private let level: Int32
    /// The input so far, while it is under `holdLimit`.
    private var held: [UInt8] = []
    /// The zlib stream once the input passed `holdLimit`; on the heap, never moved, since zlib
    /// checks that its state still points back at it.
    private var stream: UnsafeMutablePointer<z_stream>?
    /// What zlib writes into before it is appended to `output`.
    private var scratch: UnsafeMutablePointer<Bytef>?
    private var output: [UInt8] = []
    /// CRC-32 and size of what was written, as the ZIP entry records them.
    public private(set) var crc: UInt32 = 0
    public private(set) var count = 0
    private static let chunk = 1 << 16

    /// `level` 1 (fastest) … 9 (smallest), as zlib counts; others are taken as the nearest.
    public init(level: Int32) {
        self.level = min(max(level, 1), 9)
    }

    deinit {
        if let stream {
            deflateEnd(stream)
            stream.deallocate()
        }
        scratch?.deallocate()
    }

    /// Compresses `text`'s UTF-8, read where the string holds it.
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        crc = UInt32(libdeflate_crc32(crc, bytes.baseAddress, bytes.count))
        count += bytes.count
        if let stream {
            run(stream, bytes, flush: Z_NO_FLUSH)
            return
        }
        held.append(contentsOf: bytes)
        guard held.count > Self.holdLimit else { return }
        let stream = start()
        held.withUnsafeBytes { run(stream, $0, flush: Z_NO_FLUSH) }
        held = []
    }

    /// The whole compressed stream; nothing may be written after.
    public func finish() -> [UInt8] {
        guard let stream else { return Deflate.compressRaw(held, level: level) }
        run(stream, UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
        return output
    }

    private func start() -> UnsafeMutablePointer<z_stream> {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // −15: a raw stream with the full window (zlib manual, deflateInit2); memLevel 8 is the default.
        let status = deflateInit2_(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                                   Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib could not start a deflate stream (out of memory)")
        self.stream = stream
        scratch = UnsafeMutablePointer<Bytef>.allocate(capacity: Self.chunk)
        return stream
    }

    private func run(_ stream: UnsafeMutablePointer<z_stream>, _ input: UnsafeRawBufferPointer, flush: Int32) {
        guard let scratch else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        while true {
            stream.pointee.next_out = scratch
            stream.pointee.avail_out = uInt(Self.chunk)
            let status = deflate(stream, flush)
            // Z_BUF_ERROR: no progress was possible, which is only no input left without Z_FINISH.
            precondition(status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && flush != Z_FINISH),
                         "zlib deflate failed (\(status))")
            output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: Self.chunk - Int(stream.pointee.avail_out)))
            if flush == Z_FINISH ? status == Z_STREAM_END : stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return }
        }
    }
}
