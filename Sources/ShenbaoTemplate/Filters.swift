import ShenbaoCore

/// The pipe filters of the template language (spec/template-language.md, "Pipes").
enum Filters {
    static let known: Set<String> = ["default", "date", "cn_date", "check", "upper", "lower", "trim",
                                     "join", "count", "cn_money", "eq", "ne", "size"]

    static let checked = "☑", unchecked = "☐"

    /// Applies one filter. `value` is nil when the path is missing; the result is nil
    /// only while nothing has supplied a value (so `--strict` can still name the path).
    static func apply(_ call: FilterCall, to value: Value?) throws(TemplateError) -> Value? {
        let argument = call.arguments.first
        switch call.name {
        case "default":
            if value == nil || value!.isBlank { return argument ?? .text("") }
            return value
        case "date", "cn_date":
            guard let value else { return nil }
            guard let date = value.civilDate else { return value }
            let pattern = call.name == "cn_date" ? "yyyy年M月d日" : (argument?.plainText ?? "yyyy-MM-dd")
            return .text(date.formatted(pattern))
        case "check":
            return .text(isChecked(value, argument) ? checked : unchecked)
        case "upper": return value.map { .text($0.plainText.uppercased()) }
        case "lower": return value.map { .text($0.plainText.lowercased()) }
        case "trim": return value.map { .text($0.plainText.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case "join":
            guard let value else { return nil }
            let separator = argument?.plainText ?? "、"
            if case .list(let items) = value { return .text(items.map(\.plainText).joined(separator: separator)) }
            return value
        case "count":
            if case .list(let items)? = value { return .integer(items.count) }
            if case .map(let map)? = value { return .integer(map.count) }
            return .integer(value == nil || value == .null ? 0 : 1)
        case "cn_money":
            guard let value, value.number != nil else { return value }
            guard let words = ChineseMoney.uppercase(value) else {
                throw TemplateError(id: .templateMoneyRange, message: Localized(
                    zh: "cn_money 无法写出金额“\(value.plainText)”：应为小于 10 的 16 次方元的有限数",
                    en: "cn_money cannot write the amount “\(value.plainText)”: it must be a finite amount under 10^16 yuan"))
            }
            return .text(words)
        case "eq": return .bool(matches(value, argument))
        case "ne": return .bool(!matches(value, argument))
        default: // "size" describes an image's placement; the value passes through.
            return value
        }
    }

    private static func isChecked(_ value: Value?, _ argument: Value?) -> Bool {
        guard let argument else {
            if case .bool(let b)? = value { return b }
            return !Context.isFalsy(value)
        }
        return matches(value, argument)
    }

    /// Equality as forms need it: by printed text; a list matches when it contains the argument.
    private static func matches(_ value: Value?, _ argument: Value?) -> Bool {
        guard let value, let argument else { return value == nil && argument == nil }
        if case .list(let items) = value { return items.contains { $0.plainText == argument.plainText } }
        return value.plainText == argument.plainText
    }
}

import Foundation
