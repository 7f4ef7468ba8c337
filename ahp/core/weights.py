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

import numpy as np

from ahp.errors import AHPError

METHODS: tuple[str, ...] = ("eigenvector", "geometric-mean", "column-mean")


#: Squarings per round of the power method. Each round starts with the entries scaled to sum 1,
#: so the largest eigenvalue is at most 1 and, for AHP's matrices, not so small that five
#: squarings (A^32) underflow; a second round, rescaled, squares three more times. After
#: A^32 the second eigenvalue's share has shrunk like (|l2|/l1)^32: near-consistent judgments
#: pass at once, others get A^256, and whatever still fails the check goes to eig.
_ROUNDS = (5, 3)
#: Accepted spread of the Collatz-Wielandt bounds, min_i (Av)_i/v_i <= lambda_max <= max_i (Av)_i/v_i,
#: relative to lambda_max: a certificate that lambda (and so w) has converged.
_GAP = 1e-12


def perron(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Principal eigenvalue and right eigenvector (normalised to sum 1) of positive matrices.

    ``a`` has shape (..., n, n); returns lambda_max of shape (...) (a float for one matrix)
    and w of shape (..., n). The power method by repeated squaring, on the whole stack at
    once, accepts a matrix when the Collatz-Wielandt bounds on lambda_max agree to 1e-12; any
    matrix that fails goes through ``numpy.linalg.eig``.
    """
    if a.ndim == 2:
        return _perron_one(a)
    shape, n = a.shape[:-2], a.shape[-1]
    a = a.reshape(-1, n, n)
    ones = _ones(n)
    lam = np.empty(len(a))
    w = np.empty((len(a), n))
    todo = np.arange(len(a))  # the matrices not settled yet
    sub = b = a
    for squarings in _ROUNDS:
        b = b * (1.0 / (b @ ones @ ones))[:, None, None]  # each matrix on its own: chunks do not matter
        for _ in range(squarings):
            b = b @ b
        v = b @ ones
        av = (sub @ v[..., None])[..., 0]
        total = av @ ones
        root = total / (v @ ones)
        off = np.abs(av / (v * root[:, None]) - 1)  # (Av)_i / v_i against lambda
        if off.max() <= _GAP:
            if len(todo) == len(a):  # all settled at once, the usual case
                return root.reshape(shape), (av / total[:, None]).reshape(*shape, n)
            lam[todo], w[todo] = root, av / total[:, None]
            break
        good = off.max(axis=-1) <= _GAP
        keep = todo[good]
        lam[keep], w[keep] = root[good], av[good] / total[good][:, None]
        todo, b, sub = todo[~good], b[~good], sub[~good]
    else:
        lam[todo], w[todo] = _perron_by_eig(sub)
    return lam.reshape(shape), w.reshape(*shape, n)


def _perron_one(a: np.ndarray) -> tuple[float, np.ndarray]:
    """:func:`perron` for one matrix (n, n): plain ``dot`` calls and Python floats, which cost
    much less than ``matmul`` and reductions on a tiny array."""
    ones = _ones(a.shape[0])
    b = a
    for squarings in _ROUNDS:
        b = b * (1.0 / b.dot(ones).dot(ones))
        for _ in range(squarings):
            b = b.dot(b)
        v = b.dot(ones)
        av = a.dot(v)
        avl, vl = av.tolist(), v.tolist()
        ratio = [x / y if y > 0 else math.inf for x, y in zip(avl, vl)]
        total = sum(avl)
        root = total / sum(vl)
        if max(ratio) - min(ratio) <= _GAP * root:
            return root, av * (1.0 / total)
    lam, w = _perron_by_eig(a[None])
    return float(lam[0]), w[0]


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


def perron_left_right(a: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """lambda_max with the right (w) and left (v) Perron vectors, both summing to 1, in one batched call."""
    lam, vecs = perron(np.stack([a, np.swapaxes(a, -1, -2)]))
    return lam[0], vecs[0], vecs[1]


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
