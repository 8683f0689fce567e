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
    public func lines(_ text: String, width: Double, size: Double, bold: Bool = false,
                      firstIndent: Double = 0) -> [BrokenLine] {
        let groups = self.groups(text, size: size, bold: bold)
        var lines: [BrokenLine] = []
        var current: [Unicode.Scalar] = []
        var currentWidth = 0.0
        var currentStart = 0
        var pendingSpace: (scalars: [Unicode.Scalar], width: Double)? = nil

        func flush(last: Bool) {
            lines.append(BrokenLine(text: String(String.UnicodeScalarView(current)), width: currentWidth,
                                    scalarCount: current.count, isLast: last, start: currentStart))
            current = []
            currentWidth = 0
            pendingSpace = nil
        }
        func limit() -> Double { lines.isEmpty ? width - firstIndent : width }

        for group in groups {
            if group.isSpace {
                if !current.isEmpty { pendingSpace = (group.scalars, group.width) }
                continue
            }
            let spaceWidth = pendingSpace?.width ?? 0
            if current.isEmpty || currentWidth + spaceWidth + group.width <= limit() + 0.001 {
                if let space = pendingSpace { current += space.scalars; currentWidth += space.width }
                pendingSpace = nil
                if current.isEmpty { currentStart = group.start }
                if current.isEmpty && group.width > limit() + 0.001 {
                    // A word wider than the line: cut it where it must be cut (emergency break).
                    emergencySplit(group, size: size, bold: bold, into: &lines, current: &current,
                                   currentWidth: &currentWidth, currentStart: &currentStart, width: width,
                                   firstIndent: firstIndent)
                } else {
                    current += group.scalars
                    currentWidth += group.width
                }
            } else {
                flush(last: false)
                currentStart = group.start
                if group.width > limit() + 0.001 {
                    emergencySplit(group, size: size, bold: bold, into: &lines, current: &current,
                                   currentWidth: &currentWidth, currentStart: &currentStart, width: width,
                                   firstIndent: firstIndent)
                } else {
                    current = group.scalars
                    currentWidth = group.width
                }
            }
        }
        flush(last: true)
        return lines
    }

    private func emergencySplit(_ group: Group, size: Double, bold: Bool, into lines: inout [BrokenLine],
                                current: inout [Unicode.Scalar], currentWidth: inout Double,
                                currentStart: inout Int, width: Double, firstIndent: Double) {
        for (k, scalar) in group.scalars.enumerated() {
            let w = measurer.advance(of: scalar, size: size, bold: bold)
            let limit = lines.isEmpty ? width - firstIndent : width
            if !current.isEmpty && currentWidth + w > limit + 0.001 {
                lines.append(BrokenLine(text: String(String.UnicodeScalarView(current)), width: currentWidth,
                                        scalarCount: current.count, isLast: false, start: currentStart))
                current = []
                currentWidth = 0
                currentStart = group.start + k
            }
            current.append(scalar)
            currentWidth += w
        }
    }

    struct Group {
        var scalars: [Unicode.Scalar]
        var width: Double
        var isSpace: Bool
        /// The offset of the group's first scalar in the text.
        var start: Int
    }

    /// Splits text into unbreakable groups: each wide character alone, each run of narrow
    /// non-space characters (a word or number) whole, spaces apart; then glues closing
    /// punctuation to the group before it and opening punctuation to the group after it.
    func groups(_ text: String, size: Double, bold: Bool) -> [Group] {
        var atoms: [Group] = []
        var word: [Unicode.Scalar] = []
        var wordWidth = 0.0
        var wordStart = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let w = measurer.advance(of: scalar, size: size, bold: bold)
            let space = CJKBreaking.isSpace(scalar)
            let alone = !space && (CJKBreaking.isWide(scalar) || CJKBreaking.noLineEnd.contains(scalar)
                || (CJKBreaking.noLineStart.contains(scalar) && word.isEmpty))
            if space || alone {
                if !word.isEmpty {
                    atoms.append(Group(scalars: word, width: wordWidth, isSpace: false, start: wordStart))
                    word.removeAll(keepingCapacity: true)
                    wordWidth = 0
                }
            }
            if space {
                if atoms.last?.isSpace == true {
                    var last = atoms.removeLast()
                    last.scalars.append(scalar)
                    last.width += w
                    atoms.append(last)
                } else {
                    atoms.append(Group(scalars: [scalar], width: w, isSpace: true, start: offset))
                }
            } else if alone {
                atoms.append(Group(scalars: [scalar], width: w, isSpace: false, start: offset))
            } else {
                if word.isEmpty { wordStart = offset }
                word.append(scalar)
                wordWidth += w
            }
        }
        if !word.isEmpty { atoms.append(Group(scalars: word, width: wordWidth, isSpace: false, start: wordStart)) }

        // Glue by the kinsoku rules.
        var groups: [Group] = []
        var glueNext = false
        for atom in atoms {
            if atom.isSpace {
                groups.append(atom)
                glueNext = false
                continue
            }
            let first = atom.scalars[0]
            let startsForbidden = CJKBreaking.noLineStart.contains(first)
            if groups.last?.isSpace == false, glueNext || startsForbidden {
                var last = groups.removeLast()
                last.scalars += atom.scalars
                last.width += atom.width
                groups.append(last)
            } else {
                groups.append(atom)
            }
            glueNext = atom.scalars.count == 1 && CJKBreaking.noLineEnd.contains(atom.scalars[0])
        }
        return groups
    }
}
