import Foundation
import ShenbaoCore

/// A form's data, field by field, read from `templates/definitions/<name>.yaml`: the one place
/// that says each field's path, label, required-ness, type and limits.
public struct FormDefinition: Sendable, Hashable {
    /// One column of a list table the form prints (the summary's columns), with the data path it
    /// shows for each form it summarises.
    public struct Column: Sendable, Hashable {
        public var key: String
        public var label: String
        /// Data paths per source form (`application` → [`project.name`]); the first one given
        /// is shown (联系电话 falls back to 手机).
        public var paths: [String: [String]]

        /// What this column shows for a record of `form`: the first of its paths with a value.
        public func value(in record: Value, form: String) -> Value? {
            for path in paths[form] ?? [] {
                if let v = record.value(at: path), !v.isBlank { return v }
            }
            return nil
        }
    }

    /// The data path the summary counts by (项目类别: 重点项目 K 项、一般项目 M 项).
    public var countsBy: String?

    /// The form's name (`application`, `opinion`, `summary`).
    public var name: String
    public var title: String
    /// Top-level fields in the file's order; list items and records nest inside.
    public var fields: [FieldDefinition]
    /// Labels of path prefixes (`applicant` → 申请单位) used to name fields in messages.
    public var groups: [String: String]
    /// The date field the notice's deadline applies to.
    public var deadlineField: String?
    /// Start and end date of the project period (`period.order`, `period.too_long`).
    public var periodFields: [String]
    /// Paths whose values together identify one record in a batch (`duplicate`).
    public var duplicateKey: [String]
    /// A rank field that must be unique among records sharing `rankScope` (`rank.duplicate`).
    public var rankField: String?
    public var rankScope: String?
    /// Summary-style forms: header cells and list columns.
    public var header: [Column]
    public var columns: [Column]
    /// The file it was read from.
    public var file: String

    private var byPath: [String: FieldDefinition] = [:]
    private var byLabel: [String: String] = [:]

    /// Paths of the maps that hold fields (`applicant`, `applicant.contact`), outside lists.
    public private(set) var sections: [String] = []

    /// Every field, depth first (lists, then their items, then the items' fields); computed once.
    public private(set) var allFields: [FieldDefinition] = []

    private static func flatten(_ fields: [FieldDefinition]) -> [FieldDefinition] {
        var out: [FieldDefinition] = []
        func walk(_ f: FieldDefinition) {
            out.append(f)
            if let item = f.items?.field { walk(item) }
            f.fields.forEach(walk)
        }
        fields.forEach(walk)
        return out
    }

    /// The definition of the field at a path; concrete (`project.expected_outputs.1.level`) or
    /// generic (`project.expected_outputs[].level`).
    public func field(at path: String) -> FieldDefinition? {
        byPath[FieldDefinition.genericPath(path)]
    }

    /// The Chinese label of the field at `path` (`统一社会信用代码`).
    public func label(for path: String) -> String? { field(at: path)?.label }

    /// The label messages use: the section's label, then the field's, with list numbers
    /// (`申请单位.统一社会信用代码`, `项目.预期成果.1.成果级别`). A field whose label already
    /// begins with its section's (推荐单位类型) is not prefixed again.
    public func qualifiedLabel(for path: String) -> String? {
        var parts: [String] = []
        var prefix = ""
        let components = path.split(separator: ".").map(String.init)
        for (i, component) in components.enumerated() {
            let isIndex = component.allSatisfy(\.isNumber)
            if isIndex {
                parts.append(component)
                prefix += "[]"
                continue
            }
            prefix += prefix.isEmpty ? component : "." + component
            if let f = byPath[prefix] {
                parts.append(f.label)
                if f.kind == .list, i + 1 < components.count, !components[i + 1].allSatisfy(\.isNumber) { break }
            } else if i == 0, let group = groups[prefix] {
                parts.append(group)
            }
        }
        guard field(at: path) != nil || byPath[prefix] != nil else { return nil }
        if parts.count >= 2, parts[1].hasPrefix(parts[0]) { parts.removeFirst() }
        return parts.joined(separator: ".")
    }

    /// The data path a label or spreadsheet header names: a field label (`统一社会信用代码`),
    /// a qualified label (`申请单位.统一社会信用代码`), or one with list numbers
    /// (`预期成果.1.成果级别` → `project.expected_outputs.1.level`). Nil when unknown or ambiguous.
    public func path(forLabel label: String) -> String? {
        let cleaned = label.filter { !$0.isWhitespace }
        if let exact = byLabel[cleaned] { return exact.isEmpty ? nil : exact }
        // With list numbers: 预期成果.1.成果级别, 预期成果1成果级别, 预期成果1.成果级别.
        var numbers: [String] = []
        var generic = ""
        var current = ""
        for ch in cleaned {
            if ch.isASCII && ch.isNumber {
                if !current.isEmpty || generic.isEmpty || generic.last != "]" {
                    generic += current.trimmingCharacters(in: CharacterSet(charactersIn: ".")) + "[]"
                    current = ""
                    numbers.append("")
                }
                numbers[numbers.count - 1].append(ch)
            } else {
                current.append(ch)
            }
        }
        guard !numbers.isEmpty else { return nil }
        let tail = current.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        // Resolve the list's label, then the item field's label within it.
        guard let listLabel = generic.components(separatedBy: "[]").first,
              let listPath = byLabel[listLabel], !listPath.isEmpty,
              let list = byPath[listPath], list.kind == .list, let item = list.items?.field else { return nil }
        var path = listPath + "." + numbers[0]
        if !tail.isEmpty {
            guard let sub = item.fields.first(where: { $0.label == tail }) else { return nil }
            path += "." + sub.key
        }
        return path
    }

    /// The built-in definition `templates/definitions/<name>.yaml`. Unknown name: exit 2 (`form.unknown`).
    public static func load(name: String) throws -> FormDefinition {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let safe = SafeName.isPlain(name)
        let url = TemplatesFolder.url("definitions/\(name).yaml")
        guard safe, FileManager.default.fileExists(atPath: url.path) else {
            throw ShenbaoFailure.unusable(.formUnknown,
                zh: "未知的表单「\(name)」（可用：\(dataFormNames.joined(separator: "、"))）",
                en: "unknown form “\(name)” (available: \(dataFormNames.joined(separator: ", ")))")
        }
        let definition = try FormDefinition(reader: ConfigReader(path: url.path))
        cache.withLock { $0[name] = definition }
        return definition
    }

    /// A built-in definition whose data can be validated (has fields): `application`, `opinion`.
    /// Others (the summary) or unknown names: exit 2 (`form.unknown`).
    public static func load(dataForm name: String) throws -> FormDefinition {
        let definition = try load(name: name)
        guard !definition.fields.isEmpty else {
            throw ShenbaoFailure.unusable(.formUnknown,
                zh: "表单「\(name)」没有可校验的数据（可用：\(dataFormNames.joined(separator: "、"))）",
                en: "the form “\(name)” has no data to validate (available: \(dataFormNames.joined(separator: ", ")))")
        }
        return definition
    }

    /// A definition file given by path.
    public static func load(path: String) throws -> FormDefinition {
        try FormDefinition(reader: ConfigReader(path: path))
    }

    /// Names of the built-in definitions, sorted.
    public static var builtInNames: [String] {
        let dir = TemplatesFolder.url("definitions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Built-in forms whose data can be validated (those with fields; not the summary).
    public static var dataFormNames: [String] {
        builtInNames.filter { name in
            let url = TemplatesFolder.url("definitions/\(name).yaml")
            return (try? DataLoader.load(path: url.path))?.root["fields"] != nil
        }
    }

    private static let cache = Locked<[String: FormDefinition]>([:])

    init(reader r: ConfigReader) throws {
        file = r.document.file
        name = try r.text("form")
        title = try r.text("title")
        groups = [:]
        if let g = r.value("groups"), case .map(let m) = g {
            for (k, v) in m.pairs { groups[k] = v.plainText }
        }
        deadlineField = r.optionalText("deadline_field")
        duplicateKey = (try? r.textList("duplicate_key")) ?? []
        periodFields = (try? r.textList("period_fields")) ?? []
        rankField = r.optionalText("rank_field")
        rankScope = r.optionalText("rank_scope")
        func columns(_ key: String) throws -> [Column] {
            guard r.value(key) != nil else { return [] }
            return try r.list(key).enumerated().map { i, v in
                var paths: [String: [String]] = [:]
                if case .map(let m) = v {
                    for (k, p) in m.pairs where k != "key" && k != "label" {
                        if case .list(let l) = p { paths[k] = l.map(\.plainText) } else { paths[k] = [p.plainText] }
                    }
                }
                return Column(key: try r.text("key", in: v, at: "\(key).\(i + 1).key"),
                              label: try r.text("label", in: v, at: "\(key).\(i + 1).label"), paths: paths)
            }
        }
        header = try columns("header")
        countsBy = r.optionalText("counts_by")
        self.columns = try columns("columns")
        fields = []
        if r.value("fields") != nil {
            fields = try r.list("fields").enumerated().map { i, v in
                try Self.field(v, parent: "", at: "fields.\(i + 1)", r)
            }
        }
        allFields = Self.flatten(fields)
        for f in fields where !f.path.contains("[]") {
            var prefix = ""
            for key in f.path.split(separator: ".").dropLast() {
                prefix += prefix.isEmpty ? String(key) : "." + key
                if !sections.contains(prefix) { sections.append(prefix) }
            }
        }
        for f in allFields {
            byPath[f.path] = f
            // Items of lists are named with their number (预期成果.1.名称), never by label alone.
            guard !f.path.contains("[]") else { continue }
            for label in [f.label, qualifiedLabel(for: f.path) ?? f.label] {
                // A label two fields share is ambiguous: remember it as such ("").
                if let existing = byLabel[label], existing != f.path { byLabel[label] = "" } else { byLabel[label] = f.path }
            }
        }
    }

    private static func field(_ v: Value, parent: String, at location: String, _ r: ConfigReader) throws -> FieldDefinition {
        let relative = try r.text("path", in: v, at: location + ".path")
        let path = parent.isEmpty ? relative : parent + "." + relative
        let kindName = try r.text("type", in: v, at: location + ".type")
        guard let kind = FieldDefinition.Kind(rawValue: kindName) else {
            throw r.failure(location + ".type", zh: " \(location).type 的取值「\(kindName)」未知", en: "\(location).type “\(kindName)” is unknown")
        }
        let requiredText = r.optionalText("required", in: v) ?? "no"
        let required: FieldDefinition.Requirement
        switch requiredText {
        case "true", "yes": required = .yes
        case "false", "no": required = .no
        case "conditional": required = .conditional
        default: throw r.failure(location + ".required", zh: " \(location).required 应为 yes、no 或 conditional",
                                 en: "\(location).required must be yes, no or conditional")
        }
        var format: FieldDefinition.Format?
        if let f = r.optionalText("format", in: v) {
            guard let known = FieldDefinition.Format(rawValue: f) else {
                throw r.failure(location + ".format", zh: " \(location).format 的取值「\(f)」未知", en: "\(location).format “\(f)” is unknown")
            }
            format = known
        }
        var when: FieldDefinition.Condition?
        if let w = v["when"] {
            var oneOf: [String] = []
            if case .list(let l)? = w["one_of"] { oneOf = l.map(\.plainText) }
            when = FieldDefinition.Condition(path: w["path"]?.plainText, equals: w["equals"], oneOf: oneOf)
        }
        var implies: [FieldDefinition.Implication] = []
        if case .list(let list)? = v["implies"] {
            implies = try list.enumerated().map { j, item in
                let at = "\(location).implies.\(j + 1)"
                return FieldDefinition.Implication(value: try r.text("value", in: item, at: at + ".value"),
                                                   path: try r.text("path", in: item, at: at + ".path"),
                                                   equals: try r.text("equals", in: item, at: at + ".equals"),
                                                   rule: Diagnostic.ID(try r.text("rule", in: item, at: at + ".rule")))
            }
        }
        var items: FieldDefinition.Indirect?
        if kind == .list {
            guard let itemValue = v["items"] else {
                throw r.failure(location, zh: " \(location) 是列表但没有 items", en: "\(location) is a list without items")
            }
            var item = itemValue
            if case .map(var m) = item {
                m["path"] = .text(path + "[]")
                if m["type"] == nil { m["type"] = .text("record") }
                if m["label"] == nil { m["label"] = v["label"] }
                if m["required"] == nil { m["required"] = .text("yes") }
                item = .map(m)
            }
            items = FieldDefinition.Indirect(try field(item, parent: "", at: location + ".items", r))
        }
        var fields: [FieldDefinition] = []
        if kind == .record, case .list(let list)? = v["fields"] {
            fields = try list.enumerated().map { j, f in
                try Self.field(f, parent: path, at: "\(location).fields.\(j + 1)", r)
            }
        }
        return FieldDefinition(
            path: path, label: try r.text("label", in: v, at: location + ".label"), required: required,
            kind: kind, format: format,
            values: v["values"].flatMap { if case .list(let l) = $0 { l.map(\.plainText) } else { nil } },
            valuesFrom: r.optionalText("values_from", in: v).map { $0.hasPrefix("notice.") ? String($0.dropFirst(7)) : $0 },
            maxLength: v["max_length"].flatMap { if case .integer(let i) = $0 { i } else { nil } },
            budget: v["budget"].flatMap { if case .integer(let i) = $0 { i } else { nil } },
            minimum: v["minimum"].flatMap { if case .integer(let i) = $0 { i } else { nil } },
            rule: r.optionalText("rule", in: v).map { Diagnostic.ID($0) }, minimumRule: r.optionalText("minimum_rule", in: v).map { Diagnostic.ID($0) }, when: when,
            checkRegion: v["check_region"] == .bool(true), districtField: r.optionalText("district_field", in: v),
            defaultValue: v["default"], implies: implies, items: items,
            sheetItems: v["sheet_items"].flatMap { if case .integer(let i) = $0 { i } else { nil } }, fields: fields)
    }
}
