import ShenbaoCore

/// Checks data records against a form definition and a notice: every rule of `data-model.md`,
/// all issues gathered. `render`, `batch` and `validate` all call this one type.
public struct Validator: Sendable {
    public let notice: NoticeConfig
    public let glyphs: (any GlyphCoverage)?
    public let rules: [any ValidationRule]

    /// The rules, in the order their issues are reported.
    public static let standardRules: [any ValidationRule] = [
        RequiredRule(), TypeRule(), EnumRule(), MinimumRule(), CreditCodeRule(), PhoneRule(), MobileRule(),
        EmailRule(), ContactReachableRule(), PostalCodeRule(), KeyProjectRule(), OutputsRule(), PeriodRule(),
        DeadlineRule(), EligibilityRule(), RecommenderDistrictRule(), ImplicationRule(), TextLengthRule(),
        GlyphRule(), ControlCharacterRule(),
    ]

    /// Every rule id the standard rules can report (`eligibility.*` stands for one per declaration).
    public static var ruleIDs: [Diagnostic.ID] {
        standardRules.flatMap(\.ids).reduce(into: [Diagnostic.ID]()) { if !$0.contains($1) { $0.append($1) } }
            + [.duplicate, .rankDuplicate]
    }

    public init(notice: NoticeConfig, glyphs: (any GlyphCoverage)? = nil,
                rules: [any ValidationRule] = Validator.standardRules) {
        self.notice = notice
        self.glyphs = glyphs
        self.rules = rules
    }

    /// The form a document declares with its `form:` key, or `form` when given (`--form`).
    /// Neither: exit 2 (`form.unknown`).
    public static func formName(of document: DataDocument, override form: String? = nil) throws -> String {
        if let form { return form }
        if let name = document.root["form"]?.scalarText, !name.isEmpty { return name }
        throw ShenbaoFailure(.unusableInput, [Diagnostic(id: .formUnknown, file: document.file,
            line: document.line(of: ""),
            message: Localized(zh: "数据没有 form 键，无法确定表单；请加上 form: application 或使用 --form",
                               en: "the data has no form key; add form: application or use --form"))])
    }

    /// All issues of one record under the built-in definition of `form` (or the one its
    /// `form:` key names). Unknown form: throws (exit 2).
    public func validate(_ document: DataDocument, form: String? = nil) throws -> [Diagnostic] {
        let definition = try FormDefinition.load(dataForm: try Validator.formName(of: document, override: form))
        return validate(document, definition: definition)
    }

    /// All issues of one record under a given definition.
    public func validate(_ document: DataDocument, definition: FormDefinition) -> [Diagnostic] {
        let context = RuleContext(document: document, definition: definition, notice: notice, glyphs: glyphs)
        var out: [Diagnostic] = []
        for rule in rules { out += rule.check(context) }
        return Validator.ordered(out)
    }

    /// Issues in file order (by line; those without a line last), rules' order within a line.
    public static func ordered(_ issues: [Diagnostic]) -> [Diagnostic] {
        issues.enumerated().sorted { a, b in
            let la = a.element.line ?? Int.max, lb = b.element.line ?? Int.max
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }

    /// One call for `render` and `batch`: the issues of a record under its form (its `form:` key
    /// or `form`) and notice (its `notice:` key, or `notice`). Unknown form or notice: throws (exit 2).
    public static func check(_ document: DataDocument, form: String? = nil, notice: NoticeConfig? = nil,
                             glyphs: (any GlyphCoverage)? = nil) throws -> [Diagnostic] {
        let definition = try FormDefinition.load(dataForm: try formName(of: document, override: form))
        let notice = try notice ?? Validator.notice(for: document)
        return Validator(notice: notice, glyphs: glyphs).validate(document, definition: definition)
    }

    /// The notice a record names with its `notice:` key (default `shanghai-2024`).
    public static func notice(for document: DataDocument) throws -> NoticeConfig {
        let id = document.root["notice"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 } ?? NoticeConfig.defaultID
        do {
            return try NoticeConfig.load(id: id)
        } catch var failure as ShenbaoFailure {
            for i in failure.diagnostics.indices {
                failure.diagnostics[i].file = document.file
                failure.diagnostics[i].line = document.line(of: "notice")
                failure.diagnostics[i].path = "notice"
            }
            throw failure
        }
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error (warnings alone leave data valid).
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
