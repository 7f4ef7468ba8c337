"""Ratings: where each store (or region, or segment) stands on each churn factor.

Every factor of a unit gets a grade on a verbal scale; each grade has an intensity in [0, 1],
the share of the factor's weight that counts as churn risk (0 for the best grade). A unit's
churn-risk index is 100 x sum_l g_l x intensity_l over its rated factors, divided by the
weight of those factors (so an unrated factor neither adds nor hides risk, and coverage says
how much was rated). Its action list orders the factors by g_l x (intensity_l - best): how many
index points bringing that factor to the best grade would take off.

Grade intensities may come from a pairwise comparison of the grades (how much more each grade
drives churn than another), as AHP ratings models do: the principal eigenvector divided by its
largest entry (the ideal mode), so the worst grade is 1.

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


def risk(global_weights: np.ndarray, intensities: np.ndarray) -> Risk:
    """The churn-risk index of every unit: ``intensities`` is (units, leaves), ``nan`` unrated."""
    rated = ~np.isnan(intensities)
    weight = np.where(rated, global_weights, 0.0)
    covered = weight.sum(axis=-1)
    total = (weight * np.nan_to_num(intensities)).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        index = np.where(covered > 0, 100 * total / covered, np.nan)
    return Risk(index, covered / global_weights.sum())


def improvement(global_weights: np.ndarray, intensities: np.ndarray, best: float) -> np.ndarray:
    """Index points each factor would take off if brought to the best grade (``nan`` unrated)."""
    return 100 * global_weights * (intensities - best)


def actions(global_weights: np.ndarray, intensities: np.ndarray, best: float) -> np.ndarray:
    """One unit's factors (indices), biggest improvement first; unrated and best-grade ones last."""
    gain = np.nan_to_num(improvement(global_weights, intensities, best), nan=-1.0)
    return np.argsort(-gain, kind="stable")
