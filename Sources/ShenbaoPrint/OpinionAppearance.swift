import ShenbaoLayout
import ShenbaoPDF
import ShenbaoPDFWriter

/// Draws a department's opinion into one copy's 推荐部门意见 box, as the appearance of the box's
/// text field: the decision ticked, the opinion text, and the department's name and the date
/// centred on the seal, the name above its centre and the date just below it (GB/T 9704
/// §7.3.5.1, as `SignatureGeometry` places the applicant's). The box's blank lines (推荐部门（盖章）,
/// 年　月　日) are painted over, inside its rules, so nothing prints twice.
struct OpinionAppearance {
    let opinion: Opinion
    let measurer: any TextMeasurer

    /// The form's body text, and the least it shrinks to so that a long opinion still fits.
    static let size = 12.0, leading = 1.5, smallest = 8.0
    /// The cell's inner margin, and the rule's width kept clear when painting over.
    static let padding = 6.0, rule = 1.0

    /// The appearance of a `width` × `height` box; `sealCenter` is in the box's top-left
    /// coordinates. The seal image is drawn only when given (on the signed copy the signature's
    /// own widget shows it).
    func draw(width w: Double, height h: Double, sealCenter: Point, sealDiameter: Double, seal: PDFImage?,
              painter: inout PDFPainter, on content: inout ContentStream) throws {
        content.setFillColor(.gray(1))
        content.rect(Self.rule, Self.rule, w - 2 * Self.rule, h - 2 * Self.rule)
        content.fill()
        content.setFillColor(.black)

        let lineHeight = Self.size * Self.leading
        for (line, baseline) in [(opinion.department, sealCenter.y - lineHeight + Self.size * 0.35),
                                 (opinion.date.chinese, sealCenter.y + lineHeight + Self.size * 0.35)] {
            let width = measurer.width(of: line, size: Self.size)
            let x = min(max(Self.padding, sealCenter.x - width / 2), w - Self.padding - width)
            try painter.draw(TextRun(text: line, x: x, y: baseline, size: Self.size), pageHeight: h, on: &content)
        }

        // The decision and the text fill the space above the name, smaller when they must.
        let bottom = sealCenter.y - 1.5 * lineHeight
        let available = bottom - Self.padding
        var size = Self.size
        let textWidth = w - 2 * Self.padding
        var lines = wrap(width: textWidth, size: size)
        while Double(lines.count) * size * Self.leading > available, size > Self.smallest {
            size -= 0.5
            lines = wrap(width: textWidth, size: size)
        }
        var top = Self.padding
        for line in lines {
            let baseline = top + size * Self.leading / 2 + size * 0.35
            try painter.draw(TextRun(text: line.text, x: Self.padding + line.indent, y: baseline, size: size),
                             pageHeight: h, on: &content)
            top += size * Self.leading
        }
        if let seal {
            painter.drawSeal(seal, centerX: sealCenter.x, centerY: h - sealCenter.y, diameter: sealDiameter, on: &content)
        }
    }

    /// The decision line, then the opinion text broken to the box's width (first line indented
    /// two characters, 首行缩进两字).
    private func wrap(width: Double, size: Double) -> [(text: String, indent: Double)] {
        let breaker = LineBreaker(measurer: measurer)
        var lines: [(text: String, indent: Double)] = [(opinion.decisionLine, 0)]
        for paragraph in opinion.text.split(separator: "\n", omittingEmptySubsequences: true) {
            let indent = 2 * size
            for (index, line) in breaker.lines(String(paragraph), width: width, size: size, firstIndent: indent).enumerated() {
                lines.append((line.text, index == 0 ? indent : 0))
            }
        }
        return lines
    }
}
