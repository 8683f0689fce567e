#!/usr/bin/env python3
"""Real-browser tests of `shenbao serve`'s /endorse (headless Chromium through selenium): a pack
rendered by `shenbao render application` from the sample is opened with the applicant's data
file, the sample opinion typed into the generated form, and the endorsed pack downloaded; it
keeps the applicant's bytes (an incremental update), `pdftotext` finds the opinion in every
copy and `pdfsig` shows the department's signature field unsigned. An opinion about another
applicant is refused on the page. The same pack chosen again, after the endorsement and after the
refusal, opens again. Then a second server started with a key and a self-signed
certificate made by openssl signs the endorsement: `pdfsig` reports the signature valid and
covering the whole document. Usage: test_endorse.py --bin BIN."""
import subprocess, sys
from pathlib import Path

import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from webtest import ROOT, arguments, browsing, run, scratch, served, take_download, value, wait

SAMPLE = ROOT / "templates/samples/application.yaml"
OPINION = yaml.safe_load((ROOT / "templates/samples/opinion.yaml").read_text(encoding="utf-8"))
DEPARTMENT = OPINION["recommender"]["name"]


def render_pack(binary, folder):
    pack = folder / "申请表.pdf"
    subprocess.run([binary, "render", "application", str(SAMPLE), "-o", str(pack)], check=True, cwd=ROOT)
    assert pack.read_bytes().startswith(b"%PDF-")
    return pack


def make_signing_key(folder):
    """An ECDSA P-256 key and a self-signed certificate allowed to sign, as a department might
    have; returns the server options that use them."""
    key, cert = folder / "dept.key", folder / "dept.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", str(key), "-out", str(cert), "-days", "30", "-utf8", "-subj", f"/CN={DEPARTMENT}/O=测试",
                    "-addext", "keyUsage=critical,digitalSignature,nonRepudiation"], check=True, capture_output=True)
    return ["--sign-key", str(key), "--sign-cert", str(cert)]


def type_date(driver, element, iso):
    """Types `iso` (YYYY-MM-DD) into a date input in the order the browser's locale shows its
    parts (month/day/year for en-US, year/month/day for zh-CN)."""
    year, month, day = iso.split("-")
    order = driver.execute_script("return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date())"
                                  ".map(p => p.type).filter(t => ['year', 'month', 'day'].includes(t))")
    element.click()
    for k, part in enumerate(order):
        element.send_keys({"year": year, "month": month, "day": day}[part])
        if part == "year" and k < len(order) - 1:
            element.send_keys(Keys.ARROW_RIGHT)  # a year takes up to six digits: move on by hand
    assert element.get_attribute("value") == iso, f"typed {iso} in {order} order, the input holds {element.get_attribute('value')!r}"


def fill(driver, name, text):
    """Fills the input named `name` as a user would: a choice picked, a date or text typed."""
    element = driver.find_element(By.CSS_SELECTOR, f'[name="{name}"]')
    text = str(text)
    if element.tag_name == "select":
        Select(element).select_by_value(text)
    elif element.get_attribute("type") == "date":
        type_date(driver, element, text)
    else:
        element.clear()
        element.send_keys(text)
    assert element.get_attribute("value") == text, f"{name}: {element.get_attribute('value')!r}"


def open_and_fill(driver, base, pack):
    """/endorse: the applicant's data file fills the 申请项目 part, the opinion is typed, the
    pack is opened; waits until the page reports no errors."""
    driver.get(base + "/endorse")
    wait(driver, lambda d: d.find_elements(By.NAME, "recommender.name"), "the generated opinion form")
    assert "推荐意见表" in driver.find_element(By.ID, "form-title").text
    label = driver.find_element(By.CSS_SELECTOR, 'label[for="f-recommender-name"]').text
    assert "推荐单位" in label, label
    endorse = driver.find_element(By.ID, "download-endorsed")
    assert not endorse.is_enabled(), "endorsing is offered before a pack is opened"
    driver.find_element(By.ID, "pack-file").send_keys(str(SAMPLE))
    application = OPINION["application"]
    wait(driver, lambda d: value(d, "application.applicant_name") == application["applicant_name"], "the applicant's data in the form")
    assert value(driver, "application.project_name") == application["project_name"]
    assert value(driver, "application.credit_code") == str(application["credit_code"])
    assert value(driver, "application.category") == application["category"]
    recommender = OPINION["recommender"]
    for name, text in [("recommender.name", recommender["name"]), ("recommender.kind", recommender["kind"]),
                       ("recommender.district", recommender["district"]), ("recommender.contact.name", recommender["contact"]["name"]),
                       ("recommender.contact.phone", recommender["contact"]["phone"]), ("review", OPINION["review"]),
                       ("decision", OPINION["decision"]), ("rank", OPINION["rank"]), ("text", OPINION["text"]),
                       ("date", OPINION["date"].isoformat())]:
        fill(driver, name, text)
    wait(driver, lambda d: d.find_element(By.ID, "issue-count").text == "0" and not d.find_elements(By.CSS_SELECTOR, "[data-issue-for]"),
         "no issues for the sample opinion")
    driver.find_element(By.ID, "pack-file").send_keys(str(pack))
    wait(driver, lambda d: d.find_element(By.ID, "download-endorsed").is_enabled(), "endorsing to be offered")
    assert driver.find_element(By.ID, "pack-name").text == pack.name
    # Opening the pack kept what was typed.
    assert value(driver, "text") == OPINION["text"] and value(driver, "application.applicant_name") == application["applicant_name"]


def pdftext(pdf):
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdfsig(pdf):
    run = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True)
    assert run.returncode == 0, f"pdfsig failed ({run.returncode}): {run.stdout}{run.stderr}"
    return run.stdout


def download_endorsed(driver, downloads, pack):
    driver.find_element(By.ID, "download-endorsed").click()
    endorsed = take_download(downloads, ".pdf", "the endorsed pack")
    assert endorsed.name == "申请表-已推荐.pdf", endorsed.name
    wait(driver, lambda d: d.find_element(By.ID, "status").text == "已生成", "the page to report the endorsement")
    original = pack.read_bytes()
    data = endorsed.read_bytes()
    assert len(data) > len(original) and data.startswith(original), "the endorsement is not an incremental update of the applicant's file"
    text = pdftext(endorsed)
    # The application pack holds three copies, each with its 推荐部门意见 box.
    assert text.count(OPINION["text"]) == 3, f"the opinion text {text.count(OPINION['text'])} times"
    assert text.count("☑同意推荐") == 3 and DEPARTMENT in text, text[-600:]
    assert OPINION["text"] not in pdftext(pack), "the pack had the opinion before it was endorsed"
    return endorsed


def reopen_pack(driver, pack):
    """Chooses `pack` again, the file already open: the page must open it again (a file input
    that kept its file fires no `change` for the same one), keeping what was typed."""
    driver.find_element(By.ID, "pack-file").send_keys(str(pack))
    status = driver.find_element(By.ID, "status")
    wait(driver, lambda d: status.text.startswith(f"已打开申请表 {pack.name}"), "the same pack to open again")
    assert "error" not in (status.get_attribute("class") or ""), status.text
    assert driver.find_element(By.ID, "pack-name").text == pack.name
    assert driver.find_element(By.ID, "download-endorsed").is_enabled(), "endorsing is no longer offered"
    assert value(driver, "text") == OPINION["text"], value(driver, "text")


def test_endorse_unsigned(driver, base, downloads, pack):
    open_and_fill(driver, base, pack)
    endorsed = download_endorsed(driver, downloads, pack)
    report = pdfsig(endorsed)
    assert "Signature Field Name: seal-recommender" in report, report
    assert "The signature form field is not signed." in report and "Signature is Valid" not in report, report
    reopen_pack(driver, pack)


def test_opinion_sheet(driver, downloads):
    driver.find_element(By.ID, "download-opinion").click()
    sheet = take_download(downloads, ".pdf", "the opinion sheet")
    assert "推荐意见表" in sheet.name, sheet.name
    text = pdftext(sheet)
    assert OPINION["text"] in text and OPINION["application"]["applicant_name"] in text and DEPARTMENT in text, text[:400]


def test_other_applicant_refused(driver, downloads, pack):
    fill(driver, "application.applicant_name", "上海另一家服务有限公司")
    wait(driver, lambda d: d.find_element(By.ID, "issue-count").text == "0", "the changed opinion to validate")
    driver.find_element(By.ID, "download-endorsed").click()
    status = driver.find_element(By.ID, "status")
    wait(driver, lambda d: "error" in (status.get_attribute("class") or ""), "the mismatch to be reported")
    assert "推荐意见针对的不是这份申请表" in status.text and "上海浦东智慧养老服务有限公司" in status.text, status.text
    assert not [p for p in downloads.iterdir()], f"a file was downloaded: {list(downloads.iterdir())}"
    reopen_pack(driver, pack)


def test_endorse_signed(driver, base, downloads, pack):
    open_and_fill(driver, base, pack)
    endorsed = download_endorsed(driver, downloads, pack)
    report = pdfsig(endorsed)
    for line in ["Signature Field Name: seal-recommender", f"Signer Certificate Common Name: {DEPARTMENT}",
                 "Signature Type: ETSI.CAdES.detached", "Total document signed", "Signature Validation: Signature is Valid."]:
        assert line in report, f"{line!r} not in:\n{report}"
    # Self-signed: its issuer is unknown to poppler, which is all the trust line may say.
    assert "Certificate Validation:" in report, report


def main():
    args = arguments(__doc__)
    folder = scratch("endorse-")
    pack = render_pack(args.bin, folder)
    signing = make_signing_key(folder)
    failed = 0
    with browsing() as (driver, downloads):
        with served(args.bin) as base:
            failed += run("endorse", driver, [
                ("endorse a pack, unsigned", lambda: test_endorse_unsigned(driver, base, downloads, pack)),
                ("the opinion sheet", lambda: test_opinion_sheet(driver, downloads)),
                ("an opinion about another applicant is refused", lambda: test_other_applicant_refused(driver, downloads, pack)),
            ])
        with served(args.bin, *signing) as base:
            failed += run("endorse-signed", driver, [
                ("endorse a pack, signed with the server's key", lambda: test_endorse_signed(driver, base, downloads, pack)),
            ])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
