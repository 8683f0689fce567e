import ShenbaoCore
import ShenbaoTemplate

/// One paragraph's text as the template engine sees it: the text of all its `w:t` joined,
/// whatever runs Word split it into, with the offset where each `w:t` starts so that every
/// tag found in the joined text can be mapped back to the runs it came from.
struct ParagraphText {
    let element: XElement
    /// 1-based number of the paragraph in its part (`¶N` in messages).
    let number: Int
    /// The text carriers (`w:t`, or a core property element), in document order.
    var carriers: [XElement] = []
    /// UTF-8 offset of each carrier's text in `bytes`.
    var starts: [Int] = []
    var bytes: [UInt8] = []
    /// Indices into the part's tag list of the tags found here, in order.
    var tags: [Int] = []
    /// The lexed tokens (for deciding whether a paragraph holds only one tag).
    var tokens: [TemplateToken] = []
}

/// A tag found in a part, with what the compiled part does at its place.
struct FoundTag {
    enum Role {
        /// Interpolated value, image, or nothing (comments, tags of sections placed on rows or paragraphs).
        case value, image, none
        /// A section boundary that stays at the tag's place in the text (inline and stream sections).
        case event(PieceEvent)
    }

    var token: TagToken
    var paragraph: Int
    var role: Role = .none
    /// Paths of the sections around the tag, outermost first (for check-template).
    var scopes: [String] = []
    /// The carrier the tag starts in, and its index in the paragraph's carriers.
    var carrier: Int = 0
}

extension ParagraphText {
    /// Collects the paragraphs of a WordprocessingML part in document order; paragraphs nested in
    /// text boxes are their own paragraphs and do not lend their text to the one holding them.
    static func collect(wordprocessing root: XElement) -> [ParagraphText] {
        var list: [ParagraphText] = []
        func visit(_ e: XElement) {
            for case .element(let child) in e.children {
                if child.name == "w:p" {
                    var paragraph = ParagraphText(element: child, number: list.count + 1)
                    let index = list.count
                    list.append(paragraph)
                    paragraph.gather(child)
                    list[index].carriers = paragraph.carriers
                    list[index].starts = paragraph.starts
                    list[index].bytes = paragraph.bytes
                    visit(child) // nested paragraphs (text boxes)
                } else {
                    visit(child)
                }
            }
        }
        visit(root)
        return list
    }

    /// Collects the text fields of a plain part (core properties): each element holding only text is one paragraph.
    static func collect(plain root: XElement) -> [ParagraphText] {
        var list: [ParagraphText] = []
        root.forEachDescendant { e in
            guard e.elements.isEmpty, !e.children.isEmpty else { return }
            var paragraph = ParagraphText(element: e, number: list.count + 1)
            paragraph.carriers = [e]
            paragraph.starts = [0]
            paragraph.bytes = Array(e.text.utf8)
            list.append(paragraph)
        }
        return list
    }

    private mutating func gather(_ e: XElement) {
        for case .element(let child) in e.children {
            if child.name == "w:p" { continue }
            if child.name == "w:t" {
                carriers.append(child)
                starts.append(bytes.count)
                bytes.append(contentsOf: child.text.utf8)
            } else {
                gather(child)
            }
        }
    }

    /// The carrier holding byte `offset` (the first whose text reaches past it).
    func carrierIndex(containing offset: Int) -> Int {
        var i = 0
        while i + 1 < carriers.count, starts[i + 1] <= offset { i += 1 }
        // An empty carrier at the offset: move on to the one that really holds the byte.
        while i + 1 < carriers.count, carrierEnd(i) <= offset { i += 1 }
        return i
    }

    func carrierEnd(_ i: Int) -> Int {
        i + 1 < starts.count ? starts[i + 1] : bytes.count
    }

    /// Rewrites the carriers so that each tag's whole text sits in the carrier where it starts
    /// (keeping that run's formatting), removed from the carriers it spilled into.
    func placeTags(_ allTags: inout [FoundTag]) {
        guard !tags.isEmpty else { return }
        var touched = Set<Int>()
        for t in tags {
            let range = allTags[t].token.range
            let first = carrierIndex(containing: range.lowerBound)
            let last = carrierIndex(containing: max(range.lowerBound, range.upperBound - 1))
            allTags[t].carrier = first
            for i in first ... last { touched.insert(i) }
        }
        for i in touched.sorted() {
            let start = starts[i], end = carrierEnd(i)
            var segments: [TextSegment] = []
            var position = start
            for t in tags {
                let range = allTags[t].token.range
                guard (range.lowerBound < end && range.upperBound > start) || allTags[t].carrier == i else { continue }
                if range.lowerBound > position {
                    segments.append(.text(String(decoding: bytes[position ..< min(range.lowerBound, end)], as: UTF8.self)))
                }
                if allTags[t].carrier == i { segments.append(.tag(t)) }
                position = max(position, min(range.upperBound, end))
            }
            if position < end { segments.append(.text(String(decoding: bytes[position ..< end], as: UTF8.self))) }
            carriers[i].segments = segments
        }
    }

    /// True when the paragraph's text is the one tag `tag` and at most white space around it
    /// (a stray space typed after a tag must not leave an empty line in every repetition).
    func holdsOnly(_ tag: TagToken) -> Bool {
        guard tags.count == 1 else { return false }
        let outside = bytes[..<tag.range.lowerBound] + bytes[tag.range.upperBound...]
        return outside.allSatisfy { $0 == 0x20 || $0 == 0x09 } || String(decoding: outside, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// A short excerpt of the paragraph text from `offset`.
    func excerpt(at offset: Int, characters: Int = 24) -> String {
        let tail = String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self)
        let cut = tail.prefix(characters)
        return cut.count < tail.count ? cut + "…" : String(cut)
    }
}
