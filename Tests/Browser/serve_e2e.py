#!/usr/bin/env python3
"""End-to-end test of `jixiao serve` in a real browser (Playwright driving Debian's chromium).

Starts the built server on a free port, uploads an example through the file input and reads the
total mismatch and its Chinese message in the report, downloads the .xlsx export and reads it
back, runs a batch, filters it by severity and sees the count change, exports that as CSV, and
checks that a request for another host is refused. Keeps screenshots in .build/serve-e2e/.

Usage: Tests/Browser/serve_e2e.py [path/to/jixiao]. Skips (exit 0, with the reason printed) when
python's playwright or chromium is missing.
"""
import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHROMIUM = "/usr/bin/chromium"


def skip(reason):
    print(f"serve browser test skipped: {reason}")
    sys.exit(0)


try:
    from playwright.sync_api import sync_playwright
except ImportError:
    skip("python's playwright is not installed (pip install playwright)")
if not os.access(CHROMIUM, os.X_OK):
    skip(f"{CHROMIUM} is missing (apt-get install chromium)")

binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "jixiao")
if not os.access(binary, os.X_OK):
    print(f"serve browser test failed: no executable at {binary} (swift build first)")
    sys.exit(1)

artifacts = os.path.join(ROOT, ".build", "serve-e2e")
os.makedirs(artifacts, exist_ok=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def xlsx_rows(path):
    """The first sheet's rows, with openpyxl when it is there, else from the XML."""
    try:
        import openpyxl
        sheet = openpyxl.load_workbook(path).worksheets[0]
        check(sheet.freeze_panes == "A2", f"frozen pane is {sheet.freeze_panes}")
        return [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]
    except ImportError:
        import xml.etree.ElementTree as ET
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
        with zipfile.ZipFile(path) as archive:
            root = ET.fromstring(archive.read("xl/worksheets/sheet1.xml"))
        return [["".join(t.text or "" for t in c.iter(f"{{{ns['m']}}}t")) for c in row.findall("m:c", ns)]
                for row in root.iter(f"{{{ns['m']}}}row")]


def total_mismatch_message(example):
    """The Chinese message of the example's total mismatch, as the command line words it."""
    audit = subprocess.run([binary, "audit", "--format", "json", "--rubrics", os.path.join(ROOT, "Rubrics"), example],
                           capture_output=True, text=True, cwd=ROOT)

    findings = json.loads(audit.stdout)["results"][0]["findings"]
    return next(f["message"] for f in findings if f["code"] == "total-mismatch")


def main():
    example = os.path.join(ROOT, "Examples", "seed-003-department-2021.yaml")
    message = total_mismatch_message(example)
    port = free_port()
    data = tempfile.mkdtemp(prefix="jixiao-serve-e2e-")
    server = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--data", data, "--rubrics", os.path.join(ROOT, "Rubrics")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    address = []
    ready = threading.Event()

    def read_address():
        for line in server.stdout:
            if "http://" in line:
                address.append(re.search(r"http://[0-9A-Za-z.:\[\]-]+/", line).group(0))
                ready.set()
                return
        ready.set()

    threading.Thread(target=read_address, daemon=True).start()
    try:
        ready.wait(60)
        check(address, "the server printed no address: " + (server.stderr.read() if server.poll() is not None else "timeout"))
        url = address[0]
        check(url == f"http://127.0.0.1:{port}/", f"printed address {url}")

        # DNS rebinding: a request naming another host is refused.
        request = urllib.request.Request(url, headers={"Host": f"attacker.example:{port}"})
        try:
            urllib.request.urlopen(request, timeout=10)
            raise AssertionError("a request for another host was answered")
        except urllib.error.HTTPError as error:
            check(error.code == 421, f"another host got {error.code}")

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(accept_downloads=True)
            console_errors = []
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
            page.set_default_timeout(30_000)

            # One table: uploaded through the file input, its report shown.
            page.goto(url)
            check(page.locator("h1").inner_text() == "上传自评表", "the upload page is not in Chinese")
            page.set_input_files("#files", example)
            page.click("button[type=submit]")
            page.wait_for_url("**/tables/1")
            text = page.inner_text("body")
            check("total-mismatch" in text, "no total-mismatch on the report page")
            check(message in text, f"no Chinese message of the total mismatch ({message})")
            page.screenshot(path=os.path.join(artifacts, "report.png"), full_page=False)

            with page.expect_download() as download:
                page.click("nav.jixiao-serve a[href$='findings.xlsx']")
            saved = os.path.join(artifacts, "findings.xlsx")
            download.value.save_as(saved)
            rows = xlsx_rows(saved)
            check(rows[0][0] == "文件", f"xlsx header {rows[0][:3]}")
            check(any("total-mismatch" in row and "错误" in row for row in rows[1:]), "no total-mismatch row in the xlsx")

            # A batch of synthetic tables (jixiao synth, with planted mistakes), then filtered by severity.
            page.goto(url)
            synthetic = os.path.join(data, "synth")
            subprocess.run([binary, "synth", "--count", "40", "--seed", "7", "--mistakes", "0.5", "--out", synthetic],
                           check=True, capture_output=True, cwd=ROOT)
            tables = sorted(os.path.join(folder, name) for folder, _, names in os.walk(synthetic)
                            for name in names if name.endswith(".yaml"))
            check(len(tables) == 40, f"synth wrote {len(tables)} tables")
            page.set_input_files("#files", tables)
            page.check("#batch")
            page.click("button[type=submit]")
            page.wait_for_url("**/runs/*", timeout=60_000)
            every = int(page.get_attribute("#total", "data-total"))
            page.select_option("#severity", "error")
            page.click("form.filters button[type=submit]")
            page.wait_for_url("**severity=error**")
            errors = int(page.get_attribute("#total", "data-total"))
            check(0 < errors < every, f"filtering by error: {every} → {errors}")
            page.screenshot(path=os.path.join(artifacts, "run.png"), full_page=False)
            with page.expect_download() as download:
                page.click("#export-csv")
            saved = os.path.join(artifacts, "findings.csv")
            download.value.save_as(saved)
            with open(saved, encoding="utf-8-sig", newline="") as f:
                records = list(csv.reader(f))
            check(len(records) == errors + 1, f"CSV has {len(records) - 1} rows, the page {errors}")
            check(all(record[7] == "错误" for record in records[1:]), "the CSV holds other severities")
            check(not console_errors, f"console errors: {console_errors}")
            browser.close()
        print(f"serve browser test: passed (screenshots in {artifacts})")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"serve browser test failed: {error}")
        sys.exit(1)
