/// Cutting a block where the layout broke a page inside it, for `Page.blocks`: the part of a
/// paragraph a page holds is a paragraph of the lines it holds, so a format that paginates itself
/// (DOCX) sets the same lines on the same page.
extension BlockMeasurer {
    /// The blocks that `chunks` (consecutive, measured from `blocks` set `width` wide) hold.
    func blocks(of chunks: [Chunk], from blocks: [Block], width: Double) -> [Block] {
        var out: [Block] = []
        var i = 0
        while i < chunks.count {
            guard let source = chunks[i].source else { i += 1; continue }
            var j = i + 1
            while j < chunks.count, chunks[j].source?.block == source.block { j += 1 }
            let last = chunks[j - 1].source!.index
            out += source.index == 0 && last == source.count - 1
                ? [blocks[source.block]] : slice(blocks[source.block], chunks: source.index..<last + 1, width: width)
            i = j
        }
        return out
    }

    /// What chunks `range` of `block` (set `width` wide) hold, as blocks: `block` itself when the
    /// range is all of it. A paragraph cut at a line gives up to two paragraphs: the lines of a
    /// `\n` part begun on an earlier page (no first-line indent), then the parts that begin here.
    func slice(_ block: Block, chunks range: Range<Int>, width: Double) -> [Block] {
        guard case .paragraph(let p) = block else { return range.isEmpty ? [] : [block] }
        // The paragraph's chunks, in order: nil for its spaces, (part, line) for its lines.
        var layout: [(part: Int, line: Int)?] = p.spaceBefore > 0 ? [nil] : []
        let parts = p.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [[BrokenLine]] = []
        for (k, part) in parts.enumerated() {
            let broken = breaker.lines(part, width: width, size: p.style.size, bold: p.style.bold,
                                       firstIndent: p.style.firstIndent)
            lines.append(broken)
            layout += broken.indices.map { (k, $0) }
        }
        if p.spaceAfter > 0 { layout.append(nil) }
        if range == layout.indices { return [block] }
        let held = layout[range.clamped(to: layout.indices)].compactMap { $0 }
        guard let first = held.first, let last = held.last else { return [] }

        /// Lines `a..<b` of part `k` as the text they came from; the spaces a cut swallowed are dropped.
        func text(_ k: Int, from a: Int, to b: Int) -> String {
            let scalars = Array(parts[k].unicodeScalars)
            let cut = b < lines[k].count
            var piece = scalars[(a == 0 ? 0 : lines[k][a].start)..<(cut ? lines[k][b].start : scalars.count)]
            while cut, let s = piece.last, CJKBreaking.isSpace(s) { piece.removeLast() }
            return String(String.UnicodeScalarView(piece))
        }
        var out: [Paragraph] = []
        var texts: [String] = []
        for k in first.part...last.part {
            let a = k == first.part ? first.line : 0
            let b = k == last.part ? last.line + 1 : lines[k].count
            if a > 0 {
                var rest = p
                rest.text = text(k, from: a, to: b)
                rest.style.firstIndent = 0
                out.append(rest)
            } else {
                texts.append(text(k, from: a, to: b))
            }
        }
        if !texts.isEmpty {
            var begun = p
            begun.text = texts.joined(separator: "\n")
            out.append(begun)
        }
        // Spaces go with the part of the paragraph that holds them; a paragraph a page cuts off
        // runs on (its last line set full, as the lines before it).
        let cutAtEnd = last.line + 1 < lines[last.part].count || last.part < parts.count - 1
        for i in out.indices { out[i].spaceBefore = 0; out[i].spaceAfter = 0; out[i].runsOn = false }
        if p.spaceBefore > 0, range.contains(0) { out[0].spaceBefore = p.spaceBefore }
        if p.spaceAfter > 0, range.contains(layout.count - 1) { out[out.count - 1].spaceAfter = p.spaceAfter }
        out[out.count - 1].runsOn = cutAtEnd || p.runsOn
        return out.map(Block.paragraph)
    }
}
