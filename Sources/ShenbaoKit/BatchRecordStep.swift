import Foundation

/// The files of one record of a batch, made from its plan and its data (spec/cli.md `batch`): the
/// three-copy application pack as PDF and DOCX (laid out once for both) and, with a
/// recommender, the opinion on it and the pack endorsed with it (as `endorse` does), both
/// sealed with `--seal` and signed with the signing options.
struct BatchRecordStep: Sendable {
    static let packPDF = "申请表.pdf"
    static let packDOCX = "申请表.docx"
    static let opinionPDF = "推荐意见表.pdf"
    static let endorsedPDF = "申请表-已推荐.pdf"

    /// Where each record's data is read again from.
    let source: BatchSource
    let application: PackRenderer
    let recommender: BatchRecommender?
    /// The application's pack: the form's own copies, no seal (the applicant stamps it).
    let packOptions = PrintOptions()
    /// The opinion carries the department's seal (`--seal`).
    let opinionOptions: PrintOptions
    /// Present with a recommender.
    let endorser: Endorser?
    let signing: PackSigning?

    /// The record's files by name, in the order they are written.
    func files(for plan: PlannedRecord) throws -> [(name: String, bytes: Data)] {
        let document = try source.document(for: plan)
        let pack = try application.render(document, formats: [.pdf, .docx], options: packOptions, issues: plan.applicationIssues)
        var files = [(Self.packPDF, pack.files[0]), (Self.packDOCX, pack.files[1])]
        if let recommender, let opinion = plan.opinion {
            let rendered = try recommender.renderer.render(opinion, formats: [.pdf], options: opinionOptions,
                                                           signing: signing, issues: plan.opinionIssues)
            files.append((Self.opinionPDF, rendered.files[0]))
            if let endorser {
                let endorsed = try endorser.endorse(pack: pack.files[0], packFile: plan.folder + "/" + Self.packPDF, opinion: opinion,
                                                    seal: opinionOptions.seal, signing: signing, issues: plan.opinionIssues)
                files.append((Self.endorsedPDF, endorsed.bytes))
            }
        }
        return files
    }

    /// Renders the record and writes its files into its folder under `outdir`, each atomically;
    /// returns their paths relative to `outdir`. Everything is rendered before the first file is
    /// written, so a record that fails leaves its folder as it was.
    func write(_ plan: PlannedRecord, into outdir: String) throws -> [String] {
        let files = try self.files(for: plan)
        let folder = (outdir as NSString).appendingPathComponent(plan.folder)
        try ManyFiles.makeFolder(folder)
        for file in files {
            try AtomicFile.write(file.bytes, to: (folder as NSString).appendingPathComponent(file.name))
        }
        return files.map { plan.folder + "/" + $0.name }
    }
}
