import Foundation
import ShenbaoTestSupport
import Testing

/// `shenbao batch` end to end (spec/cli.md `batch`): a clerk's GB18030 CSV, a folder of data
/// files, a workbook from `batch-template` filled by openpyxl and saved again by LibreOffice.
@Suite struct BatchCLITests {
    /// Every row is in the report with its status; each valid record has its pack, DOCX,
    /// opinion and endorsed pack, the summary counts the valid records by category, and every PDF passes qpdf.
    @Test(.requires(.uming, .qpdf)) func gb18030SheetAccountsForEveryRow() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (csv, expected) = try BatchFixtures.csv(in: folder)
        let outdir = folder.appendingPathComponent("out")
        let run = try CLI.run(["batch", csv.path, "-o", outdir.path, "--recommender", try BatchFixtures.recommender(in: folder).path,
                               "--combined", "--zip", "--progress", "never"])
        #expect(run.status == 1, "some rows are invalid: \(run.stderr)")
        let ok = expected.statuses.values.filter { $0 == "ok" }.count
        #expect(run.stderr.contains("\(ok) 条成功，5 条不合格，2 条失败；用时"), "\(run.stderr)")

        let records = try BatchFixtures.report(outdir)
        #expect(records.count == expected.statuses.count)
        var packs: [URL] = []
        for record in records {
            let row = try #require(record["row"] as? Int)
            let status = record["status"] as? String
            #expect(status == expected.statuses[String(row)], "row \(row): \(record)")
            let outputs = record["outputs"] as? [String] ?? []
            if status == "ok" {
                #expect(outputs.map { ($0 as NSString).lastPathComponent } == ["申请表.pdf", "申请表.docx", "推荐意见表.pdf", "申请表-已推荐.pdf"])
                for output in outputs { #expect(FileManager.default.fileExists(atPath: outdir.appendingPathComponent(output).path)) }
                packs.append(outdir.appendingPathComponent(outputs[0]))
            } else {
                #expect(outputs.isEmpty)
                #expect(!(record["issues"] as? [[String: Any]] ?? []).isEmpty, "row \(row) says why")
            }
            if row == expected.unsafeRow {
                let folderName = try #require(outputs.first?.split(separator: "/").dropFirst().first)
                #expect(!folderName.contains(where: { "/\\:*?\"<>|".contains($0) }) && !folderName.hasSuffix(".") && !folderName.hasSuffix(" "),
                        "\(folderName)")
            }
        }
        let rules = records.flatMap { ($0["issues"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(rules.filter { $0 == "duplicate" }.count == 2)
        #expect(rules.contains("credit_code.checksum") && rules.contains("required") && rules.contains("sheet.row"))
        let messages = records.flatMap { ($0["issues"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String } }
        #expect(messages.contains { $0.contains("校验位") }, "messages are in Chinese")

        let summaryBytes = try Data(contentsOf: outdir.appendingPathComponent("summary.csv"))
        #expect(summaryBytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM, for Excel")
        let summary = String(decoding: summaryBytes.dropFirst(3), as: UTF8.self)
        #expect(summary.hasPrefix("序号,项目名称"))
        #expect(summary.contains("共 \(ok) 项，其中重点项目 \(expected.key) 项、一般项目 \(expected.general) 项"))
        let reportCSV = try Data(contentsOf: outdir.appendingPathComponent("report.csv"))
        #expect(reportCSV.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try Data(contentsOf: outdir.appendingPathComponent("report.xlsx")).starts(with: Array("PK".utf8)))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.zip").path))

        var pdfs = [outdir.appendingPathComponent("all.pdf"), outdir.appendingPathComponent("summary.pdf"), packs[0]]
        for name in ["推荐意见表.pdf", "申请表-已推荐.pdf"] { pdfs.append(packs[0].deletingLastPathComponent().appendingPathComponent(name)) }
        for pdf in pdfs { #expect(try BatchFixtures.qpdfCheck(pdf) == nil) }
        // all.pdf holds every pack in order, each starting on an odd page.
        var pages = 0
        for pack in packs { pages += pages % 2; pages += try Self.pageCount(pack) }
        #expect(try Self.pageCount(outdir.appendingPathComponent("all.pdf")) == pages)
    }

    /// A folder of data files: one record per file, a malformed one `failed`, and a rerun that
    /// finds nothing changed writes nothing.
    @Test(.requires(.uming)) func folderInputAndUnchangedRerun() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let sample = try String(contentsOfFile: BatchFixtures.sample, encoding: .utf8)
        try sample.write(to: input.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try sample.replacingOccurrences(of: "社区嵌入式养老服务标准化试点", with: "另一个试点项目")
            .write(to: input.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try "form: [".write(to: input.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let outdir = folder.appendingPathComponent("out")
        let first = try CLI.run(["batch", input.path, "-o", outdir.path, "--progress", "never", "--lang", "en"])
        #expect(first.status == 1)
        #expect(first.stderr.contains("2 ok, 0 invalid, 1 failed"), "\(first.stderr)")
        let records = try BatchFixtures.report(outdir)
        #expect(records.map { $0["status"] as? String } == ["ok", "ok", "failed"])
        #expect(records.map { ($0["source"] as? String).map { ($0 as NSString).lastPathComponent } } == ["a.yaml", "b.yaml", "c.yaml"])
        #expect(try BatchFixtures.snapshot(outdir).keys.contains("records/002-上海浦东智慧养老服务有限公司/申请表.docx"))

        let before = try BatchFixtures.snapshot(outdir)
        let again = try CLI.run(["batch", input.path, "-o", outdir.path, "--progress", "never", "--lang", "en"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("2 unchanged, skipped"), "\(again.stderr)")
        #expect(try BatchFixtures.snapshot(outdir) == before)

        // A record that changes is redone, and only it.
        try sample.replacingOccurrences(of: "社区嵌入式养老服务标准化试点", with: "改过的试点项目")
            .write(to: input.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let changed = try CLI.run(["batch", input.path, "-o", outdir.path, "--progress", "never", "--lang", "en"])
        #expect(changed.stderr.contains("1 unchanged, skipped"), "\(changed.stderr)")
    }

    /// What `batch-template` writes, filled by openpyxl with real date cells and numbers and saved
    /// again by LibreOffice, is read back: every filled row a valid record, its dates printed.
    @Test(.requires(.uming, .openpyxl, .soffice, .poppler)) func templateFilledByOpenpyxlAndLibreOffice() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("申报汇总表.xlsx")
        #expect(try CLI.run(["batch-template", "-o", template.path]).status == 0)
        let filled = folder.appendingPathComponent("filled.xlsx")
        let program = #"""
import openpyxl, yaml, sys, datetime
sample = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
def get(path):
    v = sample
    for part in path.split("."):
        if isinstance(v, list): v = v[int(part) - 1] if int(part) <= len(v) else None
        elif isinstance(v, dict): v = v.get(part)
        if v is None: return None
    return v
wb = openpyxl.load_workbook(sys.argv[2])
data, rules = wb["申报数据"], wb["填写说明"]
paths = {row[1]: row[2] for row in rules.iter_rows(min_row=2, values_only=True)}
for r in range(2, 5):
    for c, cell in enumerate(data[1], 1):
        v = get(paths[cell.value])
        if isinstance(v, bool): v = "是" if v else "否"
        elif isinstance(v, int) and cell.value == "统一社会信用代码": v = str(v)
        if cell.value == "项目名称": v = f"试点项目{r}"
        if v is not None: data.cell(row=r, column=c, value=v)
wb.save(sys.argv[3])
"""#
        let fill = try CLI.python(program, [BatchFixtures.sample, template.path, filled.path])
        try #require(fill.status == 0, "\(fill.stderr)")
        let resaved = try Office.convert(filled, to: "xlsx", in: folder)
        let outdir = folder.appendingPathComponent("out")
        let run = try CLI.run(["batch", resaved.path, "-o", outdir.path, "--progress", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try BatchFixtures.report(outdir)
        #expect(records.map { $0["row"] as? Int } == [2, 3, 4])
        #expect(records.allSatisfy { $0["status"] as? String == "ok" }, "\(records)")
        let pack = outdir.appendingPathComponent(try #require((records.first?["outputs"] as? [String])?.first))
        let text = try Subprocess.run("pdftotext", [pack.path, "-"]).stdout
        #expect(text.contains("2024年7月1日") && text.contains("试点项目2"), "the date cells and text came through")
    }

    static func pageCount(_ pdf: URL) throws -> Int {
        Int(try Subprocess.run("qpdf", ["--show-npages", pdf.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}
