import Foundation
import ShenbaoForms

/// `batch --recommender R.yaml`: one department's opinion without its `application` part
/// (`recommender`, `review`, `decision`, `text`, `date`), which every record completes with its
/// own project name, applicant, credit code and category, and its rank.
struct BatchRecommender: Sendable {
    let document: DataDocument
    let renderer: PackRenderer

    /// Reads and checks the recommender's data once for all records: an `application` part, or
    /// an error in the recommender's own fields, would be the same in every opinion, so it stops
    /// the batch before anything is rendered (exit 2, `batch.recommender`).
    static func load(path: String) throws -> BatchRecommender {
        var document = try DataLoader.load(path: path)
        guard case .map(var map) = document.root else {
            throw ShenbaoFailure.unusable(.batchRecommender, file: path, zh: "推荐意见数据应为键值映射", en: "the recommender data must be a map")
        }
        if map["application"] != nil {
            throw ShenbaoFailure(.unusableInput, [Diagnostic(id: .batchRecommender, file: path, line: document.line(of: "application"),
                path: "application", message: Localized(
                    zh: "推荐意见数据不应含 application 部分：每条记录的项目名称、申请单位、信用代码和类别取自记录本身",
                    en: "the recommender data must not have an application part: each record supplies its project, applicant, credit code and category"))])
        }
        map["form"] = .text("opinion")
        document.root = .map(map)
        let recommender = BatchRecommender(document: document, renderer: try PackRenderer(form: "opinion"))
        let own = try recommender.renderer.validate(recommender.opinion(for: nil, rank: nil))
            .filter { !($0.path ?? "").hasPrefix("application") && $0.path != "rank" }
        if own.hasErrors {
            throw ShenbaoFailure(.unusableInput, own + [Diagnostic(id: .batchRecommender, file: path, message: Localized(
                zh: "推荐意见数据有误，无法用于任何记录；请先改正", en: "the recommender data has errors and cannot serve any record; correct it first"))])
        }
        return recommender
    }

    /// The opinion's `application` part: its keys, and the application's paths they copy.
    private static let applicationPart = [
        ("project_name", "project.name"), ("applicant_name", "applicant.name"),
        ("credit_code", "applicant.credit_code"), ("category", "project.category"),
    ]

    /// What an opinion reads of its application.
    static var applicationPaths: [String] { applicationPart.map(\.1) }

    /// The opinion on `application` (none: an empty application part, to check the rest).
    func opinion(for application: DataDocument?, rank: Value?) -> DataDocument {
        guard case .map(var map) = document.root else { return document }
        map["application"] = .map(OrderedMap(Self.applicationPart.map { key, path in (key, application?.root.value(at: path) ?? .null) }))
        map["rank"] = rank
        var out = document
        if let application {
            // Its messages name the record (the recommender file's lines are no record's lines).
            out.file = "\(application.file)（推荐意见表）"
            out.lines = [:]
        }
        out.root = .map(map)
        return out
    }
}
