import ShenbaoCore

/// `contact.unreachable`: fields required as "one of" (联系电话 or 手机) all missing, so nobody
/// can be called. Reported once per group, at its first field.
public struct ContactReachableRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.contactUnreachable] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        var seen = Set<[String]>()
        var out: [Diagnostic] = []
        for field in context.definition.allFields where field.required == .conditional {
            guard let group = field.when?.oneOf, !group.isEmpty, seen.insert(group).inserted else { continue }
            guard group.allSatisfy({ context.present($0) == nil }) else { continue }
            let labels = group.compactMap { context.definition.label(for: $0) }
            out.append(context.issue(field.rule ?? .contactUnreachable, at: group[0],
                zh: "\(labels.joined(separator: "和"))都未填写，无法联系；请至少填写一项",
                en: "neither \(group.joined(separator: " nor ")) is given, so nobody can be reached; fill in at least one"))
        }
        return out
    }
}
