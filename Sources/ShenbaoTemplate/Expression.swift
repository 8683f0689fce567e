import ShenbaoCore

/// One filter in a pipe, with its literal arguments: `join "、"`.
public struct FilterCall: Sendable, Hashable {
    public var name: String
    public var arguments: [Value]

    public init(name: String, arguments: [Value] = []) {
        self.name = name
        self.arguments = arguments
    }
}

/// What a tag evaluates: a dotted path followed by pipes, `project.start_date | date "yyyy年M月d日"`.
public struct Expression: Sendable, Hashable {
    /// `.` for the implicit iterator; `@index`, `@number`, `@first`, `@last` for loop variables.
    public var path: String
    public var filters: [FilterCall]

    public init(path: String, filters: [FilterCall] = []) {
        self.path = path
        self.filters = filters
    }

    /// Parses the inside of a tag. Unknown filters and malformed arguments are template errors.
    ///
    /// Word's AutoFormat turns typed `"` into `“ ”`, and a Chinese IME may type `｜` for `|`, so
    /// `x | check “重点项目”` is what authors' templates really hold: a tag that does not parse
    /// as written is read again with those characters made plain.
    public init(parsing text: String) throws(TemplateError) {
        do {
            try self.init(strict: text)
        } catch {
            guard text.contains(where: { "“”„＂｜".contains($0) }) else { throw error }
            let plain = String(text.map { ch -> Character in
                switch ch {
                case "“", "”", "„", "＂": return "\""
                case "｜": return "|"
                default: return ch
                }
            })
            guard let expression = try? Expression(strict: plain) else { throw error }
            self = expression
        }
    }

    private init(strict text: String) throws(TemplateError) {
        let segments = try Expression.splitPipes(text)
        let path = segments[0].trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty, !path.contains(where: \.isWhitespace) else {
            throw TemplateError(id: .templateMalformedTag,
                                message: Localized(zh: "标签中的路径“\(path)”无效", en: "invalid path \"\(path)\" in a tag"))
        }
        var filters: [FilterCall] = []
        for segment in segments.dropFirst() {
            let words = try Expression.words(segment)
            guard let name = words.first, case .text(let filterName) = name else {
                throw TemplateError(id: .templateMalformedTag,
                                    message: Localized(zh: "管道符后缺少过滤器名", en: "a pipe without a filter name"))
            }
            guard Filters.known.contains(filterName) else {
                throw TemplateError(id: .templateUnknownFilter,
                    message: Localized(zh: "未知的过滤器“\(filterName)”（可用：\(Filters.known.sorted().joined(separator: "、"))）",
                                       en: "unknown filter \"\(filterName)\" (known: \(Filters.known.sorted().joined(separator: ", ")))"))
            }
            filters.append(FilterCall(name: filterName, arguments: Array(words.dropFirst())))
        }
        self.init(path: path, filters: filters)
    }

    /// Splits at `|` outside double quotes.
    private static func splitPipes(_ text: String) throws(TemplateError) -> [String] {
        var parts: [String] = [], current = "", quoted = false, escaped = false
        for ch in text {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" && quoted { current.append(ch); escaped = true; continue }
            if ch == "\"" { quoted.toggle() }
            if ch == "|" && !quoted { parts.append(current); current = ""; continue }
            current.append(ch)
        }
        if quoted {
            throw TemplateError(id: .templateMalformedTag, message: Localized(zh: "引号没有闭合", en: "unclosed quote"))
        }
        parts.append(current)
        return parts
    }

    /// A filter segment's words: the name (as text) then literal arguments (quoted text or numbers).
    private static func words(_ segment: String) throws(TemplateError) -> [Value] {
        var words: [Value] = []
        var chars = Array(segment)[...]
        while let first = chars.first {
            if first.isWhitespace { chars = chars.dropFirst(); continue }
            if first == "\"" {
                var text = "", i = chars.startIndex + 1, closed = false
                while i < chars.endIndex {
                    let c = chars[i]
                    if c == "\\", i + 1 < chars.endIndex { text.append(chars[i + 1]); i += 2; continue }
                    if c == "\"" { closed = true; break }
                    text.append(c); i += 1
                }
                guard closed else {
                    throw TemplateError(id: .templateMalformedTag, message: Localized(zh: "引号没有闭合", en: "unclosed quote"))
                }
                words.append(.text(text))
                chars = chars[(i + 1)...]
            } else {
                let word = String(chars.prefix(while: { !$0.isWhitespace }))
                chars = chars.dropFirst(word.count)
                if words.isEmpty {
                    words.append(.text(word))
                } else if let n = Int(word) {
                    words.append(.integer(n))
                } else if let d = Double(word) {
                    words.append(.decimal(d))
                } else {
                    throw TemplateError(id: .templateMalformedTag,
                        message: Localized(zh: "过滤器参数“\(word)”应为带引号的文本或数字",
                                           en: "filter argument \"\(word)\" must be quoted text or a number"))
                }
            }
        }
        return words
    }
}

import Foundation
