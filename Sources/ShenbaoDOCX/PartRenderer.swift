import ShenbaoCore
import ShenbaoTemplate

/// What filling one document accumulates across its parts.
struct FillState {
    var out: [UInt8] = []
    /// Rows written so far (a table with none disappears).
    var rows = 0
    var missing: [(path: String, location: String)] = []
    private var missingSeen = Set<String>()
    var images: ImageSet
    var problems: [Diagnostic] = []
    /// Paths whose values held characters XML cannot hold (dropped): one warning each.
    var dropped: [String] = []
    /// The part being rendered (images are related from it).
    var part = ""

    init(images: ImageSet) {
        self.images = images
    }

    mutating func noteMissing(_ path: String, _ location: String) {
        if missingSeen.insert(location + "\u{0}" + path).inserted { missing.append((path, location)) }
    }
}

/// Fills a compiled part for one record.
enum PartRenderer {
    private static let lineBreak = Array("</w:t><w:br/><w:t xml:space=\"preserve\">".utf8)
    private static let tab = Array("</w:t><w:tab/><w:t xml:space=\"preserve\">".utf8)
    private static let emptyParagraph = Array("<w:p/>".utf8)
    private static let cellNeedsParagraph = ["</w:tbl>", "</w:tcPr>", "<w:tc>"].map { Array($0.utf8) }

    static func render(_ pieces: [Piece], _ context: Context, word: Bool, into state: inout FillState) {
        for piece in pieces {
            switch piece {
            case .bytes(let bytes):
                state.out.append(contentsOf: bytes)
            case .value(let expression, let location):
                guard let value = evaluate(expression, context, location, &state) else {
                    state.noteMissing(expression.path, location)
                    continue
                }
                let text = value.plainText
                if text.unicodeScalars.contains(where: { !MarkupEscape.isXMLCharacter($0) }), !state.dropped.contains(expression.path) {
                    state.dropped.append(expression.path)
                }
                writeText(text, word: word, into: &state.out)
            case .image(let expression, let location):
                var lookup = expression
                lookup.filters.removeAll { $0.name == "size" }
                guard let value = evaluate(lookup, context, location, &state), !value.isBlank else {
                    if context.lookup(expression.path) == nil { state.noteMissing(expression.path, location) }
                    continue
                }
                let size = expression.filters.last { $0.name == "size" }?.arguments ?? []
                do {
                    let xml = try state.images.drawing(for: value.plainText, size: size, part: state.part, location: location)
                    state.out.append(contentsOf: xml)
                } catch {
                    state.problems.append(error)
                }
            case .imageRelation(let expression, let location, let fallback):
                var id = fallback
                if let value = evaluate(expression, context, location, &state), !value.isBlank {
                    do {
                        id = try state.images.relationship(for: value.plainText, part: state.part, location: location).id
                    } catch {
                        state.problems.append(error)
                    }
                } else if context.lookup(expression.path) == nil {
                    state.noteMissing(expression.path, location)
                }
                MarkupEscape.append(id, as: .xmlAttribute, into: &state.out)
            case .section(let expression, let inverted, let location, let body):
                let value = evaluate(expression, context, location, &state)
                if inverted {
                    if Context.isFalsy(value) { render(body, context, word: word, into: &state) }
                } else {
                    if value == nil { state.noteMissing(expression.path, location) }
                    for inner in context.sectionContexts(for: value) { render(body, inner, word: word, into: &state) }
                }
            case .table(let body):
                let mark = state.out.count, rows = state.rows
                render(body, context, word: word, into: &state)
                if state.rows == rows { state.out.removeSubrange(mark...) }
            case .rowMark:
                state.rows += 1
            case .cellEnd:
                if cellNeedsParagraph.contains(where: { state.out.ends(with: $0) }) {
                    state.out.append(contentsOf: emptyParagraph)
                }
            }
        }
    }

    private static func evaluate(_ expression: Expression, _ context: Context, _ location: String,
                                 _ state: inout FillState) -> Value? {
        do {
            return try context.evaluate(expression)
        } catch {
            state.problems.append(error.diagnostic(location: location))
            return nil
        }
    }

    /// Appends `text` escaped for XML; in WordprocessingML a line feed becomes `w:br` and a tab
    /// `w:tab` (the value sits inside a `w:t` whose run is closed and reopened around them).
    static func writeText(_ text: String, word: Bool, into out: inout [UInt8]) {
        MarkupEscape.append(text, as: .xmlText, into: &out, lineBreak: word ? lineBreak : nil, tab: word ? tab : nil)
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
