"""The group screen's progress table: each respondent's answered questions of the full
interview, whether the planner says their top factors are settled, pass/fail per node with the
failing nodes named, and the worst CR (:mod:`ahp.io.progress` works them out).

>>> import tempfile, pathlib
>>> from rich.console import Console
>>> from ahp.io.project import new_project
>>> from ahp.io.progress import panel_progress
>>> from ahp.tui.widgets.rendered import rendered
>>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "x.ahp.toml")
>>> head, row = rendered(progress_table(p, panel_progress(p), 0, "zh", 70), Console(), 70).plain.splitlines()
>>> head.split()
['专家', '已答题数', '前', '5', '位', '最大一致性比率', 'CR', '判断矩阵']
>>> row.split()
['▶', 'Respondent', '1', '0/43', '—', '—', '尚未作答']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from ahp.io.glossary import say, separator
from ahp.io.progress import Progress, node_label, settled_words
from ahp.tui.widgets.marks import STATUS_MARK, STATUS_STYLE
from ahp.tui.widgets.pair_table import fit

if TYPE_CHECKING:
    from ahp.io.project import Project


def nodes_cell(project: Project, p: Progress, language: str, width: int) -> Text:
    """``4✓ 1✗ 0? Price``: how many nodes pass, fail and are incomplete, then the failing ones."""
    if not p.answered:
        return Text(say("progress.none", language), "dim")
    out = Text()
    for passed, status in ((True, "consistent"), (False, "inconsistent"), (None, "incomplete")):
        out.append(f"{p.count(passed)}{STATUS_MARK[status]} ", STATUS_STYLE[status])
    if p.failing:
        out.append(separator(language).join(node_label(project, path, language) for path in p.failing), "red")
    out.truncate(width, overflow="ellipsis")
    return out


def worst_cell(p: Progress) -> Text:
    """The worst CR, marked ✓ when every determined node passes, ✗ when one fails (``—``: none)."""
    if p.worst_cr is None:
        return Text("—", "dim")
    status = "inconsistent" if p.failing else "consistent"
    return Text.assemble(f"{p.worst_cr:.3f} ", (STATUS_MARK[status], STATUS_STYLE[status]))


def progress_table(project: Project, progress: list[Progress], current: int | None, language: str,
                   width: int) -> Table:
    """One row per respondent (``current``: the one on screen, marked ▶), exactly ``width`` wide; the
    nodes last, as they take the room left (the failing ones are named)."""
    top = progress[0].top if progress else 5
    name_w = max(10, min(24, width // 4, max((cell_len(p.name) for p in progress), default=10)))
    top_w, worst_w = 12, 18
    nodes_w = max(12, width - 1 - name_w - 8 - top_w - worst_w - 2 * 5)
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold",
                  expand=True, width=width)
    table.add_column("", width=1, no_wrap=True)
    table.add_column(say("progress.respondent", language), width=name_w, no_wrap=True, overflow="ellipsis")
    table.add_column(say("progress.answered", language), width=8, no_wrap=True)
    table.add_column(say("progress.top", language, top=top), width=top_w, no_wrap=True, overflow="ellipsis")
    table.add_column(say("progress.worst head", language), width=worst_w, no_wrap=True, overflow="ellipsis")
    table.add_column(say("progress.nodes head", language), no_wrap=True, overflow="ellipsis", ratio=1)
    for r, p in enumerate(progress):
        settled = settled_words(p, language, short=True)
        style = "green" if p.settled or p.answered == p.questions else "yellow"
        table.add_row(Text("▶" if r == current else " ", "bold"), fit(p.name, name_w),
                      f"{p.answered}/{p.questions}", Text(settled, style) if settled else Text("—", "dim"),
                      worst_cell(p), nodes_cell(project, p, language, nodes_w))
    return table
