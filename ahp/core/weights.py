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

import numpy as np

from ahp.errors import AHPError

METHODS: tuple[str, ...] = ("eigenvector", "geometric-mean", "column-mean")


#: Stacks at least this large go through repeated squaring (a few batched matrix products)
#: instead of a full eigen-decomposition per matrix; below it, eig's fixed cost is lower.
_SQUARING_FROM = 64
#: Squarings per round: after round r the second eigenvalue's share has shrunk like
#: (|l2|/l1)^(2^(4 r)); near-consistent judgments pass after one round, others get a second,
#: and whatever still fails the residual check goes to eig.
_ROUNDS = (4, 4)
_RESIDUAL = 1e-13


def perron(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Principal eigenvalue and right eigenvector (normalised to sum 1) of positive matrices.

    ``a`` has shape (..., n, n); returns lambda_max of shape (...) and w of shape (..., n).
    Large stacks use repeated squaring, checked by the residual |A w - lambda w|; any matrix
    that fails the check goes through ``numpy.linalg.eig`` like small stacks do.
    """
    if a.ndim > 2 and a.size // (a.shape[-1] ** 2) >= _SQUARING_FROM:
        return _perron_by_squaring(a)
    return _perron_by_eig(a)


def _perron_by_eig(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lam, vecs = np.linalg.eig(a)
    lam = lam.real
    if lam.ndim == 1:  # one matrix: plain indexing is much cheaper than take_along_axis
        k = int(lam.argmax())
        lam_max, w = lam[k], vecs[:, k].real
    else:
        k = lam.argmax(axis=-1)[..., None]
        lam_max = np.take_along_axis(lam, k, axis=-1)[..., 0]
        w = np.take_along_axis(vecs.real, k[..., None], axis=-1)[..., 0]
    return lam_max, w / w.sum(axis=-1, keepdims=True)


def _perron_by_squaring(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Power method by repeated squaring on a whole stack; rows of A^(2^k) all point along w."""
    shape, n = a.shape[:-2], a.shape[-1]
    a = a.reshape(-1, n, n)
    lam = np.empty(len(a))
    w = np.empty((len(a), n))
    todo = np.arange(len(a))  # the matrices not settled yet
    b = a / a.sum(axis=(-2, -1), keepdims=True)
    for squarings in _ROUNDS:
        for _ in range(squarings):
            b = b @ b
        # b starts with entries summing to 1 (largest eigenvalue at most 1); four squarings
        # cannot underflow or overflow before this rescaling.
        b /= b.sum(axis=(-2, -1), keepdims=True)
        sub = a[todo]
        v = b.sum(axis=-1)
        v /= v.sum(axis=-1, keepdims=True)
        av = (sub @ v[..., None])[..., 0]
        root = av.sum(axis=-1)  # v sums to 1, so sum(A v) = lambda
        v = av / root[..., None]  # one more power step
        residual = np.abs((sub @ v[..., None])[..., 0] - root[..., None] * v).max(axis=-1) / root
        good = residual <= _RESIDUAL
        lam[todo[good]], w[todo[good]] = root[good], v[good]
        todo, b = todo[~good], b[~good]
        if not todo.size:
            break
    else:
        lam[todo], w[todo] = _perron_by_eig(a[todo])
    return lam.reshape(shape), w.reshape(*shape, n)


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
