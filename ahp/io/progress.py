"""Each respondent's progress, for the consultant: how many of their questions they answered,
whether the planner says their top factors are settled, and their consistency node by node.

``ahp serve`` prints a line per change (:func:`progress_line`); the TUI's group screen shows the
same in a table. Words from the glossary, entirely Chinese in ``zh``.

>>> import tempfile, pathlib
>>> from ahp.io.project import new_project
>>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "x.ahp.toml")
>>> progress_line(p, respondent_progress(p, 0), "zh")
'Respondent 1：已答 0/43 题 · 尚未作答'
>>> p.set_judgment(0, "goal", "service", "quality", 3)
>>> progress_line(p, respondent_progress(p, 0), "en")
'Respondent 1: 1 of 43 answered · top 5 not settled yet · 0 node(s) pass, 0 fail, 5 incomplete'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ahp.errors import AHPError
from ahp.io.glossary import say, separator
from ahp.io.interview import answered_text, question_count

if TYPE_CHECKING:
    from ahp.io.project import Project

#: How many top factors the adaptive interview settles (fewer when the model has fewer factors).
INTERVIEW_TOP = 5


@dataclass(frozen=True)
class NodeCheck:
    """One node of one respondent: its path, CR (``None`` while the judgments do not determine
    the weights) and whether it passes the consistency test (``None``: incomplete)."""

    path: str
    cr: float | None
    passed: bool | None


@dataclass(frozen=True)
class Progress:
    """One respondent's progress: ``answered`` of ``questions`` (the full interview), whether the
    planner says their top ``top`` factors are ``settled`` (``None`` before the first answer and
    after the last, where it says nothing new), and each node's :class:`NodeCheck`."""

    name: str
    answered: int
    questions: int
    top: int
    settled: bool | None
    nodes: tuple[NodeCheck, ...]

    @property
    def failing(self) -> tuple[str, ...]:
        """The paths of the nodes that fail the consistency test."""
        return tuple(n.path for n in self.nodes if n.passed is False)

    @property
    def worst_cr(self) -> float | None:
        """The largest CR of the nodes whose weights are determined (``None``: none is)."""
        crs = [n.cr for n in self.nodes if n.cr is not None and not math.isnan(n.cr)]
        return max(crs) if crs else None

    def count(self, passed: bool | None) -> int:
        """How many nodes pass (``True``), fail (``False``) or are incomplete (``None``)."""
        return sum(n.passed is passed for n in self.nodes)


def respondent_progress(project: Project, respondent: int, top: int = INTERVIEW_TOP) -> Progress:
    """The progress of respondent number ``respondent`` (asks the planner while they are midway)."""
    r = project.respondents[respondent]
    questions = question_count(project)
    answered = sum(len(r.judgments.get(path, {})) for path in project.inner)
    top = min(top, len(project.model.root.layout.leaves))
    settled = None
    if 0 < answered < questions:
        try:
            settled = project.plan(r.name, top).settled
        except AHPError:  # no plan for this model: the line says nothing of it
            settled = None
    nodes = ()
    if answered:
        analyses = project.synthesize(r.name, suggestions=0).nodes.values()
        nodes = tuple(NodeCheck(a.path, None if a.result is None else float(a.result.cr),
                                None if a.result is None else bool(a.result.consistent)) for a in analyses)
    return Progress(r.name, answered, questions, top, settled, nodes)


def panel_progress(project: Project, top: int = INTERVIEW_TOP) -> list[Progress]:
    """Every respondent's :class:`Progress`, in the project's order."""
    return [respondent_progress(project, i, top) for i in range(len(project.respondents))]


def node_label(project: Project, path: str, language: str = "en") -> str:
    """A node's name in ``language`` (the goal's for ``goal``)."""
    return project.model.root.label(language) if path == "goal" else project.node(path).label(language)


def settled_words(p: Progress, language: str = "en", *, short: bool = False) -> str:
    """``top 5 settled`` / ``top 5 not settled yet`` / ``all answered`` ('' before any answer)."""
    if p.answered == p.questions:
        return say("progress.complete", language)
    if p.settled is None:
        return ""
    key = "progress.settled" if p.settled else "progress.open"
    return say(f"{key} short" if short else key, language, top=p.top)


def nodes_words(project: Project, p: Progress, language: str = "en") -> str:
    """``3 node(s) pass, 1 fail, 2 incomplete · failing: Price``."""
    words = say("progress.nodes", language, passed=p.count(True), failed=p.count(False))
    if p.count(None):
        words += separator(language) + say("progress.incomplete", language, k=p.count(None))
    if p.failing:
        names = separator(language).join(node_label(project, path, language) for path in p.failing)
        words += " · " + say("progress.failing", language, names=names)
    return words


def progress_line(project: Project, p: Progress, language: str = "en") -> str:
    """One line for the consultant: who, answered m/n, settled, pass/fail per node, worst CR."""
    parts = [answered_text(p.answered, p.questions, language)]
    if not p.answered:
        parts.append(say("progress.none", language))
    else:
        if p.settled is not None:
            parts.append(settled_words(p, language))
        parts.append(nodes_words(project, p, language))
        if p.worst_cr is not None:
            parts.append(say("progress.worst", language, cr=f"{p.worst_cr:.3f}"))
    return p.name + say("colon", language) + " · ".join(parts)
