"""The report a consultant hands to the client: HTML, Markdown, Excel or Word, in English or Chinese.

:func:`gather` takes every number from the project's facade; :func:`parts` lays the report
out once as format-neutral blocks (overview and method, judgment matrices, overall ranking,
experts, sensitivity, churn risk, appendix); each writer only decides how the blocks look.

>>> import ahp
>>> data = gather(ahp.load_project("examples/retail-churn-demo.ahp.toml"), "zh")
>>> [p.title for p in parts(data)]
['概况', '判断矩阵及层次单排序', '层次总排序', '专家一致性', '各门店流失风险', '附录：各专家判断矩阵']
"""

from __future__ import annotations

import io

from ahp.errors import AHPError, Phrase, listed
from ahp.io.atomic import write_atomic
from ahp.io.report.cover import overview
from ahp.io.report.data import ReportData, gather
from ahp.io.report.document import Part
from ahp.io.report.experts import appendix_part, experts_part
from ahp.io.report.matrices import matrices_part, ranking_part
from ahp.io.report.outcomes import risk_part, sensitivity_part

__all__ = ["FORMATS", "ReportData", "gather", "parts", "render_html", "render_markdown", "write_docx", "write_report",
           "write_xlsx"]

FORMATS: tuple[str, ...] = ("html", "md", "xlsx", "docx")


def parts(d: ReportData) -> tuple[Part, ...]:
    """The report's parts in order; sensitivity only when gathered, risk only with rated units."""
    out = [overview(d), matrices_part(d), ranking_part(d), experts_part(d)]
    if d.one_way is not None:
        out.append(sensitivity_part(d))
    if d.risk.units:
        out.append(risk_part(d))
    out.append(appendix_part(d))
    return tuple(out)


def _title(d: ReportData) -> str:
    return d.project.title or d.t("report")


def render_html(d: ReportData) -> str:
    """One self-contained HTML file (inline CSS and SVG, no scripts, nothing fetched)."""
    from ahp.io.report.to_html import render_html as page

    return page(_title(d), parts(d), d.language, d.t("toc"))


def render_markdown(d: ReportData) -> str:
    """The report as GitHub-flavoured Markdown."""
    from ahp.io.report.to_markdown import render_markdown as text

    return text(_title(d), parts(d))


def write_xlsx(d: ReportData, path: str) -> None:
    """The report as an Excel workbook, one sheet per part, written atomically."""
    from ahp.io.report.to_xlsx import workbook

    buffer = io.BytesIO()
    workbook(parts(d)).save(buffer)
    write_atomic(path, buffer.getvalue())


def write_docx(d: ReportData, path: str) -> None:
    """The report as a Word document, written atomically."""
    from ahp.io.report.to_docx import document

    buffer = io.BytesIO()
    document(_title(d), parts(d), d.language, d.t("toc")).save(buffer)
    write_atomic(path, buffer.getvalue())


def write_report(d: ReportData, path: str, fmt: str) -> None:
    """Write the report in ``fmt`` (one of :data:`FORMATS`) to ``path``."""
    if fmt == "xlsx":
        write_xlsx(d, path)
    elif fmt == "docx":
        write_docx(d, path)
    elif fmt in ("html", "md"):
        write_atomic(path, render_html(d) if fmt == "html" else render_markdown(d))
    else:
        raise AHPError(Phrase("{path}: unknown report format {fmt!r}; choose one of {choices}",
                              {"path": path, "fmt": fmt, "choices": listed(FORMATS)}))

