"""The state behind the screens: one project, whose judgments are edited, and its history.

No Textual here. The app owns one :class:`Session`; screens read it and ask it to change
judgments or respondents. Every judgment change re-synthesizes the hierarchy of the
respondent on screen (a millisecond) and is recorded for undo/redo; the panel of all
respondents is computed only when a screen asks for it, and cached until something changes.

>>> import tempfile, pathlib
>>> from ahp.io.project import new_project
>>> s = Session(new_project(pathlib.Path(tempfile.mkdtemp()) / "t.ahp.toml"))
>>> s.pairs("goal")[:2]
[('service', 'quality'), ('service', 'price')]
>>> s.set_judgment("goal", "service", "quality", 3.0)
True
>>> s.value("goal", "service", "quality"), s.undo(), s.value("goal", "service", "quality")
(3.0, ('goal', 'service', 'quality'), None)
>>> s.add_respondent("Regional manager"), s.respondent_name, s.value("goal", "service", "quality")
(1, 'Regional manager', None)
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from ahp.core.hierarchy import ROOT, Node, Synthesis, walk
from ahp.errors import AHPError
from ahp.io.project import Project, Respondent, Unit

if TYPE_CHECKING:
    from ahp.core.group import Individuals
    from ahp.core.panel import Panel
    from ahp.core.sensitivity import OneWay
    from ahp.io.risk import RiskReport

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


@dataclass(frozen=True)
class Question:
    """One interview question: the pair ``a`` vs ``b`` of the node at ``path``."""

    path: str
    a: str
    b: str


@dataclass(frozen=True)
class NodeCR:
    """One respondent's consistency at one node, as the main screen lists it.

    ``status`` is consistent / inconsistent / incomplete; ``policy`` says what the panel does
    with an inconsistent respondent here ("flagged", "excluded", "included"), else ``None``.
    """

    name: str
    cr: float | None
    status: str
    policy: str | None
    current: bool


_POLICY_WORD = {"flag": "flagged", "exclude": "excluded", "include": "included"}


def _same(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is y
    return math.isclose(x, y, rel_tol=1e-9)


class Session:
    """A project opened in the TUI: the respondent on screen, the synthesis, undo/redo.

    ``respondent`` is the index of the respondent whose judgments are on screen, ``None``
    when the project has no respondents. ``combined`` says whether the results screen (and
    exports) show all respondents combined or only the one on screen.
    """

    def __init__(self, project: Project, respondent: int = 0) -> None:
        self.project = project
        self.respondent: int | None = min(respondent, len(project.respondents) - 1) if project.respondents else None
        self.combined = True
        self.undo_stack: list[Edit] = []
        self.redo_stack: list[Edit] = []
        #: Bumped by every change of data (judgments, respondents, settings): caches key on it.
        self.version = 0
        #: Bumped when the respondent on screen changes.
        self.roster = 0
        self._panel: tuple[int, Panel | None] | None = None
        self._crs: dict[str, tuple[int, Individuals]] = {}
        #: id(respondent) -> (respondent, an unshared copy of them) for :meth:`snapshot`.
        self._copies: dict[int, tuple[Respondent, Respondent]] = {}
        self.synthesis: Synthesis = self._synthesize()
        #: The unit (store, region, segment) on the ratings screen.
        self.unit = 0
        #: Rating changes, last last: (unit, leaf path, grade before, grade after).
        self.rating_undo: list[tuple[Unit, str, str | None, str | None]] = []
        #: Bumped by every rating or unit change.
        self.ratings_version = 0
        self._one_way: tuple[tuple, OneWay] | None = None

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
            chain = set(zip(ids, ids[1:]))
            first.extend(Question(path, a, b) for a, b in zip(ids, ids[1:]))
            rest.extend(Question(path, a, b) for a, b in self.pairs(path) if (a, b) not in chain)
        return first + rest

    # -- the panel -------------------------------------------------------------------------
    def panel(self) -> Panel | None:
        """All respondents together (cached until something changes); ``None`` without respondents."""
        if self._panel is None or self._panel[0] != self.version:
            self._panel = (self.version, self.project.panel() if self.project.respondents else None)
        return self._panel[1]

    @property
    def shows_combined(self) -> bool:
        """Whether the results combine several respondents (rather than show one)."""
        return self.combined and len(self.project.respondents) > 1

    def results(self) -> Synthesis:
        """What the results screen and exports show: the panel's synthesis or the one on screen."""
        if self.shows_combined:
            panel = self.panel()
            assert panel is not None
            return panel.synthesis
        return self.synthesis

    def results_respondent(self) -> str | None:
        """The respondent the results are for, ``None`` when they combine several."""
        return None if self.shows_combined else self.respondent_name

    #: Up to this many respondents, :meth:`node_crs` lists each; beyond, the others are counted.
    LIST_LIMIT = 8

    def node_crs(self, path: str) -> tuple[list[NodeCR], dict[str, int]]:
        """Respondents' CRs at ``path``: the one on screen live, the others from a cache.

        Returns ``(listed, counts)``: with few respondents every one is listed and ``counts`` is
        empty; with more than :data:`LIST_LIMIT` only the one on screen is listed and ``counts``
        gives how many of the others are consistent, inconsistent, incomplete.
        """
        key = self.roster  # the others' judgments change only when the roster or the one on screen does
        cached = self._crs.get(path)
        if cached is None or cached[0] != key:
            from ahp.core.group import individual_priorities

            s = self.project.settings
            ind = individual_priorities(
                self.project.stack(path), method=s.method, random_index=s.random_index,
                threshold=s.threshold, completion=s.completion,
            )
            cached = self._crs[path] = (key, ind)
        ind = cached[1]
        policy = _POLICY_WORD[self.project.settings.inconsistent]

        def one(r: int) -> NodeCR:
            if r == self.respondent:
                a = self.synthesis.nodes[path]
                cr = None if a.result is None else float(a.result.cr)
                status = a.status
            else:
                cr = float(ind.cr[r]) if ind.determined[r] else None
                status = "incomplete" if cr is None else ("consistent" if ind.consistent[r] else "inconsistent")
            return NodeCR(self.names[r], cr, status, policy if status == "inconsistent" else None, r == self.respondent)

        n = len(self.project.respondents)
        if n <= self.LIST_LIMIT:
            return [one(r) for r in range(n)], {}
        others = np.ones(n, dtype=bool)
        if self.respondent is not None:
            others[self.respondent] = False
        determined = ind.determined[others]
        consistent = ind.consistent[others]
        counts = {
            "consistent": int(consistent.sum()),
            "inconsistent": int((determined & ~consistent).sum()),
            "incomplete": int((~determined).sum()),
        }
        return ([one(self.respondent)] if self.respondent is not None else []), counts

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
        self.undo_stack.append(e)
        self.redo_stack.clear()
        return True

    def undo(self) -> tuple[str, str, str] | None:
        """Undo the last change (showing its respondent); returns the pair it touched, or ``None``."""
        if not self.undo_stack:
            return None
        e = self.undo_stack.pop()
        self._apply(e, e.before)
        self.redo_stack.append(e)
        return e.path, e.a, e.b

    def redo(self) -> tuple[str, str, str] | None:
        """Redo the last undone change; returns the pair it touched, or ``None``."""
        if not self.redo_stack:
            return None
        e = self.redo_stack.pop()
        self._apply(e, e.after)
        self.undo_stack.append(e)
        return e.path, e.a, e.b

    def _apply(self, e: Edit, value: float | None) -> None:
        index = self._index_of(e.who)
        if index != self.respondent:
            self.respondent = index
            self.roster += 1
        self.project.set_judgment(index, e.path, e.a, e.b, value)
        self._copies.pop(id(e.who), None)
        self.version += 1
        self.synthesis = self._synthesize()

    def _index_of(self, who: Respondent) -> int:
        return next(i for i, r in enumerate(self.project.respondents) if r is who)

    def _synthesize(self) -> Synthesis:
        # With no respondents every node is incomplete (equal, provisional weights).
        return self.project.synthesize(self.respondent_name)

    # -- respondents -----------------------------------------------------------------------
    def switch(self, index: int) -> None:
        """Show the judgments of respondent ``index`` (taken modulo the number of respondents)."""
        if not self.project.respondents:
            return
        index %= len(self.project.respondents)
        if index != self.respondent:
            self.respondent = index
            self.roster += 1
            self.synthesis = self._synthesize()

    def add_respondent(self, name: str, weight: float = 1.0) -> int:
        """Add a respondent (no judgments yet) and show them; returns their index.

        Raises :class:`AHPError` for an empty or duplicate name or a bad weight.
        """
        index = self.project.add_respondent(name, weight)
        self._roster_changed()
        self.switch(index)
        return index

    def rename_respondent(self, new: str) -> None:
        """Rename the respondent on screen."""
        name = self._current()
        self.project.rename_respondent(name, new)
        self._roster_changed()

    def set_weight(self, weight: float) -> None:
        """Change how much the respondent on screen counts in the panel."""
        self.project.set_respondent_weight(self._current(), weight)
        self._roster_changed()

    def remove_respondent(self) -> str:
        """Remove the respondent on screen and their judgments (and their undo history).

        The next respondent (or the previous, for the last one) comes on screen; with none left,
        ``respondent`` is ``None``. Returns the name removed.
        """
        name = self._current()
        who = self.project.respondents[self.respondent]  # type: ignore[index]
        self.project.remove_respondent(name)
        self.undo_stack = [e for e in self.undo_stack if e.who is not who]
        self.redo_stack = [e for e in self.redo_stack if e.who is not who]
        n = len(self.project.respondents)
        self.respondent = None if n == 0 else min(self.respondent or 0, n - 1)
        self._roster_changed()
        self.roster += 1
        self.synthesis = self._synthesize()
        return name

    def set_settings(self, **changes: object) -> None:
        """Change settings (aggregation, aip_mean, inconsistent); checked by the project's rules."""
        from ahp.core.group import AIP_MEANS
        from ahp.core.group import AGGREGATIONS, INCONSISTENT_POLICIES

        allowed = {"aggregation": AGGREGATIONS, "aip_mean": AIP_MEANS, "inconsistent": INCONSISTENT_POLICIES}
        for key, value in changes.items():
            if key not in allowed or value not in allowed[key]:
                raise AHPError(f"settings.{key} cannot be {value!r}")
        self.project.settings = replace(self.project.settings, **changes)  # type: ignore[arg-type]
        self._roster_changed()

    def _current(self) -> str:
        if self.respondent is None:
            raise AHPError("there is no respondent yet; add one first")
        return self.project.respondents[self.respondent].name

    def _roster_changed(self) -> None:
        self.version += 1
        self.roster += 1
        self._copies.clear()

    # -- sensitivity -------------------------------------------------------------------------
    def _scope_key(self) -> tuple:
        return (self.version, self.results_respondent(), self.shows_combined)

    def sensitivity(self) -> OneWay:
        """One-way sensitivity of the results on screen (cached); raises AHPError when a node lacks judgments."""
        key = self._scope_key()
        if self._one_way is None or self._one_way[0] != key:
            self._one_way = (key, self.project.sensitivity(self.results_respondent(), top=3))
        return self._one_way[1]

    def varied_nodes(self) -> list[str]:
        """The nodes whose weight the sensitivity screen can vary: criteria, inner nodes, then factors."""
        one_way = self.sensitivity()
        tree = self.project.model.root.layout
        order = {path: k for k, path in enumerate(tree.paths)}

        def key(path: str) -> tuple[int, int, int]:
            leaf = not tree.nodes[tree.index[path]].children
            return (int(leaf), path.count("/"), order[path])

        return sorted(one_way.nodes, key=key)

    def monte_carlo_job(self, draws: int, seed: int, noise: str = "lognormal", spread: float = 0.2):
        """A function to run in a worker thread: Monte Carlo on a copy of the results' judgments.

        The copy is taken here (on the UI thread), so edits made meanwhile cannot disturb it.
        The function takes ``progress(done, total)`` and returns a ``MonteCarlo``.
        """
        project, who = self.snapshot(), self.results_respondent()

        def run(progress):
            return project.monte_carlo(who, draws=draws, seed=seed, noise=noise, spread=spread, top=3,
                                       progress=progress)

        return run

    # -- ratings and risk ----------------------------------------------------------------------
    def leaves(self) -> list[str]:
        """Every churn factor's path, in model order."""
        return [path for path, node, _ in self.tree() if not node.children and path != "goal"]

    def leaf(self, path: str) -> Node:
        """The churn factor at ``path``."""
        tree = self.project.model.root.layout
        return tree.nodes[tree.index[path]]

    def global_weights(self) -> dict[str, float]:
        """Each churn factor's global weight in the results on screen."""
        return {leaf.path: float(leaf.global_weight) for leaf in self.results().ranking}

    def risk(self) -> RiskReport:
        """Every unit's churn-risk index and action list under the results on screen."""
        from ahp.io.risk import risk_report

        return risk_report(self.project, self.results())

    def rating(self, unit: int, path: str) -> str | None:
        """The grade id of a unit's factor (``None``: not rated)."""
        return self.project.units[unit].ratings.get(path)

    def set_rating(self, unit: int, path: str, grade: str | None) -> bool:
        """Rate (``None``: unrate) one factor of one unit; returns whether anything changed."""
        before = self.rating(unit, path)
        if before == grade:
            return False
        self.project.set_rating(unit, path, grade)
        self.rating_undo.append((self.project.units[unit], path, before, self.rating(unit, path)))
        self.ratings_version += 1
        return True

    def undo_rating(self) -> tuple[int, str] | None:
        """Undo the last rating change; returns (unit index, factor path) or ``None``."""
        while self.rating_undo:
            who, path, before, _after = self.rating_undo.pop()
            index = next((i for i, u in enumerate(self.project.units) if u is who), None)
            if index is None:  # the unit was removed since
                continue
            self.project.set_rating(index, path, before)
            self.ratings_version += 1
            self.unit = index
            return index, path
        return None

    def add_unit(self, name: str) -> int:
        """Add a unit to rate and show it; raises AHPError for an empty or duplicate name."""
        index = self.project.add_unit(name)
        self.unit = index
        self.ratings_version += 1
        return index

    def rename_unit(self, new: str) -> str:
        """Rename the unit on the ratings screen; returns its old name.

        Raises :class:`AHPError` for an empty or duplicate name. The unit keeps its ratings
        and their undo history (which follows the unit, not its name).
        """
        old = self.project.units[self.unit].name
        self.project.rename_unit(old, new)
        self.ratings_version += 1
        return old

    def remove_unit(self, index: int) -> str:
        """Remove a unit and its ratings (and their undo history); returns its name."""
        who = self.project.units[index]
        self.project.remove_unit(who.name)
        self.rating_undo = [e for e in self.rating_undo if e[0] is not who]
        self.unit = max(0, min(self.unit, len(self.project.units) - 1))
        self.ratings_version += 1
        return who.name

    # -- saving ----------------------------------------------------------------------------
    def snapshot(self) -> Project:
        """A copy of the project to save from another thread while editing goes on.

        The copy shares the model and settings (immutable) and copies the judgments; a
        respondent's copy is reused until their judgments change, so a keypress in a survey of
        thousands copies one respondent, not all.
        """
        clone = copy.copy(self.project)
        copies = []
        for r in self.project.respondents:
            c = self._copies.get(id(r))
            if c is None or c[0] is not r:
                c = self._copies[id(r)] = (r, Respondent(r.name, r.weight, {p: dict(v) for p, v in r.judgments.items()}))
            copies.append(c[1])
        clone.respondents = copies
        clone.units = [Unit(u.name, dict(u.ratings)) for u in self.project.units]
        return clone


def disagreement(panel: Panel, respondent: int) -> tuple[str, float, float] | None:
    """The churn factor where a respondent's global weight is furthest from the group's.

    Returns ``(leaf path, their weight, the group's weight)``, or ``None`` without leaves.
    """
    if not panel.leaves:
        return None
    group = np.array([leaf.global_weight for leaf in panel.synthesis.ranking])
    gap = np.abs(panel.global_weights[respondent] - group)
    if np.all(np.isnan(gap)):
        return None
    k = int(np.nanargmax(gap))
    return panel.leaves[k], float(panel.global_weights[respondent, k]), float(group[k])


__all__ = ["ROOT", "Edit", "NodeCR", "Pair", "Question", "Session", "disagreement"]
