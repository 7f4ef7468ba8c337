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


@dataclass(frozen=True, eq=False)
class UnitRisk:
    """One unit: risk index (0-100), rated share of the weight, rank (1 = riskiest), actions."""

    name: str
    index: float
    coverage: float
    rank: int
    actions: tuple[Action, ...]
    unrated: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class RiskReport:
    """Every unit, riskiest first, with the weights and the scale behind the numbers."""

    units: tuple[UnitRisk, ...]
    grades: tuple[Grade, ...]
    synthesis: Synthesis


def risk_report(project: Project, synthesis: Synthesis) -> RiskReport:
    """Index and action list of every unit of ``project`` under the factor weights of ``synthesis``."""
    ranking = sorted(synthesis.ranking, key=lambda leaf: leaf.path)
    paths = [leaf.path for leaf in ranking]
    g = np.array([leaf.global_weight for leaf in ranking])
    by_id = {grade.id: grade for grade in project.model.grades}
    best = min(grade.intensity for grade in project.model.grades)
    level = np.array([[by_id[u.ratings[p]].intensity if p in u.ratings else np.nan for p in paths] for u in project.units])
    if not project.units:
        return RiskReport((), project.model.grades, synthesis)
    r = risk(g, level)
    order = np.argsort(-np.nan_to_num(r.index, nan=-1.0), kind="stable")
    rank = np.empty(len(order), dtype=int)
    rank[order] = np.arange(1, len(order) + 1)
    units = []
    for i, u in enumerate(project.units):
        gain = improvement(g, level[i], best)
        todo = [k for k in actions(g, level[i], best) if paths[k] in u.ratings and gain[k] > 1e-12]
        units.append(UnitRisk(
            name=u.name,
            index=float(r.index[i]),
            coverage=float(r.coverage[i]),
            rank=int(rank[i]),
            actions=tuple(Action(paths[k], ranking[k].node, by_id[u.ratings[paths[k]]], float(g[k]), float(gain[k])) for k in todo),
            unrated=tuple(p for p in paths if p not in u.ratings),
        ))
    return RiskReport(tuple(sorted(units, key=lambda u: u.rank)), project.model.grades, synthesis)
