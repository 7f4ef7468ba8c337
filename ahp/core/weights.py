"""Priority vectors from complete pairwise matrices, on single matrices or stacks (..., n, n).

Three methods: the principal (Perron) eigenvector, the row geometric mean (方根法) and the
normalised column mean (和积法). :func:`perron` gives the principal eigenvalue with the
eigenvector; the textbooks' lambda_max for the other methods is in :mod:`ahp.core.consistency`.

>>> a = np.array([[1, 6, 3], [1/6, 1, 1/2], [1/3, 2, 1]])
>>> [round(float(x), 6) for x in weights(a, "eigenvector")]
[0.666667, 0.111111, 0.222222]
>>> round(float(perron(a)[0]), 9)
3.0
"""

from __future__ import annotations

import math

import numpy as np

from ahp.errors import AHPError, Phrase, listed

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


def perron(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Principal eigenvalue and right eigenvector (normalised to sum 1) of positive matrices.

    ``a`` has shape (..., n, n); returns lambda_max of shape (...) (a 0-d array for one
    matrix) and w of shape (..., n). The power method by repeated squaring, on the whole stack
    at once, accepts a matrix when the Collatz-Wielandt bounds on lambda_max agree to 1e-10;
    any matrix that fails goes through ``numpy.linalg.eig``. (So does one with entries so far
    off the judgment scale, beyond about 1e18 or below 1e-18, that A^16 overflows or
    underflows; numpy then warns.)
    """
    shape, n = a.shape[:-2], a.shape[-1]
    lam, w = _perron_columns(a.reshape(-1, n, n))
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
        settled = ratio.max(axis=0) - ratio.min(axis=0) <= _GAP * root
        if settled.all():
            break
        todo, b = todo[~settled], b[..., ~settled]  # few, if any: only they go on
    else:
        lam[todo], w[:, todo] = (x.T for x in _perron_by_eig(a[..., todo].transpose(2, 0, 1)))
    return lam / scale, w


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
    check_method(method)
    return column_mean_weights(a)


def check_method(method: str) -> None:
    """Raise :class:`AHPError` for a weighting method that is not one of :data:`METHODS`."""
    if method not in METHODS:
        raise AHPError(Phrase("unknown method {method!r}; choose one of {choices}",
                              {"method": method, "choices": listed(METHODS)}))
