"""Combining several respondents: aggregation of individual judgments (AIJ).

The weighted geometric mean is the only mean that keeps the combined matrix reciprocal
(Aczel & Saaty 1983). A respondent who left a pair missing does not count for that pair.

>>> stack = np.array([[[1, 2], [1/2, 1]], [[1, 3], [1/3, 1]], [[1, 4], [1/4, 1]]])
>>> round(float(aggregate_judgments(stack)[0, 1]), 4)
2.8845
"""

from __future__ import annotations

import numpy as np


def aggregate_judgments(stack: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """Weighted geometric mean of a stack (respondents, n, n) of matrices, ignoring ``nan``.

    A cell nobody judged stays ``nan``.
    """
    r = stack.shape[0]
    w = np.ones(r) if weights is None else np.asarray(weights, dtype=float)
    known = ~np.isnan(stack)
    wk = np.where(known, w[:, None, None], 0.0)
    total = wk.sum(axis=0)
    logs = np.where(known, np.log(np.where(known, stack, 1.0)), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, np.exp((wk * logs).sum(axis=0) / total), np.nan)
