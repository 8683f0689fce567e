import Dispatch
import Foundation
import ShenbaoCore

/// Runs `body(0..<count)` on up to `jobs` threads (default: the cores), each index once;
/// returns when all are done. Why not a task group: the work is blocking CPU work that should
/// fill the cores exactly, as `DispatchQueue.concurrentPerform` does.
public func performInParallel(_ count: Int, jobs: Int?, _ body: @Sendable (Int) -> Void) {
    let next = Locked(0)
    let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let i = next.withLock({ (n: inout Int) -> Int? in
            guard n < count else { return nil }
            defer { n += 1 }
            return n
        }) { body(i) }
    }
}

/// Runs `body` for every index in parallel (`performInParallel`) and returns the results in
/// index order, however the threads finished: messages print in the order of the files.
public func mapInParallel<T: Sendable>(_ count: Int, jobs: Int?, _ body: @Sendable (Int) -> T) -> [T] {
    let results = Locked([T?](repeating: nil, count: count))
    performInParallel(count, jobs: jobs) { i in
        let value = body(i)
        results.withLock { $0[i] = value }
    }
    // Every index is set once performInParallel returns. `map` allocates the result once, where
    // `compactMap` grew it by doubling: a 5,000-record plan was copied a dozen times.
    return results.withLock { $0.map { $0! } }
}
