"""Fuzzy comprehensive evaluation (模糊综合评价) of a unit's churn degree (流失度).

For each churn factor a unit has a distribution over the grades of the rating scale (how many
customers answered 很好 ... 很差; one grade alone is a distribution with membership 1 on it).
Rows normalised to sum 1 they form the membership matrix R (factors x grades). With the
factors' weights W, the evaluation vector is B = W o R under a composition operator:

* ``weighted-average``, M(·,+): b_j = sum_i w_i r_ij (the default: every factor counts);
* ``main-factor``, M(∧,∨): b_j = max_i min(w_i, r_ij), then normalised to sum 1 (only the
  strongest factor-grade link counts at each grade).

Unrated factors (rows of ``nan``) are left out and the weights of the rated ones rescaled to
sum 1. The churn degree is 100 x B · levels, ``levels`` being the grades' churn intensities
rescaled so the best grade is 0 and the worst 1; the grade of maximum membership
(最大隶属度原则) is the grade where B is largest (the best such grade on a tie).

>>> R = membership(np.array([[2, 6, 2, 0], [0, 0, 5, 5]]))
>>> b = compose(np.array([0.75, 0.25]), R)
>>> b.round(3).tolist(), round(churn_degree(b, np.array([0, 1/3, 2/3, 1])), 2), int(b.argmax())
([0.15, 0.45, 0.275, 0.125], 45.83, 1)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ahp.errors import AHPError, Phrase, listed

#: The composition operators of B = W o R, with the names textbooks give them.
OPERATORS = {"weighted-average": "M(·,+)", "main-factor": "M(∧,∨)"}


def membership(counts: np.ndarray) -> np.ndarray:
    """Each row of grade counts (or shares) divided by its sum; a row summing to 0 or holding
    ``nan`` (an unrated factor) becomes all ``nan``.

    >>> membership(np.array([[12, 30, 20, 8, 2], [0, 0, 0, 0, 0]])).round(3).tolist()[0]
    [0.167, 0.417, 0.278, 0.111, 0.028]
    """
    counts = np.asarray(counts, dtype=float)
    total = counts.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, counts / total, np.nan)


def compose(weights: np.ndarray, memberships: np.ndarray, operator: str = "weighted-average") -> np.ndarray:
    """B = W o R over the rated rows of ``memberships`` (factors x grades), the weights of the
    rated factors rescaled to sum 1; all ``nan`` when no factor is rated or carries weight.

    >>> R = np.array([[1.0, 0.0], [0.2, 0.8], [np.nan, np.nan]])
    >>> compose(np.array([0.2, 0.4, 0.4]), R).round(4).tolist()
    [0.4667, 0.5333]
    >>> compose(np.array([0.2, 0.4, 0.4]), R, "main-factor").round(4).tolist()
    [0.3333, 0.6667]
    """
    if operator not in OPERATORS:
        raise AHPError(Phrase("operator must be one of {choices}; got {operator!r}",
                              {"choices": listed(OPERATORS), "operator": operator}))
    rated = ~np.isnan(memberships).any(axis=-1)
    w = np.asarray(weights, dtype=float)[rated]
    r = memberships[rated]
    if not rated.any() or w.sum() <= 0:
        return np.full(memberships.shape[-1], np.nan)
    w = w / w.sum()
    if operator == "weighted-average":
        return w @ r
    b = np.minimum(w[:, None], r).max(axis=0)
    return b / b.sum()


def churn_degree(evaluation: np.ndarray, levels: np.ndarray) -> float:
    """100 x B · levels: 0 when B sits wholly on the best grade, 100 on the worst.

    >>> churn_degree(np.array([0.5, 0.5, 0.0]), np.array([0.0, 0.5, 1.0]))
    25.0
    """
    return float(100 * evaluation @ levels)


@dataclass(frozen=True, eq=False)
class Evaluation:
    """B (membership of each grade, ``nan`` when nothing is rated), the churn degree on 0-100
    and the index of the maximum-membership grade (``None`` when nothing is rated)."""

    membership: np.ndarray
    degree: float
    grade: int | None


def evaluate(weights: np.ndarray, memberships: np.ndarray, levels: np.ndarray,
             operator: str = "weighted-average") -> Evaluation:
    """The evaluation of one unit: B = W o R, its churn degree and maximum-membership grade.

    >>> e = evaluate(np.array([0.5, 0.5]), np.array([[0.0, 1.0], [0.5, 0.5]]), np.array([0.0, 1.0]))
    >>> e.membership.tolist(), e.degree, e.grade
    ([0.25, 0.75], 75.0, 1)
    """
    b = compose(weights, memberships, operator)
    if np.isnan(b).any():
        return Evaluation(b, float("nan"), None)
    return Evaluation(b, churn_degree(b, levels), int(np.argmax(b)))


def grade_levels(intensities: np.ndarray) -> np.ndarray:
    """The grades' intensities rescaled so the best (lowest) is 0 and the worst 1.

    >>> grade_levels(np.array([0.25, 0.5, 1.0])).round(4).tolist()
    [0.0, 0.3333, 1.0]
    """
    intensities = np.asarray(intensities, dtype=float)
    return (intensities - intensities.min()) / (intensities.max() - intensities.min())
