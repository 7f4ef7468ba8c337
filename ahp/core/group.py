"""Several respondents: combining their judgments or priorities, and measuring agreement.

- AIJ (aggregation of individual judgments): weighted geometric mean of the matrices, the only
  mean that keeps the combined matrix reciprocal (Aczel & Saaty 1983). A respondent who left a
  pair missing does not count for that pair.
- AIP (aggregation of individual priorities): weighted geometric (default) or arithmetic mean
  of the respondents' priority vectors, renormalised to sum 1.
- Consensus: Goepel's AHP consensus indicator S* (Goepel 2013; 2018, Int. J. of the AHP
  10(3)), from the Shannon alpha and beta entropy of the respondents' priorities.

Everything works on stacks: one row (or matrix) per respondent.

>>> stack = np.array([[[1, 2], [1/2, 1]], [[1, 3], [1/3, 1]], [[1, 4], [1/4, 1]]])
>>> round(float(aggregate_judgments(stack)[0, 1]), 4)
2.8845
>>> w = np.array([[.5, .3, .2], [.5, .3, .2]])
>>> round(consensus(w), 6), consensus_band(consensus(w))
(1.0, 'very high')
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ahp.core.priorities import analyse_stack
from ahp.errors import AHPError, Phrase, listed

AIP_MEANS: tuple[str, ...] = ("geometric", "arithmetic")
AGGREGATIONS: tuple[str, ...] = ("aij", "aip")
#: What happens to a respondent whose CR fails the threshold at a node.
INCONSISTENT_POLICIES: tuple[str, ...] = ("flag", "include", "exclude")
#: Goepel's word scale for S* (bpmsg.com, "AHP consensus indicator"): below 0.5 very low, then
#: steps of 0.125.
CONSENSUS_BANDS: tuple[tuple[float, str], ...] = (
    (0.875, "very high"), (0.75, "high"), (0.625, "moderate"), (0.5, "low"), (-np.inf, "very low"),
)


def _normalised(weights: np.ndarray | None, r: int) -> np.ndarray:
    """The respondents' weights scaled to sum 1 (equal when ``None``)."""
    w = np.ones(r) if weights is None else np.asarray(weights, dtype=float)
    if w.shape != (r,) or not (np.isfinite(w).all() and (w >= 0).all() and w.sum() > 0):
        raise AHPError(Phrase("respondent weights must be {r} finite numbers, none negative and not all 0", {"r": r}))
    return w / w.sum()


def aggregate_judgments(stack: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """Weighted geometric mean of a stack (respondents, n, n) of matrices, ignoring ``nan``.

    A cell nobody judged stays ``nan``.
    """
    w = _normalised(weights, stack.shape[0])
    known = ~np.isnan(stack)
    wk = np.where(known, w[:, None, None], 0.0)
    total = wk.sum(axis=0)
    logs = np.where(known, np.log(np.where(known, stack, 1.0)), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, np.exp((wk * logs).sum(axis=0) / total), np.nan)


def aggregate_priorities(
    priorities: np.ndarray, weights: np.ndarray | None = None, mean: str = "geometric"
) -> np.ndarray:
    """Weighted geometric or arithmetic mean of priority vectors (respondents, n), summing to 1.

    >>> aggregate_priorities(np.array([[.6, .4], [.2, .8]]), mean="arithmetic")
    array([0.4, 0.6])
    """
    w = _normalised(weights, priorities.shape[0])
    if mean == "geometric":
        g = np.exp(w @ np.log(priorities))
    elif mean == "arithmetic":
        g = w @ priorities
    else:
        raise AHPError(Phrase("unknown mean {mean!r}; choose one of {choices}",
                              {"mean": mean, "choices": listed(AIP_MEANS)}))
    return g / g.sum()


def _entropy(p: np.ndarray) -> np.ndarray:
    return -(p * np.log(p)).sum(axis=-1)


def consensus(priorities: np.ndarray, weights: np.ndarray | None = None, scale_max: float = 9.0) -> float:
    """Goepel's AHP consensus indicator S* in [0, 1] for priority vectors (respondents, n).

    With D_beta = exp(H_gamma - H_alpha) and the correction c = n / exp(H_alpha,min), where
    H_alpha,min is the entropy of (M, 1, ..., 1) / (n + M - 1) for the scale maximum M:
    S* = (1/D_beta - 1/c) / (1 - 1/c). Identical priorities give 1.
    """
    r, n = priorities.shape
    if r < 2 or n < 2:
        return 1.0
    w = _normalised(weights, r)
    h_alpha = float(w @ _entropy(priorities))
    h_gamma = float(_entropy(w @ priorities))
    floor = np.array([scale_max] + [1.0] * (n - 1)) / (n + scale_max - 1)
    correction = n / np.exp(_entropy(floor))
    return float((np.exp(h_alpha - h_gamma) - 1 / correction) / (1 - 1 / correction))


def consensus_band(s: float) -> str:
    """Goepel's words for a consensus value: very low, low, moderate, high, very high."""
    return next(word for limit, word in CONSENSUS_BANDS if s >= limit)


@dataclass(frozen=True, eq=False)
class Individuals:
    """Each respondent's analysis of one node's matrix, computed for the whole stack at once.

    Rows of ``weights`` are ``nan`` where a respondent's judgments do not link all elements
    (``determined`` is False); ``cr`` is then ``nan`` and ``consistent`` False.
    """

    weights: np.ndarray
    lambda_max: np.ndarray
    cr: np.ndarray
    threshold: float
    determined: np.ndarray
    consistent: np.ndarray


def individual_priorities(
    stack: np.ndarray,
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    lambda_max: str = "eigenvalue",
) -> Individuals:
    """Priorities and CR of every respondent's (validated) matrix in a stack (respondents, n, n),
    by :func:`~ahp.core.priorities.analyse_stack`."""
    s = analyse_stack(
        stack, method=method, random_index=random_index, threshold=threshold, completion=completion,
        lambda_max=lambda_max,
    )
    return Individuals(
        weights=s.weights, lambda_max=s.lambda_max, cr=s.cr, threshold=s.threshold, determined=s.linked,
        consistent=s.consistent,
    )


def distance(priorities: np.ndarray, group: np.ndarray) -> np.ndarray:
    """How much weight would have to move to turn each row into ``group``: 1/2 sum |w - g|, in [0, 1].

    >>> distance(np.array([[.5, .5], [1., 0.]]), np.array([.5, .5]))
    array([0. , 0.5])
    """
    return np.abs(priorities - group).sum(axis=-1) / 2


def average_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks 0..n-1 along the last axis, smallest first; tied values share the mean of their
    ranks. Values within 1e-12 of each other, relative to the largest, count as tied: equal
    judgments give weights equal only up to rounding.

    >>> average_ranks(np.array([[0.6, 0.2, 0.2], [0.1, 0.5, 0.4]]))
    array([[2. , 0.5, 0.5],
           [0. , 2. , 1. ]])
    """
    n = x.shape[-1]
    order = np.argsort(x, axis=-1, kind="stable")
    ordered = np.take_along_axis(x, order, axis=-1)
    tolerance = 1e-12 * np.abs(x).max(axis=-1, keepdims=True)
    starts = np.ones(x.shape, dtype=bool)  # where a run of tied values begins, in sorted order
    starts[..., 1:] = np.diff(ordered, axis=-1) > tolerance
    ends = np.ones(x.shape, dtype=bool)
    ends[..., :-1] = starts[..., 1:]
    place = np.arange(n, dtype=float)
    first = np.maximum.accumulate(np.where(starts, place, 0.0), axis=-1)
    last = np.flip(np.minimum.accumulate(np.flip(np.where(ends, place, n - 1.0), axis=-1), axis=-1), axis=-1)
    ranks = np.empty(x.shape)
    np.put_along_axis(ranks, order, (first + last) / 2, axis=-1)
    return ranks


def rank_correlation(priorities: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Spearman's correlation between each row's ranking and the group's (1 = same order), on
    :func:`average_ranks`, so ties count as ties. 0 when either ranking ties every element:
    there is no order to agree or disagree with; 1 for a single element; ``nan`` for a row with
    ``nan`` (a respondent whose judgments do not determine the weights).

    >>> rank_correlation(np.array([[.5, .3, .2], [.2, .3, .5], [.6, .2, .2], [.25, .25, .5]]), np.array([.6, .3, .1]))
    array([ 1.       , -1.       ,  0.8660254, -0.8660254])
    >>> rank_correlation(np.array([[.25, .25, .25, .25]]), np.array([.4, .3, .2, .1]))
    array([0.])
    """
    if group.shape[-1] < 2:
        return np.ones(priorities.shape[:-1])
    ranks = average_ranks(priorities)
    g = average_ranks(group)
    rc, gc = ranks - ranks.mean(axis=-1, keepdims=True), g - g.mean()
    spread = np.sqrt((rc**2).sum(axis=-1) * (gc**2).sum())
    rho = np.divide(rc @ gc, spread, out=np.zeros(spread.shape), where=spread > 0)
    return np.where(np.isnan(priorities).any(axis=-1), np.nan, rho)
