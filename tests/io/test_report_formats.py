"""Issue 17: the report of the demo project in every format and both languages, read back.

Each format is read back by its own reader (html.parser, the Markdown table lines, openpyxl,
python-docx) into the same shape, a list of tables of (text, marked-as-failure) cells, and
the same checks run on all of them: every node's judgment matrix with W and its λmax, CI, RI,
CR and verdict; the overall ranking table with each criterion's weight a_j; every expert's CR
table with failures marked (a project with an inconsistent expert added).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ahp.io.project import load_project
from ahp.io.report import gather, render_html, render_markdown, write_docx, write_xlsx

Cells = list[tuple[str, bool]]
Tables = list[tuple[tuple[str, ...], list[Cells]]]
BAD_EXPERT = "Area manager"


def add_inconsistent_expert(path: Path) -> None:
    """A third expert: the store manager's judgments, but a cycle between the criteria."""
    p = load_project(path)
    k = p.add_respondent(BAD_EXPERT)
    for node, pairs in p.respondents[0].judgments.items():
        for (a, b), v in pairs.items():
            p.set_judgment(k, node, a, b, v)
    p.set_judgment(k, "goal", "service", "quality", 5)
    p.set_judgment(k, "goal", "quality", "price", 5)
    p.set_judgment(k, "goal", "price", "service", 5)
    p.save()


# -- readers -----------------------------------------------------------------------------------
class _HTMLTables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: Tables = []
        self.cell: list[str] | None = None
        self.bad = False
        self.row: Cells = []
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(((), []))
        elif tag in ("td", "th"):
            self.cell, self.bad = [], "bad" in (dict(attrs).get("class") or "").split()
        elif tag == "thead":
            self.in_head = True

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.row.append(("".join(self.cell), self.bad))
            self.cell = None
        elif tag == "tr":
            header, rows = self.tables[-1]
            if self.in_head:
                self.tables[-1] = (tuple(t for t, _ in self.row), rows)
            else:
                rows.append(self.row)
            self.row = []
        elif tag == "thead":
            self.in_head = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def html_tables(text: str) -> Tables:
    reader = _HTMLTables()
    reader.feed(text)
    return reader.tables


def _md_cells(line: str) -> list[str]:
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def md_tables(text: str) -> Tables:
    lines = text.splitlines()
    tables: Tables = []
    for k, line in enumerate(lines):
        if line.startswith("|") and k + 1 < len(lines) and re.fullmatch(r"\|(-{3}:?\|)+", lines[k + 1]) \
                and not (k and lines[k - 1].startswith("|")):
            header = tuple(_md_cells(line))
            rows = []
            for body in lines[k + 2:]:
                if not body.startswith("|"):
                    break
                cells = _md_cells(body)
                assert len(cells) == len(header), body  # a name never breaks the table
                rows.append([(c.strip("*"), c.startswith("**")) for c in cells])
            tables.append((header, rows))
    return tables


def _xlsx_text(cell) -> str:
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    fmt = cell.number_format
    if fmt == "0%":
        return f"{100 * v:.0f}%"
    if fmt.startswith("0."):
        return f"{v:.{len(fmt) - 2}f}"
    return str(v)


def xlsx_tables(path: Path) -> Tables:
    """Tables are runs of rows under a header row (bold cells on a fill)."""
    from openpyxl import load_workbook

    tables: Tables = []
    for ws in load_workbook(path).worksheets:
        current = None
        for line in ws.iter_rows():
            cells = [c for c in line if c.value is not None]
            if not cells:
                current = None
                continue
            if cells[0].fill.fgColor.rgb == "00E8EDF3":
                current = ([], [])
                tables.append((tuple(_xlsx_text(c) for c in line[:len(cells)]), current[1]))
            elif current is not None:
                width = len(tables[-1][0])
                current[1].append([(_xlsx_text(c), bool(c.font.color is not None and c.font.color.rgb == "00B42318"))
                                   for c in line[:width]])
    return tables


def _marked_red(cell) -> bool:
    """Whether some run of a Word table cell is in the report's failure red."""
    runs = (r for p in cell.paragraphs for r in p.runs)
    return any(r.font.color.rgb is not None and str(r.font.color.rgb) == "B42318" for r in runs)


def docx_tables(path: Path) -> Tables:
    import docx

    out: Tables = []
    for table in docx.Document(str(path)).tables:
        rows = [[(cell.text, _marked_red(cell)) for cell in row.cells] for row in table.rows]
        out.append((tuple(t for t, _ in rows[0]), rows[1:]))
    return out


def tables_of(data, fmt: str, tmp_path: Path) -> Tables:
    if fmt == "html":
        return html_tables(render_html(data))
    if fmt == "md":
        return md_tables(render_markdown(data))
    out = tmp_path / f"report.{fmt}"
    (write_xlsx if fmt == "xlsx" else write_docx)(data, str(out))
    return xlsx_tables(out) if fmt == "xlsx" else docx_tables(out)


def find(tables: Tables, header: tuple[str, ...]) -> list[Cells]:
    matches = [rows for h, rows in tables if h == header]
    assert matches, f"no table with header {header}"
    return matches[0]


# -- the checks ---------------------------------------------------------------------------------
FORMATS = ("html", "md", "xlsx", "docx")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_matrix_with_lambda_ci_ri_cr_and_the_overall_ranking(demo_path, tmp_path, fmt, lang):
    data = gather(load_project(demo_path), lang)
    tables = tables_of(data, fmt, tmp_path)
    for path, a in data.synthesis.nodes.items():
        r = a.result
        kids = [f"{path}/{c.id}" if path != "goal" else c.id for c in a.node.children]
        header = (data.codes[path], *(data.codes[k] for k in kids), "W")
        matrix = find(tables, header)
        assert [row[-1][0] for row in matrix] == [f"{w:.4f}" for w in a.local_weights]
        assert [row[0][0] for row in matrix] == [f"{data.codes[k]} {data.path_name(k)}" for k in kids]
        stats = [rows for h, rows in tables if h[:4] == ("λmax", "CI", "RI", "CR")]
        want = [f"{r.lambda_max:.4f}", f"{r.ci:.4f}", f"{r.ri:.2f}", f"{r.cr:.4f}", data.verdict(r.consistent)]
        assert [[c for c, _ in row] for row in stats[list(data.synthesis.nodes).index(path)]] == [want]
    goal = data.synthesis.nodes["goal"]
    head = tuple(
        f"{data.codes[c.id]} {data.name(c)} a = {w:.4f}"
        for c, w in zip(goal.node.children, goal.local_weights, strict=True)
    )
    ranking = find(tables, (data.t("factor"), *head, data.t("overall"), data.t("rank")))
    assert sorted((int(row[-1][0]), row[-2][0]) for row in ranking) == [
        (leaf.rank, f"{leaf.global_weight:.4f}") for leaf in data.ranking
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_experts_cr_with_failures_marked(demo_path, tmp_path, fmt, lang):
    add_inconsistent_expert(demo_path)
    data = gather(load_project(demo_path), lang)
    tables = tables_of(data, fmt, tmp_path)
    paths = list(data.synthesis.nodes)
    crs = find(tables, (data.t("expert"), *(data.matrix_code(p) for p in paths), data.t("verdict")))
    assert [row[0][0] for row in crs] == ["Store manager", "Regional manager", BAD_EXPERT]
    for row, expert in zip(crs, data.experts, strict=True):
        for cell, path in zip(row[1:-1], paths, strict=True):
            r = expert.synthesis.nodes[path].result
            assert cell == (f"{r.cr:.4f}", not r.consistent)
        failing = sum(not a.result.consistent for a in expert.synthesis.nodes.values())
        assert row[-1] == ((data.t("all_pass"), False) if failing == 0 else (data.t("failing", n=failing), True))
    assert crs[2][1][1] and crs[2][-1][0] != data.t("all_pass")  # the cycle fails A-B
    # the combined A-B matrix passes, but the failing expert is named under it
    text = render_markdown(data)
    assert (
        data.t("expert_fails_here", name=BAD_EXPERT, cr=f"{data.experts[2].synthesis.nodes['goal'].result.cr:.4f}")
        in text
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_passing_word_next_to_a_failing_expert_in_chinese(demo_path, tmp_path, fmt):
    add_inconsistent_expert(demo_path)
    data = gather(load_project(demo_path), "zh")
    for header, rows in tables_of(data, fmt, tmp_path):
        for row in rows:
            if row and row[0][0] == BAD_EXPERT:
                assert "通过" not in row[-1][0] or "未通过" in row[-1][0], (header, row)


def test_sensitivity_and_risk_parts(demo_path, tmp_path):
    data = gather(load_project(demo_path), "zh", draws=300)
    tables = md_tables(render_markdown(data))
    tipping = find(tables, ("准则", "当前权重", "首位因素改变时的权重", "届时", "排序首次改变时的权重", "届时"))
    assert [row[0][0] for row in tipping] == [data.name(c) for c in data.project.model.root.children]
    mc = data.monte_carlo
    probabilities = find(tables, ("排序", "因素", "保持原位次的概率", "90% 模拟中的位次区间"))
    assert len(probabilities) == len(mc.leaves)
    units = find(tables, ("排序", "门店", "流失风险指数（流失度，0–100）", "已评价因素权重占比"))
    assert [(row[1][0], row[2][0], row[3][0]) for row in units] == [
        (u.name, f"{u.index:.1f}", f"{100 * u.coverage:.0f}%") for u in data.risk.units
    ]
    html = render_html(data)
    assert html.count("<svg") == 3 and 'viewBox="0 0 640' in html and "<svg width" not in html
    for needle in ("http://", "https://", "src=", "<link", "url(", "@import", "<script"):  # self-contained
        assert needle not in html


def test_cover_facts_and_method_statement(demo_path):
    data = gather(load_project(demo_path), "en", client="Acme Retail", consultant="Jane Roe", date="2026-12-01")
    tables = md_tables(render_markdown(data))
    facts = dict((r[0][0], r[1][0]) for r in find(tables, ("About this study", "")))
    assert facts["Client"] == "Acme Retail" and facts["Consultant"] == "Jane Roe" and facts["Date"] == "2026-12-01"
    people = find(tables, ("Expert", "Weight", "Share"))
    assert [(r[0][0], r[2][0]) for r in people] == [("Store manager", "50%"), ("Regional manager", "50%")]
    method = dict((r[0][0], r[1][0]) for r in find(tables, ("Method", "")))
    assert method["λmax"].startswith("the principal eigenvalue")
    assert "AIJ" in method["Combining experts"] and "Saaty (1980)" in method["Random index RI"]
    ri = find(tables, ("n", "RI", "CR limit"))
    used = {a.result.n: a.result for a in data.synthesis.nodes.values()}
    want = [[str(n), f"{used[n].ri:.2f}", f"{used[n].threshold:.2f}"] for n in sorted(used)]
    assert [[c for c, _ in row] for row in ri] == want
    names = [r[2][0] for r in find(tables, ("Code", "Level", "Name", "Description"))]
    assert len(names) == 1 + 4 + 17 and "Staff attitude and expertise" in names


def test_completed_judgments_are_marked(demo_path, tmp_path):
    p = load_project(demo_path)
    for r in range(len(p.respondents)):
        p.set_judgment(r, "goal", "service", "quality", None)
    p.save()
    data = gather(load_project(demo_path), "en")
    for fmt in FORMATS:
        matrix = find(tables_of(data, fmt, tmp_path), ("A", "B1", "B2", "B3", "B4", "W"))
        assert matrix[0][2][0].startswith("[") and matrix[1][1][0].startswith("["), fmt
        assert not matrix[0][3][0].startswith("[")
    assert "Values in [brackets] were missing and completed by the method." in render_markdown(data)


def test_workbook_sheets_headers_formats_and_frozen_rows(demo_path, tmp_path):
    from openpyxl import load_workbook

    from ahp.io.report import parts

    data = gather(load_project(demo_path), "zh", draws=200)
    out = tmp_path / "r.xlsx"
    write_xlsx(data, str(out))
    book = load_workbook(out)
    assert book.sheetnames == [p.sheet for p in parts(data)]  # one sheet per part, named in Chinese
    ranking = book["层次总排序"]
    assert ranking.freeze_panes == "A4" and ranking["A3"].value == "因素" and ranking["A3"].font.b
    overall = [c for c in ranking[3] if c.value == "总排序权重"][0].column
    assert {ranking.cell(row=r, column=overall).number_format for r in range(4, 4 + 17)} == {"0.0000"}
    assert ranking.column_dimensions["A"].width >= 20  # the Chinese factor names fit
    experts = book["专家一致性"]
    assert experts.freeze_panes == "A4" and experts["B4"].number_format == "0.0000"
    assert book["敏感性分析"]._charts and book["各门店流失风险"]._charts  # native Excel charts


def test_word_document_headings_form_a_table_of_contents(demo_path, tmp_path):
    import docx

    from ahp.io.report import parts

    data = gather(load_project(demo_path), "zh", draws=0)
    out = tmp_path / "r.docx"
    write_docx(data, str(out))
    doc = docx.Document(str(out))
    level1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert level1 == [p.title for p in parts(data)]
    matrices = [p.text for p in doc.paragraphs if p.style.name == "Heading 2" and "判断矩阵（" in p.text]
    assert matrices[:2] == ["A-B 判断矩阵（客户流失度）", "B1-C 判断矩阵（服务）"]
    header = doc.tables[0].rows[0]._tr
    assert (
        header.trPr is not None
        and header.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_is_github_flavoured_tables(demo_path, lang):
    from markdown_it import MarkdownIt

    from ahp.io.report import parts
    from ahp.io.report.document import Chart, Table

    data = gather(load_project(demo_path), lang, draws=200)
    page = MarkdownIt("commonmark").enable("table").render(render_markdown(data))
    expected = sum(isinstance(b, (Table, Chart)) for p in parts(data) for b in p.blocks)
    assert page.count("<table>") == expected  # every table parses as a table
    assert page.count("<h2>") == len(parts(data))
