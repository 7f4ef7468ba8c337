"""The churn-risk index, the fuzzy comprehensive evaluation and the action list of every rated
unit of a project.

The maths is :mod:`ahp.core.ratings` and :mod:`ahp.core.fuzzy`; this puts names, grades,
owners and ranks around it. A rating is one grade or a count per grade (see
:mod:`ahp.io.ratings_file`); the index of a unit is its churn degree (流失度) under the
weighted-average operator M(·,+), so both agree when that operator is chosen.

>>> import ahp
>>> project = ahp.load_project("examples/retail-churn-demo.ahp.toml")
>>> report = risk_report(project, project.synthesize(suggestions=0))
>>> u = report.units[0]
>>> (u.rank, u.name, round(u.index, 1), round(u.evaluation.degree, 1), report.grades[u.evaluation.grade].id)
(1, 'Riverside store', 60.5, 60.5, 'fair')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ahp.core.fuzzy import OPERATORS, Evaluation, evaluate, grade_levels, membership
from ahp.core.hierarchy import Node, RankedLeaf, Synthesis, child_path
from ahp.core.ratings import actions, improvement, risk
from ahp.errors import AHPError, Phrase, listed
from ahp.io.glossary import say
from ahp.io.model import CONTROLLABLE, Grade
from ahp.io.ratings_file import grade_row

if TYPE_CHECKING:
    from ahp.io.project import Project


@dataclass(frozen=True)
class Action:
    """A factor of one unit: its grade (of maximum membership, when customers' answers are
    counted), the membership of each grade, and how many index points the best grade would save."""

    path: str
    node: Node
    grade: Grade
    weight: float
    gain: float
    membership: tuple[float, ...] = ()

    @property
    def spread(self) -> bool:
        """Whether the rating spreads over several grades (counts), not one grade."""
        return max(self.membership, default=1.0) < 1.0

    @property
    def owner(self) -> str | None:
        """Who can act on the factor: "store", "head-office", "external" (``None``: not stated)."""
        return self.node.controllable


@dataclass(frozen=True, eq=False)
class Evaluated:
    """A criterion's fuzzy evaluation for one unit: B over its factors, degree and grade."""

    path: str
    node: Node
    evaluation: Evaluation


#: Units whose rated factors carry less of the weight than this are listed apart, not ranked.
MIN_COVERAGE = 0.5


@dataclass(frozen=True, eq=False)
class UnitRisk:
    """One unit: risk index (0-100, ``nan`` when nothing is rated), rated share of the weight,
    rank (1 = riskiest; ``None`` when listed apart, with ``reason`` saying why), actions, and the
    fuzzy evaluation of the whole (``evaluation``) and of each criterion (``criteria``)."""

    name: str
    index: float
    coverage: float
    rank: int | None
    actions: tuple[Action, ...]
    unrated: tuple[str, ...]
    reason: str | None = None
    evaluation: Evaluation | None = None
    criteria: tuple[Evaluated, ...] = ()

    def actions_by_owner(self) -> list[tuple[str | None, tuple[Action, ...]]]:
        """The actions grouped store, head office, external, then not stated (empty groups left
        out), largest gain first in each."""
        groups = [(owner, tuple(a for a in self.actions if a.owner == owner)) for owner in (*CONTROLLABLE, None)]
        return [(owner, group) for owner, group in groups if group]


@dataclass(frozen=True, eq=False)
class RiskReport:
    """Every unit: the ranked ones riskiest first, then those rated on too little of the weight
    (``min_coverage``), with the weights, the scale and the fuzzy operator behind the numbers;
    ``owner`` is the owner the actions were limited to (``None``: all)."""

    units: tuple[UnitRisk, ...]
    grades: tuple[Grade, ...]
    synthesis: Synthesis
    min_coverage: float = MIN_COVERAGE
    operator: str = "weighted-average"
    owner: str | None = None

    @property
    def ranked(self) -> tuple[UnitRisk, ...]:
        """The units with a rank, riskiest first."""
        return tuple(u for u in self.units if u.rank is not None)

    @property
    def apart(self) -> tuple[UnitRisk, ...]:
        """The units rated on too little of the weight to be ranked."""
        return tuple(u for u in self.units if u.rank is None)

    @property
    def operator_name(self) -> str:
        """The operator as textbooks write it: M(·,+) or M(∧,∨)."""
        return OPERATORS[self.operator]


def apart_reason(coverage: float, min_coverage: float, language: str = "en") -> str | None:
    """Why a unit with this share of the weight rated is not ranked (``None``: it is).

    >>> apart_reason(0.3, 0.5, "zh")
    '已评价因素的权重占比为 30%，不足排序所需的 50%'
    """
    if coverage <= 0:
        return say("risk.none rated", language)
    if coverage < min_coverage:
        return say("risk.too little", language, share=f"{coverage:.0%}", needed=f"{min_coverage:.0%}")
    return None


def _criteria(synthesis: Synthesis, paths: list[str]) -> list[tuple[str, Node, np.ndarray]]:
    """The goal's sub-elements that have factors below them, each with a mask over ``paths``."""
    goal = synthesis.nodes["goal"].node
    out = []
    for child in goal.children:
        path = child_path("goal", child.id)
        mask = np.array([p.startswith(path + "/") for p in paths])
        if child.children and mask.any():
            out.append((path, child, mask))
    return out


@dataclass(frozen=True)
class _Scale:
    """The grades, best first, with the intensities of the best and the worst."""

    scale: tuple[Grade, ...]
    best: float
    worst: float


def _unit_actions(paths: list[str], ranking: list[RankedLeaf], rated: np.ndarray, g: np.ndarray, level: np.ndarray,
                  r_unit: np.ndarray, grades: _Scale, owner: str | None) -> tuple[Action, ...]:
    """One unit's actions, largest gain first: rated factors not at the best grade (of ``owner``)."""
    gain = improvement(g, level, grades.best, grades.worst) if rated.any() else np.full(len(paths), np.nan)
    todo = [k for k in actions(g, level, grades.best, grades.worst) if rated[k] and gain[k] > 1e-12]
    out = []
    for k in todo:
        node = ranking[k].node
        if owner is not None and node.controllable != owner:
            continue
        out.append(Action(paths[k], node, grades.scale[int(np.argmax(r_unit[k]))], float(g[k]), float(gain[k]),
                          tuple(float(v) for v in r_unit[k])))
    return tuple(out)


def risk_report(project: Project, synthesis: Synthesis, min_coverage: float = MIN_COVERAGE,
                operator: str = "weighted-average", owner: str | None = None) -> RiskReport:
    """Index, fuzzy evaluation and action list of every unit of ``project`` under the factor
    weights of ``synthesis``; a unit whose rated factors carry less than ``min_coverage`` of the
    weight is not ranked. ``operator`` composes B = W o R (see :data:`ahp.core.fuzzy.OPERATORS`);
    ``owner`` keeps only the actions that owner can take."""
    if operator not in OPERATORS:
        raise AHPError(Phrase("unknown fuzzy operator {operator!r}; choose one of {choices}",
                              {"operator": operator, "choices": listed(OPERATORS)}))
    if owner is not None and owner not in CONTROLLABLE:
        raise AHPError(Phrase("unknown owner {owner!r}; choose one of {choices}",
                              {"owner": owner, "choices": listed(CONTROLLABLE)}))
    grades = project.model.grades
    if not project.units:
        return RiskReport((), grades, synthesis, min_coverage, operator, owner)
    ranking = sorted(synthesis.ranking, key=lambda leaf: leaf.path)
    paths = [leaf.path for leaf in ranking]
    g = np.array([leaf.global_weight for leaf in ranking])
    intensity = np.array([grade.intensity for grade in grades])
    scale = _Scale(grades, float(intensity.min()), float(intensity.max()))
    levels = grade_levels(intensity)
    r_all = membership(np.array([[grade_row(u.ratings.get(p), project.model) for p in paths] for u in project.units]))
    level = r_all @ intensity  # expected intensity: a grade's own for one grade, nan unrated
    r = risk(g, level, scale.best, scale.worst)
    reasons = [apart_reason(float(c), min_coverage) for c in r.coverage]
    order = sorted((i for i, why in enumerate(reasons) if why is None), key=lambda i: -r.index[i])
    rank = {i: k + 1 for k, i in enumerate(order)}
    criteria = _criteria(synthesis, paths)
    units = []
    for i, u in enumerate(project.units):
        rated = ~np.isnan(level[i])
        units.append(UnitRisk(
            name=u.name,
            index=float(r.index[i]),
            coverage=float(r.coverage[i]),
            rank=rank.get(i),
            actions=_unit_actions(paths, ranking, rated, g, level[i], r_all[i], scale, owner),
            unrated=tuple(p for k, p in enumerate(paths) if not rated[k]),
            reason=reasons[i],
            evaluation=evaluate(g, r_all[i], levels, operator),
            criteria=tuple(Evaluated(path, node, evaluate(g[mask], r_all[i][mask], levels, operator))
                           for path, node, mask in criteria),
        ))
    placed = [units[i] for i in order] + [u for u in units if u.rank is None]
    return RiskReport(tuple(placed), grades, synthesis, min_coverage, operator, owner)
