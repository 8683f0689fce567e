#!/usr/bin/env python3
"""Real-browser tests of `shenbao serve`'s /batch (headless Chromium through selenium): the batch
template downloads; a GB18030 CSV made here from the sample application (valid rows, a wrong
check character, a missing e-mail, an impossible date, a blank line) is uploaded, its progress
followed live, rows arriving in #records as they finish, every row shown with its status and issues; the result ZIP is
downloaded and read with zipfile; the page works 390 px wide. Screenshot: out/web-batch.png.
Usage: test_batch.py --bin BIN."""
import csv, datetime, io, json, subprocess, sys, time, zipfile
from pathlib import Path

import openpyxl
import yaml
from selenium.webdriver.common.by import By

from webtest import OUT, ROOT, arguments, browsing, run, scratch, served, take_download, wait

SAMPLE = ROOT / "templates/samples/application.yaml"
# Six rows finish in about 0.4 s in the debug build, before the server's event stream (which
# looks at the job every 250 ms) has anything between "started" and "done" to show; thirty take
# long enough for the progress bar to be seen moving, and rows to be seen arriving.
RECORDS = 30
LABELS = {"ok": "已生成", "invalid": "数据有误", "failed": "失败"}
# What the applicant cell shows for a row that could not be read (its record names no applicant):
# an empty cell reads to a clerk as a blank row, not as a row to look at again.
UNREADABLE = "（无法读取）"


def flat(value, prefix, out):
    """The sample as one spreadsheet row: dotted-path columns, list items numbered from 1, a
    list of values as a JSON array, booleans 是/否, dates as Excel in China shows them."""
    if isinstance(value, dict):
        for k, v in value.items():
            flat(v, f"{prefix}.{k}" if prefix else k, out)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for i, v in enumerate(value, 1):
            flat(v, f"{prefix}.{i}", out)
    elif isinstance(value, list):
        out[prefix] = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        out[prefix] = "是" if value else "否"
    elif isinstance(value, datetime.date):
        out[prefix] = f"{value.year}/{value.month}/{value.day}"
    else:
        out[prefix] = str(value)
    return out


def make_sheet(folder):
    """Writes 名单.csv in GB18030 and returns it with what each spreadsheet row (the header is
    row 1) must show: `{row: (status, applicant, [(path, rule, text in the message)])}`."""
    base = flat(yaml.safe_load(SAMPLE.read_text(encoding="utf-8")), "", {})
    header = list(base)
    lines, expected, row = [], {}, 2
    for i in range(RECORDS):
        r = dict(base, **{"applicant.name": f"上海批量测试{i}号有限公司", "project.name": f"标准化试点项目{i}"})
        status, issues = "ok", []
        if i == 0:
            r.update({"project.category": "一般项目", "project.field": "", "project.directions": ""})
        if i == 2:
            r["applicant.credit_code"] = "91310115MA1H8R7C6D"
            status, issues = "invalid", [("applicant.credit_code", "credit_code.checksum", "校验位")]
        if i == 4:
            r["project.start_date"] = "2024-02-30"
            status, issues = "failed", [("project.start_date", "sheet.row", "2024-02-30")]
        if i == 5:
            r["applicant.contact.email"] = ""
            status, issues = "invalid", [("applicant.contact.email", "required", "")]
        lines.append([r[h] for h in header])
        # An unreadable row names no applicant: the row never became a record (its report says
        # ""; the page shows UNREADABLE).
        expected[row] = (status, "" if status == "failed" else r["applicant.name"], issues)
        row += 1
        if i == 0:  # a blank line, as sheets have them: no record, but it keeps its row number
            lines.append([""] * len(header))
            row += 1
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows([header] + lines)
    sheet = folder / "名单.csv"
    sheet.write_bytes(text.getvalue().encode("gb18030"))
    assert not sheet.read_bytes().isascii() and sheet.read_bytes().decode("gb18030")
    try:
        sheet.read_bytes().decode("utf-8")
        raise AssertionError("the sheet is valid UTF-8 too: it would not test GB18030")
    except UnicodeDecodeError:
        pass
    return sheet, expected


def test_template_downloads(driver, base, downloads):
    driver.get(base + "/batch")
    link = driver.find_element(By.ID, "download-template")
    assert link.is_displayed() and link.get_attribute("href").endswith("/api/batch-template.xlsx")
    link.click()
    xlsx = take_download(downloads, ".xlsx", "the batch template")
    assert xlsx.name == "申报汇总表.xlsx", xlsx.name
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    header = [c.value for c in sheet[1]]
    for label in ["申请单位", "统一社会信用代码", "项目名称", "项目类别", "预期成果.1.成果级别"]:
        assert label in header, f"{label} not among the template's columns: {header}"


def test_upload_and_follow(driver, base, expected, sheet):
    driver.get(base + "/batch")
    start = driver.find_element(By.ID, "start-batch")
    assert not start.is_enabled(), "start is offered before a sheet is chosen"
    assert not driver.find_element(By.ID, "download-zip").is_displayed()
    driver.find_element(By.ID, "sheet-file").send_keys(str(sheet))
    wait(driver, lambda d: d.find_element(By.ID, "start-batch").is_enabled(), "start to be offered")
    assert driver.find_element(By.ID, "sheet-name").text == "名单.csv"
    # Record every state of the progress bar and the status line as the page shows it.
    driver.execute_script("""
        const progress = document.getElementById("progress"), line = document.getElementById("status");
        window.seen = [];
        const note = () => window.seen.push({value: progress.value, max: progress.max, status: line.textContent,
                                             rows: document.querySelectorAll("#records tbody tr").length});
        new MutationObserver(note).observe(progress, {attributes: true});
        new MutationObserver(note).observe(line, {childList: true, characterData: true, subtree: true});
    """)
    start.click()
    total = len(expected)
    wait(driver, lambda d: d.find_element(By.ID, "status").text.startswith("完成"), "the batch to finish", 120)
    seen = driver.execute_script("return window.seen")
    moving = [s for s in seen if 0 < s["value"] < s["max"] == total]
    assert moving, f"no progress was shown between the start and the end: {seen}"
    assert any(f"{s['value']} / {total} 行完成" in s["status"] for s in moving), seen
    values = [s["value"] for s in seen if s["max"] == total]
    assert values == sorted(values), f"progress went backwards: {values}"
    # Rows fill in as their records finish, not at the end: each state event follows the record
    # events it counts, so while the bar moves the table holds as many rows as the bar counts.
    early = [s for s in moving if 0 < s["rows"] < total and not s["status"].startswith("完成")]
    assert early, f"no row was shown before the batch was done: {seen}"
    short = [s for s in seen if s["max"] == total and s["rows"] < s["value"]]
    assert not short, f"the bar counted rows the table did not show: {short}"
    progress = driver.find_element(By.ID, "progress")
    assert progress.get_attribute("max") == str(total) and progress.get_attribute("value") == str(total)
    bad = sum(1 for status, _, _ in expected.values() if status != "ok")
    assert driver.find_element(By.ID, "status").text == f"完成：共 {total} 行，{bad} 行数据有误", driver.find_element(By.ID, "status").text
    assert driver.find_element(By.ID, "download-zip").is_displayed(), "the ZIP is not offered"
    assert start.is_enabled(), "start is not offered again"


def test_every_row_shown(driver, expected):
    rows = driver.find_elements(By.CSS_SELECTOR, "#records tbody tr")
    shown = [int(r.get_attribute("data-row")) for r in rows]
    assert shown == sorted(expected), f"rows shown {shown}, expected {sorted(expected)}"
    for number, (status, applicant, issues) in expected.items():
        row = driver.find_element(By.CSS_SELECTOR, f'#records tr[data-row="{number}"]')
        cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
        assert row.get_attribute("data-status") == status, f"row {number}: {row.get_attribute('data-status')} {cells}"
        shown = UNREADABLE if status == "failed" and not applicant else applicant
        assert cells[0] == str(number) and cells[1] == shown and cells[2] == LABELS[status], f"row {number}: {cells}"
        notes = row.find_elements(By.CSS_SELECTOR, "[data-issue-for][data-rule]")
        if status == "ok":
            assert not notes and cells[3] == "", f"row {number} is ok but shows issues: {cells}"
            continue
        for path, rule, text in issues:
            note = [n for n in notes if n.get_attribute("data-issue-for") == path and n.get_attribute("data-rule") == rule]
            assert note, f"row {number}: no [data-issue-for={path!r}][data-rule={rule!r}] among {[(n.get_attribute('data-issue-for'), n.get_attribute('data-rule')) for n in notes]}"
            assert note[0].text and text in note[0].text, f"row {number}: {note[0].text!r} lacks {text!r}"
    # The messages are in Chinese.
    required = driver.find_element(By.CSS_SELECTOR, '#records tr[data-row="8"] [data-rule="required"]').text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in required), required


def test_screenshot(driver):
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(OUT / "web-batch.png"))
    driver.set_window_size(390, 844)
    time.sleep(0.3)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    driver.save_screenshot(str(OUT / "web-batch-390.png"))
    driver.set_window_size(1280, 800)
    assert width <= 390, f"sideways scroll at 390 px: {width}"


def test_zip(driver, downloads, expected):
    driver.find_element(By.ID, "download-zip").click()
    path = take_download(downloads, ".zip", "the result ZIP", 60)
    assert path.name == "申报批量结果.zip", path.name
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None, "a damaged member"
        names = set(z.namelist())
        roots = {n.split("/")[0] for n in names}
        assert len(roots) == 1, f"one folder expected at the top: {roots}"
        root = roots.pop() + "/"
        report = json.loads(z.read(root + "report.json"))
        for name in ["report.csv", "report.xlsx", "summary.pdf", "summary.docx", "summary.csv"]:
            assert root + name in names, f"{name} missing from {sorted(names)[:20]}"
        records = {r["row"]: r for r in report["records"]}
        assert sorted(records) == sorted(expected), f"report.json rows {sorted(records)}"
        ok = [n for n, (s, _, _) in expected.items() if s == "ok"]
        assert report["counts"] == {"ok": len(ok), "invalid": 2, "failed": 1}, report["counts"]
        for number, (status, applicant, issues) in expected.items():
            record = records[number]
            assert record["status"] == status and record["applicant"] == applicant, record
            assert [i["rule"] for i in record["issues"]] == [rule for _, rule, _ in issues], record
            if status != "ok":
                assert record["outputs"] == [], record
                continue
            files = sorted(Path(o).name for o in record["outputs"])
            assert files == ["申请表.docx", "申请表.pdf"], record["outputs"]
            for output in record["outputs"]:
                assert root + output in names, f"{output} is not in the ZIP"
                magic = b"%PDF-" if output.endswith(".pdf") else b"PK\x03\x04"
                assert z.read(root + output).startswith(magic), (output, z.read(root + output)[:8])
            assert f"{applicant}/" in record["outputs"][0], record["outputs"]
        # Nothing of an invalid or failed row was written.
        assert sum(1 for n in names if n.endswith("/申请表.pdf")) == len(ok)
        pack = z.read(root + records[ok[-1]]["outputs"][0])
    pdf = scratch("pack-") / "申请表.pdf"
    pdf.write_bytes(pack)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert expected[ok[-1]][1] in text, text[:300]


def main():
    args = arguments(__doc__)
    folder = scratch("batch-")
    sheet, expected = make_sheet(folder)
    with served(args.bin, "--data-dir", str(folder / "data")) as base, browsing() as (driver, downloads):
        failed = run("batch", driver, [
            ("the batch template downloads", lambda: test_template_downloads(driver, base, downloads)),
            ("a GB18030 sheet is uploaded and its progress followed", lambda: test_upload_and_follow(driver, base, expected, sheet)),
            ("every row is shown with its status and issues", lambda: test_every_row_shown(driver, expected)),
            ("the page when done, and at 390 px", lambda: test_screenshot(driver)),
            ("the result ZIP", lambda: test_zip(driver, downloads, expected)),
        ])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
