"""Issue 17: the HTML report in headless Chromium (Playwright): printed to A4 PDF it runs over
several pages and no table continues onto a page without its header row; at phone width
(420 px) no chart overflows its box and the page does not scroll sideways."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ahp.io.project import load_project
from ahp.io.report import gather, render_html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
playwright = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install -e '.[dev]')")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() or shutil.which("pdftotext") is None,
                                reason="needs Debian's chromium and poppler-utils "
                                       "(apt-get install chromium fonts-noto-cjk poppler-utils)")

# Before printing, tag each table's header cell and each body row with the table's number, so the
# PDF's text tells which table's rows and headers landed on which page.
TAG_TABLES = """() => document.querySelectorAll('table').forEach((t, k) => {
  t.querySelector('thead th').prepend(`HH${k}HH `);
  t.querySelectorAll('tbody tr').forEach(r => r.firstElementChild.prepend(`RR${k}RR `));
})"""


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(params=["zh", "en"])
def report_page(request, demo_path, tmp_path) -> Path:
    page = tmp_path / f"report-{request.param}.html"
    page.write_text(render_html(gather(load_project(demo_path), request.param, draws=300)), encoding="utf-8")
    return page


def test_printed_pdf_has_pages_and_no_table_without_its_header(browser, report_page, tmp_path):
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.goto(report_page.as_uri())
    page.evaluate(TAG_TABLES)
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) > 1
    spread = {}
    for number, content in enumerate(pages):
        for k in {int(t) for t in re.findall(r"RR(\d+)RR", content)}:
            assert f"HH{k}HH" in content, f"table {k} continues on page {number + 1} without its header row"
            spread.setdefault(k, set()).add(number)
    assert any(len(on) > 1 for on in spread.values())  # some table does run over a page: the check bites


def test_charts_fit_a_phone_screen(browser, report_page):
    page = browser.new_page(viewport={"width": 420, "height": 900})
    page.goto(report_page.as_uri())
    boxes = page.evaluate("""() => [...document.querySelectorAll('svg.chart')].map(s => {
        const a = s.getBoundingClientRect(), b = s.parentElement.getBoundingClientRect();
        return [a.left, a.right, b.left, b.right, a.width];
    })""")
    width = page.evaluate("document.documentElement.scrollWidth")
    keep = Path("tests") / "artifacts"
    if keep.is_dir():  # for a person to look at
        page.screenshot(path=str(keep / f"{report_page.stem}-420.png"), full_page=True)
    page.close()
    assert len(boxes) == 3
    for left, right, box_left, box_right, w in boxes:
        assert box_left - 0.5 <= left and right <= box_right + 0.5 and w > 200
    assert width <= 420
