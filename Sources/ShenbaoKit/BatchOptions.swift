import Foundation

/// What `shenbao batch` was asked to do (spec/cli.md `batch`).
public struct BatchOptions: Sendable {
    /// The spreadsheet (`.csv`, `.xlsx`) or folder of data files.
    public var input: String
    /// OUTDIR: `records/`, the reports and the summary go here.
    public var output: String
    /// The worksheet of a workbook; nil for the first.
    public var sheet: String?
    /// Records rendered at once; nil for the number of cores.
    public var jobs: Int?
    /// Opinion data without its `application` part, applied to every record.
    public var recommender: String?
    /// The seal of the opinions and the endorsements.
    public var seal: String?
    /// Signs every opinion and endorsement (spec/cli.md, "Signing").
    public var signing: PackSigning?
    /// Also `all.pdf`, every pack in input order, each starting on an odd page.
    public var combined: Bool
    /// Also `OUTDIR.zip`.
    public var zip: Bool
    /// The language of the report's messages.
    public var lang: Lang

    public init(input: String, output: String, sheet: String? = nil, jobs: Int? = nil, recommender: String? = nil,
                seal: String? = nil, signing: PackSigning? = nil, combined: Bool = false, zip: Bool = false, lang: Lang = .zh) {
        self.input = input; self.output = output; self.sheet = sheet; self.jobs = jobs; self.recommender = recommender
        self.seal = seal; self.signing = signing; self.combined = combined; self.zip = zip; self.lang = lang
    }
}

/// The version of this engine, recorded in each batch manifest: a new version redoes every record.
public enum ShenbaoVersion {
    public static let current = "0.1.0"
}
