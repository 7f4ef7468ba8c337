"""The state behind the screens: one project, whose judgments are edited, and its history.

No Textual here. The app owns one :class:`Session`; screens read it and ask it to change
judgments. Every change re-synthesizes the hierarchy (milliseconds) and is recorded for
undo/redo.

>>> import tempfile, pathlib
>>> from ahp.io.project import new_project
>>> s = Session(new_project(pathlib.Path(tempfile.mkdtemp()) / "t.ahp.toml"))
>>> s.pairs("goal")[:2]
[('service', 'quality'), ('service', 'price')]
>>> s.set_judgment("goal", "service", "quality", 3.0)
True
>>> s.value("goal", "service", "quality"), s.undo(), s.value("goal", "service", "quality")
(3.0, ('goal', 'service', 'quality'), None)
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass

from ahp.core.hierarchy import ROOT, Node, Synthesis, walk
from ahp.io.project import Project

Pair = tuple[str, str]


@dataclass(frozen=True)
class Edit:
    """One judgment change: ``path``'s pair ``a`` vs ``b`` went from ``before`` to ``after``."""

    path: str
    a: str
    b: str
    before: float | None
    after: float | None


@dataclass(frozen=True)
class Question:
    """One interview question: the pair ``a`` vs ``b`` of the node at ``path``."""

    path: str
    a: str
    b: str


def _same(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is y
    return math.isclose(x, y, rel_tol=1e-9)


class Session:
    """A project opened in the TUI: the respondent on screen, the synthesis, undo/redo."""

    def __init__(self, project: Project, respondent: int = 0) -> None:
        self.project = project
        if not project.respondents:
            from ahp.io.project import Respondent

            project.respondents.append(Respondent("Respondent 1"))
        self.respondent = respondent
        self.undo_stack: list[Edit] = []
        self.redo_stack: list[Edit] = []
        self.version = 0
        self.synthesis: Synthesis = self._synthesize()

    # -- reading ---------------------------------------------------------------------------
    @property
    def respondent_name(self) -> str:
        """The name of the respondent whose judgments are on screen."""
        return self.project.respondents[self.respondent].name

    def node(self, path: str) -> Node:
        """The inner node at ``path``."""
        return self.project.inner[path]

    def pairs(self, path: str) -> list[Pair]:
        """The node's pairs (ids), row by row: (0,1), (0,2), ..., (1,2), ..."""
        ids = [c.id for c in self.node(path).children]
        return [(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))]

    def value(self, path: str, a: str, b: str) -> float | None:
        """The judgment ``a`` vs ``b`` (``None`` when missing)."""
        return self.project.judgment(self.respondent, path, a, b)

    def tree(self) -> list[tuple[str, Node, int]]:
        """Every node, preorder, as ``(path, node, depth)``."""
        return list(walk(self.project.model.root))

    def interview(self) -> list[Question]:
        """Every pair in asking order: a spanning set of each node first, then the rest.

        The spanning set chains neighbours (e0-e1, e1-e2, ...): once it is answered every
        node's weights are determined, so an interview cut short still gives a ranking.
        """
        first: list[Question] = []
        rest: list[Question] = []
        for path in self.project.inner:
            ids = [c.id for c in self.node(path).children]
            chain = set(zip(ids, ids[1:]))
            first.extend(Question(path, a, b) for a, b in zip(ids, ids[1:]))
            rest.extend(Question(path, a, b) for a, b in self.pairs(path) if (a, b) not in chain)
        return first + rest

    # -- changing --------------------------------------------------------------------------
    def set_judgment(self, path: str, a: str, b: str, value: float | None) -> bool:
        """Set (``None``: clear) a judgment; returns whether anything changed."""
        before = self.value(path, a, b)
        if _same(before, value):
            return False
        self._apply(Edit(path, a, b, before, value))
        self.undo_stack.append(Edit(path, a, b, before, value))
        self.redo_stack.clear()
        return True

    def undo(self) -> tuple[str, str, str] | None:
        """Undo the last change; returns the pair it touched (or ``None``: nothing to undo)."""
        if not self.undo_stack:
            return None
        e = self.undo_stack.pop()
        self._apply(Edit(e.path, e.a, e.b, e.after, e.before))
        self.redo_stack.append(e)
        return e.path, e.a, e.b

    def redo(self) -> tuple[str, str, str] | None:
        """Redo the last undone change; returns the pair it touched (or ``None``)."""
        if not self.redo_stack:
            return None
        e = self.redo_stack.pop()
        self._apply(e)
        self.undo_stack.append(e)
        return e.path, e.a, e.b

    def _apply(self, e: Edit) -> None:
        self.project.set_judgment(self.respondent, e.path, e.a, e.b, e.after)
        self.version += 1
        self.synthesis = self._synthesize()

    def _synthesize(self) -> Synthesis:
        return self.project.synthesize(self.respondent_name)

    # -- saving ----------------------------------------------------------------------------
    def snapshot(self) -> Project:
        """A copy of the project to save from another thread while editing goes on.

        The copy shares the model and settings (immutable) and copies the judgments.
        """
        clone = copy.copy(self.project)
        clone.respondents = copy.deepcopy(self.project.respondents)
        return clone


__all__ = ["ROOT", "Edit", "Pair", "Question", "Session"]
