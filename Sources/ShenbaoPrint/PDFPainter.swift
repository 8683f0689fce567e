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
    var fonts: [ObjectIdentifier: PDFFont] = [:]

    init(document: PDFDocument, library: FontLibrary) {
        self.document = document
        self.library = library
    }

    mutating func font(_ face: FontFace) -> PDFFont {
        if let f = fonts[ObjectIdentifier(face)] { return f }
        let f = document.embed(face)
        fonts[ObjectIdentifier(face)] = f
        return f
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
            let advance = if let glyphs = part.glyphs {
                content.showGlyphs(glyphs, text: part.text, font: font(part.face), size: run.size, x: x, y: y, style: style)
            } else {
                content.text(part.text, font: font(part.face), size: run.size, x: x, y: y, style: style)
            }
            x += advance + run.charSpacing * Double(part.text.unicodeScalars.count)
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
