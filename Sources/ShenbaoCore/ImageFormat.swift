import Foundation

/// The image formats a seal or a template's picture may be: told apart by their first bytes,
/// never by a file name, because uploads and data files name them however they like.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png, jpeg

    /// The PNG signature (ISO/IEC 15948 §5.2).
    public static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// SOI and the first marker's 0xFF (ISO/IEC 10918-1 B.1.1.2).
    public static let jpegSignature: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// The format `bytes` start with, if any.
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageFormat? {
        if bytes.starts(with: pngSignature) { return .png }
        if bytes.starts(with: jpegSignature) { return .jpeg }
        return nil
    }

    /// The MIME subtype and file extension (`png`, `jpeg`).
    public var fileExtension: String { rawValue }
}
