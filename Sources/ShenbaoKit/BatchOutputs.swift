import Foundation
import ShenbaoCore
import ShenbaoZip

/// A batch's batch-wide files (spec/cli.md `batch`): the report of every record
/// (`report.json`, `report.csv`, `report.xlsx`), the 推荐汇总表 of the valid ones
/// (`summary.pdf`, `summary.docx`, `summary.csv`), with `--combined` `all.pdf` and with `--zip`
/// `OUTDIR.zip`. They are made again only when something they show changed (one hash over every
/// record's status, issues and files), so a rerun over an unchanged batch touches nothing.
struct BatchOutputs {
    let options: BatchOptions
    let outdir: String
    let source: BatchSource
    let application: PackRenderer
    let recommender: BatchRecommender?
    let common: String
    /// Ctrl-C: asked before each file and between the packs of all.pdf, which at thousands of
    /// records takes seconds.
    let cancellation: BatchCancellation

    /// Ctrl-C came while the batch-wide files were being written: those written are whole, the
    /// one under way was let go, and the rerun writes them all.
    struct Interrupted: Error {}

    private func stopIfCancelled() throws {
        if cancellation.isCancelled { throw Interrupted() }
    }

    struct Made {
        var hash: String
        /// Every batch-wide file, relative to OUTDIR (the ZIP as `../OUTDIR.zip`).
        var outputs: [String]
        /// Those written by this run.
        var written: [String]
    }

    private var zipName: String { ((outdir as NSString).standardizingPath as NSString).lastPathComponent + ".zip" }

    /// What the batch-wide files need of the records' data: the summary's rows (which took their
    /// opinions' columns in planning), and with `--combined` the valid records' plans, to read
    /// their data again. The runner lets the opinions go after this.
    struct RecordData {
        var summary: BatchSummary
        var combined: [PlannedRecord]
    }

    func recordData(rows: [BatchReportRow], planned: [PlannedRecord]) throws -> RecordData {
        let valid = planned.indices.filter { rows[$0].status == .ok && planned[$0].summary != nil }
        let summary = try BatchSummary(entries: valid.map { planned[$0].summary! },
                                       recommender: recommender?.document, file: (outdir as NSString).appendingPathComponent("summary"))
        // Only what reading a record again takes: the opinions are let go after this.
        let combined: [PlannedRecord] = options.combined ? valid.map { i in
            var plan = planned[i]
            plan.opinion = nil
            plan.summary = nil
            return plan
        } : []
        return RecordData(summary: summary, combined: combined)
    }

    func write(rows: [BatchReportRow], planned: [PlannedRecord], data: RecordData, previous: BatchManifest) throws -> Made {
        var outputs = ["report.json", "report.csv", "report.xlsx", "summary.pdf", "summary.docx", "summary.csv"]
        if options.combined { outputs.append("all.pdf") }
        if options.zip { outputs.append("../" + zipName) }
        var print = Fingerprint()
        print.add(common)
        print.add(options.lang.rawValue)
        print.add(options.input)
        print.add(outputs.joined(separator: "\n"))
        for (row, plan) in zip(rows, planned) {
            print.add("\(row.source)|\(row.status.rawValue)|\(plan.hash)|\(row.outputs.joined(separator: "|"))")
            for issue in row.issues { print.add(issue.formatted(options.lang)) }
        }
        let hash = print.hex
        let exists = { (path: String) in FileManager.default.fileExists(atPath: (outdir as NSString).appendingPathComponent(path)) }
        if previous.aggregate == hash && outputs.allSatisfy(exists) { return Made(hash: hash, outputs: outputs, written: []) }

        try stopIfCancelled()
        let report = BatchReport(input: options.input, rows: rows, lang: options.lang)
        try save(Data(report.json.utf8), "report.json")
        try save(report.csv, "report.csv")
        try save(report.xlsx, "report.xlsx")

        try stopIfCancelled()
        let rendered = try PackRenderer(form: "summary").render(data.summary.document, formats: [.pdf, .docx], options: PrintOptions())
        try save(rendered.files[0], "summary.pdf")
        try save(rendered.files[1], "summary.docx")
        try save(data.summary.csv, "summary.csv")
        if options.combined {
            let combined = data.combined
            try AtomicFile.write(to: (outdir as NSString).appendingPathComponent("all.pdf")) { file in
                try application.combinedPDF(count: combined.count, options: PrintOptions(), to: file) { i in
                    try stopIfCancelled()
                    return try source.document(for: combined[i])
                }
            }
        }
        if options.zip {
            try stopIfCancelled()
            try AtomicFile.write(to: (outdir as NSString).appendingPathComponent("../" + zipName)) { try archive(to: $0) }
        }
        return Made(hash: hash, outputs: outputs, written: outputs)
    }

    private func save(_ bytes: some DataProtocol, _ name: String) throws {
        try AtomicFile.write(bytes, to: (outdir as NSString).appendingPathComponent(name))
    }

    /// OUTDIR's files under OUTDIR's name, for sending on: the records and the batch-wide files,
    /// not the manifest and the lock, which only the next run reads. PDFs, DOCX and XLSX are
    /// compressed inside already and go in stored. The archive goes to `file` a file at a time:
    /// a batch of thousands is hundreds of megabytes.
    private func archive(to file: any ByteSink) throws {
        let manager = FileManager.default
        let base = (zipName as NSString).deletingPathExtension
        var paths: [String] = []
        let walker = manager.enumerator(atPath: outdir)
        while let relative = walker?.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: (outdir as NSString).appendingPathComponent(relative), isDirectory: &isFolder), !isFolder.boolValue,
                  name != BatchManifest.fileName, name != BatchLock.fileName, !AtomicFile.isTemporary(name) else { continue }
            paths.append(relative)
        }
        // Without ZIP64 an archive holds 65,535 entries and 4 GB at most: past that it is refused,
        // never written with sizes cut short.
        let total = paths.reduce(0) { sum, relative in
            sum + ((try? manager.attributesOfItem(atPath: (outdir as NSString).appendingPathComponent(relative))[.size] as? Int) ?? 0)
        }
        guard paths.count < 65_535, total < 0xFFFF_0000 else {
            throw ShenbaoFailure.unusable(.outputWrite, file: zipName, zh: "文件太多或太大，无法打包为 ZIP（最多 65535 个文件、4 GB）；请不用 --zip，直接发送输出文件夹",
                                          en: "too many or too large files for a ZIP archive (65,535 files and 4 GB at most); leave out --zip and send the output folder")
        }
        var zip = ZipWriter(sink: file)
        for relative in paths.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let path = (outdir as NSString).appendingPathComponent(relative)
            do {
                if ["pdf", "docx", "xlsx"].contains((relative as NSString).pathExtension.lowercased()) {
                    // Read a piece at a time: all.pdf of thousands of records is tens of megabytes.
                    try zip.addStored(base + "/" + relative, file: path)
                } else {
                    zip.add(base + "/" + relative, contents: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
                }
            } catch {
                throw ShenbaoFailure.unusable(.outputWrite, file: relative, zh: "无法读取要打包的文件", en: "cannot read a file to archive")
            }
            if file.hasFailed { return }
            try stopIfCancelled()
        }
        file.write(contentsOf: zip.finish())
    }
}
