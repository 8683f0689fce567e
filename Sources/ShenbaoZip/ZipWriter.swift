/// Writes ZIP archives deterministically: entries in the order added, every timestamp the
/// DOS epoch (1980-01-01 00:00), no extra fields, so the same input always gives the same bytes.
///
/// Entries can be copied from a `ZipArchive` compressed, untouched — parts a fill does not
/// change (styles, images, fonts) are neither inflated nor recompressed.
public struct ZipWriter: Sendable {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    /// DOS date 1980-01-01 (APPNOTE.TXT 4.4.6: day | month << 5 | (year − 1980) << 9), time 00:00.
    private static let dosDate = 1 | 1 << 5
    private static let dosTime = 0

    public init(reservingCapacity capacity: Int = 0) {
        output.reserveCapacity(capacity)
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

    private mutating func append(_ name: String, method: Int, flags: Int, crc: UInt32,
                                 compressed: ArraySlice<UInt8>, uncompressedSize: Int) {
        let nameBytes = Array(name.utf8)
        // Bit 11: the name is UTF-8 (APPNOTE.TXT appendix D), needed for Chinese part names.
        let flags = flags | (nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11)
        let offset = output.count
        output.put32(0x0403_4B50)
        output.put16(20); output.put16(flags); output.put16(method)
        output.put16(Self.dosTime); output.put16(Self.dosDate)
        output.put32(Int(crc)); output.put32(compressed.count); output.put32(uncompressedSize)
        output.put16(nameBytes.count); output.put16(0)
        output.append(contentsOf: nameBytes)
        output.append(contentsOf: compressed)

        central.put32(0x0201_4B50)
        central.put16(20); central.put16(20); central.put16(flags); central.put16(method)
        central.put16(Self.dosTime); central.put16(Self.dosDate)
        central.put32(Int(crc)); central.put32(compressed.count); central.put32(uncompressedSize)
        central.put16(nameBytes.count); central.put16(0); central.put16(0)
        central.put16(0); central.put16(0); central.put32(0)
        central.put32(offset)
        central.append(contentsOf: nameBytes)
        count += 1
    }

    /// The finished archive: entries, central directory, end record.
    public consuming func finish() -> [UInt8] {
        let cdOffset = output.count
        output.append(contentsOf: central)
        output.put32(0x0605_4B50)
        output.put16(0); output.put16(0)
        output.put16(count); output.put16(count)
        output.put32(central.count); output.put32(cdOffset)
        output.put16(0)
        return output
    }
}
