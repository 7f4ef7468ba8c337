"""Filling in missing judgments (``nan`` entries) of reciprocal matrices, one or a stack at once.

Two estimators:

- ``lambda-max`` (default): the completion that minimises lambda_max (Bozoki, Fulop & Ronyai
  2010, Math. Comput. Modelling 52:318-333). In log coordinates lambda_max is convex, so
  Newton's method from the log-least-squares point converges in a few steps; gradient and Hessian are exact
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

import functools
from collections.abc import Sequence

import numpy as np

from ahp.core.matrix import upper_pairs
from ahp.core.weights import perron
from ahp.errors import AHPError, JudgmentError

COMPLETIONS: tuple[str, ...] = ("lambda-max", "harker")
#: A Newton step below this leaves an error of about its square (1e-12), far beyond the digits AHP reports.
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

    A matrix missing fewer than n - 1 pairs is linked for certain: cutting s elements off the
    others takes s (n - s) >= n - 1 missing pairs. The others are checked by reachability,
    repeated squaring of their adjacency matrices, all at once.

    >>> nan = float("nan")
    >>> connected(np.array([[[1, 2, nan], [1/2, 1, nan], [nan, nan, 1]], [[1, 2, nan], [1/2, 1, 3], [nan, 1/3, 1]]])).tolist()
    [False, True]
    """
    shape, n = stack.shape[:-2], stack.shape[-1]
    gaps = np.isnan(stack).reshape(-1, n, n)
    linked = gaps.sum(axis=(1, 2)) < 2 * (n - 1)  # each missing pair is two gaps
    doubt = np.flatnonzero(~linked)
    if doubt.size:
        reach = 1.0 - gaps[doubt]  # float products, exact on 0 and 1, are the fast ones
        for _ in range(max(1, int(np.ceil(np.log2(max(n, 2)))))):
            reach = np.minimum(reach @ reach, 1.0)
        linked[doubt] = reach[:, 0, :].all(axis=-1)
    return linked.reshape(shape)


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


def log_least_squares(stack: np.ndarray) -> np.ndarray:
    """Log-weights (..., n), summing to 0, that best fit the known judgments of a stack
    (..., n, n): y minimising the sum over known pairs of (log a_ij - y_i + y_j)^2 (Bozoki,
    Fulop & Ronyai 2010). One linear solve with the Laplacian of the known pairs plus 11'.

    >>> nan = float("nan")
    >>> y = log_least_squares(np.array([[1, 2, nan], [1/2, 1, 2], [nan, 1/2, 1]]))
    >>> [round(float(v), 6) for v in np.exp(y[0] - y)]
    [1.0, 2.0, 4.0]
    """
    missing = np.isnan(stack)
    n = stack.shape[-1]
    # Off the diagonal, L + 11' is 1 where a pair is missing and 0 where known; on it, the
    # number of elements the row's element is compared with, itself included.
    laplacian = missing * 1.0
    laplacian.reshape(-1, n * n)[:, :: n + 1] = n - missing.sum(axis=-1).reshape(-1, n)
    logs = np.log(np.where(missing, 1.0, stack)).sum(axis=-1)
    return np.linalg.solve(laplacian, logs[..., None])[..., 0]


def _newton(stack: np.ndarray, max_steps: int = 30) -> np.ndarray:
    """lambda_max-optimal completion of a stack (m, n, n) by Newton's method from the
    log-least-squares point (:func:`log_least_squares`), which is closer to the optimum than
    Harker's and costs one linear solve.

    With x_p = log a_ij for the missing pairs, D_p = dA/dx_p and the Perron vector w (summing
    to 1), Z = (lambda I - A + w 1')^-1 gives the left Perron vector u' = 1'Z (u'w = 1) and the
    reduced resolvent S = Z - w u'Z. Gradient g_p = u' D_p w; Hessian
    H_pq = u' D_p S D_q w + u' D_q S D_p w (+ u' E_p w on the diagonal, E_p = d2A/dx_p2).
    One Perron vector, one inverse and one k x k solve per step, on the whole stack at once.

    Vectors u' D_p and D_q w (p, q = 1..k) have two nonzero entries each; they are
    written through flat indices, which numpy scatters far faster than with one index array
    per axis. Padded slots (see :func:`_missing_index`) get zero rows and columns (and write
    exp(0) = 1 into the diagonal cell they point at), so their step is zero.
    """
    m, n, _ = stack.shape
    rows, cols = _missing_index(stack)
    k = rows.shape[1]
    at = np.concatenate([rows, cols], axis=1)  # (m, 2k): each pair's i, then its j
    mirror = np.concatenate([cols, rows], axis=1)  # its j, then its i
    offset = np.arange(0, m * n, n)[:, None]
    ends, far = at + offset, mirror + offset  # in the stack's vectors, laid end to end
    cells = ends * n + mirror  # a_ij, then a_ji, in the stack's matrices laid end to end
    slot = np.arange(2 * k) % k
    # u' D_p = e u_i at column j, -u_j / e at column i; D_q w = e w_j at row i, -w_i / e at row j
    sign = np.sign(mirror - at) * 1.0  # 1, then -1; 0 in padded slots
    rows_d = np.zeros((m, n, k + 1))  # columns: (u' D_p)', then u
    cols_d = np.zeros((m, n, k))  # columns: D_q w
    rows_flat, rows_at = rows_d.reshape(-1), far * (k + 1) + slot
    cols_flat, cols_at = cols_d.reshape(-1), ends * k + slot
    logs = log_least_squares(stack).reshape(-1)
    x = logs[ends] - logs[far]  # x_p, then -x_p
    a = stack.copy()
    flat = a.reshape(-1)
    for _ in range(max_steps):
        e = np.exp(x)  # a_ij, then a_ji = 1 / a_ij
        flat[cells] = e
        lam, w = perron(a)
        z = np.linalg.inv(w[:, :, None] + lam[:, None, None] * _eye(n) - a)
        u = z.sum(axis=1)
        w_far = w.reshape(-1)[far]
        p = e * u.reshape(-1)[ends]  # e u_i, then u_j / e
        pw = p * w_far
        g = pw[:, :k] - pw[:, k:]  # u' D_p w
        rows_flat[rows_at] = p * sign
        rows_d[:, :, k] = u
        cols_flat[cols_at] = e * w_far * sign
        both = np.swapaxes(rows_d, 1, 2) @ (z @ cols_d)  # u' D_p Z D_q w, then u' Z D_q w
        cross = both[:, :k] - g[:, :, None] * both[:, k:]  # u' D_p S D_q w
        hess = cross + np.swapaxes(cross, 1, 2) + (pw[:, :k] + pw[:, k:])[:, :, None] * _eye(k)
        step = np.linalg.solve(hess, g[..., None])[..., 0]
        x -= step[:, slot] * sign
        # Newton converges quadratically here (lambda_max is strictly convex in x): after a
        # step this small, what is left is about its square.
        if np.abs(step).max() < _SETTLED_STEP:
            flat[cells] = np.exp(x)
            break
    return a


@functools.cache
def _eye(n: int) -> np.ndarray:
    """A read-only n x n identity."""
    eye = np.eye(n)
    eye.flags.writeable = False
    return eye


def complete_stack(stack: np.ndarray, method: str = "lambda-max") -> np.ndarray:
    """Complete every matrix of a validated stack (m, n, n); complete matrices come back as they are.

    The caller checks connectivity first (:func:`connected`); a disconnected matrix has no
    unique completion.
    """
    if method not in COMPLETIONS:
        raise AHPError(f"unknown completion {method!r}; choose one of {', '.join(COMPLETIONS)}")
    complete_all = harker if method == "harker" else _newton
    todo = np.flatnonzero(np.isnan(np.add.reduce(stack.reshape(len(stack), stack.shape[-1] ** 2), axis=1)))  # nan sums
    if len(todo) == len(stack) > 0:  # the usual case: every matrix misses something
        return complete_all(stack)
    out = stack.copy()
    if len(todo):
        out[todo] = complete_all(stack[todo])
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
