/// One line of a broken paragraph: its text and natural width.
public struct BrokenLine: Sendable, Hashable {
    public var text: String
    public var width: Double
    /// Scalars in the line, for spreading justification space between them.
    public var scalarCount: Int
    /// The paragraph's last line (never justified).
    public var isLast: Bool
    /// Where the line starts among the paragraph's scalars: a paragraph cut before this line
    /// (a page break inside it) continues from here. Spaces a break swallowed lie before it.
    public var start: Int
}

/// Breaks a paragraph into lines of at most a given width, the Chinese way: between any two
/// ideographs, at spaces, never inside a Latin word or number (unless a single word is wider
/// than the line), never with closing punctuation (，。、；：？！）》」』) at a line's start nor
/// opening punctuation (（《「『) at its end.
public struct LineBreaker: Sendable {
    public var measurer: any TextMeasurer
    public init(measurer: any TextMeasurer) { self.measurer = measurer }

    /// Breaks `text` (one paragraph, no newlines) into lines no wider than `width`;
    /// the first line is `firstIndent` narrower. An empty text gives one empty line.
    ///
    /// Groups and lines are ranges of the paragraph's scalars, not arrays of their own: an
    /// array for every ideograph was most of the layout's allocations.
    public func lines(_ text: String, width: Double, size: Double, bold: Bool = false,
                      firstIndent: Double = 0) -> [BrokenLine] {
        let scalars = Array(text.unicodeScalars)
        let groups = self.groups(scalars, size: size, bold: bold)
        var lines: [BrokenLine] = []
        // The line being filled: scalars[currentStart..<currentEnd].
        var currentStart = 0, currentEnd = 0
        var currentWidth = 0.0
        // The width of the spaces after the line's last group, kept if another group joins it.
        var pendingSpace: Double? = nil

        func flush(last: Bool) {
            lines.append(BrokenLine(text: String(String.UnicodeScalarView(scalars[currentStart..<currentEnd])), width: currentWidth,
                                    scalarCount: currentEnd - currentStart, isLast: last, start: currentStart))
            currentEnd = currentStart
            currentWidth = 0
            pendingSpace = nil
        }
        func limit() -> Double { lines.isEmpty ? width - firstIndent : width }

        for group in groups {
            let isEmpty = currentEnd == currentStart
            if group.isSpace {
                if !isEmpty { pendingSpace = group.width }
                continue
            }
            let spaceWidth = pendingSpace ?? 0
            if isEmpty || currentWidth + spaceWidth + group.width <= limit() + 0.001 {
                if let space = pendingSpace { currentWidth += space }
                pendingSpace = nil
                if isEmpty { currentStart = group.start; currentEnd = group.start }
                if isEmpty && group.width > limit() + 0.001 {
                    // A word wider than the line: cut it where it must be cut (emergency break).
                    emergencySplit(group, scalars, size: size, bold: bold, into: &lines, start: &currentStart,
                                   end: &currentEnd, currentWidth: &currentWidth, width: width, firstIndent: firstIndent)
                } else {
                    currentEnd = group.start + group.count
                    currentWidth += group.width
                }
            } else {
                flush(last: false)
                currentStart = group.start
                currentEnd = group.start
                if group.width > limit() + 0.001 {
                    emergencySplit(group, scalars, size: size, bold: bold, into: &lines, start: &currentStart,
                                   end: &currentEnd, currentWidth: &currentWidth, width: width, firstIndent: firstIndent)
                } else {
                    currentEnd = group.start + group.count
                    currentWidth = group.width
                }
            }
        }
        flush(last: true)
        return lines
    }

    /// Cuts `group`, wider than a line, scalar by scalar onto as many lines as it needs; the
    /// line being filled (empty on entry, at the group's start) ends with its last piece.
    private func emergencySplit(_ group: Group, _ scalars: [Unicode.Scalar], size: Double, bold: Bool,
                                into lines: inout [BrokenLine], start: inout Int, end: inout Int,
                                currentWidth: inout Double, width: Double, firstIndent: Double) {
        for k in 0..<group.count {
            let w = measurer.advance(of: scalars[group.start + k], size: size, bold: bold)
            let limit = lines.isEmpty ? width - firstIndent : width
            if end > start && currentWidth + w > limit + 0.001 {
                lines.append(BrokenLine(text: String(String.UnicodeScalarView(scalars[start..<end])), width: currentWidth,
                                        scalarCount: end - start, isLast: false, start: start))
                currentWidth = 0
                start = group.start + k
            }
            end = group.start + k + 1
            currentWidth += w
        }
    }

    /// An unbreakable group: scalars[start..<start + count] of the paragraph.
    struct Group {
        var start: Int
        var count: Int
        var width: Double
        var isSpace: Bool
    }

    /// Splits text into unbreakable groups: each wide character alone, each run of narrow
    /// non-space characters (a word or number) whole, spaces apart; then glues closing
    /// punctuation to the group before it and opening punctuation to the group after it.
    func groups(_ scalars: [Unicode.Scalar], size: Double, bold: Bool) -> [Group] {
        var atoms: [Group] = []
        var wordCount = 0
        var wordWidth = 0.0
        var wordStart = 0
        for (offset, scalar) in scalars.enumerated() {
            let w = measurer.advance(of: scalar, size: size, bold: bold)
            let space = CJKBreaking.isSpace(scalar)
            let alone = !space && (CJKBreaking.isWide(scalar) || CJKBreaking.noLineEnd.contains(scalar)
                || (CJKBreaking.noLineStart.contains(scalar) && wordCount == 0))
            if space || alone {
                if wordCount > 0 {
                    atoms.append(Group(start: wordStart, count: wordCount, width: wordWidth, isSpace: false))
                    wordCount = 0
                    wordWidth = 0
                }
            }
            if space {
                if atoms.last?.isSpace == true {
                    atoms[atoms.count - 1].count += 1
                    atoms[atoms.count - 1].width += w
                } else {
                    atoms.append(Group(start: offset, count: 1, width: w, isSpace: true))
                }
            } else if alone {
                atoms.append(Group(start: offset, count: 1, width: w, isSpace: false))
            } else {
                if wordCount == 0 { wordStart = offset }
                wordCount += 1
                wordWidth += w
            }
        }
        if wordCount > 0 { atoms.append(Group(start: wordStart, count: wordCount, width: wordWidth, isSpace: false)) }

        // Glue by the kinsoku rules; a group glued to the one before is next to it in the text.
        var groups: [Group] = []
        var glueNext = false
        for atom in atoms {
            if atom.isSpace {
                groups.append(atom)
                glueNext = false
                continue
            }
            let startsForbidden = CJKBreaking.noLineStart.contains(scalars[atom.start])
            if groups.last?.isSpace == false, glueNext || startsForbidden {
                groups[groups.count - 1].count += atom.count
                groups[groups.count - 1].width += atom.width
            } else {
                groups.append(atom)
            }
            glueNext = atom.count == 1 && CJKBreaking.noLineEnd.contains(scalars[atom.start])
        }
        return groups
    }
}
