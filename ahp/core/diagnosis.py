"""Which judgments to revisit: the most inconsistent pairs and the value that helps most.

For weights w, the inconsistency of judgment a_ij is e_ij = a_ij * w_j / w_i (1 when the
judgment agrees exactly with the weights). The worst pairs are those with the largest
max(e_ij, 1/e_ij). For each, every value of Saaty's scale is tried at once (one stack of
matrices) and the one giving the lowest CR is suggested, with that CR and the weights it gives.

>>> a = np.array([[1, 2, 1/2], [1/2, 1, 3], [2, 1/3, 1]])
>>> s = suggest(a, ~np.isnan(a), ri=0.58, count=1)[0]
>>> s.row, s.col, s.current, round(1 / s.suggested, 6), round(s.cr_after, 4)
(0, 1, 2.0, 6.0, 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ahp.core.scale import SCALE_ARRAY
from ahp.core.weights import perron, weights


@dataclass(frozen=True, eq=False)
class Suggestion:
    """Change judgment ``(row, col)`` from ``current`` to ``suggested``; CR becomes ``cr_after``.

    ``error`` is max(e, 1/e) for the current judgment; ``weights_after`` are the priorities
    the matrix would give with the suggestion applied (same method as the analysis).
    """

    row: int
    col: int
    current: float
    suggested: float
    error: float
    cr_after: float
    weights_after: np.ndarray


def inconsistency(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The matrix of e_ij = a_ij * w_j / w_i (``nan`` stays ``nan``)."""
    return a * w[None, :] / w[:, None]


def suggest(
    completed: np.ndarray,
    known: np.ndarray,
    *,
    ri: float,
    method: str = "eigenvector",
    count: int = 3,
) -> list[Suggestion]:
    """The ``count`` worst known judgments of a complete matrix, each with its best scale value.

    ``known`` marks the judgments a person gave: missing ones, filled by completion, are never
    suggested, nor is a pair whose best value is the one it has. Pairs are reported with
    ``row < col``. Returns ``[]`` when n <= 2 or ``ri`` is 0.
    """
    n = completed.shape[0]
    if n <= 2 or ri <= 0:
        return []
    w = weights(completed, "eigenvector")
    dev = np.abs(np.log(inconsistency(completed, w)))
    dev = np.where(np.triu(known, 1), dev, -1.0)
    # Rounded so that pairs equally off (as in a cycle a > b > c > a) come in row order,
    # whatever the last digits of the weights.
    order = np.argsort(-np.round(dev, 9), axis=None, kind="stable")[:count]
    pairs = [divmod(int(p), n) for p in order if dev.flat[p] > 1e-9]
    if not pairs:
        return []
    m = len(SCALE_ARRAY)
    trials = np.broadcast_to(completed, (len(pairs), m, n, n)).copy()
    for t, (i, j) in enumerate(pairs):
        trials[t, :, i, j] = SCALE_ARRAY
        trials[t, :, j, i] = 1 / SCALE_ARRAY
    lam, w_trials = perron(trials)
    cr = np.maximum((lam - n) / (n - 1), 0.0) / ri
    if method != "eigenvector":
        w_trials = weights(trials, method)
    out = []
    for t, (i, j) in enumerate(pairs):
        best = int(np.argmin(np.round(cr[t], 9)))  # of equal CRs, the lowest scale value
        if np.isclose(SCALE_ARRAY[best], completed[i, j]):
            continue
        out.append(
            Suggestion(
                row=i,
                col=j,
                current=float(completed[i, j]),
                suggested=float(SCALE_ARRAY[best]),
                error=float(np.exp(dev[i, j])),
                cr_after=float(cr[t, best]),
                weights_after=w_trials[t, best],
            )
        )
    return out
