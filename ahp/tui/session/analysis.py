"""What the analysis screens show: the panel, the results in scope, per-node CRs, sensitivity, risk.

The heavy numbers (the panel of every respondent, one-way sensitivity) are cached until the
data they come from changes. A screen that finds them missing shows "computing" and has them
worked out in a worker thread: :meth:`AnalysisMixin.job` copies the project here, on the UI
thread, and returns the work to do on the copy; :meth:`AnalysisMixin.store` keeps the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ahp.core.hierarchy import Synthesis
from ahp.errors import AHPError
from ahp.tui.session.core import SessionCore

if TYPE_CHECKING:
    from ahp.core.group import Individuals
    from ahp.core.panel import Panel
    from ahp.core.sensitivity import OneWay
    from ahp.io.progress import Progress
    from ahp.io.project import Project
    from ahp.io.risk import RiskReport


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


POLICY_WORD = {"flag": "flagged", "exclude": "excluded", "include": "included"}


def _panel(project: Project, _who: str | None) -> Panel | None:
    return project.panel() if project.respondents else None


def _one_way(project: Project, who: str | None) -> OneWay | AHPError:
    try:
        return project.sensitivity(who, top=3)
    except AHPError as exc:  # a node lacks judgments: the screen says so
        return exc


def _progress(project: Project, _who: str | None) -> list[Progress]:
    from ahp.io.progress import panel_progress

    return panel_progress(project)


#: The heavy numbers: name -> how to work them out from a project and the respondent in scope.
HEAVY: dict[str, Callable[[Project, str | None], Any]] = {"panel": _panel, "one_way": _one_way, "progress": _progress}


class AnalysisMixin(SessionCore):
    """Caches of the heavy numbers, keyed by the data and the scope they were computed for."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: Whether the results (and exports) show all respondents combined or the one on screen.
        self.combined = True
        self._heavy: dict[str, tuple[tuple, Any]] = {}
        self._crs: dict[str, tuple[int, Individuals]] = {}

    # -- the heavy numbers -------------------------------------------------------------------
    def _heavy_key(self, name: str) -> tuple:
        return (self.version,) if name in ("panel", "progress") else (self.version, self.results_respondent())

    def ready(self, name: str) -> bool:
        """Whether ``name`` ("panel", "one_way") is known for the data as they are now."""
        cached = self._heavy.get(name)
        return cached is not None and cached[0] == self._heavy_key(name)

    def job(self, name: str) -> Callable[[], tuple[tuple, Any]]:
        """The work of computing ``name``, on a copy of the project taken now, for a worker thread.

        The work returns ``(key, value)`` to hand to :meth:`store`.
        """
        key, project, who = self._heavy_key(name), self.analysis_copy(), self.results_respondent()
        return lambda: (key, HEAVY[name](project, who))

    def store(self, name: str, key: tuple, value: Any) -> bool:
        """Keep a value a worker computed; returns whether it is still the current one."""
        if key != self._heavy_key(name):
            return False
        self._heavy[name] = (key, value)
        return True

    def _get(self, name: str) -> Any:
        if not self.ready(name):
            key = self._heavy_key(name)
            self._heavy[name] = (key, HEAVY[name](self.project, self.results_respondent()))
        return self._heavy[name][1]

    def panel(self) -> Panel | None:
        """All respondents together (computed here unless cached); ``None`` without respondents."""
        return self._get("panel")

    def progress(self) -> list[Progress]:
        """Every respondent's progress (computed here unless cached)."""
        return self._get("progress")

    def sensitivity(self) -> OneWay:
        """One-way sensitivity of the results on screen; raises AHPError when a node lacks judgments."""
        value = self._get("one_way")
        if isinstance(value, AHPError):
            raise value
        return value

    # -- the results in scope ----------------------------------------------------------------
    @property
    def shows_combined(self) -> bool:
        """Whether the results combine several respondents (rather than show one)."""
        return self.combined and len(self.project.respondents) > 1

    def results_ready(self) -> bool:
        """Whether :meth:`results` answers at once (one respondent, or the panel is known)."""
        return not self.shows_combined or self.ready("panel")

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

    def _individuals(self, path: str) -> Individuals:
        key = (self.roster, self.taken)  # others' judgments change with the roster, the one on screen, or a take-in
        cached = self._crs.get(path)
        if cached is None or cached[0] != key:
            from ahp.core.group import individual_priorities

            s = self.project.settings
            ind = individual_priorities(
                self.project.stack(path), method=s.method, random_index=s.random_index,
                threshold=s.threshold, completion=s.completion,
            )
            cached = self._crs[path] = (key, ind)
        return cached[1]

    def _node_cr(self, path: str, ind: Individuals, r: int) -> NodeCR:
        if r == self.respondent:
            a = self.synthesis.nodes[path]
            cr = None if a.result is None else float(a.result.cr)
            status = a.status
        else:
            cr = float(ind.cr[r]) if ind.determined[r] else None
            status = "incomplete" if cr is None else ("consistent" if ind.consistent[r] else "inconsistent")
        policy = POLICY_WORD[self.project.settings.inconsistent] if status == "inconsistent" else None
        return NodeCR(self.names[r], cr, status, policy, r == self.respondent)

    def node_crs(self, path: str) -> tuple[list[NodeCR], dict[str, int]]:
        """Respondents' CRs at ``path``: the one on screen live, the others from a cache.

        Returns ``(listed, counts)``: with few respondents every one is listed and ``counts`` is
        empty; with more than :data:`LIST_LIMIT` only the one on screen is listed and ``counts``
        gives how many of the others are consistent, inconsistent, incomplete.
        """
        ind = self._individuals(path)
        n = len(self.project.respondents)
        if n <= self.LIST_LIMIT:
            return [self._node_cr(path, ind, r) for r in range(n)], {}
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
        listed = [self._node_cr(path, ind, self.respondent)] if self.respondent is not None else []
        return listed, counts

    # -- sensitivity and risk ------------------------------------------------------------------
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
        project, who = self.analysis_copy(), self.results_respondent()

        def run(progress):
            return project.monte_carlo(who, draws=draws, seed=seed, noise=noise, spread=spread, top=3,
                                       progress=progress)

        return run

    def global_weights(self) -> dict[str, float]:
        """Each churn factor's global weight in the results on screen."""
        return {leaf.path: float(leaf.global_weight) for leaf in self.results().ranking}

    def risk(self) -> RiskReport:
        """Every unit's churn-risk index and action list under the results on screen."""
        from ahp.io.risk import risk_report

        return risk_report(self.project, self.results())


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
