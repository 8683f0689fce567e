import Foundation
import ShenbaoCore

/// Writes ZIP archives deterministically: entries in the order added, every timestamp the
/// DOS epoch (1980-01-01 00:00), no extra fields, so the same input always gives the same bytes.
///
/// Entries can be copied from a `ZipArchive` compressed, untouched — parts a fill does not
/// change (styles, images, fonts) are neither inflated nor recompressed.
///
/// An archive of a whole batch (`batch --zip`: thousands of packs, hundreds of megabytes) goes
/// to a sink as each entry is added, and only its central directory is held.
public struct ZipWriter: Sendable {
    /// The archive so far; with a sink, what was not sent to it yet.
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    private let sink: (any ByteSink)?
    /// Bytes sent to the sink.
    private var sent = 0
    /// DOS date 1980-01-01 (APPNOTE.TXT 4.4.6: day | month << 5 | (year − 1980) << 9), time 00:00.
    private static let dosDate = 1 | 1 << 5
    private static let dosTime = 0

    public init(reservingCapacity capacity: Int = 0) {
        sink = nil
        output.reserveCapacity(capacity)
    }

    /// An archive sent to `sink` an entry at a time; `finish()` returns what is left to write.
    public init(sink: any ByteSink) {
        self.sink = sink
    }

    /// Adds `contents` as `name`, deflated at `level` (stored when that would not be smaller).
    public mutating func add(_ name: String, contents: [UInt8], level: Int32 = 6) {
        contents.withUnsafeBytes { add(name, bytes: $0, level: level) }
    }

    /// Adds `text` as `name` in UTF-8, read where the string holds it (a part of many
    /// megabytes is not copied first).
    public mutating func add(_ name: String, text: String, level: Int32 = 6) {
        var text = text
        text.withUTF8 { add(name, bytes: UnsafeRawBufferPointer($0), level: level) }
    }

    /// Adds as `name` what was written into `stream` (`DeflateStream`), finishing it: a part
    /// too large to hold whole, deflated as it was made.
    public mutating func add(_ name: String, finishing stream: DeflateStream) {
        let crc = stream.crc, size = stream.count
        append(name, method: 8, flags: 0, crc: crc, compressed: stream.finish()[...], uncompressedSize: size)
    }

    private mutating func add(_ name: String, bytes: UnsafeRawBufferPointer, level: Int32) {
        let crc = Deflate.crc32(bytes)
        let deflated = Deflate.compressRaw(bytes, level: level)
        if deflated.count < bytes.count {
            append(name, method: 8, flags: 0, crc: crc, compressed: deflated[...], uncompressedSize: bytes.count)
        } else {
            append(name, method: 0, flags: 0, crc: crc, compressed: Array(bytes)[...], uncompressedSize: bytes.count)
        }
    }

    /// Copies `entry` of `archive` with its compressed bytes as they are.
    public mutating func copy(_ entry: ZipEntry, from archive: ZipArchive, as name: String? = nil) {
        // Bit 3 (sizes in a trailing data descriptor) is dropped: this writer puts them in the header.
        // Bits 1–2 (deflate options) describe the copied stream and stay.
        append(name ?? entry.name, method: entry.method, flags: entry.flags & 0b110, crc: entry.crc32,
               compressed: archive.compressedBytes(of: entry), uncompressedSize: entry.uncompressedSize)
    }

    /// The file at `path` as `name`, stored (a PDF, DOCX or XLSX is compressed inside already),
    /// read a megabyte at a time twice, for its CRC and then to copy it: with a sink, a file of
    /// any size (a batch's `all.pdf`) is never held. Throws when it cannot be read, or when it
    /// changed size between the two reads.
    public mutating func addStored(_ name: String, file path: String) throws {
        var crc: UInt32 = 0, size = 0
        try Self.read(path) { piece in
            crc = Deflate.crc32(piece, continuing: crc)
            size += piece.count
        }
        let offset = localHeader(name, method: 0, flags: 0, crc: crc, compressedSize: size, uncompressedSize: size)
        var copied = 0
        try Self.read(path) { piece in
            copied += piece.count
            output.append(contentsOf: piece)
            sendOutput()
        }
        guard copied == size else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
        centralRecord(name, method: 0, flags: 0, crc: crc, compressedSize: size, uncompressedSize: size, offset: offset)
    }

    private static func read(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
            piece.withUnsafeBytes(body)
        }
    }

    private mutating func append(_ name: String, method: Int, flags: Int, crc: UInt32,
                                 compressed: ArraySlice<UInt8>, uncompressedSize: Int) {
        let offset = localHeader(name, method: method, flags: flags, crc: crc, compressedSize: compressed.count,
                                 uncompressedSize: uncompressedSize)
        output.append(contentsOf: compressed)
        centralRecord(name, method: method, flags: flags, crc: crc, compressedSize: compressed.count,
                      uncompressedSize: uncompressedSize, offset: offset)
    }

    /// Bit 11: the name is UTF-8 (APPNOTE.TXT appendix D), needed for Chinese part names.
    private static func flags(_ flags: Int, name: [UInt8]) -> Int {
        flags | (name.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11)
    }

    /// Writes an entry's local header; returns where it starts.
    private mutating func localHeader(_ name: String, method: Int, flags: Int, crc: UInt32,
                                      compressedSize: Int, uncompressedSize: Int) -> Int {
        let nameBytes = Array(name.utf8)
        let offset = sent + output.count
        output.put32(0x0403_4B50)
        output.put16(20); output.put16(Self.flags(flags, name: nameBytes)); output.put16(method)
        output.put16(Self.dosTime); output.put16(Self.dosDate)
        output.put32(Int(crc)); output.put32(compressedSize); output.put32(uncompressedSize)
        output.put16(nameBytes.count); output.put16(0)
        output.append(contentsOf: nameBytes)
        sendOutput()
        return offset
    }

    /// Records an entry in the central directory, once its data is written.
    private mutating func centralRecord(_ name: String, method: Int, flags: Int, crc: UInt32,
                                        compressedSize: Int, uncompressedSize: Int, offset: Int) {
        let nameBytes = Array(name.utf8)
        central.put32(0x0201_4B50)
        central.put16(20); central.put16(20); central.put16(Self.flags(flags, name: nameBytes)); central.put16(method)
        central.put16(Self.dosTime); central.put16(Self.dosDate)
        central.put32(Int(crc)); central.put32(compressedSize); central.put32(uncompressedSize)
        central.put16(nameBytes.count); central.put16(0); central.put16(0)
        central.put16(0); central.put16(0); central.put32(0)
        central.put32(offset)
        central.append(contentsOf: nameBytes)
        count += 1
        sendOutput()
    }

    /// With a sink, sends what is held: an entry's bytes go as soon as they are written.
    private mutating func sendOutput() {
        guard let sink, !output.isEmpty else { return }
        sink.write(contentsOf: output)
        sent += output.count
        output.removeAll(keepingCapacity: true)
    }

    /// The finished archive: entries, central directory, end record (with a sink, what was not
    /// sent to it: the caller writes it after).
    public consuming func finish() -> [UInt8] {
        let cdOffset = sent + output.count
        output.append(contentsOf: central)
        output.put32(0x0605_4B50)
        output.put16(0); output.put16(0)
        output.put16(count); output.put16(count)
        output.put32(central.count); output.put32(cdOffset)
        output.put16(0)
        return output
    }
}
