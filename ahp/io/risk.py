"""The churn-risk index and action list of every rated unit of a project.

The maths is :mod:`ahp.core.ratings`; this puts names, grades and ranks around it.

>>> import ahp
>>> project = ahp.load_project("examples/retail-churn-demo.ahp.toml")
>>> report = risk_report(project, project.synthesize(suggestions=0))
>>> [(u.rank, u.name, round(u.index, 1)) for u in report.units][:1]
[(1, 'Riverside store', 60.5)]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ahp.core.hierarchy import Node, Synthesis
from ahp.core.ratings import actions, improvement, risk
from ahp.io.model import Grade

if TYPE_CHECKING:
    from ahp.io.project import Project


@dataclass(frozen=True)
class Action:
    """A factor of one unit: its grade and how many index points the best grade would save."""

    path: str
    node: Node
    grade: Grade
    weight: float
    gain: float


#: Units whose rated factors carry less of the weight than this are listed apart, not ranked.
MIN_COVERAGE = 0.5


@dataclass(frozen=True, eq=False)
class UnitRisk:
    """One unit: risk index (0-100, ``nan`` when nothing is rated), rated share of the weight,
    rank (1 = riskiest; ``None`` when listed apart, with ``reason`` saying why), actions."""

    name: str
    index: float
    coverage: float
    rank: int | None
    actions: tuple[Action, ...]
    unrated: tuple[str, ...]
    reason: str | None = None


@dataclass(frozen=True, eq=False)
class RiskReport:
    """Every unit: the ranked ones riskiest first, then those rated on too little of the weight
    (``min_coverage``), with the weights and the scale behind the numbers."""

    units: tuple[UnitRisk, ...]
    grades: tuple[Grade, ...]
    synthesis: Synthesis
    min_coverage: float = MIN_COVERAGE

    @property
    def ranked(self) -> tuple[UnitRisk, ...]:
        """The units with a rank, riskiest first."""
        return tuple(u for u in self.units if u.rank is not None)

    @property
    def apart(self) -> tuple[UnitRisk, ...]:
        """The units rated on too little of the weight to be ranked."""
        return tuple(u for u in self.units if u.rank is None)


def _apart_reason(coverage: float, min_coverage: float) -> str | None:
    """Why a unit with this share of the weight rated is not ranked (``None``: it is)."""
    if coverage <= 0:
        return "no factor is rated"
    if coverage < min_coverage:
        return f"rated factors carry {coverage:.0%} of the weight, under the {min_coverage:.0%} needed to rank it"
    return None


def risk_report(project: Project, synthesis: Synthesis, min_coverage: float = MIN_COVERAGE) -> RiskReport:
    """Index and action list of every unit of ``project`` under the factor weights of ``synthesis``;
    a unit whose rated factors carry less than ``min_coverage`` of the weight is not ranked."""
    ranking = sorted(synthesis.ranking, key=lambda leaf: leaf.path)
    paths = [leaf.path for leaf in ranking]
    g = np.array([leaf.global_weight for leaf in ranking])
    by_id = {grade.id: grade for grade in project.model.grades}
    best = min(grade.intensity for grade in project.model.grades)
    worst = max(grade.intensity for grade in project.model.grades)
    if not project.units:
        return RiskReport((), project.model.grades, synthesis, min_coverage)
    level = np.array([[by_id[u.ratings[p]].intensity if p in u.ratings else np.nan for p in paths] for u in project.units])
    r = risk(g, level, best, worst)
    reasons = [_apart_reason(float(c), min_coverage) for c in r.coverage]
    order = sorted((i for i, why in enumerate(reasons) if why is None), key=lambda i: -r.index[i])
    rank = {i: k + 1 for k, i in enumerate(order)}
    units = []
    for i, u in enumerate(project.units):
        gain = improvement(g, level[i], best, worst) if r.coverage[i] > 0 else np.full(len(paths), np.nan)
        todo = [k for k in actions(g, level[i], best, worst) if paths[k] in u.ratings and gain[k] > 1e-12]
        units.append(UnitRisk(
            name=u.name,
            index=float(r.index[i]),
            coverage=float(r.coverage[i]),
            rank=rank.get(i),
            actions=tuple(Action(paths[k], ranking[k].node, by_id[u.ratings[paths[k]]], float(g[k]), float(gain[k]))
                          for k in todo),
            unrated=tuple(p for p in paths if p not in u.ratings),
            reason=reasons[i],
        ))
    placed = [units[i] for i in order] + [u for u in units if u.rank is None]
    return RiskReport(tuple(placed), project.model.grades, synthesis, min_coverage)
