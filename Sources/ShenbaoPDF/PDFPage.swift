import ShenbaoPDFWriter

/// One page being built: its size and what is drawn on it.
public final class PDFPage {
    /// Width and height in points (the `/MediaBox`).
    public let width: Double
    /// Height in points.
    public let height: Double
    /// What the page draws; mutate it in place (`page.content.text(…)`).
    public var content = ContentStream()
    /// Annotations on the page (`/Annots`, ISO 32000-1 §12.5): links, form-field widgets such as a
    /// signature field, added with `PDFDocument.addObject`.
    public var annotations: [PDFRef] = []
    /// The page object, for annotations that point back at it (`/P`).
    public let ref: PDFRef

    init(width: Double, height: Double, ref: PDFRef) {
        self.width = width
        self.height = height
        self.ref = ref
    }
}
