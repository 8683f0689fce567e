import ShenbaoCore

/// `outputs.none`: no expected output (预期成果) — the notice asks key projects for standards as
/// outputs, and the form needs at least one.
public struct OutputsRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.outputsNone] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.definition.allFields.filter { $0.rule == .outputsNone }.compactMap { field in
            if case .list(let items)? = context.value(field.path), items.contains(where: { !$0.isBlank }) { return nil }
            if let v = context.value(field.path), !v.isBlank, !(v.isList) { return nil } // the type rule reports it
            let levels = context.notice.outputLevels.joined(separator: "、")
            return context.issue(.outputsNone, at: field.path,
                zh: "未填写预期成果；请至少填写一项（成果级别：\(levels)）",
                en: "no expected output; give at least one (levels: \(context.notice.outputLevels.joined(separator: ", ")))")
        }
    }
}

extension Value {
    var isList: Bool { if case .list = self { return true } else { return false } }
}
