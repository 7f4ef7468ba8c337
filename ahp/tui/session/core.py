"""Judgments and their history: the respondent on screen, set / undo / redo, the save snapshot.

Undo and redo go through one history, last step last: judgment changes (:class:`Edit`) and
removed respondents (:class:`Removal`), each kept with the respondent object it concerns, so a
removed respondent comes back with their judgments, weight and place, and the changes made to
them before still undo.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from ahp.core.hierarchy import Node, Synthesis, walk
from ahp.io.project import Project, Respondent, Unit

Pair = tuple[str, str]


@dataclass(frozen=True, eq=False)
class Edit:
    """One judgment change: ``who``'s pair ``a`` vs ``b`` at ``path`` went from ``before`` to ``after``."""

    who: Respondent
    path: str
    a: str
    b: str
    before: float | None
    after: float | None


@dataclass(frozen=True, eq=False)
class Removal:
    """A respondent removed from place ``index``; ``kept`` is the copy of the file made before."""

    who: Respondent
    index: int
    kept: str | None = None


Step = Edit | Removal


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


class SessionCore:
    """The project, whose judgments are on screen, and the undo/redo history.

    ``respondent`` is the index of the respondent whose judgments are on screen, ``None``
    when the project has no respondents.
    """

    def __init__(self, project: Project, respondent: int = 0) -> None:
        self.project = project
        self.respondent: int | None = min(respondent, len(project.respondents) - 1) if project.respondents else None
        self.undo_stack: list[Step] = []
        self.redo_stack: list[Step] = []
        #: Bumped by every change of data (judgments, respondents, settings): caches key on it.
        self.version = 0
        #: Bumped when the respondent on screen or the roster changes.
        self.roster = 0
        #: Bumped when other writers' changes are taken in (others' judgments may have changed).
        self.taken = 0
        self.synthesis: Synthesis = self._synthesize()

    # -- reading ---------------------------------------------------------------------------
    @property
    def respondent_name(self) -> str | None:
        """The name of the respondent whose judgments are on screen (``None``: there is none)."""
        return None if self.respondent is None else self.project.respondents[self.respondent].name

    @property
    def names(self) -> list[str]:
        """Every respondent's name, in file order."""
        return [r.name for r in self.project.respondents]

    def node(self, path: str) -> Node:
        """The inner node at ``path``."""
        return self.project.inner[path]

    def pairs(self, path: str) -> list[Pair]:
        """The node's pairs (ids), row by row: (0,1), (0,2), ..., (1,2), ..."""
        ids = [c.id for c in self.node(path).children]
        return [(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))]

    def value(self, path: str, a: str, b: str) -> float | None:
        """The judgment ``a`` vs ``b`` of the respondent on screen (``None`` when missing)."""
        if self.respondent is None:
            return None
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
            chain = set(pairwise(ids))
            first.extend(Question(path, a, b) for a, b in pairwise(ids))
            rest.extend(Question(path, a, b) for a, b in self.pairs(path) if (a, b) not in chain)
        return first + rest

    # -- changing judgments ----------------------------------------------------------------
    def set_judgment(self, path: str, a: str, b: str, value: float | None) -> bool:
        """Set (``None``: clear) a judgment of the respondent on screen; returns whether anything changed."""
        if self.respondent is None:
            return False
        before = self.value(path, a, b)
        if _same(before, value):
            return False
        e = Edit(self.project.respondents[self.respondent], path, a, b, before, value)
        self._apply(e, e.after)
        self._record(e)
        return True

    def _record(self, step: Step) -> None:
        self.undo_stack.append(step)
        self.redo_stack.clear()

    def undo(self) -> Step | None:
        """Undo the last step (showing its respondent); returns it, or ``None`` when there is none."""
        if not self.undo_stack:
            return None
        step = self.undo_stack.pop()
        if isinstance(step, Removal):
            self._restore(step)
        else:
            self._apply(step, step.before)
        self.redo_stack.append(step)
        return step

    def redo(self) -> Step | None:
        """Redo the last undone step; returns it, or ``None`` when there is none."""
        if not self.redo_stack:
            return None
        step = self.redo_stack.pop()
        if isinstance(step, Removal):
            self._remove_at(step.index)
        else:
            self._apply(step, step.after)
        self.undo_stack.append(step)
        return step

    def _apply(self, e: Edit, value: float | None) -> None:
        index = self._index_of(e.who)
        if index != self.respondent:
            self.respondent = index
            self.roster += 1
        self.project.set_judgment(index, e.path, e.a, e.b, value)
        self.version += 1
        self.synthesis = self._synthesize()

    def _restore(self, step: Removal) -> None:
        """Put a removed respondent back in their place and show them."""
        self.project.respondents.insert(step.index, step.who)
        self.respondent = step.index
        self._roster_changed()
        self.synthesis = self._synthesize()

    def _remove_at(self, index: int) -> None:
        """Remove respondent ``index``; the next (or the previous, for the last) comes on screen."""
        self.project.remove_respondent(self.project.respondents[index].name)
        n = len(self.project.respondents)
        self.respondent = None if n == 0 else min(index, n - 1)
        self._roster_changed()
        self.synthesis = self._synthesize()

    def taken_in(self) -> None:
        """Other writers' changes were taken into the project: the caches and views follow. The
        respondent on screen stays (others' respondents are appended), and so does their interview."""
        n = len(self.project.respondents)
        before, self.respondent = self.respondent, None if n == 0 else min(self.respondent or 0, n - 1)
        self.version += 1
        self.taken += 1
        if self.respondent != before:
            self.roster += 1
        self.synthesis = self._synthesize()

    def _roster_changed(self) -> None:
        self.version += 1
        self.roster += 1

    def _index_of(self, who: Respondent) -> int:
        return next(i for i, r in enumerate(self.project.respondents) if r is who)

    def _synthesize(self) -> Synthesis:
        # With no respondents every node is incomplete (equal, provisional weights).
        return self.project.synthesize(self.respondent_name)

    # -- copies for other threads ------------------------------------------------------------
    def snapshot(self) -> Project:
        """A copy of the project to save in another thread (taken here, on the UI thread, one per
        save): edits made meanwhile stay pending for the next save. Once it is saved, give it
        back with ``session.project.adopt(copy)``."""
        return self.project.snapshot()

    def analysis_copy(self) -> Project:
        """A copy of the project's judgments, settings and units to analyse in another thread.

        It is never saved, so it leaves the file state (and the next save) alone.
        """
        import copy

        clone = copy.copy(self.project)
        clone.respondents = [
            Respondent(r.name, r.weight, {path: dict(pairs) for path, pairs in r.judgments.items()})
            for r in self.project.respondents
        ]
        clone.units = [Unit(u.name, dict(u.ratings)) for u in self.project.units]
        return clone
