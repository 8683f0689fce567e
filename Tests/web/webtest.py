"""What the real-browser tests of `shenbao serve` (Tests/web/test_*.py) share: starting a server
on a free port, a headless Chromium that downloads into a folder, waiting for the page, taking a
finished download, and running a list of tests with a screenshot of each failure in out/."""
import argparse, atexit, contextlib, os, shutil, socket, subprocess, sys, tempfile, time, traceback
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "out"
TEMPLATES = ROOT / "templates"
# Every temporary file of a run (inputs, downloads, server logs) lives here, removed at exit.
WORK = Path(tempfile.mkdtemp(prefix="shenbao-webtest-"))
atexit.register(shutil.rmtree, WORK, True)
# The logs of the servers running now, printed beside a failure.
LOGS = []


def scratch(prefix):
    """A new empty folder under WORK."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=WORK))


def arguments(description):
    """The command line every test script takes: `--bin BIN`, the shenbao executable."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--bin", default=str(ROOT / ".build/debug/shenbao"))
    args = parser.parse_args()
    args.bin = str(Path(args.bin).resolve())
    OUT.mkdir(exist_ok=True)
    return args


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(binary, *options):
    """`shenbao serve` on a free loopback port with `options`, reading this repository's
    templates (and web pages) wherever the binary lives; yields its base URL. Its log (stderr)
    is printed beside every failure while it runs."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="serve-", suffix=".log", dir=WORK, delete=False)
    env = dict(os.environ, SHENBAO_TEMPLATES=str(TEMPLATES))
    server = subprocess.Popen([binary, "serve", "--port", str(port), *options], stdout=subprocess.PIPE, stderr=log,
                              text=True, cwd=ROOT, env=env)
    line = server.stdout.readline()
    if "http://" not in line:
        server.kill()
        server.wait(10)
        raise SystemExit(f"the server did not start: {line!r}\n{Path(log.name).read_text(errors='replace')[-2000:]}")
    LOGS.append(Path(log.name))
    try:
        yield f"http://127.0.0.1:{port}"
    except BaseException:
        print_logs()
        raise
    finally:
        LOGS.remove(Path(log.name))
        server.terminate()
        server.wait(10)
        log.close()


@contextlib.contextmanager
def browsing():
    """A headless Chromium at 1280x800 downloading without asking into a fresh folder; yields
    `(driver, downloads)`. `--lang=zh-CN` sets what it asks for; its date inputs keep the
    system's locale (see test_endorse.type_date)."""
    downloads = scratch("downloads-")
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=zh-CN"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)
    try:
        yield driver, downloads
    finally:
        driver.quit()


def wait(driver, condition, what, timeout=15):
    """`condition(driver)`'s first truthy value within `timeout` seconds, else an AssertionError
    naming `what`."""
    try:
        return WebDriverWait(driver, timeout).until(lambda d: condition(d))
    except Exception:
        raise AssertionError(f"timed out waiting for {what}")


def value(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f'[name="{name}"]').get_attribute("value")


def take_download(downloads, suffix, what, timeout=30):
    """Waits for a finished download ending in `suffix` (Chromium names it only when complete),
    then moves it out of `downloads` into a folder of its own, so the next download of the same
    name is not renamed `… (1)`; returns its new path, with the name the browser gave it."""
    def finished():
        done = [p for p in downloads.iterdir() if p.is_file() and p.name.endswith(suffix)]
        return done[0] if done else None
    deadline = time.time() + timeout
    while (found := finished()) is None:
        if time.time() > deadline:
            raise AssertionError(f"timed out waiting for {what} (downloads: {sorted(p.name for p in downloads.iterdir())})")
        time.sleep(0.2)
    size = -1
    while found.stat().st_size != size:
        size = found.stat().st_size
        time.sleep(0.3)
    taken = scratch("taken-") / found.name
    shutil.move(found, taken)
    return taken


def print_logs():
    for log in LOGS:
        print(f"server log ({log.name}), last lines:\n" + log.read_text(errors="replace")[-3000:], file=sys.stderr, flush=True)


def run(suite, driver, tests):
    """Runs `tests` (`(name, function)` pairs) in order, printing each outcome; a failure prints
    its traceback and saves a screenshot out/web-failed-SUITE-N.png. Returns the count of failures."""
    passed = failed = 0
    for name, test in tests:
        try:
            test()
            passed += 1
            print(f"ok: {name}", flush=True)
        except Exception:
            failed += 1
            print(f"FAILED: {name}", flush=True)
            traceback.print_exc()
            print_logs()
            try:
                driver.save_screenshot(str(OUT / f"web-failed-{suite}-{passed + failed}.png"))
            except Exception:
                traceback.print_exc()
    print(f"{suite}: {passed} passed, {failed} failed", flush=True)
    return failed
