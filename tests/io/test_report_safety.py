"""Issue 14 item 14 inside the report: user text is text in every format, never a formula or markup;
and issue 16 item 7: a Chinese report holds no English words beyond ids, units and numbers."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser

import pytest

from ahp.io.project import load_project
from ahp.io.report import gather, render_html, render_markdown, write_docx, write_xlsx
from tests.io.test_report_formats import md_tables

NASTY = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","click")', "+1+2", "-3+4", "@SUM(A1:A2)",
         "\tTab", "\rReturn", "<script>alert(1)</script>", "a|b", "ctrl\x7f\x01name"]


@pytest.fixture
def nasty(demo_path):
    p = load_project(demo_path)
    p.title = NASTY[0]
    for k, name in enumerate(NASTY[1:6]):
        if k < 2:
            p.rename_respondent(p.respondents[k].name, name)
            continue
        r = p.add_respondent(name)
        for node, pairs in p.respondents[0].judgments.items():
            for (a, b), v in pairs.items():
                p.set_judgment(r, node, a, b, v)
    for name in NASTY[6:]:
        p.add_unit(name)
    p.set_rating(p.unit_index(NASTY[-1]), "price/level", "poor")
    return p


def test_xlsx_cells_of_user_text_are_strings_never_formulas(nasty, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    write_xlsx(gather(nasty, "en", draws=0), str(out))
    seen = set()
    for ws in load_workbook(out).worksheets:
        for line in ws.iter_rows():
            for cell in line:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    seen.add(cell.value)
                    if cell.value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                        assert cell.quotePrefix, cell.value
    assert {n.strip() for n in NASTY[:-1]} <= seen and "ctrlname" in seen  # the project strips names
    with zipfile.ZipFile(out) as z:  # no formula element anywhere in the package
        assert not any(
            b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")
        )


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "=cmd|' /C calc'!A0"])
def test_xlsx_writer_keeps_every_risky_prefix_as_text(text):
    from ahp.io.report.document import Part, Table, row
    from ahp.io.report.to_xlsx import workbook

    sheet = workbook((Part(text, text, (Table((text,), (row(text),)),)),)).worksheets[0]
    for cell in (sheet["A1"], sheet["A3"], sheet["A4"]):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)


def test_docx_holds_user_text_as_plain_text(nasty, tmp_path):
    import docx

    out = tmp_path / "r.docx"
    write_docx(gather(nasty, "zh", draws=0), str(out))
    doc = docx.Document(str(out))
    texts = {c.text for t in doc.tables for r in t.rows for c in r.cells} | {p.text for p in doc.paragraphs}
    for name in NASTY[:-1]:
        assert any(name.strip() in t for t in texts), name
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml")
    assert b"fldSimple" not in body and b"instrText" not in body and b"<script>" not in body


def test_markdown_escapes_markup_and_pipes(nasty):
    text = render_markdown(gather(nasty, "en", draws=0))
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "a\\|b" in text
    md_tables(text)  # every row has as many cells as its header


def test_html_escapes_everything(nasty):
    page = render_html(gather(nasty, "en", draws=0))
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="http://evil' not in page


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], False

    def handle_starttag(self, tag, attrs):
        self.skip = tag in ("style", "title")

    def handle_endtag(self, tag):
        self.skip = False

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


# Symbols Chinese AHP practice writes in Latin letters, and the names of cited authors.
ALLOWED = {
    "a",
    "n",
    "λmax",
    "CI",
    "RI",
    "CR",
    "W",
    "S",
    "a_j",
    "CI_j",
    "RI_j",
    "AIJ",
    "AIP",
    "Spearman",
    "Harker",
    "Saaty",
    "Donegan",
    "Dodd",
    "Alonso",
    "Lamata",
}


def _latin_words(text: str, project) -> set[str]:
    for name in [project.title, *(r.name for r in project.respondents), *(u.name for u in project.units)]:
        text = text.replace(name, " ")
    words = set(re.findall(r"[A-Za-z_λ][A-Za-z_0-9λ]*", text))
    return {w for w in words if not re.fullmatch(r"[A-Z]\d*", w)} - ALLOWED  # B1, C12: the codes of the levels


@pytest.mark.parametrize("fmt", ["html", "md", "xlsx", "docx"])
def test_chinese_report_has_no_english_words(demo_path, tmp_path, fmt):
    import docx
    from openpyxl import load_workbook

    p = load_project(demo_path)
    data = gather(p, "zh", draws=200)
    if fmt == "html":
        reader = _Text()
        reader.feed(render_html(data))
        text = " ".join(reader.parts)
    elif fmt == "md":
        text = re.sub(r"&\w+;", " ", render_markdown(data))
    elif fmt == "xlsx":
        write_xlsx(data, str(tmp_path / "r.xlsx"))
        book = load_workbook(tmp_path / "r.xlsx")
        text = " ".join(
            [
                *book.sheetnames,
                *(str(c.value) for ws in book for line in ws.iter_rows() for c in line if isinstance(c.value, str)),
            ]
        )
    else:
        write_docx(data, str(tmp_path / "r.docx"))
        doc = docx.Document(str(tmp_path / "r.docx"))
        text = " ".join(
            [*(q.text for q in doc.paragraphs), *(c.text for t in doc.tables for r in t.rows for c in r.cells)]
        )
    assert _latin_words(text, p) == set()


@pytest.mark.parametrize("fmt", ["html", "md", "xlsx", "docx"])
def test_a_report_gets_the_permissions_a_new_file_normally_gets(demo_path, tmp_path, fmt):
    """Not the 0600 of a private temporary file: a colleague on a shared folder can read it."""
    import os

    from ahp.io.report import write_report

    old = os.umask(0o022)
    try:
        target = tmp_path / f"report.{fmt}"
        write_report(gather(load_project(demo_path)), str(target), fmt)
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644
    assert not list(tmp_path.glob(".*.tmp"))
