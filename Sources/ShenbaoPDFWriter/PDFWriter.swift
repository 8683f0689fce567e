import Foundation
import ShenbaoCore
import ShenbaoZip

/// Writes a PDF file body: numbered indirect objects, each offset recorded for the cross-reference
/// table, then the xref and trailer (ISO 32000-1 §7.5).
///
/// It knows nothing of pages or fonts. The bytes written so far and every object's offset stay
/// readable, so a later pass (a signature's `/ByteRange`, §12.8.1) can patch placeholders in place;
/// or, for a file too large to hold (a batch's `all.pdf`), they go to a sink as they pile up.
public struct PDFWriter: Sendable {
    /// The file so far; with a sink, what was not sent to it yet.
    public private(set) var bytes: [UInt8] = []
    /// The offset of each object numbered from `firstNew` on, -1 while unwritten: an array, as
    /// the numbers a writer allocates are dense (a dictionary of a 90,000-page `all.pdf`'s
    /// objects weighed megabytes). Indexed from `firstNew`, not 0: an update's numbers start at
    /// the original's `/Size`, which a hostile file may set to billions.
    private var offsets: [Int] = []
    private var firstNew = 1
    /// An update's objects written again under the original's numbers (below `firstNew`): a few.
    private var rewritten: [Int: Int] = [:]
    private var nextNumber = 1
    /// Where the file goes as it is written, if anywhere.
    private let sink: (any ByteSink)?
    /// Bytes sent to the sink, and their digest for the `/ID`.
    private var sent = 0
    private var sentDigest = StableHash.FileDigest()

    /// What is held before it is sent to a sink: one `write(2)` a megabyte, and held at any time
    /// about that and the largest object, against the tens of megabytes of a file of thousands
    /// of packs.
    static let spillSize = 1 << 20

    /// Starts a file with the header and the binary-marker comment (§7.5.2). With `sink`, the
    /// bytes go to it a megabyte at a time, and `finish` returns only the rest: such a file
    /// cannot be signed (a signature patches bytes written long before).
    public init(version: String = "1.7", sink: (any ByteSink)? = nil) {
        self.sink = sink
        bytes.append(contentsOf: "%PDF-\(version)\n%".utf8)
        bytes.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    }

    /// Continues an existing file for an incremental update (§7.5.6): `original` stays a prefix of
    /// the result byte for byte (so signatures over it stay valid), and new objects are numbered
    /// from `size`, the `/Size` of its last trailer. Objects of the original may be written again
    /// under their own numbers; the new xref section then points at the new copies.
    public init(appendingTo original: [UInt8], size: Int) {
        sink = nil
        bytes = original
        if bytes.last != 0x0A { bytes.append(0x0A) }
        nextNumber = max(1, size)
        firstNew = nextNumber
    }

    /// Reserves the next object number; the object may be written later, in any order.
    public mutating func allocate() -> PDFRef {
        defer { nextNumber += 1 }
        return PDFRef(nextNumber)
    }

    /// The byte offset where the next object will start.
    public var offset: Int { sent + bytes.count }

    /// The byte offset of an object already written.
    public func offset(of ref: PDFRef) -> Int? {
        let i = ref.number - firstNew
        if i < 0 { return rewritten[ref.number] }
        return i < offsets.count && offsets[i] >= 0 ? offsets[i] : nil
    }

    /// Writes `ref` as `n 0 obj … endobj`.
    public mutating func write(_ ref: PDFRef, _ object: PDFObject) {
        begin(ref)
        object.write(to: &bytes)
        bytes.append(contentsOf: "\nendobj\n".utf8)
        spillIfLarge()
    }

    /// Writes a stream object (§7.3.8); `/Length` is set here. With `compression` (a zlib level) the
    /// data is deflated and `/Filter /FlateDecode` added unless it is already smaller raw.
    public mutating func writeStream(_ ref: PDFRef, _ dictionary: PDFDictionary = [:], data: [UInt8],
                                     compression: Int32? = nil) {
        let (dict, payload) = Self.encodeStream(dictionary, data: data, compression: compression)
        writeEncodedStream(ref, dict, payload: payload)
    }

    /// A stream's dictionary and bytes as `writeStream` would write them, for a stream made once
    /// and written into many files (`writeEncodedStream`).
    public static func encodeStream(_ dictionary: PDFDictionary, data: [UInt8], compression: Int32?) -> (PDFDictionary, [UInt8]) {
        var dict = dictionary
        var payload = data
        if let level = compression, dict["Filter"] == nil {
            let packed = Deflate.compress(data, level: level)
            if packed.count < data.count {
                payload = packed
                dict["Filter"] = .name("FlateDecode")
            }
        }
        return (dict, payload)
    }

    /// Writes a stream `encodeStream` made; `/Length` is set here.
    public mutating func writeEncodedStream(_ ref: PDFRef, _ dictionary: PDFDictionary, payload: [UInt8]) {
        var dict = dictionary
        dict["Length"] = .integer(payload.count)
        begin(ref)
        dict.write(to: &bytes)
        bytes.append(contentsOf: "\nstream\n".utf8)
        bytes.append(contentsOf: payload)
        bytes.append(contentsOf: "\nendstream\nendobj\n".utf8)
        spillIfLarge()
    }

    /// Sends what is held to the sink once it passes `spillSize`, in whole 32-byte words, which
    /// the `/ID`'s digest takes a piece at a time (`StableHash.FileDigest`).
    private mutating func spillIfLarge() {
        guard let sink, bytes.count >= Self.spillSize else { return }
        let count = bytes.count - bytes.count % 32
        bytes.withUnsafeBytes { raw in
            let piece = UnsafeRawBufferPointer(rebasing: raw[..<count])
            sink.write(piece)
            sentDigest.add(piece)
        }
        bytes.removeFirst(count)
        sent += count
    }

    /// Writes a signature dictionary (§12.8.1) whose `/ByteRange` and `/Contents` are placeholders
    /// of fixed width, so the file can be finished first and the signature patched in afterwards
    /// without moving a byte. `dictionary` must not hold those two keys; `contentsCapacity` is the
    /// most DER bytes the signature may take.
    public mutating func writeSignature(_ ref: PDFRef, _ dictionary: PDFDictionary, contentsCapacity: Int) -> SignatureSlot {
        precondition(sink == nil, "a file sent to a sink as it is written cannot be signed")
        begin(ref)
        bytes.append(contentsOf: "<< ".utf8)
        var dict = dictionary
        dict["ByteRange"] = nil
        dict["Contents"] = nil
        for (key, value) in dict.pairs {
            PDFObject.writeName(key, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            value.write(to: &bytes)
            bytes.append(UInt8(ascii: " "))
        }
        bytes.append(contentsOf: "/ByteRange ".utf8)
        let byteRange = bytes.count
        bytes.append(contentsOf: SignatureSlot.byteRangePlaceholder)
        bytes.append(contentsOf: " /Contents ".utf8)
        let contents = bytes.count
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 2 * contentsCapacity))
        bytes.append(UInt8(ascii: ">"))
        bytes.append(contentsOf: " >>\nendobj\n".utf8)
        return SignatureSlot(byteRangeOffset: byteRange, contentsOffset: contents, contentsCapacity: contentsCapacity)
    }

    private mutating func begin(_ ref: PDFRef) {
        precondition(offset(of: ref) == nil, "object \(ref.number) written twice")
        let i = ref.number - firstNew
        if i < 0 {
            rewritten[ref.number] = offset
        } else {
            if i >= offsets.count { offsets += repeatElement(-1, count: i + 1 - offsets.count) }
            offsets[i] = offset
        }
        bytes.append(contentsOf: "\(ref.number) 0 obj\n".utf8)
    }

    /// Appends the xref table and trailer and returns the whole file (with a sink, what was not
    /// sent to it: the caller writes it after).
    ///
    /// `/ID` (§14.4) is two copies of a stable hash of the body, so identical input gives identical bytes.
    public mutating func finish(root: PDFRef, info: PDFRef?) -> [UInt8] {
        var digest = sentDigest
        bytes.withUnsafeBytes { digest.add($0) }
        let id = digest.value
        let xrefOffset = offset
        let count = nextNumber
        bytes.append(contentsOf: "xref\n0 \(count)\n0000000000 65535 f\r\n".utf8)
        for n in 1..<count {
            if let at = offset(of: PDFRef(n)) {
                let digits = String(at)
                bytes.append(contentsOf: (String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n\r\n").utf8)
            } else {
                // An allocated number never written: a free entry keeps the table valid.
                bytes.append(contentsOf: "0000000000 65535 f\r\n".utf8)
            }
            // The table of a file of thousands of pages is megabytes itself.
            spillIfLarge()
        }
        var trailer: PDFDictionary = ["Size": .integer(count), "Root": .ref(root)]
        if let info { trailer["Info"] = .ref(info) }
        trailer["ID"] = .array([.hexString(id), .hexString(id)])
        bytes.append(contentsOf: "trailer\n".utf8)
        trailer.write(to: &bytes)
        bytes.append(contentsOf: "\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return bytes
    }

    /// Ends an incremental update (§7.5.6): an xref section listing only the objects written since
    /// `init(appendingTo:size:)`, in runs of consecutive numbers, and a trailer with `/Prev` (the
    /// previous section's offset) that carries over `/Root`, `/Info` and `/ID` from the original.
    public mutating func finishUpdate(previousXref: Int, root: PDFRef, info: PDFRef?, id: [PDFObject]?) -> [UInt8] {
        let xrefOffset = offset
        bytes.append(contentsOf: "xref\n".utf8)
        let numbers = rewritten.keys.sorted() + offsets.indices.filter { offsets[$0] >= 0 }.map { $0 + firstNew }
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count, numbers[j + 1] == numbers[j] + 1 { j += 1 }
            bytes.append(contentsOf: "\(numbers[i]) \(j - i + 1)\n".utf8)
            for n in numbers[i...j] {
                let digits = String(offset(of: PDFRef(n))!)
                bytes.append(contentsOf: (String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n\r\n").utf8)
            }
            i = j + 1
        }
        var trailer: PDFDictionary = ["Size": .integer(nextNumber), "Root": .ref(root)]
        if let info { trailer["Info"] = .ref(info) }
        if let id { trailer["ID"] = .array(id) }
        trailer["Prev"] = .integer(previousXref)
        bytes.append(contentsOf: "trailer\n".utf8)
        trailer.write(to: &bytes)
        bytes.append(contentsOf: "\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return bytes
    }
}
