"""Issue 19: the report says how many questions each expert answered, and what completed the rest.

Read back from every format: the text of the HTML, the Markdown, the Word document's paragraphs
and the workbook's cells.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from ahp.io.interview import question_count
from ahp.io.project import load_project
from ahp.io.report import gather, render_html, render_markdown, write_docx, write_xlsx

FORMATS = ("html", "md", "docx", "xlsx")


def report_text(project, fmt: str, lang: str, tmp_path: Path) -> str:
    """Every word the report shows in format ``fmt``, as one string."""
    data = gather(project, lang)
    if fmt == "html":
        return re.sub(r"<[^>]+>", "", render_html(data))
    if fmt == "md":
        return render_markdown(data)
    out = tmp_path / f"report.{fmt}"
    if fmt == "docx":
        import docx

        write_docx(data, str(out))
        return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    from openpyxl import load_workbook

    write_xlsx(data, str(out))
    cells = (c for ws in load_workbook(out).worksheets for line in ws.iter_rows() for c in line)
    return "\n".join(str(c.value) for c in cells if c.value)


def drop_redundant_pairs(project, who: int, keep: int) -> int:
    """Clear all but the spanning chain of each node of respondent ``who``, and ``keep`` more; how many remain."""
    for path, node in project.inner.items():
        ids = [c.id for c in node.children]
        chain = set(zip(ids, ids[1:], strict=False))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if (a, b) not in chain and keep <= 0:
                    project.set_judgment(who, path, a, b, None)
                elif (a, b) not in chain:
                    keep -= 1
    return sum(len(pairs) for pairs in project.respondents[who].judgments.values())


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_expert_answered_of_how_many_and_the_rest_completed_by_the_method(demo_path, tmp_path, fmt):
    project = load_project(demo_path)
    n = question_count(project)
    k = drop_redundant_pairs(project, 1, keep=2)
    first, second = (r.name for r in project.respondents)
    text = report_text(project, fmt, "en", tmp_path)
    assert f"{first} answered all {n} questions." in text
    assert (f"{second} answered {k} of {n} questions; the other {n - k} were completed by the λmax method "
            "(the values that minimise λmax).") in text
    text = report_text(project, fmt, "zh", tmp_path)
    assert f"{first} 回答了全部 {n} 个问题。" in text
    assert (f"{second} 回答了 {n} 个问题中的 {k} 个，"
            f"其余 {n - k} 个由最大特征根最小化法（使 λmax 最小的取值）补全。") in text


def test_the_projects_completion_method_is_named(demo_path, tmp_path):
    project = load_project(demo_path)
    project.settings = replace(project.settings, completion="harker")
    n = question_count(project)
    k = drop_redundant_pairs(project, 0, keep=0)
    name = project.respondents[0].name
    assert f"{name} answered {k} of {n} questions; the other {n - k} were completed by Harker's method." in report_text(
        project, "md", "en", tmp_path)
    assert f"其余 {n - k} 个由 Harker 法补全。" in report_text(project, "md", "zh", tmp_path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_matrix_only_one_expert_determines_has_no_consensus_in_the_report(demo_path, tmp_path, fmt):
    """The second expert skipped price: its S* counted as 1.000 (very high), also in the overall."""
    project = load_project(demo_path)
    ids = [c.id for c in project.inner["price"].children]
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            project.set_judgment(1, "price", a, b, None)
    panel = project.panel()
    assert panel.consensus_left_out == ("price",)
    text = html.unescape(report_text(project, fmt, "en", tmp_path))
    assert f"Overall consensus S* = {panel.consensus:.3f} ({panel.band}), leaving out" in text
    assert fmt == "docx" or "only one expert's judgments determine it" in text  # docx: its paragraphs only
    text = report_text(project, fmt, "zh", tmp_path)
    assert "（该处无共识可言）" in text and (fmt == "docx" or "仅一位专家的判断完整" in text)
