/// A table's rows, held or made one at a time as they are asked for.
///
/// Why rows may be made: a 推荐汇总表 of thousands of records is one table, and its rows held
/// as cells and paragraphs weighed more than everything else a batch keeps. The layout asks
/// for a row when it places it (`MeasuredTable.bodyRow(_:)`) and lets it go, so rows made
/// from a few strings each are never held as blocks at all.
///
/// Two `TableRows` are equal when their rows are, however they are held.
public struct TableRows: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// A run of consecutive rows.
    private enum Run: Sendable {
        case held([Row])
        /// `count` rows, row `i` of the run made by `make(i)`.
        case made(count: Int, make: @Sendable (Int) -> Row)

        var count: Int {
            switch self {
            case .held(let rows): rows.count
            case .made(let count, _): count
            }
        }

        subscript(i: Int) -> Row {
            switch self {
            case .held(let rows): rows[i]
            case .made(_, let make): make(i)
            }
        }
    }

    private var runs: [Run] = []
    public private(set) var count = 0

    public init() {}

    public init(_ rows: [Row]) {
        append(contentsOf: rows)
    }

    public init(arrayLiteral rows: Row...) {
        self.init(rows)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// Row `index`; a made row is made again each time it is asked for.
    public subscript(index: Int) -> Row {
        precondition(index >= 0 && index < count, "row \(index) of \(count)")
        var start = 0
        for run in runs {
            if index < start + run.count { return run[index - start] }
            start += run.count
        }
        preconditionFailure("row \(index) of \(count)")
    }

    public mutating func append(_ row: Row) {
        append(contentsOf: [row])
    }

    public mutating func append(contentsOf rows: [Row]) {
        guard !rows.isEmpty else { return }
        if case .held(var last)? = runs.last {
            runs.removeLast()
            last += rows
            runs.append(.held(last))
        } else {
            runs.append(.held(rows))
        }
        count += rows.count
    }

    /// Appends `count` rows that `make` makes when each is asked for, `make(0)` the first. It
    /// must give the same row for the same index every time: the layout may ask twice.
    public mutating func append(count: Int, make: @escaping @Sendable (Int) -> Row) {
        guard count > 0 else { return }
        runs.append(.made(count: count, make: make))
        self.count += count
    }

    public static func == (a: TableRows, b: TableRows) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for row in self { hasher.combine(row) }
    }
}
