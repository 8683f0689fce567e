import ShenbaoCore
/// One file inside a ZIP archive, as its central directory entry describes it.
public struct ZipEntry: Sendable, Hashable {
    public var name: String
    /// 0 stored, 8 deflated (APPNOTE.TXT 4.4.5).
    public var method: Int
    /// General purpose bit flags (APPNOTE.TXT 4.4.4).
    public var flags: Int
    public var crc32: UInt32
    public var compressedSize: Int
    /// As declared: only a claim until the bytes are inflated under a bound.
    public var uncompressedSize: Int
    /// Where the compressed bytes start in the archive.
    var dataOffset: Int
}

/// A bounded reader of ZIP archives (PKWARE APPNOTE.TXT 6.3), for untrusted input.
///
/// Reads the central directory, refuses archives whose entries would expand past the limits
/// (zip bombs), and inflates each entry with a hard output bound equal to its declared size,
/// checking the CRC: a lying header can make reading fail, never make it allocate more.
public struct ZipArchive: Sendable {
    /// Total uncompressed size accepted for a whole archive.
    public static let maxTotalUncompressed = 200 << 20
    /// Entries larger than this (uncompressed) must not be compressed more than `maxRatio`:1.
    public static let ratioCheckSize = 10 << 20
    public static let maxRatio = 100

    /// The archive's bytes, kept so entries can be read lazily or copied compressed.
    public let bytes: [UInt8]
    /// Entries in central directory order.
    public let entries: [ZipEntry]
    private let index: [String: Int]

    /// Reads the central directory of `bytes`, refusing what is not a ZIP or breaks the limits.
    public init(bytes: [UInt8]) throws(Diagnostic) {
        self.bytes = bytes
        let eocd = try Self.findEndOfCentralDirectory(bytes)
        let count = bytes.u16(eocd + 10)
        let cdSize = bytes.u32(eocd + 12)
        let cdOffset = bytes.u32(eocd + 16)
        if count == 0xFFFF || cdOffset == 0xFFFF_FFFF || cdSize == 0xFFFF_FFFF {
            throw Diagnostic.zip(.zipUnsupported, zh: "不支持 ZIP64 格式的文件", en: "ZIP64 archives are not supported")
        }
        guard cdOffset + cdSize <= eocd else { throw .zipCorrupt("中央目录越界", "central directory out of bounds") }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var index: [String: Int] = [:]
        var total = 0
        var at = cdOffset
        for _ in 0 ..< count {
            guard at + 46 <= eocd, bytes.u32(at) == 0x0201_4B50 else {
                throw .zipCorrupt("中央目录条目无效", "bad central directory entry")
            }
            let flags = bytes.u16(at + 8), method = bytes.u16(at + 10)
            let crc = UInt32(bytes.u32(at + 16))
            let compressed = bytes.u32(at + 20), uncompressed = bytes.u32(at + 24)
            let nameLength = bytes.u16(at + 28), extraLength = bytes.u16(at + 30), commentLength = bytes.u16(at + 32)
            let localOffset = bytes.u32(at + 42)
            guard at + 46 + nameLength <= eocd else { throw .zipCorrupt("文件名越界", "entry name out of bounds") }
            let name = String(decoding: bytes[(at + 46) ..< (at + 46 + nameLength)], as: UTF8.self)
            at += 46 + nameLength + extraLength + commentLength
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw Diagnostic.zip(.zipUnsupported, zh: "不支持 ZIP64 格式的文件", en: "ZIP64 archives are not supported")
            }
            total += uncompressed
            if total > Self.maxTotalUncompressed {
                throw Diagnostic.zip(.zipTooLarge, zh: "解压后总大小超过 200 MB，已拒绝（可能是压缩炸弹）",
                               en: "would expand beyond 200 MB; refused (possible zip bomb)")
            }
            if uncompressed > Self.ratioCheckSize, uncompressed > Self.maxRatio * max(compressed, 1) {
                throw Diagnostic.zip(.zipRatio, zh: "条目 \(name) 压缩比超过 100:1 且大于 10 MB，已拒绝（可能是压缩炸弹）",
                               en: "entry \(name) is compressed more than 100:1 and larger than 10 MB; refused (possible zip bomb)")
            }
            // The local header repeats name and extra field with its own lengths; the data follows it.
            guard localOffset + 30 <= bytes.count, bytes.u32(localOffset) == 0x0403_4B50 else {
                throw .zipCorrupt("本地文件头无效（\(name)）", "bad local header (\(name))")
            }
            let dataOffset = localOffset + 30 + bytes.u16(localOffset + 26) + bytes.u16(localOffset + 28)
            guard dataOffset + compressed <= bytes.count else {
                throw .zipCorrupt("条目数据越界（\(name)）", "entry data out of bounds (\(name))")
            }
            if index[name] != nil {
                throw Diagnostic.zip(.zipDuplicateEntry, zh: "条目 \(name) 出现多次，已拒绝", en: "entry \(name) appears twice; refused")
            }
            index[name] = entries.count
            entries.append(ZipEntry(name: name, method: method, flags: flags, crc32: crc, compressedSize: compressed,
                                    uncompressedSize: uncompressed, dataOffset: dataOffset))
        }
        self.entries = entries
        self.index = index
    }

    /// The entry named `name` (exact, case-sensitive, as OPC part names are stored).
    public func entry(named name: String) -> ZipEntry? {
        index[name].map { entries[$0] }
    }

    /// The compressed bytes of `entry`, for copying it into another archive untouched.
    public func compressedBytes(of entry: ZipEntry) -> ArraySlice<UInt8> {
        bytes[entry.dataOffset ..< entry.dataOffset + entry.compressedSize]
    }

    /// The uncompressed bytes of `entry`, inflated under the bound of its declared size and CRC-checked.
    public func contents(of entry: ZipEntry) throws(Diagnostic) -> [UInt8] {
        if entry.flags & 1 != 0 {
            throw Diagnostic.zip(.zipUnsupported, zh: "条目 \(entry.name) 已加密", en: "entry \(entry.name) is encrypted")
        }
        let raw = compressedBytes(of: entry)
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard raw.count == entry.uncompressedSize else { throw .zipCorrupt("条目大小不符（\(entry.name)）", "size mismatch (\(entry.name))") }
            output = Array(raw)
        case 8:
            guard let inflated = Deflate.inflateRaw(raw, size: entry.uncompressedSize) else {
                throw .zipCorrupt("条目无法解压或大小与声明不符（\(entry.name)）", "entry cannot be inflated or differs from its declared size (\(entry.name))")
            }
            output = inflated
        default:
            throw Diagnostic.zip(.zipUnsupported, zh: "条目 \(entry.name) 使用不支持的压缩方法 \(entry.method)",
                           en: "entry \(entry.name) uses unsupported compression method \(entry.method)")
        }
        guard Deflate.crc32(output) == entry.crc32 else {
            throw .zipCorrupt("条目校验和错误（\(entry.name)）", "CRC mismatch (\(entry.name))")
        }
        return output
    }

    /// The contents of the entry named `name`, or nil when there is none.
    public func contents(named name: String) throws(Diagnostic) -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try contents(of: entry)
    }

    /// The end of central directory record is the last 22+ bytes (APPNOTE.TXT 4.3.16),
    /// followed by a comment of up to 65535 bytes.
    private static func findEndOfCentralDirectory(_ bytes: [UInt8]) throws(Diagnostic) -> Int {
        // An OLE2 compound file (D0 CF 11 E0): Word 97–2003's .doc, which people still send.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw Diagnostic.zip(.zipNotZip, zh: "这是旧版 Office 格式（.doc、.xls）；请在 Word、Excel 或 WPS 中另存为 .docx、.xlsx 后再用",
                                 en: "this is the old Office format (.doc, .xls); save it as .docx or .xlsx in Word, Excel or WPS first")
        }
        let notZip = Diagnostic.zip(.zipNotZip, zh: "不是 ZIP 文件（.docx 应是 ZIP 压缩包）", en: "not a ZIP file (a .docx is a ZIP package)")
        guard bytes.count >= 22 else { throw notZip }
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while at >= lowest {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06,
               at + 22 + bytes.u16(at + 20) == bytes.count {
                return at
            }
            at -= 1
        }
        throw notZip
    }
}
