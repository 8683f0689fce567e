import ShenbaoCore

/// The rules that look at several records together (a batch, or several files given to
/// `validate`): `duplicate` — the same credit code and project name twice; `rank.duplicate` —
/// two records of one recommender with the same rank. Which paths form the key and the rank
/// come from each record's form definition (`duplicate_key`, `rank_field`, `rank_scope`).
public enum BatchRules {
    /// Issues per record, in the order of `records`; each record is paired with its definition.
    /// Every record taking part in a clash is reported, each naming the others.
    public static func check(_ records: [(document: DataDocument, definition: FormDefinition)]) -> [[Diagnostic]] {
        var out = Array(repeating: [Diagnostic](), count: records.count)

        func where_(_ i: Int) -> String {
            let d = records[i].document
            return d.file
        }
        func issue(_ i: Int, _ id: Diagnostic.ID, _ path: String, zh: String, en: String) -> Diagnostic {
            let (doc, def) = records[i]
            return Diagnostic(id: id, file: doc.file, line: doc.line(of: path), path: path,
                              label: def.qualifiedLabel(for: path) ?? def.label(for: path),
                              message: Localized(zh: zh, en: en))
        }
        func text(_ i: Int, _ path: String) -> String? {
            guard let v = records[i].document.root.value(at: path), !v.isBlank, let s = v.scalarText else { return nil }
            return s.trimmed
        }

        // duplicate: key = form + normalised credit code + project name.
        var byKey: [[String]: [Int]] = [:]
        for i in records.indices {
            let def = records[i].definition
            guard !def.duplicateKey.isEmpty else { continue }
            let parts = def.duplicateKey.map { path -> String? in
                guard let t = text(i, path) else { return nil }
                return def.field(at: path)?.format == .creditCode ? CreditCode.normalize(t) : t
            }
            guard parts.allSatisfy({ $0 != nil }) else { continue }
            byKey[[def.name] + parts.map { $0! }, default: []].append(i)
        }
        for (_, group) in byKey where group.count > 1 {
            for i in group {
                let others = group.filter { $0 != i }.map(where_).joined(separator: "、")
                let path = records[i].definition.duplicateKey[0]
                out[i].append(issue(i, .duplicate, path,
                    zh: "同一统一社会信用代码和项目名称在本批中重复出现（另见 \(others)）；请删除重复的记录",
                    en: "the same credit code and project name appear more than once in this batch (also \(others)); remove the duplicate"))
            }
        }

        // rank.duplicate: within one recommender, ranks must differ.
        var byRank: [[String]: [Int]] = [:]
        for i in records.indices {
            let def = records[i].definition
            guard let rankPath = def.rankField, let rank = records[i].document.root.value(at: rankPath)?.number else { continue }
            let scope = def.rankScope.flatMap { text(i, $0) } ?? ""
            byRank[[def.name, scope, String(Int(rank))], default: []].append(i)
        }
        for (key, group) in byRank where group.count > 1 {
            for i in group {
                let others = group.filter { $0 != i }.map(where_).joined(separator: "、")
                let path = records[i].definition.rankField!
                out[i].append(issue(i, .rankDuplicate, path,
                    zh: "推荐排序 \(key[2]) 与同一推荐单位的其他记录重复（另见 \(others)）；每个排序只能用一次",
                    en: "rank \(key[2]) is used by another record of the same recommender (also \(others)); each rank once"))
            }
        }
        return out
    }
}
