import ShenbaoCore

/// The data a form layout's templates see: the data file's root, with `notice` (the notice
/// configuration as written, plus a few values derived from it and the data) and, for list
/// forms, `counts`.
public enum FormContext {
    /// Builds the context. `notice` is the notice file's root map.
    ///
    /// Added to `notice`: `copies_cn` (一式三份 needs the Chinese numeral), and on each item of
    /// `notice.eligibility` `checked` (the data's `declarations.<key>`) and `applies` (true unless
    /// its `when` path is false in the data), so declaration lines need no per-key template.
    /// Added at the root when there is a `records` list and no `counts`: `counts.<category>` per
    /// record `category`, zero for each of the notice's categories.
    public static func build(data: Value, notice: Value?) -> Value {
        guard case .map(var root) = data else { return data }
        if case .map(var n)? = notice {
            if case .integer(let copies)? = n["copies"] { n["copies_cn"] = .text(chineseNumeral(copies)) }
            if case .list(let items)? = n["eligibility"] {
                n["eligibility"] = .list(items.map { item in
                    guard case .map(var m) = item else { return item }
                    let key = m["key"]?.plainText ?? ""
                    m["checked"] = .bool(data.value(at: "declarations." + key) == .bool(true))
                    if let when = m["when"]?.plainText, !when.isEmpty {
                        let v = data.value(at: when)
                        m["applies"] = .bool(!(v == nil || v == .null || v == .bool(false) || v?.isBlank == true))
                    } else {
                        m["applies"] = .bool(true)
                    }
                    return .map(m)
                })
            }
            root["notice"] = .map(n)
        }
        if case .list(let records)? = root["records"], root["counts"] == nil {
            var counts = OrderedMap()
            if case .list(let categories)? = notice?["categories"] {
                for c in categories { if let name = c["name"]?.plainText { counts[name] = .integer(0) } }
            }
            for record in records {
                let c = record["category"]?.plainText ?? ""
                guard !c.isEmpty else { continue }
                if case .integer(let n)? = counts[c] { counts[c] = .integer(n + 1) } else { counts[c] = .integer(1) }
            }
            root["counts"] = .map(counts)
        }
        return .map(root)
    }

    /// 1 → 一 … 10 → 十 … 99 → 九十九, for counts printed in words (一式三份).
    public static func chineseNumeral(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard n >= 0, n < 100 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }
}
