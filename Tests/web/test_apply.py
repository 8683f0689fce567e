#!/usr/bin/env python3
"""Real-browser tests of `shenbao serve` (headless Chromium through selenium): /apply loads a
data file, shows and clears a credit-code issue, downloads the PDF (checked with pdftotext), and
works at 1280x800 and 390 px wide; screenshots go to out/. Usage: test_apply.py --bin BIN."""
import subprocess, sys, time, urllib.request

from selenium.webdriver.common.by import By

from webtest import OUT, ROOT, arguments, browsing, run, served, take_download, value, wait

SAMPLE = ROOT / "templates/samples/application.yaml"
ISSUE = '[data-issue-for="applicant.credit_code"][data-rule="credit_code.checksum"]'


def test_load_data_file(driver, base):
    driver.get(base + "/apply")
    driver.execute_script("localStorage.clear()")
    driver.get(base + "/apply")
    wait(driver, lambda d: d.find_elements(By.NAME, "applicant.credit_code"), "the generated form")
    label = driver.find_element(By.CSS_SELECTOR, 'label[for="f-applicant-credit_code"]').text
    assert "统一社会信用代码" in label, label
    driver.find_element(By.ID, "open-data").send_keys(str(SAMPLE))
    wait(driver, lambda d: value(d, "applicant.name") == "上海浦东智慧养老服务有限公司", "the data file in the form")
    assert value(driver, "applicant.credit_code") == "913101153325803473", value(driver, "applicant.credit_code")
    assert value(driver, "project.expected_outputs.2.level") == "团体标准"
    assert value(driver, "project.start_date") == "2024-07-01"
    assert driver.find_element(By.CSS_SELECTOR, '[name="project.directions"][value="养老服务"]').is_selected()
    # Only the chosen field's directions are offered.
    hidden = driver.execute_script('return document.querySelector(\'[data-value="氢能"]\').hidden')
    assert hidden, "a direction of another field is offered"
    hint = driver.find_element(By.CSS_SELECTOR, '.narrowed-hint')
    assert not hint.is_displayed(), "「请先选择重点领域」 shows with a field chosen"
    wait(driver, lambda d: d.find_element(By.ID, "issue-count").text == "0", "no errors for the sample")


def test_issue_appears_and_goes(driver, base):
    field = driver.find_element(By.NAME, "applicant.credit_code")
    field.clear()
    field.send_keys("913101153325803474")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ISSUE), "the credit_code.checksum issue")
    assert int(driver.find_element(By.ID, "issue-count").text) >= 1
    assert field.get_attribute("aria-invalid") == "true"
    driver.save_screenshot(str(OUT / "web-apply-issue.png"))
    driver.set_window_size(390, 844)
    time.sleep(0.3)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"sideways scroll at 390 px: {width}"
    driver.save_screenshot(str(OUT / "web-apply-issue-390.png"))
    driver.set_window_size(1280, 800)
    field.clear()
    field.send_keys("913101153325803473")
    wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ISSUE), "the issue to go")


def test_persists_in_local_storage(driver, base):
    driver.get(base + "/apply")
    wait(driver, lambda d: value(d, "applicant.name") == "上海浦东智慧养老服务有限公司", "the form restored from localStorage")


def test_download_pdf(driver, base, downloads):
    driver.find_element(By.ID, "download-pdf").click()
    pdf = take_download(downloads, ".pdf", "the PDF download")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "上海浦东智慧养老服务有限公司" in text and "社区嵌入式养老服务标准化试点" in text, text[:300]
    assert "申请表" in pdf.name, pdf.name


def test_index_shows_the_notice(driver, base):
    driver.get(base + "/")
    wait(driver, lambda d: d.find_element(By.ID, "deadline").text == "2024年5月31日", "the deadline")
    assert "刘文涛" in driver.find_element(By.ID, "contacts").text


def test_rebinding_host_refused(base):
    request = urllib.request.Request(base + "/healthz", headers={"Host": "evil.example"})
    try:
        urllib.request.urlopen(request)
        raise AssertionError("a foreign Host was served")
    except urllib.error.HTTPError as error:
        assert error.code == 403, error.code


def main():
    args = arguments(__doc__)
    with served(args.bin) as base, browsing() as (driver, downloads):
        failed = run("apply", driver, [
            ("load a data file", lambda: test_load_data_file(driver, base)),
            ("an issue appears beside the field and goes", lambda: test_issue_appears_and_goes(driver, base)),
            ("the form survives a reload", lambda: test_persists_in_local_storage(driver, base)),
            ("download the PDF", lambda: test_download_pdf(driver, base, downloads)),
            ("the notice on /", lambda: test_index_shows_the_notice(driver, base)),
            ("a rebinding Host is refused", lambda: test_rebinding_host_refused(base)),
        ])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
