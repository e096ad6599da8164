"""The reporting workflow in a real browser (issue 3, "Tests").

Starts the already built `phaen serve --demo` on a temporary SQLite database and a free
loopback port, then drives Debian's Chromium through chromedriver (Selenium):

  reporter fills KPI 1.2 of Phasi Charoen (1022), FY2567, round q1, attaches a PDF, saves,
  submits → head certifies → evaluator returns it with a reason → the reporter sees the
  reason, fixes and resubmits → head certifies → evaluator accepts → the city dashboard
  shows the new score of 1022.

Builds nothing: run `swift build` first (scripts/test does). PHAEN_BINARY overrides the
executable (default .build/debug/phaen). On a failure the screenshot and the page's HTML
are saved in the test's temporary directory, whose path is printed. The server is always
stopped.
"""

import ctypes
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
UNIT, YEAR, ROUND, KPI = "1022", "2567", "q1", "1.2"
REPORT_PATH = f"/units/{UNIT}/reports/{YEAR}/{ROUND}/{KPI}"
WAIT = 30  # seconds for any one page (a debug build under a busy CI machine is slow)


def browser_available():
    return os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)


if not browser_available():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"browser test: {CHROMIUM} or {CHROMEDRIVER} is missing "
                           "(CI must install chromium and chromium-driver)")
    print("skipping browser test: chromium not installed")
    pytest.skip("skipping browser test: chromium not installed", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


# ---------------------------------------------------------------------------------------
# The server


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def minimal_pdf(text="Phaen evidence"):
    """A small valid one-page PDF (correct xref offsets), made here so the test needs no file."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stop_with_parent():
    """In the child before exec: SIGTERM when pytest dies, even by SIGKILL (PR_SET_PDEATHSIG)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    except OSError:
        pass


class Server:
    """`phaen serve --demo` in a session of its own (setsid), output captured to serve.log."""

    def __init__(self, directory):
        self.directory = directory
        binary = Path(os.environ.get("PHAEN_BINARY", REPO / ".build" / "debug" / "phaen"))
        if not os.access(binary, os.X_OK):
            pytest.fail(f"{binary} is not built: run `swift build` first (scripts/test does)")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = directory / "serve.log"
        environment = dict(os.environ)
        environment.pop("PHAEN_DB", None)
        environment["PHAEN_LOG_LEVEL"] = "warning"
        # serve writes its banner unbuffered (ServeCommand.swift `say`), so it can be read while it runs.
        command = [str(binary), "serve", "--db", f"sqlite:{directory}/phaen.sqlite",
                   "--port", str(self.port), "--evidence-dir", str(directory / "evidence"), "--demo"]
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        cwd=directory, env=environment, start_new_session=True,
                                        preexec_fn=stop_with_parent)

    def output(self):
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_until_healthy(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"phaen serve exited with {self.process.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail(f"phaen serve did not answer /health within {timeout} s:\n{self.output()}")

    def credentials(self):
        """The printed banner: the administrator's name and password, and the demo password.

        Format (Sources/phaen/ServeCommand.swift):
            ชื่อผู้ใช้: admin
            รหัสผ่าน:  <password>
            บัญชีทดลอง (demo) — รหัสผ่านเดียวกันทุกบัญชี: <password>
              demo-reporter  ผู้รายงาน หน่วยงาน 1022
        """
        text = self.output()
        demo = re.search(r"บัญชีทดลอง \(demo\)[^\n]*:\s*(\S+)\s*$", text, re.MULTILINE)
        admin_user = re.search(r"ชื่อผู้ใช้:\s*(\S+)", text)
        admin_password = re.search(r"รหัสผ่าน:\s*(\S+)", text)
        if not demo:
            pytest.fail(f"no demo password in the output of phaen serve --demo:\n{text}")
        for name in ("demo-reporter", "demo-head", "demo-evaluator"):
            assert re.search(rf"^\s+{name}\s", text, re.MULTILINE), f"{name} is not listed:\n{text}"
        return {
            "demo": demo.group(1),
            "admin": (admin_user.group(1), admin_password.group(1)) if admin_user and admin_password else None,
        }

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            except ProcessLookupError:
                pass
        self.log.close()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("phaen-browser")
    print(f"\nbrowser test directory (server log, screenshots on failure): {directory}")
    return directory


@pytest.fixture(scope="module")
def server(workdir):
    started = Server(workdir)
    try:
        started.wait_until_healthy()
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="module")
def driver(workdir):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600", "--lang=th-TH"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER,
                                               log_output=str(workdir / "chromedriver.log")),
                               options=options)
    browser.set_page_load_timeout(WAIT * 2)
    try:
        yield browser
    finally:
        browser.quit()


# ---------------------------------------------------------------------------------------
# Steps


class Walk:
    """The person at the browser. Every step is named; a failing one leaves a screenshot and
    the page's HTML in the working directory."""

    def __init__(self, driver, server, workdir, password):
        self.driver, self.server, self.workdir, self.password = driver, server, workdir, password
        self.step_number = 0

    def step(self, name):
        walk = self

        class Step:
            def __enter__(self):
                walk.step_number += 1
                print(f"  step {walk.step_number}: {name}")

            def __exit__(self, kind, error, trace):
                if kind is not None:
                    stem = walk.workdir / f"failure-{walk.step_number:02d}"
                    try:
                        walk.driver.save_screenshot(str(stem) + ".png")
                        (Path(str(stem) + ".html")).write_text(walk.driver.page_source, encoding="utf-8")
                        print(f"  failed at step {walk.step_number} ({name}) on {walk.driver.current_url}; "
                              f"screenshot {stem}.png")
                    except Exception as failure:  # the browser itself may be gone
                        print(f"  (no screenshot: {failure})")
                return False

        return Step()

    def wait(self, condition, message):
        return WebDriverWait(self.driver, WAIT).until(condition, message)

    def open(self, path):
        self.driver.get(self.server.base + path)

    def css(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def text(self):
        return self.css("main").text

    def sign_in(self, username):
        self.open("/signin")
        form = self.css("form[action='/signin']")
        form.find_element(By.NAME, "username").send_keys(username)
        form.find_element(By.NAME, "password").send_keys(self.password)
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(lambda d: "/signin" not in d.current_url, f"sign-in as {username} did not leave /signin")
        header = self.css("header.site").text
        assert "ออกจากระบบ" in header, f"not signed in as {username}: {header}"
        assert self.driver.find_elements(By.CSS_SELECTOR, ".demo-banner"), "a demo account's page must say so"

    def sign_out(self):
        self.css("form[action='/signout'] button").click()
        self.wait(EC.url_contains("/signin"), "sign-out did not return to the sign-in page")
        self.open("/units")
        self.wait(EC.url_contains("/signin"), "after sign-out a page behind sign-in was still shown")

    def open_report(self):
        self.open(REPORT_PATH)
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")), "the report page did not load")
        assert KPI in self.css("main h1").text

    def fill(self, value, narrative):
        for name, text in (("value", value), ("narrative", narrative)):
            field = self.css(f"form.report-form [name='{name}']")
            field.clear()
            field.send_keys(text)

    def click_and_expect(self, selector, done):
        self.css(selector).click()
        self.wait(EC.url_contains(f"done={done}"), f"{selector} did not end with done={done}")
        notices = self.driver.find_elements(By.CSS_SELECTOR, "p.notice")
        assert notices, f"no confirmation after {done}"
        alerts = self.driver.find_elements(By.CSS_SELECTOR, "p.alert")
        assert not alerts, f"refused: {alerts[0].text}"

    def save(self):
        self.click_and_expect("form.report-form button[name='action'][value='save']", "saved")

    def transition(self, name):
        self.click_and_expect(f"form.transition[action$='/{name}'] button[type=submit]", name)

    def state(self):
        return self.css("main .state").text

    def dashboard_row(self):
        self.open(f"/dashboard?year={YEAR}")
        for row in self.driver.find_elements(By.CSS_SELECTOR, "table.city tbody tr"):
            cells = row.find_elements(By.TAG_NAME, "td")
            if cells and UNIT in cells[0].text:
                return [cell.text.strip() for cell in cells]
        raise AssertionError(f"no row for {UNIT} on the city dashboard")


def test_report_workflow_in_a_browser(server, driver, workdir):
    started = time.monotonic()
    credentials = server.credentials()
    walk = Walk(driver, server, workdir, credentials["demo"])
    pdf = workdir / "หลักฐาน-traffy-q1.pdf"
    pdf.write_bytes(minimal_pdf())

    with walk.step("evaluator: the city dashboard before"):
        walk.sign_in("demo-evaluator")
        before = walk.dashboard_row()
        walk.sign_out()

    with walk.step("reporter: fill KPI 1.2, save"):
        walk.sign_in("demo-reporter")
        walk.open_report()
        walk.fill("58", "แก้ไขเรื่องร้องเรียนผ่าน Traffy Fondue ได้ 580 จาก 1,000 เรื่อง")
        walk.save()
        assert walk.css("form.report-form [name='value']").get_attribute("value") == "58"

    with walk.step("reporter: attach a PDF"):
        walk.css("form.upload input[type=file]").send_keys(str(pdf))
        walk.click_and_expect("form.upload button[type=submit]", "evidence")
        evidence = walk.css("main").text
        assert "traffy-q1" in evidence, "the attached file is not listed"

    with walk.step("reporter: submit"):
        walk.transition("submission")
        walk.sign_out()

    with walk.step("head: certify"):
        walk.sign_in("demo-head")
        walk.open_report()
        walk.transition("certification")
        walk.sign_out()

    reason = "ผลไม่ตรงกับรายงานจาก Traffy Fondue ณ สิ้นไตรมาส กรุณาตรวจสอบตัวเลขอีกครั้ง"
    with walk.step("evaluator: return with a reason"):
        walk.sign_in("demo-evaluator")
        walk.open_report()
        walk.css("form.transition.return textarea[name='reason']").send_keys(reason)
        walk.transition("return")
        walk.sign_out()

    with walk.step("reporter: sees the reason, fixes, resubmits"):
        walk.sign_in("demo-reporter")
        walk.open_report()
        returned = walk.css(".returned").text
        assert reason in returned, f"the reason is not shown to the reporter: {returned}"
        walk.fill("74", "แก้ไขเรื่องร้องเรียนได้ 740 จาก 1,000 เรื่อง (ตรวจกับรายงาน Traffy Fondue แล้ว)")
        walk.save()
        walk.transition("submission")
        walk.sign_out()

    with walk.step("head: certifies again"):
        walk.sign_in("demo-head")
        walk.open_report()
        walk.transition("certification")
        walk.sign_out()

    with walk.step("evaluator: accepts; the dashboard shows the new score"):
        walk.sign_in("demo-evaluator")
        walk.open_report()
        walk.transition("acceptance")
        accepted = walk.state()
        weighted = walk.css("#preview [data-k='weighted']").text.strip()
        after = walk.dashboard_row()
        print(f"  state {accepted!r}; KPI {KPI} weighted score {weighted}; dashboard row of {UNIT}: {before} → {after}")
        assert after != before, f"the dashboard row of {UNIT} did not change: {after}"
        assert weighted and weighted in after[2:], \
            f"the row of {UNIT} {after} does not show KPI {KPI}'s weighted score {weighted}"
        walk.sign_out()

    print(f"  browser walk took {time.monotonic() - started:.1f} s")
