import ShenbaoCore

/// A department's opinion as it is written into a pack's 推荐部门意见 box (`spec/data-model.md`,
/// the opinion form): the decision, the text, who gives it and when.
public struct Opinion: Sendable, Hashable {
    /// `同意推荐` or `不同意推荐`.
    public var decision: String
    public var text: String
    /// The recommending department (`recommender.name`).
    public var department: String
    public var date: CivilDate

    public init(decision: String, text: String, department: String, date: CivilDate) {
        self.decision = decision; self.text = text; self.department = department; self.date = date
    }

    /// The two choices, the one made ticked: `☑同意推荐　☐不同意推荐`.
    var decisionLine: String {
        ["同意推荐", "不同意推荐"].map { ($0 == decision ? "☑" : "☐") + $0 }.joined(separator: "　　")
    }
}
