import Foundation
import ShenbaoLayout

/// The kinds of file a form renders to.
public enum OutputFormat: String, Sendable, CaseIterable {
    case pdf, docx

    /// The format an output path's extension names, if any.
    public init?(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        self.init(rawValue: ext)
    }
}

/// A file being written a page at a time, as the layout fills them (`Layout.pages(_:each:)`):
/// a page is let go once it is added, so a summary of thousands of rows is never held as pages.
public protocol PageWriter {
    /// Takes one copy's next page, numbered.
    mutating func add(_ page: Page) throws
    /// The file, once every page of the copy is in: the copies and their sheets are written
    /// from what each page left (a PDF's painted page, a DOCX's markup).
    mutating func finish() throws -> Data
}

/// An output format: pages in as they are laid out, the file's bytes out.
///
/// Everything format-specific lives behind this: PDF paints the pages (copy marks, blank backs,
/// reused page XObjects, the draft mark, seals); DOCX writes WordprocessingML from the blocks.
/// Adding a format (OFD, GB/T 33190) is one more conformance and one case of `OutputFormat`.
public protocol OutputBackend: Sendable {
    /// Which format this backend writes.
    var format: OutputFormat { get }
    /// A writer of the file for a form titled `title`, set on `setup`'s pages, in `copies`
    /// copies (at least 1).
    func writer(title: String, setup: PageSetup, copies: Int, options: PrintOptions) throws -> any PageWriter
}
