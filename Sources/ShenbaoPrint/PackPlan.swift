/// What a print pack's sheets hold, decided from the copies and the page count once the last page
/// is laid out: which sheet of paper shows which page of which copy, where blank backs go and
/// where each copy starts.
///
/// The notice asks for the application 一式三份: three complete copies, each starting on the
/// front of a sheet so duplex printing never puts the end of one copy and the start of the next
/// on one sheet. The PDF backend draws the sheets in this order (`PaintedPack`); the DOCX backend
/// writes one section per copy starting on an odd page, where Word adds the same blank backs.
public struct PackPlan: Sendable, Hashable {
    /// One page of the output.
    public enum Sheet: Sendable, Hashable {
        /// Page `index` (from 0) of the laid-out form, in copy `copy` (from 1).
        case page(copy: Int, index: Int)
        /// A blank back, so that the next copy starts on a front side.
        case blank
    }

    /// Copies in the pack (at least 1).
    public let copies: Int
    /// Pages of one copy of the form.
    public let pagesPerCopy: Int
    /// Every output page in order.
    public let sheets: [Sheet]
    /// The output page (from 0) where each copy starts.
    public let copyStarts: [Int]

    /// Copy marks (第k份 共N份) are printed only when there is more than one copy.
    public var marksCopies: Bool { copies > 1 }

    public init(copies: Int, pagesPerCopy: Int) {
        self.copies = max(1, copies)
        self.pagesPerCopy = pagesPerCopy
        var sheets: [Sheet] = []
        var starts: [Int] = []
        for copy in 1...self.copies {
            starts.append(sheets.count)
            for index in 0..<pagesPerCopy { sheets.append(.page(copy: copy, index: index)) }
            if copy < self.copies, pagesPerCopy % 2 == 1 { sheets.append(.blank) }
        }
        self.sheets = sheets
        copyStarts = starts
    }
}
