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

from ahp.core.completion import complete_stack, connected
from ahp.core.consistency import consistency_index, random_index as ri_lookup, threshold as threshold_for
from ahp.core.weights import perron, weights as weights_by

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
    w = np.ones(r) if weights is None else np.asarray(weights, dtype=float)
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


def aggregate_priorities(priorities: np.ndarray, weights: np.ndarray | None = None, mean: str = "geometric") -> np.ndarray:
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
        raise ValueError(f"unknown mean {mean!r}; choose one of {', '.join(AIP_MEANS)}")
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
) -> Individuals:
    """Priorities and CR of every respondent's (validated) matrix in a stack (respondents, n, n)."""
    r, n, _ = stack.shape
    ok = connected(stack) if n > 1 else np.ones(r, dtype=bool)
    full = np.broadcast_to(np.eye(n), stack.shape).copy()
    full[ok] = complete_stack(stack[ok], completion)
    lam, w = perron(full)
    if method != "eigenvector":
        w = weights_by(full, method)
    ri = ri_lookup(n, random_index)[0]
    cr = consistency_index(lam, n) / ri if ri > 0 else np.zeros(r)
    limit = threshold_for(n, threshold)
    nan = np.full(r, np.nan)
    return Individuals(
        weights=np.where(ok[:, None], w, np.nan),
        lambda_max=np.where(ok, lam, nan),
        cr=np.where(ok, cr, nan),
        threshold=limit,
        determined=ok,
        consistent=ok & ((cr <= limit) | (n <= 2)),
    )


def distance(priorities: np.ndarray, group: np.ndarray) -> np.ndarray:
    """How much weight would have to move to turn each row into ``group``: 1/2 sum |w - g|, in [0, 1].

    >>> distance(np.array([[.5, .5], [1., 0.]]), np.array([.5, .5]))
    array([0. , 0.5])
    """
    return np.abs(priorities - group).sum(axis=-1) / 2


def rank_correlation(priorities: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Spearman's correlation between each row's ranking and the group's (1 = same order).

    >>> rank_correlation(np.array([[.5, .3, .2], [.2, .3, .5]]), np.array([.6, .3, .1]))
    array([ 1., -1.])
    """
    n = group.shape[-1]
    if n < 2:
        return np.ones(priorities.shape[:-1])
    ranks = priorities.argsort(axis=-1).argsort(axis=-1).astype(float)
    g = group.argsort().argsort().astype(float)
    rc, gc = ranks - ranks.mean(axis=-1, keepdims=True), g - g.mean()
    return (rc @ gc) / np.sqrt((rc**2).sum(axis=-1) * (gc**2).sum())
