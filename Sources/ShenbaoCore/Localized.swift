/// The language of messages: Chinese by default, English with `--lang en`.
public enum Lang: String, Sendable, CaseIterable {
    case zh, en
}

/// A message in both languages, chosen when it is printed.
public struct Localized: Sendable, Hashable, CustomStringConvertible {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ lang: Lang) -> String { lang == .zh ? zh : en }
    public var description: String { zh }
}
