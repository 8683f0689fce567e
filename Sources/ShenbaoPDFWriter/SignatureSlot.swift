/// Where a signature dictionary's placeholders sit in a finished file (ISO 32000-1 §12.8.1), and
/// the two patches that turn them into a signature: first the `/ByteRange`, which says what the
/// signature covers (the whole file but the `/Contents` hex string), then the `/Contents`.
///
/// Both placeholders have a fixed width, so patching never moves a byte and every offset in the
/// xref table stays right (the way fpdf2 and pyHanko sign).
public struct SignatureSlot: Sendable, Hashable {
    /// Offset of the `[` of the `/ByteRange` placeholder.
    public let byteRangeOffset: Int
    /// Offset of the `<` of the `/Contents` hex string.
    public let contentsOffset: Int
    /// The most signature bytes the placeholder holds.
    public let contentsCapacity: Int

    public init(byteRangeOffset: Int, contentsOffset: Int, contentsCapacity: Int) {
        self.byteRangeOffset = byteRangeOffset
        self.contentsOffset = contentsOffset
        self.contentsCapacity = contentsCapacity
    }

    /// Ten digits for each of the four numbers: room for files up to 9.3 GB.
    static let byteRangeDigits = 10
    /// `[0 0000000000 0000000000 0000000000]` with room for four ten-digit numbers.
    static var byteRangePlaceholder: [UInt8] {
        Array(("[" + (0..<4).map { _ in String(repeating: "0", count: byteRangeDigits) }.joined(separator: " ") + "]").utf8)
    }

    /// The end of the `/Contents` hex string (one past its `>`).
    public var contentsEnd: Int { contentsOffset + 2 * contentsCapacity + 2 }

    /// The `/ByteRange` for a file of `length` bytes: everything before the `<` and after the `>`.
    public func byteRange(fileLength length: Int) -> [Int] {
        [0, contentsOffset, contentsEnd, length - contentsEnd]
    }

    /// Writes the real `/ByteRange` into `file` and returns the bytes it covers, which are what
    /// the signature's message digest is computed over.
    public func patchByteRange(in file: inout [UInt8]) throws(SignatureSlotError) -> [UInt8] {
        let range = try writeByteRange(in: &file)
        return Array(file[range[0]..<range[1]]) + Array(file[range[2]..<(range[2] + range[3])])
    }

    /// Writes the real `/ByteRange` into `file` and returns it.
    private func writeByteRange(in file: inout [UInt8]) throws(SignatureSlotError) -> [Int] {
        guard contentsEnd <= file.count, byteRangeOffset + Self.byteRangePlaceholder.count <= contentsOffset else {
            throw .outOfBounds
        }
        let range = byteRange(fileLength: file.count)
        var text = "[" + range.map(String.init).joined(separator: " ") + "]"
        let width = Self.byteRangePlaceholder.count
        guard text.utf8.count <= width else { throw .outOfBounds }
        // Pad inside the brackets with spaces, which PDF readers skip like any white space.
        text = String(text.dropLast()) + String(repeating: " ", count: width - text.utf8.count) + "]"
        file.replaceSubrange(byteRangeOffset..<(byteRangeOffset + width), with: Array(text.utf8))
        return range
    }

    /// Writes the DER signature into the `/Contents` placeholder, zero-padded (§12.8.1: the hex
    /// string holds the DER value, padding after it is allowed).
    public func fillContents(_ signature: [UInt8], in file: inout [UInt8]) throws(SignatureSlotError) {
        guard signature.count <= contentsCapacity else {
            throw .signatureTooLarge(needed: signature.count, capacity: contentsCapacity)
        }
        guard contentsEnd <= file.count else { throw .outOfBounds }
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * signature.count)
        PDFObject.appendHex(signature, to: &hex)
        file.replaceSubrange((contentsOffset + 1)..<(contentsOffset + 1 + hex.count), with: hex)
    }
}

/// Why a signature could not be patched into its placeholder.
public enum SignatureSlotError: Error, Sendable, Hashable {
    /// The signature is larger than the room reserved for it.
    case signatureTooLarge(needed: Int, capacity: Int)
    /// The slot does not lie inside the file (it was made for another file).
    case outOfBounds
}

/// What makes the signature a slot holds: the CMS over the bytes a `/ByteRange` covers
/// (ShenbaoSign's `CMSSigner`). The PDF layers know only this, so they stay free of keys and
/// cryptography.
public protocol DetachedSigner: Sendable {
    /// The most DER bytes a signature can take: the `/Contents` room to reserve.
    var maximumSize: Int { get }
    /// The signature over `parts` taken in order (the two spans around `/Contents`).
    func sign(covering parts: [ArraySlice<UInt8>]) throws -> [UInt8]
}

extension SignatureSlot {
    /// Signs a finished file in place: patches the `/ByteRange`, signs what it covers and
    /// writes the signature into `/Contents`. Throws what the signer throws, or a slot error.
    public func sign(_ file: inout [UInt8], with signer: some DetachedSigner) throws {
        // The two spans are hashed where they lie, not joined into a copy of the file.
        let range = try writeByteRange(in: &file)
        let signature = try signer.sign(covering: [file[range[0]..<range[1]], file[range[2]..<(range[2] + range[3])]])
        try fillContents(signature, in: &file)
    }
}
