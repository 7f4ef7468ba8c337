"""Priority vectors from complete pairwise matrices, on single matrices or stacks (..., n, n).

Three methods: the principal (Perron) eigenvector, the row geometric mean (方根法) and the
normalised column mean (和积法). lambda_max is always the principal eigenvalue of the matrix,
whatever method produced the weights: consistency is a property of the judgments.

>>> a = np.array([[1, 6, 3], [1/6, 1, 1/2], [1/3, 2, 1]])
>>> [round(float(x), 6) for x in weights(a, "eigenvector")]
[0.666667, 0.111111, 0.222222]
>>> round(float(perron(a)[0]), 9)
3.0
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from operator import truediv

import numpy as np

from ahp.errors import AHPError

METHODS: tuple[str, ...] = ("eigenvector", "geometric-mean", "column-mean")


#: Squarings per round of the power method (the last one as two products with a vector, where
#: the round ends there). Round 1 squares A itself four times: A^16 of a
#: matrix with entries on the judgment scale is at most (9n)^16, far inside float range (one
#: that overflows or underflows fails the check below and goes on). Round 2 scales A^16 to sum
#: 1 and squares four more times. After A^16 the second eigenvalue's share has shrunk like
#: (|l2|/l1)^16: near-consistent judgments (|l2|/l1 about 0.1) pass at once, others get A^256,
#: and whatever still fails the check goes to eig.
_ROUNDS = (4, 4)
#: Accepted spread of the Collatz-Wielandt bounds, min_i (Av)_i/v_i <= lambda_max <= max_i (Av)_i/v_i,
#: relative to lambda_max: a certificate that lambda (and so w) has converged far beyond the
#: digits AHP reports.
_GAP = 1e-10
#: Matrices whose sizes add up to at most this are solved together as one block-diagonal matrix.
_BLOCKS_UP_TO = 64


def perron(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Principal eigenvalue and right eigenvector (normalised to sum 1) of positive matrices.

    ``a`` has shape (..., n, n); returns lambda_max of shape (...) (a float for one matrix)
    and w of shape (..., n). The power method by repeated squaring, on the whole stack at
    once, accepts a matrix when the Collatz-Wielandt bounds on lambda_max agree to 1e-10; any
    matrix that fails goes through ``numpy.linalg.eig``. (So does one with entries so far off
    the judgment scale, beyond about 1e18 or below 1e-18, that A^16 overflows or underflows;
    numpy then warns.)
    """
    if a.ndim == 2:
        return _perron_one(a)
    shape, n = a.shape[:-2], a.shape[-1]
    a = a.reshape(-1, n, n)
    if len(a) == 1:
        lam, w = _perron_one(a[0])
        return np.array(lam).reshape(shape), w.reshape(*shape, n)
    if len(a) * n <= _BLOCKS_UP_TO:  # a few small matrices: one block-diagonal matrix costs less
        lams, ws = _perron_blocks(list(a), [n] * len(a))
        return np.array(lams).reshape(shape), np.array(ws).reshape(*shape, n)
    lam, w = _perron_columns(a)
    return lam.reshape(shape), w.T.reshape(*shape, n)


def _perron_columns(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`perron` of a large stack (m, n, n): lambda_max (m,) and w laid out (n, m).

    The stack is laid out (n, n, m), one matrix per column, so that every product is a few
    long vector operations over all m matrices rather than m tiny products (a stack already
    laid out so, like :func:`ahp.core.sensitivity.perturb`'s, is not copied).
    """
    n = a.shape[-1]
    # Scaled by a power of two, which is exact: the result does not depend on which matrices
    # share the stack. lambda_max is scaled back at the end.
    scale = 2.0 ** -math.frexp(n * float(a.max()))[1]
    a = np.multiply(a.transpose(1, 2, 0), scale, out=np.empty((n, n, len(a))))
    b = a
    lam = w = np.empty(0)
    todo = np.arange(a.shape[-1])  # the matrices not settled yet (their places in lam and w)
    for r, squarings in enumerate(_ROUNDS):
        sub = a[..., todo] if r else a
        if r:
            b = b / b.sum(axis=(0, 1))
        # b stops at half the power: b (b 1) costs two products with a vector, not a squaring.
        for _ in range(squarings - 1 if r == 0 else squarings):
            b = np.einsum("ikm,kjm->ijm", b, b)
        v = np.einsum("ijm,jm->im", b, b.sum(axis=1))  # A^16 1, then A^256 1
        av = np.einsum("ijm,jm->im", sub, v)
        ratio = av / v  # (Av)_i / v_i: lambda_max lies between their least and greatest
        total = av.sum(axis=0)
        root = total / v.sum(axis=0)
        if r:
            lam[todo], w[:, todo] = root, av / total
        else:
            lam, w = root, av / total
        failed = np.flatnonzero(~(ratio.max(axis=0) - ratio.min(axis=0) <= _GAP * root))  # few, if any: only they go on
        todo, b = todo[failed], b[..., failed]
        if not todo.size:
            break
    else:
        lam[todo], w[:, todo] = (x.T for x in _perron_by_eig(a[..., todo].transpose(2, 0, 1)))
    return lam / scale, w


def _perron_one(a: np.ndarray) -> tuple[float, np.ndarray]:
    """:func:`perron` for one matrix (n, n): plain ``dot`` calls, and the bounds checked in
    Python floats, which cost much less than ``matmul`` and reductions on a tiny array."""
    ones = _ones(len(a))
    b = a  # unscaled: A^16 of any matrix on the judgment scale stays far within float range
    for squarings in _ROUNDS:
        for _ in range(squarings - 1):
            b = b.dot(b)
        v = b.dot(b.dot(ones))  # b stops at half the power: two products with a vector, not a squaring
        av = a.dot(v)
        av_list, v_list = av.tolist(), v.tolist()
        try:
            ratio = list(map(truediv, av_list, v_list))
        except ZeroDivisionError:  # v underflowed
            break
        total = sum(av_list)
        root = total / sum(v_list)
        if max(ratio) - min(ratio) <= _GAP * root:
            return root, av * (1.0 / total)
        b = b.dot(b) * (1.0 / sum(v_list))  # the full power, scaled to sum 1 for the next round
    lam, w = _perron_by_eig(a[None])
    return float(lam[0]), w[0]


def perron_many(matrices: Sequence[np.ndarray]) -> tuple[list[float], list[np.ndarray]]:
    """:func:`perron` of several matrices of any sizes: lambda_max and w of each.

    Small ones together form one block-diagonal matrix, whose powers are its blocks' powers, so
    a few products settle them all (a block that fails the check goes on alone); larger sets
    go in stacks of one size.

    >>> lams, ws = perron_many([np.array([[1, 2], [1/2, 1]]), np.ones((3, 3))])
    >>> [round(x, 9) for x in lams], [w.round(4).tolist() for w in ws]
    ([2.0, 3.0], [[0.6667, 0.3333], [0.3333, 0.3333, 0.3333]])
    """
    sizes = [a.shape[0] for a in matrices]
    if len(matrices) == 1:
        lam, w = _perron_one(matrices[0])
        return [lam], [w]
    if sum(sizes) <= _BLOCKS_UP_TO:
        return _perron_blocks(matrices, sizes)
    lams: list[float] = [0.0] * len(matrices)
    ws: list[np.ndarray] = [np.empty(0)] * len(matrices)
    groups: dict[int, list[int]] = {}
    for k, n in enumerate(sizes):
        groups.setdefault(n, []).append(k)
    for group in groups.values():
        lam, w = perron(np.array([matrices[k] for k in group]))
        for k, lam_k, w_k in zip(group, lam.tolist(), w):
            lams[k], ws[k] = lam_k, w_k
    return lams, ws


def _perron_blocks(matrices: Sequence[np.ndarray], sizes: list[int]) -> tuple[list[float], list[np.ndarray]]:
    """:func:`perron_many` on one block-diagonal matrix: one round of squarings for all."""
    places, same, bounds = _block_layout(tuple(sizes))
    total_n = len(same)
    a = np.zeros(total_n * total_n)
    a[places] = np.concatenate([m.ravel() for m in matrices])
    a = a.reshape(total_n, total_n)
    ones = _ones(total_n)
    b = a  # unscaled, as in _perron_one
    for _ in range(_ROUNDS[0] - 1):
        b = b.dot(b)
    v = b.dot(b.dot(ones))  # b stops at half the power, as in _perron_one
    av = a.dot(v)
    sum_av = same.dot(av)  # each block's sum of A v, at each of its places
    root = (sum_av / same.dot(v)).tolist()
    w = av / sum_av
    try:
        ratio = list(map(truediv, av.tolist(), v.tolist()))
    except ZeroDivisionError:  # v underflowed: each matrix on its own
        ratio = [math.nan] * total_n
    lams: list[float] = []
    ws: list[np.ndarray] = []
    for m, (lo, hi) in zip(matrices, bounds):
        block = ratio[lo:hi]
        if max(block) - min(block) <= _GAP * root[lo]:
            lams.append(root[lo])
            ws.append(w[lo:hi])
        else:
            lam, w_m = _perron_one(m)
            lams.append(lam)
            ws.append(w_m)
    return lams, ws


@functools.lru_cache(maxsize=64)
def _block_layout(sizes: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray, tuple[tuple[int, int], ...]]:
    """For matrices of these sizes on the diagonal of one matrix: the flat places of their cells
    (row by row, matrix by matrix), the matrix whose product with a vector sums each block's
    entries, and each block's rows ``(lo, hi)``. Read-only, kept per size pattern.

    >>> places, same, bounds = _block_layout((1, 2))
    >>> places.tolist(), same.dot([1.0, 2.0, 3.0]).tolist(), bounds
    ([0, 4, 5, 7, 8], [1.0, 5.0, 5.0], ((0, 1), (1, 3)))
    """
    total_n = sum(sizes)
    same = np.zeros((total_n, total_n))
    places, bounds = [], []
    lo = 0
    for n in sizes:
        rows = np.arange(lo, lo + n)
        places.append((rows[:, None] * total_n + rows).ravel())
        same[lo:lo + n, lo:lo + n] = 1.0
        bounds.append((lo, lo + n))
        lo += n
    flat = np.concatenate(places)
    flat.flags.writeable = same.flags.writeable = False
    return flat, same, tuple(bounds)


@functools.cache
def _ones(n: int) -> np.ndarray:
    """A read-only vector of n ones: ``b @ ones`` sums rows faster than ``b.sum(-1)``."""
    ones = np.ones(n)
    ones.flags.writeable = False
    return ones


def _perron_by_eig(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """lambda_max and w of a stack (m, n, n) from a full eigen-decomposition per matrix."""
    lam, vecs = np.linalg.eig(a)
    k = lam.real.argmax(axis=-1)[..., None]
    lam_max = np.take_along_axis(lam.real, k, axis=-1)[..., 0]
    w = np.take_along_axis(vecs.real, k[..., None], axis=-1)[..., 0]
    return lam_max, w / w.sum(axis=-1, keepdims=True)


def geometric_mean_weights(a: np.ndarray) -> np.ndarray:
    """Row geometric means, normalised to sum 1."""
    g = np.exp(np.log(a).mean(axis=-1))
    return g / g.sum(axis=-1, keepdims=True)


def column_mean_weights(a: np.ndarray) -> np.ndarray:
    """Normalise each column to sum 1, then average across each row."""
    return (a / a.sum(axis=-2, keepdims=True)).mean(axis=-1)


def weights(a: np.ndarray, method: str = "eigenvector") -> np.ndarray:
    """The priority vector(s) of complete matrices by the named method."""
    if method == "eigenvector":
        return perron(a)[1]
    if method == "geometric-mean":
        return geometric_mean_weights(a)
    if method == "column-mean":
        return column_mean_weights(a)
    raise AHPError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
