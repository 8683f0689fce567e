/// Points per millimetre: layout works in PDF points (1/72 inch) so the painter needs no conversion.
public let pointsPerMillimetre = 72.0 / 25.4

extension Double {
    /// This many millimetres in points (`42.mm` is the default seal diameter).
    public var mm: Double { self * pointsPerMillimetre }
}

extension Int {
    /// This many millimetres in points.
    public var mm: Double { Double(self) * pointsPerMillimetre }
}

/// A point on a page, in points, origin at the top-left corner, y growing downwards
/// (the way a form is read; the PDF painter flips it).
public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A rectangle on a page, top-left origin, in points.
public struct Rect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}
