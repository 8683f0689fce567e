extension Array where Element == String {
    /// Allowed values as a Chinese message lists them: joined with `、`, or with `；` when a value
    /// itself contains `、` (科技创新领域、制造业领域 is one field), so each stays readable.
    public var choiceList: String {
        joined(separator: contains { $0.contains("、") } ? "；" : "、")
    }
}
