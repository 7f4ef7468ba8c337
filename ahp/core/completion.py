"""Filling in missing judgments (``nan`` entries) of reciprocal matrices, one or a stack at once.

Two estimators:

- ``lambda-max`` (default): the completion that minimises lambda_max (Bozoki, Fulop & Ronyai
  2010, Math. Comput. Modelling 52:318-333). In log coordinates lambda_max is convex, so
  Newton's method from Harker's point converges in a few steps. The gradient is exact,
  d lambda / d x_ij = (v_i a_ij w_j - v_j a_ji w_i) / v.w with v, w the left and right Perron
  vectors; the Hessian is a difference of gradients. Every matrix of the stack and every probe
  of the Hessian go through one batched eigen-decomposition per step.
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

from ahp.core.weights import perron, perron_left_right
from ahp.errors import AHPError, JudgmentError

COMPLETIONS: tuple[str, ...] = ("lambda-max", "harker")
#: Newton's finite-difference Hessian needs (missing + 1) matrices per matrix of the stack;
#: beyond this many matrix cells a step, L-BFGS (scipy) is used one matrix at a time instead.
_NEWTON_CELLS = 4_000_000
_TOLERANCE = 1e-11


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


def connected(stack: np.ndarray) -> np.ndarray:
    """Whether the known judgments of each matrix of a stack (..., n, n) link all its elements.

    Reachability by repeated squaring of the adjacency matrix, for the whole stack at once.
    """
    n = stack.shape[-1]
    reach = (~np.isnan(stack)).astype(np.int64)
    for _ in range(max(1, int(np.ceil(np.log2(max(n, 2)))))):
        reach = np.minimum(reach @ reach, 1)
    return reach[..., 0, :].all(axis=-1)


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


def harker(stack: np.ndarray) -> np.ndarray:
    """Harker's completion of a stack (..., n, n): missing a_ij become w_i / w_j of his eigenvector."""
    missing = np.isnan(stack)
    b = np.where(missing, 0.0, stack)
    n = stack.shape[-1]
    b[..., np.arange(n), np.arange(n)] += missing.sum(axis=-1)
    w = perron(b)[1]
    return np.where(missing, w[..., :, None] / w[..., None, :], stack)


def _missing_index(stack: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per matrix of a stack (m, n, n), its missing upper pairs padded to the longest list.

    Returns rows and columns (m, k) and a mask (m, k) of the slots that are real pairs.
    """
    upper = np.triu(np.isnan(stack), 1)
    counts = upper.sum(axis=(1, 2))
    k = int(counts.max())
    rows = np.zeros((len(stack), k), dtype=np.int64)
    cols = np.ones((len(stack), k), dtype=np.int64)
    valid = np.arange(k)[None, :] < counts[:, None]
    m_idx, i_idx, j_idx = np.nonzero(upper)  # sorted by matrix, so slots fill in order
    slot = np.arange(len(m_idx)) - np.concatenate([[0], np.cumsum(counts)[:-1]])[m_idx]
    rows[m_idx, slot] = i_idx
    cols[m_idx, slot] = j_idx
    return rows, cols, valid


def _set_pairs(stack: np.ndarray, index: tuple[np.ndarray, ...], x: np.ndarray) -> None:
    """Write exp(x) into the listed pairs and exp(-x) into their mirrors, in place.

    ``stack`` is (m, p, n, n); ``index`` = (matrix, row, col, slot) of the real pairs, from
    :func:`_missing_index`; ``x`` is (m, p, k).
    """
    mi, ri, ci, ki = (i[:, None] for i in index)
    p = np.arange(stack.shape[1])[None, :]
    values = x[mi, p, ki]
    stack[mi, p, ri, ci] = np.exp(values)
    stack[mi, p, ci, ri] = np.exp(-values)


def _newton(stack: np.ndarray, start: np.ndarray, max_steps: int = 50) -> np.ndarray:
    """lambda_max-optimal completion of a stack (m, n, n) by Newton's method from ``start``."""
    m, n, _ = stack.shape
    rows, cols, valid = _missing_index(stack)
    k = rows.shape[1]
    mk = np.nonzero(valid)
    index = (mk[0], rows[mk], cols[mk], mk[1])
    x = np.where(valid, np.log(start[np.arange(m)[:, None], rows, cols]), 0.0)
    base = np.broadcast_to(np.nan_to_num(stack, nan=1.0)[:, None], (m, k + 1, n, n))
    h = 1e-6
    probe = np.concatenate([np.zeros((1, k)), h * np.eye(k)])[None] * valid[:, None, :]  # row 0: x; 1 + q: nudged
    mm, pp = np.arange(m)[:, None, None], np.arange(k + 1)[None, :, None]
    r, c = rows[:, None, :], cols[:, None, :]
    pad = np.where(valid, 0.0, 1.0)[:, None, :] * np.eye(k)  # padded slots: identity rows, zero gradient
    for _ in range(max_steps):
        trial = base.copy()
        _set_pairs(trial, index, x[:, None, :] + probe)
        _, w, v = perron_left_right(trial)
        a_rc = trial[mm, pp, r, c]
        grad = (v[mm, pp, r] * a_rc * w[mm, pp, c] - v[mm, pp, c] / a_rc * w[mm, pp, r]) / (v * w).sum(-1, keepdims=True)
        grad *= valid[:, None, :]
        g = grad[:, 0, :]
        hess = (grad[:, 1:, :] - g[:, None, :]) / h
        hess = (hess + np.swapaxes(hess, 1, 2)) / 2 + pad
        try:
            step = np.linalg.solve(hess, g[..., None])[..., 0]
        except np.linalg.LinAlgError:
            step = g
        x -= step
        if np.abs(g).max() < _TOLERANCE or np.abs(step).max() < _TOLERANCE:
            break
    out = stack[:, None].copy()
    _set_pairs(out, index, x[:, None, :])
    return out[:, 0]


def _lbfgs(a: np.ndarray, start: np.ndarray) -> np.ndarray:
    """lambda_max-optimal completion of one large matrix by L-BFGS with the exact gradient."""
    from scipy.optimize import minimize

    rows, cols = np.nonzero(np.triu(np.isnan(a), 1))
    base = np.nan_to_num(a, nan=1.0)

    def value_and_gradient(x: np.ndarray) -> tuple[float, np.ndarray]:
        b = base.copy()
        b[rows, cols], b[cols, rows] = np.exp(x), np.exp(-x)
        lam, w, v = perron_left_right(b)
        grad = (v[rows] * b[rows, cols] * w[cols] - v[cols] * b[cols, rows] * w[rows]) / float(v @ w)
        return float(lam), grad

    x = minimize(value_and_gradient, np.log(start[rows, cols]), jac=True, method="L-BFGS-B",
                 options={"gtol": 1e-10, "ftol": 1e-15}).x
    out = a.copy()
    out[rows, cols], out[cols, rows] = np.exp(x), np.exp(-x)
    return out


def complete_stack(stack: np.ndarray, method: str = "lambda-max") -> np.ndarray:
    """Complete every matrix of a validated stack (m, n, n); complete matrices come back as they are.

    The caller checks connectivity first (:func:`connected`); a disconnected matrix has no
    unique completion.
    """
    if method not in COMPLETIONS:
        raise AHPError(f"unknown completion {method!r}; choose one of {', '.join(COMPLETIONS)}")
    out = stack.copy()
    todo = np.flatnonzero(np.isnan(stack).any(axis=(1, 2)))
    if len(todo) == 0:
        return out
    start = harker(stack[todo])
    if method == "harker":
        out[todo] = start
        return out
    n = stack.shape[-1]
    k = int(np.triu(np.isnan(stack[todo]), 1).sum(axis=(1, 2)).max())
    if len(todo) * (k + 1) * n * n <= _NEWTON_CELLS:
        out[todo] = _newton(stack[todo], start)
    else:
        for t, s in zip(todo, start):
            out[t] = _lbfgs(stack[t], s)
    return out


def complete(a: np.ndarray, method: str = "lambda-max", labels: Sequence[str] | None = None) -> np.ndarray:
    """A complete reciprocal matrix from a validated one with ``nan`` for missing judgments."""
    if method not in COMPLETIONS:
        raise AHPError(f"unknown completion {method!r}; choose one of {', '.join(COMPLETIONS)}")
    if not np.isnan(a).any():
        return a
    check_connected(a, labels)
    return complete_stack(a[None], method)[0]
