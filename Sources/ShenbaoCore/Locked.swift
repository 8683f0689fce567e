import Foundation

/// A value shared between threads, reached only under its lock: the one way shared mutable
/// state is kept here (caches of files read once per process, results of parallel jobs).
public final class Locked<State>: @unchecked Sendable {
    private var state: State
    private let lock = NSLock()

    public init(_ state: State) { self.state = state }

    /// Runs `body` with the state, under the lock.
    public func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}

extension Locked {
    /// The value for `key` of a memo, made by `make` on first use (outside the lock, so a slow
    /// load never blocks other keys; two threads may both load, and the first stored wins).
    public func value<Key: Hashable, Value>(_ key: Key, make: () throws -> Value) rethrows -> Value
    where State == [Key: Value] {
        if let known = withLock({ $0[key] }) { return known }
        let made = try make()
        return withLock { state in
            if let known = state[key] { return known }
            state[key] = made
            return made
        }
    }
}
