import Foundation

/// Where a writer of a large file sends the bytes it has no more use for, so that a file of
/// many megabytes (a batch's `all.pdf`) is never held whole (`AtomicFile.write(to:_:)`).
///
/// Why writes do not throw: the writers that spill (`PDFWriter`) add objects in calls that
/// cannot fail, so a sink remembers its first failure, drops what comes after, and the one who
/// opened it reports the failure when it closes the file, as a C `FILE *` does.
public protocol ByteSink: AnyObject, Sendable {
    func write(_ bytes: UnsafeRawBufferPointer)
}

extension ByteSink {
    public func write(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { write($0) }
    }
}
