import Dispatch
import Foundation
import ShenbaoCore

/// One value per job of a parallel run (a failure, a list of warnings), kept by index so that
/// messages print in the order of the files however the threads finished.
final class IndexedResults<Element: Sendable>: @unchecked Sendable {
    private var slots: [Element?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Element? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// The values set, in index order.
    var all: [Element] { lock.withLock { slots.compactMap { $0 } } }
}

/// The failure of each document of a parallel run (`fill`, `render`).
typealias Failures = IndexedResults<ShenbaoFailure>

/// Hands out the indexes of the work, one at a time, to the threads that do it.
final class WorkCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// Runs `body(0..<count)` on up to `jobs` threads (default: the cores), each index once;
/// returns when all are done. Why not a task group: the work is blocking CPU work that should
/// fill the cores exactly, as `DispatchQueue.concurrentPerform` does.
func performInParallel(_ count: Int, jobs: Int?, _ body: @Sendable (Int) -> Void) {
    let next = WorkCounter()
    let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let i = next.take(below: count) { body(i) }
    }
}
