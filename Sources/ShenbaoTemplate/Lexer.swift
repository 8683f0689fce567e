import ShenbaoCore

/// A tag found in a template's text.
public struct TagToken: Sendable {
    public enum Kind: Sendable, Hashable {
        case interpolation(escaped: Bool)
        case section, inverted, close, comment, partial, delimiters, image
    }

    public var kind: Kind
    /// The inside of the tag without its sigil, trimmed.
    public var content: String
    /// UTF-8 offsets of the whole tag, delimiters included.
    public var range: Range<Int>
    /// The parsed expression of interpolation, section, inverted and image tags.
    public var expression: Expression?
    /// For a closing tag, the path it names; empty for `{{/}}`.
    public var closeName: String?

    /// Tags that Mustache removes with their whole line when they stand alone on it.
    var isStandaloneKind: Bool {
        switch kind {
        case .section, .inverted, .close, .comment, .partial, .delimiters: return true
        case .interpolation, .image: return false
        }
    }
}

/// A piece of a template: literal text or a tag, by UTF-8 range of the source.
public enum TemplateToken: Sendable {
    case text(Range<Int>)
    case tag(TagToken)
}

/// Stage one of the pipeline: splits a source into text and tags.
///
/// Works on UTF-8 bytes so that hosts (a DOCX paragraph's joined run text) can map
/// every tag back to the bytes, and thus the runs, it came from.
public enum Lexer {
    public static func tokenize(_ source: String, delimiters: Delimiters = .mustache)
        -> (tokens: [TemplateToken], errors: [TemplateError]) {
        tokenize(bytes: Array(source.utf8), delimiters: delimiters)
    }

    static func tokenize(bytes src: [UInt8], delimiters start: Delimiters)
        -> (tokens: [TemplateToken], errors: [TemplateError]) {
        var tokens: [TemplateToken] = []
        var errors: [TemplateError] = []
        var open = Array(start.open.utf8), close = Array(start.close.utf8)
        var textStart = 0
        var i = 0
        while let tagStart = find(open, in: src, from: i) {
            var p = tagStart + open.count
            var kind: TagToken.Kind = .interpolation(escaped: true)
            var closer = close
            let sigil: UInt8? = p < src.count ? src[p] : nil
            switch sigil {
            case UInt8(ascii: "{") where open == Array("{{".utf8):
                kind = .interpolation(escaped: false); closer = Array("}".utf8) + close; p += 1
            case UInt8(ascii: "&"): kind = .interpolation(escaped: false); p += 1
            case UInt8(ascii: "#"): kind = .section; p += 1
            case UInt8(ascii: "^"): kind = .inverted; p += 1
            case UInt8(ascii: "/"): kind = .close; p += 1
            case UInt8(ascii: "!"): kind = .comment; p += 1
            case UInt8(ascii: ">"): kind = .partial; p += 1
            case UInt8(ascii: "%"): kind = .image; p += 1
            case UInt8(ascii: "="): kind = .delimiters; closer = Array("=".utf8) + close; p += 1
            default: break
            }
            guard let end = find(closer, in: src, from: p) else {
                errors.append(TemplateError(id: .templateMalformedTag,
                    message: Localized(zh: "标签没有结束符 \(String(decoding: close, as: UTF8.self))",
                                       en: "tag is never closed with \(String(decoding: close, as: UTF8.self))"))
                    .located(in: src, at: tagStart))
                break
            }
            if tagStart > textStart { tokens.append(.text(textStart..<tagStart)) }
            let range = tagStart..<(end + closer.count)
            let content = String(decoding: src[p..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            var tag = TagToken(kind: kind, content: content, range: range)
            switch kind {
            case .interpolation, .section, .inverted, .image:
                do {
                    tag.expression = try Expression(parsing: content)
                } catch {
                    errors.append(error.located(in: src, at: tagStart))
                }
            case .close:
                tag.closeName = content
            case .delimiters:
                let words = content.split(whereSeparator: \.isWhitespace)
                if words.count == 2 {
                    open = Array(words[0].utf8)
                    close = Array(words[1].utf8)
                } else {
                    errors.append(TemplateError(id: .templateMalformedTag,
                        message: Localized(zh: "分隔符设置标签应为 {{=开 闭=}}", en: "a delimiter tag reads {{=open close=}}"))
                        .located(in: src, at: tagStart))
                }
            case .comment, .partial:
                break
            }
            if case .interpolation = kind, content.isEmpty {
                errors.append(TemplateError(id: .templateMalformedTag,
                    message: Localized(zh: "空标签", en: "empty tag")).located(in: src, at: tagStart))
            }
            tokens.append(.tag(tag))
            i = range.upperBound
            textStart = i
        }
        if textStart < src.count { tokens.append(.text(textStart..<src.count)) }
        return (tokens, errors)
    }

    /// The first offset at or after `from` where `needle` starts.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

import Foundation
