"""Filling in missing judgments (``nan`` entries) of reciprocal matrices, one or a stack at once.

Two estimators:

- ``lambda-max`` (default): the completion that minimises lambda_max (Bozoki, Fulop & Ronyai
  2010, Math. Comput. Modelling 52:318-333). In log coordinates lambda_max is convex, so
  Newton's method from Harker's point converges in a few steps; gradient and Hessian are exact
  (eigenvalue perturbation theory), for the whole stack at once.
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

from ahp.core.matrix import upper_pairs
from ahp.core.weights import perron, perron_left_right
from ahp.errors import AHPError, JudgmentError

COMPLETIONS: tuple[str, ...] = ("lambda-max", "harker")
_TOLERANCE = 1e-11
#: A Newton step below this leaves an error of about its square, far below _TOLERANCE.
_SETTLED_STEP = 1e-6


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
    b.reshape(-1, n * n)[:, :: n + 1] += missing.sum(axis=-1).reshape(-1, n)  # the diagonals
    w = perron(b)[1]
    return np.where(missing, w[..., :, None] / w[..., None, :], stack)


def _missing_index(stack: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per matrix of a stack (m, n, n), the rows and columns (m, k) of its missing upper pairs,
    padded to the longest list with the diagonal cell (0, 0), which is never missing."""
    i, j = upper_pairs(stack.shape[-1])
    gaps = np.isnan(stack[:, i, j])  # (m, pairs)
    if len(stack) == 1:  # one matrix: its pairs, no padding
        return i[gaps[0]][None], j[gaps[0]][None]
    counts = gaps.sum(axis=1)
    rows = np.zeros((len(stack), int(counts.max())), dtype=np.int64)
    cols = np.zeros_like(rows)
    m_idx, p_idx = np.nonzero(gaps)  # sorted by matrix, so slots fill in order
    slot = np.arange(len(m_idx)) - np.concatenate([[0], np.cumsum(counts)[:-1]])[m_idx]
    rows[m_idx, slot] = i[p_idx]
    cols[m_idx, slot] = j[p_idx]
    return rows, cols


def _newton(stack: np.ndarray, start: np.ndarray, max_steps: int = 30) -> np.ndarray:
    """lambda_max-optimal completion of a stack (m, n, n) by Newton's method from ``start``.

    With x_p = log a_ij for the missing pairs, D_p = dA/dx_p, right and left Perron vectors
    w, u (u.w = 1) and the reduced resolvent S = (lambda I - A + w u')^-1 - w u':
    gradient g_p = u' D_p w; Hessian H_pq = u' D_p S D_q w + u' D_q S D_p w (+ u' E_p w on
    the diagonal, E_p = d2A/dx_p2). One Perron pair and two linear solves per step.

    Padded slots (see :func:`_missing_index`) point at the cell (0, 0): they write 1 there,
    and their gradient, their rows of u' D_p and their columns of D_q w come out exactly zero
    (the two terms are the same product), so their step is zero without any masking.
    """
    m, n, _ = stack.shape
    rows, cols = _missing_index(stack)
    k = rows.shape[1]
    mi = np.arange(m)[:, None]
    slot = np.arange(k)[None, :]
    x = np.log(start[mi, rows, cols])
    a = start.copy()
    pairs = np.concatenate([rows, cols], axis=1)  # gather u and w at both ends at once

    def put(x: np.ndarray) -> np.ndarray:
        """Write exp(x) into the missing pairs of ``a`` (and exp(-x) into their mirrors)."""
        e = np.exp(x)
        a[mi, rows, cols] = e
        a[mi, cols, rows] = 1 / e
        return e

    for _ in range(max_steps):
        e = put(x)
        lam, w, u = perron_left_right(a)
        u = u / (u * w).sum(axis=1, keepdims=True)
        u_at, w_at = u[mi, pairs], w[mi, pairs]
        ui, uj, wi, wj = u_at[:, :k], u_at[:, k:], w_at[:, :k], w_at[:, k:]
        ue, uinv = ui * e, uj / e
        g = ue * wj - uinv * wi
        if np.abs(g).max() < _TOLERANCE:
            break
        left = np.zeros((m, k, n))  # row p: u' D_p
        right = np.zeros((m, n, k))  # column q: D_q w
        left[mi, slot, cols] += ue
        left[mi, slot, rows] -= uinv
        right[mi, rows, slot] += e * wj
        right[mi, cols, slot] -= wi / e
        wu = w[:, :, None] * u[:, None, :]
        shifted = wu - a
        shifted.reshape(m, n * n)[:, :: n + 1] += lam[:, None]  # lambda I - A + w u'
        # u' D_p S D_q w, with S = shifted^-1 - w u' and u' D_p w = g_p
        cross = left @ np.linalg.solve(shifted, right) - g[:, :, None] * g[:, None, :]
        hess = cross + np.swapaxes(cross, 1, 2)
        hess.reshape(m, k * k)[:, :: k + 1] += ue * wj + uinv * wi
        step = np.linalg.solve(hess, g[..., None])[..., 0]
        x -= step
        # Newton converges quadratically here (lambda_max is strictly convex in x): after a
        # step this small, what is left is about its square.
        if np.abs(step).max() < _SETTLED_STEP:
            put(x)
            break
    return a


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
    out[todo] = _newton(stack[todo], start)
    return out


def complete(a: np.ndarray, method: str = "lambda-max", labels: Sequence[str] | None = None) -> np.ndarray:
    """A complete reciprocal matrix from a validated one with ``nan`` for missing judgments."""
    if method not in COMPLETIONS:
        raise AHPError(f"unknown completion {method!r}; choose one of {', '.join(COMPLETIONS)}")
    if not np.isnan(a).any():
        return a
    if not connected(a[None])[0]:
        check_connected(a, labels)
    return complete_stack(a[None], method)[0]
