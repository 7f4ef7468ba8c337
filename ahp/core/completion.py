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
from typing import NamedTuple

import numpy as np

from ahp.core.matrix import upper_pairs
from ahp.core.weights import perron
from ahp.errors import AHPError, JudgmentError

COMPLETIONS: tuple[str, ...] = ("lambda-max", "harker")
#: Newton's method stops when its step times the step taken from where its Hessian was made
#: is below this: what is left is less (about a tenth of it as a fresh step's square, half
#: of it after a step on an older Hessian, on random matrices), far beyond the digits AHP reports.
_SETTLED = 1e-11


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


class _Layout(NamedTuple):
    """Where the missing pairs of a stack (m, n, n) sit, as flat indices (m, 2k): each pair
    (i, j), then its mirror (j, i); k is the most pairs any matrix misses, and a matrix missing
    fewer is padded with the diagonal cell (0, 0), which is never missing."""

    k: int
    #: i, then j, and j, then i, in the stack's vectors (m, n) laid end to end
    ends: np.ndarray
    far: np.ndarray
    #: a_ij, then a_ji, in the stack's matrices laid end to end
    cells: np.ndarray
    #: the pair of each entry (0..k-1, twice) and its sign: 1, then -1; 0 in padded slots
    slot: np.ndarray
    sign: np.ndarray
    #: the entries of u' D_p in rows of (m, k + 1, n), of D_q w in columns of (m, n, k)
    rows_at: np.ndarray
    cols_at: np.ndarray
    #: the diagonals of the stack's matrices (m, n) and of the Hessians (m, k)
    diagonal: np.ndarray
    hess_diagonal: np.ndarray
    #: (L + 11')^-1 (m, n, n), L the Laplacian of the known pairs: log-least-squares weights
    spread: np.ndarray


#: The layouts of stacks up to this many matrices are kept, by their gaps: one matrix is
#: analysed again and again with the same judgments missing (every edit, every draw).
_KEEP_LAYOUTS_UP_TO = 16


def _layout(stack: np.ndarray) -> _Layout:
    """The :class:`_Layout` of a stack's missing pairs."""
    n = stack.shape[-1]
    i, j = upper_pairs(n)
    gaps = np.isnan(stack[:, i, j])  # (m, pairs)
    if len(stack) <= _KEEP_LAYOUTS_UP_TO:
        return _kept_layout(n, gaps.tobytes(), len(stack))
    return _make_layout(n, gaps)


@functools.lru_cache(maxsize=64)
def _kept_layout(n: int, gaps: bytes, m: int) -> _Layout:
    layout = _make_layout(n, np.frombuffer(gaps, dtype=bool).reshape(m, -1))
    for array in layout[1:]:
        array.flags.writeable = False
    return layout


def _make_layout(n: int, gaps: np.ndarray) -> _Layout:
    m = len(gaps)
    i, j = upper_pairs(n)
    if m == 1:  # one matrix: its pairs, no padding
        rows, cols = i[gaps[0]][None], j[gaps[0]][None]
    else:
        counts = gaps.sum(axis=1)
        rows = np.zeros((m, int(counts.max())), dtype=np.int64)
        cols = np.zeros_like(rows)
        m_idx, p_idx = np.nonzero(gaps)  # sorted by matrix, so slots fill in order
        at_slot = np.arange(len(m_idx)) - np.concatenate([[0], np.cumsum(counts)[:-1]])[m_idx]
        rows[m_idx, at_slot] = i[p_idx]
        cols[m_idx, at_slot] = j[p_idx]
    k = rows.shape[1]
    at = np.concatenate([rows, cols], axis=1)
    mirror = np.concatenate([cols, rows], axis=1)
    offset = np.arange(0, m * n, n)[:, None]
    ends, far = at + offset, mirror + offset
    cells = ends * n + mirror
    slot = np.arange(2 * k) % k
    # Off the diagonal, L + 11' is 1 where a pair is missing, 0 where known; on it, the number
    # of elements the row's element is compared with, itself included.
    laplacian = np.zeros((m, n, n))
    laplacian.reshape(-1)[cells] = 1.0
    diagonal = laplacian.reshape(m, n * n)[:, :: n + 1]
    diagonal[:] = 0.0  # where padded slots wrote
    diagonal[:] = n - laplacian.sum(axis=2)
    return _Layout(
        k, ends, far, cells, slot, np.sign(mirror - at) * 1.0,
        (offset * (k + 1) + slot * n) + mirror, ends * k + slot,
        offset * n + np.arange(n) * (n + 1), offset // n * k * k + np.arange(k) * (k + 1), np.linalg.inv(laplacian),
    )


def _newton(stack: np.ndarray, max_steps: int = 30) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """lambda_max-optimal completion of a stack (m, n, n), with lambda_max (m,) and w (m, n) of
    each completed matrix.

    Newton's method from the log-least-squares point (the weights y minimising the sum over
    known pairs of (log a_ij - y_i + y_j)^2, Bozoki, Fulop & Ronyai 2010), which is closer to
    the optimum than Harker's and costs one product. With x_p = log a_ij for the missing
    pairs, D_p = dA/dx_p and the Perron vector w (summing to 1),
    Z = (lambda I - A + w 1')^-1 gives the left Perron vector u' = 1'Z (u'w = 1) and the
    reduced resolvent S = Z - w u'Z. Gradient g_p = u' D_p w; Hessian
    H_pq = u' D_p S D_q w + u' D_q S D_p w (+ u' E_p w on the diagonal, E_p = d2A/dx_p2).

    Steps alternate: one with a fresh Hessian (a Perron vector and two inverses), then one
    reusing it with a fresh gradient (the Perron vectors of A and A' only), which converges
    with order 3 per Hessian (Shamanskii). Both stop when the step times the step taken from
    where the Hessian was made is below ``_SETTLED``: what is left is less than that. lambda_max
    and w at the last point come from the last ones by first-order perturbation
    (dw/dx_q = Z D_q w - w g_q), with an error of the same order.

    Vectors u' D_p and D_q w (p, q = 1..k) have two nonzero entries each, written through the
    flat indices of :func:`_layout`; padded slots get zero rows and columns (and write
    exp(0) = 1 into the diagonal cell they point at), so their step is zero.
    """
    m, n, _ = stack.shape
    k, ends, far, cells, slot, sign, rows_at, cols_at, diagonal, hess_diagonal, spread = _layout(stack)
    rows_d = np.zeros((m, k + 1, n))  # u' D_p, then u'
    cols_d = np.zeros((m, n, k))  # columns D_q w
    rows_flat, cols_flat = rows_d.reshape(-1), cols_d.reshape(-1)
    a = stack.copy()
    flat = a.reshape(-1)
    flat[cells] = 1.0  # log 1 = 0: the sums of the known logs
    logs = (spread @ np.log(a).sum(axis=2)[..., None]).reshape(-1)
    x = logs[ends] - logs[far]  # x_p, then -x_p
    fresh = True
    for _ in range(max_steps):
        e = np.exp(x)  # a_ij, then a_ji = 1 / a_ij
        flat[cells] = e
        if fresh:
            lam, w = perron(a)
            b = w[:, :, None] - a
            b.reshape(-1)[diagonal] += lam[:, None]
            z = np.linalg.inv(b)  # (lambda I - A + w 1')^-1
            u = z.sum(axis=1)
        else:
            lam, vectors = perron(np.concatenate([a, np.swapaxes(a, 1, 2)]))
            lam, w, u = lam[:m], vectors[:m], vectors[m:]
            u = u / (u * w).sum(axis=1, keepdims=True)
        w_far = w.reshape(-1)[far]
        p = e * u.reshape(-1)[ends]  # e u_i, then u_j / e
        pw = p * w_far
        g = pw[:, :k] - pw[:, k:]  # u' D_p w
        if fresh:
            rows_flat[rows_at] = p * sign
            rows_d[:, k] = u
            cols_flat[cols_at] = e * w_far * sign
            z_cols = z @ cols_d  # Z D_q w
            both = rows_d @ z_cols  # u' D_p Z D_q w, then u' Z D_q w
            cross = both[:, :k] - g[:, :, None] * both[:, k:]  # u' D_p S D_q w
            hess = cross + np.swapaxes(cross, 1, 2)
            hess.reshape(-1)[hess_diagonal] += pw[:, :k] + pw[:, k:]
            inverse = np.linalg.inv(hess)
            dw = z_cols - w[:, :, None] * g[:, None, :]  # dw / dx_q
        step = (inverse @ g[..., None])[..., 0]
        x -= step[:, slot] * sign
        size = np.abs(step).max()
        if fresh:
            made = size
        if size * made < _SETTLED:
            break
        fresh = not fresh
    flat[cells] = np.exp(x)
    return a, lam - 0.5 * (g * step).sum(axis=1), w - (dw @ step[..., None])[..., 0]


def complete_stack(stack: np.ndarray, method: str = "lambda-max") -> np.ndarray:
    """Complete every matrix of a validated stack (m, n, n); complete matrices come back as they are.

    The caller checks connectivity first (:func:`connected`); a disconnected matrix has no
    unique completion.
    """
    _check_method(method)
    todo = np.flatnonzero(np.isnan(np.add.reduce(stack.reshape(len(stack), stack.shape[-1] ** 2), axis=1)))  # nan sums
    if len(todo) == len(stack) > 0:  # the usual case: every matrix misses something
        return complete_with_perron(stack, method)[0]
    out = stack.copy()
    if len(todo):
        out[todo] = complete_with_perron(stack[todo], method)[0]
    return out


def complete_with_perron(stack: np.ndarray, method: str = "lambda-max") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Complete a validated stack (m, n, n) whose every matrix misses a judgment, as
    :func:`complete_stack`; with lambda_max (m,) and the Perron vector (m, n) of each completed matrix.

    >>> nan = float("nan")
    >>> full, lam, w = complete_with_perron(np.array([[[1, 2, nan], [1/2, 1, 2], [nan, 1/2, 1]]]))
    >>> round(float(full[0, 0, 2]), 9), round(float(lam[0]), 9), w.round(4).tolist()
    (4.0, 3.0, [[0.5714, 0.2857, 0.1429]])
    """
    _check_method(method)
    if method == "harker":
        full = harker(stack)
        return (full, *perron(full))
    return _newton(stack)


def _check_method(method: str) -> None:
    if method not in COMPLETIONS:
        raise AHPError(f"unknown completion {method!r}; choose one of {', '.join(COMPLETIONS)}")


def complete(a: np.ndarray, method: str = "lambda-max", labels: Sequence[str] | None = None) -> np.ndarray:
    """A complete reciprocal matrix from a validated one with ``nan`` for missing judgments."""
    _check_method(method)
    if not np.isnan(a).any():
        return a
    if not connected(a[None])[0]:
        check_connected(a, labels)
    return complete_stack(a[None], method)[0]
