"""Filling in missing judgments (``nan`` entries) of a reciprocal matrix.

Two estimators:

- ``lambda-max`` (default): the completion that minimises lambda_max (Bozoki, Fulop & Ronyai
  2010, Math. Comput. Modelling 52:318-333). In log coordinates lambda_max is convex, so
  Newton's method from Harker's point converges in a few steps; the gradient is exact
  (d lambda / d x_ij = (v_i a_ij w_j - v_j a_ji w_i) / v.w) and the Hessian is a difference of
  gradients, all computed on one stack of matrices per step.
- ``harker``: Harker (1987), Math. Modelling 9:837-848: zero the missing entries, add the number
  of missing entries of each row to its diagonal, and take the principal eigenvector.

Both need the known pairs to connect every element; otherwise the weights are not determined.

>>> nan = float("nan")
>>> a = np.array([[1, 1, 5, 2], [1, 1, 3, 4], [1/5, 1/3, 1, nan], [1/2, 1/4, nan, 1]])
>>> round(float(complete(a)[2, 3]), 6)
0.730297
>>> round(float(complete(a, "harker")[2, 3]), 4)
0.7212
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ahp.core.matrix import missing_pairs
from ahp.core.weights import perron, perron_left_right
from ahp.errors import AHPError, JudgmentError

COMPLETIONS: tuple[str, ...] = ("lambda-max", "harker")


def components(a: np.ndarray) -> list[list[int]]:
    """The groups of elements linked by known judgments, the group of element 0 first.

    >>> components(np.array([[1, 2, np.nan], [0.5, 1, np.nan], [np.nan, np.nan, 1]]))
    [[0, 1], [2]]
    """
    n = a.shape[0]
    known = ~np.isnan(a)
    seen = np.zeros(n, dtype=bool)
    groups = []
    for start in range(n):
        if seen[start]:
            continue
        group, stack = [], [start]
        seen[start] = True
        while stack:
            i = stack.pop()
            group.append(i)
            for j in np.flatnonzero(known[i] & ~seen):
                seen[j] = True
                stack.append(int(j))
        groups.append(sorted(group))
    return groups


def check_connected(a: np.ndarray, labels: Sequence[str] | None = None) -> None:
    """Raise :class:`JudgmentError` naming the elements that no known judgment links to the first."""
    groups = components(a)
    if len(groups) > 1:
        names = labels or [str(i + 1) for i in range(a.shape[0])]
        cut = [names[i] for g in groups[1:] for i in g]
        raise JudgmentError(
            f"the known judgments do not connect all elements: {', '.join(cut)} "
            f"{'is' if len(cut) == 1 else 'are'} not compared, directly or through others, "
            f"with {names[groups[0][0]]}; add a judgment linking them"
        )


def harker_matrix(a: np.ndarray) -> np.ndarray:
    """Harker's auxiliary matrix: missing entries 0, diagonal 1 + missing count of the row."""
    missing = np.isnan(a)
    b = np.where(missing, 0.0, a)
    b[np.diag_indices_from(b)] += missing.sum(axis=1)
    return b


def _fill(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Replace missing entries by the ratios of ``w``."""
    return np.where(np.isnan(a), w[:, None] / w[None, :], a)


def _lambda_max_optimal(a: np.ndarray, start: np.ndarray, tol: float = 1e-11, max_steps: int = 50) -> np.ndarray:
    """Newton's method on the log of the missing upper-triangle entries, from ``start``."""
    pairs = missing_pairs(a)
    rows = np.array([p[0] for p in pairs])
    cols = np.array([p[1] for p in pairs])
    k = len(pairs)
    base = np.nan_to_num(a, nan=1.0)
    x = np.log(start[rows, cols])
    h = 1e-6
    probe = np.vstack([np.zeros(k), h * np.eye(k)])
    for _ in range(max_steps):
        xs = x + probe  # row 0: x itself; row 1 + m: x nudged along m
        stack = np.broadcast_to(base, (k + 1, *base.shape)).copy()
        stack[:, rows, cols] = np.exp(xs)
        stack[:, cols, rows] = np.exp(-xs)
        _, w, v = perron_left_right(stack)
        grad = (v[:, rows] * stack[:, rows, cols] * w[:, cols] - v[:, cols] * stack[:, cols, rows] * w[:, rows]) / (
            v * w
        ).sum(axis=1, keepdims=True)
        g = grad[0]
        if np.abs(g).max() < tol:
            break
        hess = (grad[1:] - g) / h
        hess = (hess + hess.T) / 2
        try:
            step = np.linalg.solve(hess, g)
        except np.linalg.LinAlgError:
            step = g
        x = x - step
        if np.abs(step).max() < tol:
            break
    out = a.copy()
    out[rows, cols] = np.exp(x)
    out[cols, rows] = np.exp(-x)
    return out


def complete(a: np.ndarray, method: str = "lambda-max", labels: Sequence[str] | None = None) -> np.ndarray:
    """A complete reciprocal matrix from one with ``nan`` for missing judgments.

    ``a`` must already be validated (reciprocal where known). A complete ``a`` is returned as is.
    """
    if method not in COMPLETIONS:
        raise AHPError(f"unknown completion {method!r}; choose one of {', '.join(COMPLETIONS)}")
    if not np.isnan(a).any():
        return a
    check_connected(a, labels)
    harker = _fill(a, perron(harker_matrix(a))[1])
    if method == "harker":
        return harker
    return _lambda_max_optimal(a, harker)
