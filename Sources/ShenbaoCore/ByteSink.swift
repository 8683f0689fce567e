import Foundation

/// Where a writer of a large file sends the bytes it has no more use for, so that a file of
/// many megabytes (a batch's `all.pdf`) is never held whole (`AtomicFile.write(to:_:)`).
///
/// Why writes do not throw: the writers that spill (`PDFWriter`) add objects in calls that
/// cannot fail, so a sink remembers its first failure, drops what comes after, and the one who
/// opened it reports the failure when it closes the file, as a C `FILE *` does. A long job asks
/// `hasFailed` between its pieces, so a full disk does not cost it the rest of its work.
public protocol ByteSink: AnyObject, Sendable {
    func write(_ bytes: UnsafeRawBufferPointer)
    /// Whether a write failed: what comes after is dropped, and closing reports it.
    var hasFailed: Bool { get }
}

extension ByteSink {
    public func write(contentsOf bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { write($0) }
    }
}
