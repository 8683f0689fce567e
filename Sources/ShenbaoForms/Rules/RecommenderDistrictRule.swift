import ShenbaoCore

/// `recommender.district`: a recommender of a kind the notice ties to a district (区市场监管局)
/// without a valid district; a district given for any recommender must be one of the region's.
public struct RecommenderDistrictRule: ValidationRule {
    public init() {}
    public var ids: [Diagnostic.ID] { [.recommenderDistrict] }

    public func check(_ context: RuleContext) -> [Diagnostic] {
        context.definition.allFields.filter { $0.rule == .recommenderDistrict }.compactMap { field in
            let districts = context.notice.region.districts.map(\.name)
            let kind = field.when?.path.flatMap { context.present($0)?.scalarText }?.trimmed
            let needs = context.notice.recommenderKinds.contains { $0.needsDistrict && $0.name == kind }
            if let given = context.present(field.path)?.scalarText?.trimmed {
                guard !districts.contains(given) else { return nil }
                return context.issue(.recommenderDistrict, at: field.path,
                    zh: "「\(given)」不是\(context.notice.region.name)的区；请填写其中之一：\(districts.choiceList)",
                    en: "“\(given)” is not a district of \(context.notice.region.name); use one of: \(districts.joined(separator: ", "))")
            }
            guard needs, let kind else { return nil }
            return context.issue(.recommenderDistrict, at: field.path,
                zh: "推荐单位类型为\(kind)时须填写所在区（\(districts.choiceList)）",
                en: "a recommender of kind \(kind) must give its district (\(districts.joined(separator: ", ")))")
        }
    }
}
