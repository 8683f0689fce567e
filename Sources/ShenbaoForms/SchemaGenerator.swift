import ShenbaoCore

/// Generates the JSON Schema (draft-07, what VS Code's YAML extension reads) of a form's data from
/// its definition and a notice, so editors complete keys and values and flag mistakes as the
/// validator would. The schema is a convenience: the validator stays the authority (it also
/// accepts spellings a schema cannot express, such as `是/否` for booleans).
public enum SchemaGenerator {
    /// The schema as a value, keys in a fixed order (generated files are deterministic).
    public static func schema(for definition: FormDefinition, notice: NoticeConfig) -> Value {
        var root = OrderedMap()
        root["$schema"] = "http://json-schema.org/draft-07/schema#"
        root["$comment"] = .text("Generated from templates/definitions/\(definition.name).yaml and the notice \(notice.id) by `shenbao schema \(definition.name)`; do not edit by hand.")
        root["title"] = .text(definition.title)
        let body = object(definition.fields, prefix: "", definition: definition, notice: notice)
        for (k, v) in body.pairs { root[k] = v }
        let conditions = conditionals(definition, notice: notice)
        if !conditions.isEmpty { root["allOf"] = .list(conditions) }
        return .map(root)
    }

    /// The schema as pretty-printed JSON text with a final newline (what `shenbao schema` prints).
    public static func text(for definition: FormDefinition, notice: NoticeConfig) -> String {
        JSONText.encode(schema(for: definition, notice: notice), pretty: true)
    }

    /// An object schema for the fields under `prefix` (their paths begin with it).
    private static func object(_ fields: [FieldDefinition], prefix: String, definition: FormDefinition,
                               notice: NoticeConfig) -> OrderedMap {
        // Group the fields by their next path component, keeping first-seen order.
        var order: [String] = []
        var groups: [String: [FieldDefinition]] = [:]
        for f in fields {
            let rest = prefix.isEmpty ? f.path : String(f.path.dropFirst(prefix.count + 1))
            let head = String(rest.split(separator: ".", maxSplits: 1).first ?? "")
            if groups[head] == nil { order.append(head) }
            groups[head, default: []].append(f)
        }
        var properties = OrderedMap()
        var required: [Value] = []
        for key in order {
            let members = groups[key]!
            let path = prefix.isEmpty ? key : prefix + "." + key
            if members.count == 1, members[0].path == path {
                properties[key] = .map(fieldSchema(members[0], definition: definition, notice: notice))
                if members[0].required == .yes { required.append(.text(key)) }
            } else {
                var nested = OrderedMap()
                if let title = definition.groups[path] { nested["title"] = .text(title) }
                for (k, v) in object(members, prefix: path, definition: definition, notice: notice).pairs { nested[k] = v }
                properties[key] = .map(nested)
                if members.contains(where: { $0.required == .yes }) { required.append(.text(key)) }
            }
        }
        var out = OrderedMap()
        out["type"] = "object"
        out["properties"] = .map(properties)
        if !required.isEmpty { out["required"] = .list(required) }
        out["additionalProperties"] = false
        return out
    }

    private static func fieldSchema(_ f: FieldDefinition, definition: FormDefinition, notice: NoticeConfig) -> OrderedMap {
        var s = OrderedMap()
        s["title"] = .text(f.label)
        if let d = description(f, notice: notice) { s["description"] = .text(d) }
        switch f.kind {
        case .text, .longtext:
            if let format = f.format {
                s["type"] = format == .email ? "string" : ["string", "integer"]
                switch format {
                case .creditCode: s["pattern"] = "^[ -]*(?:[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy][ -]*){17}[0-9A-Za-z][ -]*$"
                case .postalCode: s["pattern"] = "^[0-9]{6}$"
                case .mobile: s["pattern"] = "^(?:\\+86|0086)?[ -]?1[3-9](?:[ -]?[0-9]){9}$"
                case .email: s["format"] = "email"
                case .phone: break // landline or mobile, extensions: the validator checks it
                }
            } else {
                s["type"] = "string"
                s["minLength"] = 1
            }
            if let max = f.maxLength { s["maxLength"] = .integer(max) }
        case .integer:
            s["type"] = "integer"
            if let min = f.minimum { s["minimum"] = .integer(min) }
        case .boolean:
            s["type"] = "boolean"
        case .date:
            s["type"] = "string"
            s["pattern"] = "^[0-9]{4}(?:-[0-9]{2}-[0-9]{2}|/[0-9]{1,2}/[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)$"
        case .enum:
            s["type"] = "string"
            if let values = f.allowedValues(notice) { s["enum"] = .list(values.map(Value.text)) }
        case .list:
            s["type"] = "array"
            if let item = f.items?.field {
                s["items"] = .map(fieldSchema(item, definition: definition, notice: notice))
            }
            if f.required == .yes || f.rule == .outputsNone { s["minItems"] = 1 }
        case .record:
            let sub = object(f.fields, prefix: f.path, definition: definition, notice: notice)
            for (k, v) in sub.pairs { s[k] = v }
        }
        if let d = f.defaultValue { s["default"] = d }
        return s
    }

    /// A short human description: the format or limits the validator applies.
    private static func description(_ f: FieldDefinition, notice: NoticeConfig) -> String? {
        var parts: [String] = []
        switch f.format {
        case .creditCode?: parts.append("统一社会信用代码，GB 32100-2015，18 位")
        case .phone?: parts.append("座机 \(notice.region.phoneAreaCode)-XXXXXXXX（可加分机）或手机号")
        case .mobile?: parts.append("手机号：1[3-9] 开头 11 位，可加 +86")
        case .email?: parts.append("电子邮箱")
        case .postalCode?: parts.append("6 位数字")
        case nil: break
        }
        if f.kind == .date { parts.append("日期，如 2024-05-31") }
        if let max = f.maxLength { parts.append("不超过 \(max) 字") } else if let budget = f.budget { parts.append("表格约容 \(budget) 字") }
        if f.required == .conditional, let when = f.when {
            if let path = when.path, let v = when.equals { parts.append("当 \(path) 为 \(v.plainText) 时必填") }
            if !when.oneOf.isEmpty { parts.append("\(when.oneOf.joined(separator: "、")) 至少填写一项") }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "；")
    }

    /// `if`/`then` blocks for conditional requirements and the directions each field allows.
    private static func conditionals(_ definition: FormDefinition, notice: NoticeConfig) -> [Value] {
        var out: [Value] = []
        var seenOneOf = Set<[String]>()
        for f in definition.allFields where f.required == .conditional {
            guard let when = f.when else { continue }
            if let path = when.path, let equals = when.equals {
                let test = nest(path, leaf: ["const": equals], requireLeaf: true)
                let then = nestRequired(f.path, minItems: f.kind == .list)
                out.append(.map(OrderedMap([("if", test), ("then", then)])))
            } else if !when.oneOf.isEmpty, seenOneOf.insert(when.oneOf).inserted {
                // All paths share their parent (applicant.contact.phone / .mobile).
                let parent = when.oneOf[0].split(separator: ".").dropLast().joined(separator: ".")
                let anyOf: Value = .list(when.oneOf.map { .map(OrderedMap([("required", [.text(String($0.split(separator: ".").last!))])])) })
                out.append(nest(parent, leaf: .map(OrderedMap([("anyOf", anyOf)])), requireLeaf: false))
            }
        }
        // 重点方向 must come from the chosen 重点领域.
        if let field = definition.allFields.first(where: { $0.rule == .keyProjectField }),
           let list = definition.allFields.first(where: { $0.rule == .keyProjectDirection && $0.kind == .list }) {
            for k in notice.keyFields {
                let test = nest(field.path, leaf: ["const": .text(k.name)], requireLeaf: true)
                let items: Value = .map(OrderedMap([("items", .map(OrderedMap([("enum", .list(k.directions.map(Value.text)))])))]))
                out.append(.map(OrderedMap([("if", test), ("then", nest(list.path, leaf: items, requireLeaf: false))])))
            }
        }
        return out
    }

    /// `{"properties": {"a": {"properties": {"b": leaf}, "required": ["b"]}}, "required": ["a"]}`
    /// for path `a.b`; `requireLeaf` also requires the last key.
    private static func nest(_ path: String, leaf: Value, requireLeaf: Bool) -> Value {
        let keys = path.split(separator: ".").map(String.init)
        var node = leaf
        for (i, key) in keys.enumerated().reversed() {
            var m = OrderedMap()
            m["properties"] = .map(OrderedMap([(key, node)]))
            if requireLeaf || i < keys.count - 1 { m["required"] = [.text(key)] }
            node = .map(m)
        }
        return path.isEmpty ? leaf : node
    }

    /// A schema requiring the field at `path` (and, for lists, at least one item).
    private static func nestRequired(_ path: String, minItems: Bool) -> Value {
        let keys = path.split(separator: ".").map(String.init)
        let parent = keys.dropLast().joined(separator: ".")
        var leaf = OrderedMap([("required", [.text(keys.last!)])])
        if minItems { leaf["properties"] = .map(OrderedMap([(keys.last!, .map(OrderedMap([("minItems", 1)])))])) }
        return parent.isEmpty ? .map(leaf) : nest(parent, leaf: .map(leaf), requireLeaf: true)
    }
}
