import Foundation
import ShenbaoTestSupport
import Testing

/// Inputs for the batch tests, made from the sample application: a clerk's GB18030 CSV with
/// every kind of row a real sheet has, a folder of data files, and the recommender's data.
enum BatchFixtures {
    static let sample = CLI.packageRoot.appendingPathComponent("templates/samples/application.yaml").path

    /// What each data row of the generated CSV must end as in the report, by row number.
    struct Expected: Decodable {
        var statuses: [String: String]
        var key: Int
        var general: Int
        var unsafeRow: Int
    }

    /// A GB18030 CSV of 62 data rows by default (and one blank line, which is no record): valid rows of
    /// both categories; two with a wrong check character and one without an e-mail (invalid);
    /// an impossible date and a broken JSON list cell (failed: unreadable); two with the same
    /// credit code and project (invalid: duplicate); an applicant name no file system takes.
    /// `rows` records (at least 62, which the special rows need; more are valid ones).
    static func csv(in folder: URL, rows count: Int = 62) throws -> (csv: URL, expected: Expected) {
        let csv = folder.appendingPathComponent("名单.csv"), expected = folder.appendingPathComponent("expected.json")
        let program = #"""
import csv, io, json, sys, yaml, datetime
sample = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
def flat(value, prefix, out):
    if isinstance(value, dict):
        for k, v in value.items(): flat(v, f"{prefix}.{k}" if prefix else k, out)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for i, v in enumerate(value, 1): flat(v, f"{prefix}.{i}", out)
    elif isinstance(value, list):
        out[prefix] = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        out[prefix] = "是" if value else "否"
    elif isinstance(value, (datetime.date,)):
        out[prefix] = value.strftime("%Y/%-m/%-d")
    else:
        out[prefix] = str(value)
    return out
base = flat(sample, "", {})
header = list(base.keys())
rows, statuses, key, general = [], {}, 0, 0
line = 2
for i in range(int(sys.argv[4])):
    r = dict(base)
    r["applicant.name"] = f"上海测试{i}号有限公司"
    r["project.name"] = f"标准化试点项目{i}"
    if i % 3 == 0:
        r["project.category"] = "一般项目"; r["project.field"] = ""; r["project.directions"] = ""
    status = "ok"
    if i in (10, 20): r["applicant.credit_code"] = "91310115MA1H8R7C6D"; status = "invalid"
    if i == 15: r["applicant.contact.email"] = ""; status = "invalid"
    if i == 30: r["project.start_date"] = "2024-02-30"; status = "failed"
    if i == 31: r["project.directions"] = '["养老服务"'; status = "failed"
    if i in (40, 41): r["project.name"] = "重复的项目"; status = "invalid"
    if i == 50: r["applicant.name"] = "上海/测试:公司*?<>|. "; unsafe = line
    rows.append([r[h] for h in header])
    statuses[str(line)] = status
    if status == "ok":
        if r["project.category"] == "重点项目": key += 1
        else: general += 1
    line += 1
    if i == 5:
        rows.append([""] * len(header)); line += 1
out = io.StringIO()
w = csv.writer(out, lineterminator="\r\n")
w.writerow(header); w.writerows(rows)
open(sys.argv[2], "wb").write(out.getvalue().encode("gb18030"))
json.dump({"statuses": statuses, "key": key, "general": general, "unsafeRow": unsafe}, open(sys.argv[3], "w"))
"""#
        let result = try CLI.python(program, [sample, csv.path, expected.path, String(max(62, count))])
        try #require(result.status == 0, "generating the CSV failed: \(result.stderr)")
        return (csv, try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expected)))
    }

    /// The sample opinion without its `application` part, as `--recommender` takes it.
    static func recommender(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("推荐单位.yaml")
        try """
        recommender:
          name: 上海市浦东新区市场监督管理局
          kind: 区市场监管局
          district: 浦东新区
          contact: {name: 赵敏, phone: 021-50282345}
        review: 通过
        decision: 同意推荐
        text: 经初审，申报材料齐全，符合申报条件，同意推荐。
        date: 2024-05-27
        """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The report's records as JSON objects.
    static func report(_ outdir: URL) throws -> [[String: Any]] {
        let data = try Data(contentsOf: outdir.appendingPathComponent("report.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["records"] as? [[String: Any]])
    }

    /// Every file under `folder` with its size and modification time, to tell whether a run
    /// touched anything.
    static func snapshot(_ folder: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let manager = FileManager.default
        for case let relative as String in manager.enumerator(atPath: folder.path)! {
            let attributes = try manager.attributesOfItem(atPath: folder.appendingPathComponent(relative).path)
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            out[relative] = "\(attributes[.size] ?? 0) \(date)"
        }
        return out
    }

    /// Files under `folder` whose names say they are a write in progress.
    static func temporaryFiles(_ folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { ($0 as NSString).lastPathComponent.hasSuffix(".tmp") }
    }

    /// `qpdf --check` on `file`; the failure's text when it fails.
    static func qpdfCheck(_ file: URL) throws -> String? {
        let result = try Subprocess.run("qpdf", ["--check", file.path])
        return result.status == 0 ? nil : "\(file.lastPathComponent): \(result.stdout)\(result.stderr)"
    }
}
