import Foundation
import ShenbaoCore
import ShenbaoFonts
import ShenbaoLayout
import ShenbaoPDF
import ShenbaoPDFWriter

/// Paints laid-out pages into a PDF through ShenbaoPDF: text in the embedded subset fonts,
/// rules, the seal image or its caption, the draft mark. Knows the page tree, not the form.
struct PDFPainter {
    let document: PDFDocument
    let library: FontLibrary
    /// The form's own glyphs, embedded as made once (`FixedGlyphs`); nil: every glyph in the
    /// document's own fonts.
    let fixed: FixedGlyphs?
    var fonts: [ObjectIdentifier: PDFFont] = [:]
    var fixedFont: PDFFont?

    init(document: PDFDocument, library: FontLibrary, fixed: FixedGlyphs? = nil) {
        self.document = document
        self.library = library
        self.fixed = fixed
    }

    mutating func font(_ face: FontFace) -> PDFFont {
        if let f = fonts[ObjectIdentifier(face)] { return f }
        let f = document.embed(face)
        fonts[ObjectIdentifier(face)] = f
        return f
    }

    /// The fixed font of this document, embedded on first use.
    mutating func fixedFont(_ fixed: FixedGlyphs) -> PDFFont {
        if let fixedFont { return fixedFont }
        let made = document.embed(fixed)
        fixedFont = made
        return made
    }

    /// A run of the main face's glyphs from its cmap (one glyph per scalar, `FontRun.glyphs`)
    /// cut where they go from the fixed font to the document's own and back, each piece with its
    /// own text and clusters, shown as one text object: a value that shares characters with the
    /// form's labels (上海, 有限公司) shows those from the fixed font, so no glyph is embedded twice.
    mutating func pieces(_ glyphs: [ShapedGlyph], text: String, face: FontFace) -> [GlyphPiece] {
        guard let fixed, fixed.face === face, let first = glyphs.first, let firstScalar = text.unicodeScalars.first else {
            return [GlyphPiece(glyphs: glyphs, text: text, font: font(face))]
        }
        // Most runs are all the form's (labels) or all the data's: shown whole, as they are,
        // found without building anything, since every run of every page comes through here.
        let firstInFixed = fixed.contains(first.gid, as: firstScalar)
        var count = 0
        var mixed = false
        for (glyph, scalar) in zip(glyphs, text.unicodeScalars) {
            count += 1
            if fixed.contains(glyph.gid, as: scalar) != firstInFixed { mixed = true }
        }
        guard count == glyphs.count, text.unicodeScalars.count == count else {
            return [GlyphPiece(glyphs: glyphs, text: text, font: font(face))]
        }
        guard mixed else { return [GlyphPiece(glyphs: glyphs, text: text, font: firstInFixed ? fixedFont(fixed) : font(face))] }
        let scalars = Array(text.unicodeScalars)
        let inFixed = glyphs.indices.map { fixed.contains(glyphs[$0].gid, as: scalars[$0]) }
        var pieces: [GlyphPiece] = []
        var start = 0
        while start < glyphs.count {
            var end = start + 1
            while end < glyphs.count, inFixed[end] == inFixed[start] { end += 1 }
            let piece = glyphs[start..<end].map { g in
                ShapedGlyph(gid: g.gid, cluster: g.cluster - start, xAdvance: g.xAdvance, xOffset: g.xOffset, yOffset: g.yOffset)
            }
            pieces.append(GlyphPiece(glyphs: piece, text: String(String.UnicodeScalarView(scalars[start..<end])),
                                     font: inFixed[start] ? fixedFont(fixed) : font(face)))
            start = end
        }
        return pieces
    }

    /// The glyphs of a part of a run with a fallback face in it (☐重点项目), shaped, when it is of
    /// the fixed font's face and shapes one glyph per scalar, as `pieces` needs; else nil, and
    /// `ContentStream.text` shapes and shows it whole.
    func pieceable(_ part: FontRun) -> [ShapedGlyph]? {
        guard let fixed, fixed.face === part.face,
              !part.text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        let glyphs = part.face.shape(part.text)
        guard glyphs.count == part.text.unicodeScalars.count, glyphs.indices.allSatisfy({ glyphs[$0].cluster == $0 }) else { return nil }
        return glyphs
    }

    /// Draws a text run (top-left coordinates) on `content` in the faces the font library chose
    /// (`FontLibrary.runs`: the main face, and fallbacks where it lacks a glyph).
    mutating func draw(_ run: TextRun, pageHeight: Double, on content: inout ContentStream,
                       color: PDFColor = .black) throws {
        let style = ShenbaoPDF.TextStyle(color: color, syntheticBold: run.bold)
        var x = run.x
        let y = pageHeight - run.y
        if run.charSpacing != 0 { content.num(run.charSpacing); content.op("Tc") }
        defer { if run.charSpacing != 0 { content.raw("0 Tc") } }
        for part in try library.runs(in: run.text) {
            guard let glyphs = part.glyphs ?? pieceable(part) else {
                x += content.text(part.text, font: font(part.face), size: run.size, x: x, y: y, style: style)
                    + run.charSpacing * Double(part.text.unicodeScalars.count)
                continue
            }
            x += content.showGlyphs(pieces(glyphs, text: part.text, face: part.face), size: run.size, x: x, y: y, style: style)
                + run.charSpacing * Double(glyphs.count)
        }
    }

    /// Draws every item of `page`; the copy mark is drawn by the pack, per copy.
    /// `omittingSealIn` leaves the seal image out of that region: a signature's appearance shows it.
    mutating func paint(_ page: Page, seal: PDFImage?, draft: Bool, omittingSealIn omitted: String? = nil,
                        on content: inout ContentStream) throws {
        let h = page.setup.height
        if draft { try paintDraftMark(page.setup, on: &content) }
        content.setStrokeColor(.black)
        var lineWidth = -1.0
        for item in page.items {
            switch item {
            case .text(let run):
                try draw(run, pageHeight: h, on: &content)
            case .line(let a, let b, let w):
                if w != lineWidth { content.setLineWidth(w); lineWidth = w }
                content.line(from: a.x, h - a.y, to: b.x, h - b.y)
            case .rect(let r, let w):
                if w != lineWidth { content.setLineWidth(w); lineWidth = w }
                content.rect(r.x, h - r.maxY, r.width, r.height)
                content.stroke()
            case .region:
                break
            case .seal(let area):
                if let seal, area.takesImage {
                    if area.region == nil || area.region != omitted {
                        drawSeal(seal, centerX: area.center.x, centerY: h - area.center.y, diameter: area.diameter, on: &content)
                    }
                } else if !area.caption.text.isEmpty {
                    try draw(area.caption, pageHeight: h, on: &content)
                }
            }
        }
    }

    /// Draws the seal image centred on a point (PDF space), keeping its proportions inside the
    /// seal's square.
    func drawSeal(_ seal: PDFImage, centerX: Double, centerY: Double, diameter d: Double, on content: inout ContentStream) {
        let ratio = Double(seal.pixelHeight) / Double(max(1, seal.pixelWidth))
        let w = ratio <= 1 ? d : d / ratio, ih = ratio <= 1 ? d * ratio : d
        content.drawImage(seal, x: centerX - w / 2, y: centerY - ih / 2, width: w, height: ih)
    }

    /// A large grey 草稿 across the page, under the form, so a draft can never pass for the real thing.
    mutating func paintDraftMark(_ setup: PageSetup, on content: inout ContentStream) throws {
        let size = min(setup.width, setup.height) * 0.32
        let face = try library.mainFace()
        let width = 2 * size // two ideographs, one em each
        let angle = atan2(setup.height, setup.width)
        content.save()
        content.transform(cos(angle), sin(angle), -sin(angle), cos(angle), setup.width / 2, setup.height / 2)
        _ = content.text("草稿", font: font(face), size: size, x: -width / 2, y: -size * 0.35,
                         style: ShenbaoPDF.TextStyle(color: .gray(0.75)))
        content.restore()
    }
}
