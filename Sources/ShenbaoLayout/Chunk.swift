/// An unbreakable horizontal slice of content, measured (pass 1) but not yet placed:
/// a line of text, a signature block, a space. Items are relative to the slice's top-left.
struct Chunk: Sendable {
    var height: Double
    var items: [PageItem]
    /// Vertical space, dropped at the top of a page.
    var isSpace = false
    /// Must share a page with what follows (heading lines).
    var keepWithNext = false
    /// The block the chunk was measured from, so a page can say which blocks it holds (`Page.blocks`).
    var source: ChunkSource?
}

/// Where a chunk came from: chunk `index` of the `count` that block `block` of a block list made
/// (a paragraph makes its space before, its lines, its space after, in that order).
struct ChunkSource: Sendable, Hashable {
    var block: Int
    var index: Int
    var count: Int
}

/// Pass 1: turns paragraphs, signature blocks and spacers into chunks for a given width.
struct BlockMeasurer: Sendable {
    var measurer: any TextMeasurer
    var breaker: LineBreaker { LineBreaker(measurer: measurer) }

    /// The chunks of a non-table block set in `width` points; tables are not measured here.
    func chunks(_ block: Block, width: Double) -> [Chunk] {
        switch block {
        case .paragraph(let p): return paragraph(p, width: width)
        case .signature(let s): return [signature(s, width: width)]
        case .spacer(let h): return [Chunk(height: h, items: [], isSpace: true)]
        case .table, .pageBreak: return []
        }
    }

    /// The chunks of block `index`, each knowing it came from there.
    func chunks(_ block: Block, index: Int, width: Double) -> [Chunk] {
        var chunks = self.chunks(block, width: width)
        for i in chunks.indices { chunks[i].source = ChunkSource(block: index, index: i, count: chunks.count) }
        return chunks
    }

    func baseline(lineHeight: Double, size: Double) -> Double {
        let a = measurer.ascender, d = measurer.descender
        return (lineHeight - size * (a + d)) / 2 + size * a
    }

    func paragraph(_ p: Paragraph, width: Double) -> [Chunk] {
        var out: [Chunk] = []
        if p.spaceBefore > 0 { out.append(Chunk(height: p.spaceBefore, items: [], isSpace: true)) }
        let style = p.style
        let lineHeight = style.size * style.leading
        let base = baseline(lineHeight: lineHeight, size: style.size)
        let parts = p.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (k, text) in parts.enumerated() {
            let lines = breaker.lines(String(text), width: width, size: style.size, bold: style.bold,
                                      firstIndent: style.firstIndent)
            for (i, line) in lines.enumerated() {
                let indent = i == 0 ? style.firstIndent : 0
                var x = indent
                var spacing = 0.0
                switch style.align {
                case .left: break
                case .center: x = (width - line.width) / 2
                case .right: x = width - line.width
                case .justify:
                    let extra = width - indent - line.width
                    let setFull = !line.isLast || (p.runsOn && k == parts.count - 1)
                    if setFull, line.scalarCount > 1, extra > 0, extra / Double(line.scalarCount - 1) < style.size * 0.5 {
                        spacing = extra / Double(line.scalarCount - 1)
                    }
                }
                var items: [PageItem] = []
                if !line.text.isEmpty {
                    items.append(.text(TextRun(text: line.text, x: x, y: base, size: style.size, bold: style.bold,
                                               charSpacing: spacing)))
                }
                out.append(Chunk(height: lineHeight, items: items, keepWithNext: p.keepWithNext))
            }
        }
        if p.spaceAfter > 0 { out.append(Chunk(height: p.spaceAfter, items: [], isSpace: true, keepWithNext: p.keepWithNext)) }
        return out
    }

    /// A signature block: the lines in a column at the right; with a seal, a caption line
    /// between the name (second-to-last line) and the date (last line), the seal centred on it,
    /// so the seal sits over the name and the date just below its centre (GB/T 9704 §7.3.5.1).
    func signature(_ s: SignatureBlock, width: Double) -> Chunk {
        let style = s.style
        let geometry = SignatureGeometry(s, width: width, measurer: measurer)
        let lineHeight = geometry.lineHeight
        let base = baseline(lineHeight: lineHeight, size: style.size)
        let lines = geometry.lines, widths = geometry.widths
        let columnX = geometry.columnX, column = geometry.column
        let top = geometry.top
        var items: [PageItem] = []
        if let seal = s.seal, let ci = geometry.captionIndex {
            let cx = geometry.centerX
            let cy = top + Double(ci) * lineHeight + lineHeight / 2
            let caption = TextRun(text: seal.caption, x: cx - widths[ci] / 2, y: top + Double(ci) * lineHeight + base,
                                  size: style.size, bold: style.bold)
            items.append(.seal(SealArea(center: Point(x: cx, y: cy), diameter: seal.diameter, caption: caption,
                                        takesImage: seal.takesImage, region: seal.region)))
        }
        for (i, line) in lines.enumerated() where !line.isEmpty {
            let x = columnX + (column - widths[i]) / 2
            items.append(.text(TextRun(text: line, x: x, y: top + Double(i) * lineHeight + base, size: style.size,
                                       bold: style.bold)))
        }
        return Chunk(height: geometry.height, items: items)
    }
}
