/// An image XObject written into a document, to draw with `ContentStream.drawImage`.
public struct PDFImage: Sendable, Hashable {
    /// The image XObject.
    public let ref: PDFRef
    /// Name in `/Resources /XObject` (`Im1` …).
    public let resourceName: String
    /// Size in pixels, for aspect ratio.
    public let pixelWidth: Int
    /// Height in pixels.
    public let pixelHeight: Int
    /// Whether a soft mask (alpha) came with it.
    public let hasAlpha: Bool

    public init(ref: PDFRef, resourceName: String, pixelWidth: Int, pixelHeight: Int, hasAlpha: Bool) {
        self.ref = ref; self.resourceName = resourceName
        self.pixelWidth = pixelWidth; self.pixelHeight = pixelHeight; self.hasAlpha = hasAlpha
    }
}

/// A form XObject (ISO 32000-1 §8.10): content written once and drawn any number of times.
public struct PDFFormXObject: Sendable, Hashable {
    /// The form XObject.
    public let ref: PDFRef
    /// Name in `/Resources /XObject` (`Fm1` …).
    public let resourceName: String
    /// The form's bounding box in its own space (x, y, width, height).
    public let bbox: PDFRect

    public init(ref: PDFRef, resourceName: String, bbox: PDFRect) {
        self.ref = ref; self.resourceName = resourceName; self.bbox = bbox
    }
}

/// A rectangle in points: lower-left corner and size.
public struct PDFRect: Sendable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double
    /// A rectangle from its lower-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

/// Page sizes in points (1/72 in).
public struct PageSize: Sendable, Hashable {
    public var width: Double, height: Double
    /// A page size in points.
    public init(width: Double, height: Double) { self.width = width; self.height = height }
    /// ISO 216 A4, 210 × 297 mm.
    public static let a4 = PageSize(width: 595.2756, height: 841.8898)
    /// A4 turned sideways.
    public static let a4Landscape = PageSize(width: 841.8898, height: 595.2756)
    /// Millimetres to points.
    public static func mm(_ v: Double) -> Double { v * 72 / 25.4 }
}
