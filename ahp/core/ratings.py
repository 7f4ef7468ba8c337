"""Ratings: where each store (or region, or segment) stands on each churn factor.

Every factor of a unit gets a grade on a verbal scale; each grade has an intensity in [0, 1],
the share of the factor's weight that counts as churn risk. A unit's churn-risk index is
100 x sum_l g_l x (intensity_l - best) / (worst - best) over its rated factors, divided by the
weight of those factors: 0 when every rated factor is at the best grade, 100 when every one is
at the worst, whatever intensities the grades have (an unrated factor neither adds nor hides
risk, and coverage says how much of the weight was rated). Its action list orders the factors
by the index points bringing each to the best grade would take off.

Grade intensities may come from a pairwise comparison of the grades (how much more each grade
drives churn than another), as AHP ratings models do: the principal eigenvector divided by its
largest entry (the ideal mode), so the worst grade is 1 and the best grade above 0.

>>> g = np.array([0.5, 0.3, 0.2])
>>> ratings = np.array([[1.0, 0.0, 0.5], [0.25, np.nan, 0.0]])
>>> r = risk(g, ratings)
>>> r.index.round(2).tolist(), r.coverage.round(2).tolist()
([60.0, 17.86], [1.0, 0.7])
>>> actions(g, ratings[0], best=0.0).tolist()
[0, 2, 1]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ahp.core.weights import perron


def intensities_from_comparisons(matrix: np.ndarray) -> np.ndarray:
    """Grade intensities in ideal mode: the Perron vector of the grades' matrix over its maximum.

    >>> intensities_from_comparisons(np.array([[1, 1/3], [3, 1]])).round(4).tolist()
    [0.3333, 1.0]
    """
    w = perron(np.asarray(matrix, dtype=float))[1]
    return w / w.max()


@dataclass(frozen=True, eq=False)
class Risk:
    """Churn-risk index (units,) on 0-100, and the share of factor weight that was rated."""

    index: np.ndarray
    coverage: np.ndarray


def risk(global_weights: np.ndarray, intensities: np.ndarray, best: float = 0.0, worst: float = 1.0) -> Risk:
    """The churn-risk index of every unit: ``intensities`` is (units, leaves), ``nan`` unrated;
    ``best`` and ``worst`` are the intensities of the best and the worst grade. A unit with no
    rated factor has index ``nan`` and coverage 0.

    >>> r = risk(np.array([0.5, 0.5]), np.array([[0.2, 0.2], [1.0, np.nan], [np.nan, np.nan]]), best=0.2)
    >>> r.index.tolist(), r.coverage.tolist()
    ([0.0, 100.0, nan], [1.0, 0.5, 0.0])
    """
    rated = ~np.isnan(intensities)
    weight = np.where(rated, global_weights, 0.0)
    covered = weight.sum(axis=-1)
    total = (weight * (np.where(rated, intensities, best) - best)).sum(axis=-1) / (worst - best)
    with np.errstate(invalid="ignore", divide="ignore"):
        index = np.where(covered > 0, 100 * total / covered, np.nan)
    return Risk(index, covered / global_weights.sum())


def improvement(global_weights: np.ndarray, intensities: np.ndarray, best: float, worst: float = 1.0) -> np.ndarray:
    """Index points each factor of one unit would take off its index if brought to the best
    grade (``nan`` unrated): its share of the unit's index.

    >>> improvement(np.array([0.5, 0.25, 0.25]), np.array([1.0, 0.5, np.nan]), best=0.0).tolist()
    [66.66666666666667, 16.666666666666668, nan]
    """
    covered = global_weights[~np.isnan(intensities)].sum()
    return 100 * global_weights * (intensities - best) / ((worst - best) * covered)


def actions(global_weights: np.ndarray, intensities: np.ndarray, best: float, worst: float = 1.0) -> np.ndarray:
    """One unit's factors (indices), biggest improvement first; unrated and best-grade ones last."""
    gain = np.nan_to_num(improvement(global_weights, intensities, best, worst), nan=-1.0)
    return np.argsort(-gain, kind="stable")
