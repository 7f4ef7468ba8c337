"""Filling in missing judgments (``nan`` entries) of reciprocal matrices, one or a stack at once.

Two estimators:

- ``lambda-max`` (default): the completion that minimises lambda_max (Bozoki, Fulop & Ronyai
  2010, Math. Comput. Modelling 52:318-333). In log coordinates lambda_max is convex, so
  Newton's method from the log-least-squares point converges in a few steps; gradient and Hessian are exact
  (eigenvalue perturbation theory), for the whole stack at once.
- ``harker``: Harker (1987), Math. Modelling 9:837-848: zero the missing entries, add the number
  of missing entries of each row to its diagonal, and take the principal eigenvector.

Newton's Hessian has k^2 entries for k missing pairs, so a matrix missing more than
:data:`NEWTON_PAIRS_UP_TO` pairs is completed by Harker's method, whose memory is linear in the
pairs, and the completion notes it; so does a Newton run that has not settled after
:data:`NEWTON_STEPS` steps.

Both need the known pairs to connect every element; otherwise the weights are not determined.

>>> nan = float("nan")
>>> a = np.array([[1, 1, 5, 2], [1, 1, 3, 4], [1/5, 1/3, 1, nan], [1/2, 1/4, nan, 1]])
>>> round(float(complete(a)[2, 3]), 6)
0.730297
>>> round(float(complete(a, "harker")[2, 3]), 4)
0.7212
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ahp.core.matrix import upper_pairs
from ahp.core.weights import perron
from ahp.errors import AHPError, JudgmentError, Phrase, listed

COMPLETIONS: tuple[str, ...] = ("lambda-max", "harker")
#: Newton steps the lambda-max completion takes at most; one that has not settled by then says so.
NEWTON_STEPS = 30
#: Newton stops once every step is below this (in log terms, a relative change of the judgment):
#: it converges quadratically, so what is left is about the step's square, far beyond the digits
#: AHP reports.
_SETTLED = 1e-7
#: The most missing pairs a matrix may have for Newton: its Hessian has k^2 entries and takes
#: k^3 / 3 to solve (at 500, 2 MB and a few milliseconds a step). Beyond, Harker's method.
NEWTON_PAIRS_UP_TO = 500
#: Newton works on stacks in chunks of at most this many Hessian entries (32 MB).
_HESSIAN_ENTRIES = 4_000_000


def reachable(stack: np.ndarray) -> np.ndarray:
    """Which elements the known judgments link, directly or through others, to the first, for
    each matrix of a stack (..., n, n): shape (..., n). By repeated squaring of the adjacency.

    >>> reachable(np.array([[1, 2, np.nan], [0.5, 1, np.nan], [np.nan, np.nan, 1]])).tolist()
    [True, True, False]
    """
    n = stack.shape[-1]
    reach = (~np.isnan(stack)).astype(float)  # float products, exact on 0 and 1, are the fast ones
    for _ in range(max(1, math.ceil(math.log2(max(n, 2))))):
        reach = np.minimum(reach @ reach, 1.0)
    return reach[..., 0, :] > 0


def connected(stack: np.ndarray) -> np.ndarray:
    """Whether the known judgments of each matrix of a stack (..., n, n) link all its elements.

    A matrix missing fewer than n - 1 pairs is linked for certain: cutting s elements off the
    others takes s (n - s) >= n - 1 missing pairs. The others go through :func:`reachable`.

    >>> nan = float("nan")
    >>> cut, linked = [[1, 2, nan], [1/2, 1, nan], [nan, nan, 1]], [[1, 2, nan], [1/2, 1, 3], [nan, 1/3, 1]]
    >>> connected(np.array([cut, linked])).tolist()
    [False, True]
    """
    n = stack.shape[-1]
    linked = np.isnan(stack).sum(axis=(-2, -1)) < 2 * (n - 1)  # each missing pair is two gaps
    if not linked.all():
        linked[~linked] = reachable(stack[~linked]).all(axis=-1)
    return linked


@dataclass(frozen=True)
class Unlinked:
    """Why a matrix's weights are not determined: its known judgments link the elements
    ``linked`` (indices, the first element among them) but none of them, directly or through
    others, to the elements ``cut``. Outputs word it in their language."""

    linked: tuple[int, ...]
    cut: tuple[int, ...]

    def message(self, labels: Sequence[str] | None = None) -> str:
        """The English sentence, naming the elements by ``labels`` (else 1, 2, ...).

        >>> print(Unlinked((0, 1), (2,)).message(["a", "b", "c"]))  # doctest: +NORMALIZE_WHITESPACE
        the known judgments do not connect all elements: c is not compared, directly or through
        others, with a; add a judgment linking them
        """
        names = labels or [str(i + 1) for i in range(len(self.linked) + len(self.cut))]
        cut = [names[i] for i in self.cut]
        return (
            f"the known judgments do not connect all elements: {', '.join(cut)} "
            f"{'is' if len(cut) == 1 else 'are'} not compared, directly or through others, "
            f"with {names[self.linked[0]]}; add a judgment linking them"
        )


class UnlinkedError(JudgmentError):
    """A matrix whose known judgments do not link all its elements: ``unlinked`` says which,
    ``labels`` names them (``None``: by number)."""

    def __init__(self, unlinked: Unlinked, labels: Sequence[str] | None = None) -> None:
        super().__init__(unlinked.message(labels))
        self.unlinked = unlinked
        self.labels = None if labels is None else list(labels)


def unlinked(a: np.ndarray) -> Unlinked:
    """Which elements the known judgments link to the first, and which not (``cut`` empty when all).

    >>> unlinked(np.array([[1, 2, np.nan], [0.5, 1, np.nan], [np.nan, np.nan, 1]]))
    Unlinked(linked=(0, 1), cut=(2,))
    """
    linked = reachable(a)
    return Unlinked(tuple(np.flatnonzero(linked).tolist()), tuple(np.flatnonzero(~linked).tolist()))


def disconnection(a: np.ndarray) -> Unlinked | None:
    """The :class:`Unlinked` elements of a matrix whose known judgments do not link them all, else ``None``.

    >>> disconnection(np.array([[1, 2], [0.5, 1]])) is None
    True
    """
    facts = unlinked(a)
    return facts if facts.cut else None


def check_connected(a: np.ndarray, labels: Sequence[str] | None = None) -> None:
    """Raise :class:`UnlinkedError` naming the elements that no known judgment links to the first."""
    unlinked = disconnection(a)
    if unlinked is not None:
        raise UnlinkedError(unlinked, labels)


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
    #: L + 11' (m, n, n), L the Laplacian of the known pairs: it gives the log-least-squares weights
    laplacian: np.ndarray


def _layout(stack: np.ndarray) -> _Layout:
    """The :class:`_Layout` of a stack's missing pairs."""
    m, n = len(stack), stack.shape[-1]
    i, j = upper_pairs(n)
    gaps = np.isnan(stack[:, i, j])  # (m, pairs)
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
        offset * n + np.arange(n) * (n + 1), offset // n * k * k + np.arange(k) * (k + 1), laplacian,
    )


def _newton(stack: np.ndarray, max_steps: int) -> tuple[np.ndarray, np.ndarray]:
    """lambda_max-optimal completion of a stack (m, n, n), and whether each matrix settled
    within ``max_steps`` steps.

    Newton's method from the log-least-squares point (the weights y minimising the sum over
    known pairs of (log a_ij - y_i + y_j)^2, Bozoki, Fulop & Ronyai 2010), which is closer to
    the optimum than Harker's and costs one product. With x_p = log a_ij for the missing
    pairs, D_p = dA/dx_p and the Perron vector w (summing to 1),
    Z = (lambda I - A + w 1')^-1 gives the left Perron vector u' = 1'Z (u'w = 1) and the
    reduced resolvent S = Z - w u'Z. Gradient g_p = u' D_p w; Hessian
    H_pq = u' D_p S D_q w + u' D_q S D_p w (+ u' E_p w on the diagonal, E_p = d2A/dx_p2).

    Vectors u' D_p and D_q w (p, q = 1..k) have two nonzero entries each, written through the
    flat indices of :func:`_layout`; padded slots get zero rows and columns (and write
    exp(0) = 1 into the diagonal cell they point at), so their step is zero.
    """
    m, n, _ = stack.shape
    k, ends, far, cells, slot, sign, rows_at, cols_at, diagonal, hess_diagonal, laplacian = _layout(stack)
    rows_d = np.zeros((m, k + 1, n))  # u' D_p, then u'
    cols_d = np.zeros((m, n, k))  # columns D_q w
    rows_flat, cols_flat = rows_d.reshape(-1), cols_d.reshape(-1)
    a = stack.copy()
    flat = a.reshape(-1)
    flat[cells] = 1.0  # log 1 = 0: the sums of the known logs
    logs = np.linalg.solve(laplacian, np.log(a).sum(axis=2)[..., None]).reshape(-1)
    x = logs[ends] - logs[far]  # x_p, then -x_p
    settled = np.zeros(m, dtype=bool)
    for _ in range(max_steps):
        e = np.exp(x)  # a_ij, then a_ji = 1 / a_ij
        flat[cells] = e
        lam, w = perron(a)
        b = w[:, :, None] - a
        b.reshape(-1)[diagonal] += lam[:, None]
        z = np.linalg.inv(b)  # (lambda I - A + w 1')^-1
        u = z.sum(axis=1)
        w_far = w.reshape(-1)[far]
        p = e * u.reshape(-1)[ends]  # e u_i, then u_j / e
        pw = p * w_far
        g = pw[:, :k] - pw[:, k:]  # u' D_p w
        rows_flat[rows_at] = p * sign
        rows_d[:, k] = u
        cols_flat[cols_at] = e * w_far * sign
        both = rows_d @ (z @ cols_d)  # u' D_p Z D_q w, then u' Z D_q w
        cross = both[:, :k] - g[:, :, None] * both[:, k:]  # u' D_p S D_q w
        hess = cross + np.swapaxes(cross, 1, 2)
        hess.reshape(-1)[hess_diagonal] += pw[:, :k] + pw[:, k:]
        step = np.linalg.solve(hess, g[..., None])[..., 0]
        x -= step[:, slot] * sign
        settled = np.abs(step).max(axis=1) < _SETTLED
        if settled.all():
            break
    flat[cells] = np.exp(x)
    return a, settled


def complete_stack(stack: np.ndarray, method: str = "lambda-max") -> np.ndarray:
    """Complete every matrix of a validated stack (m, n, n); complete matrices come back as they are.

    The caller checks connectivity first (:func:`connected`); a disconnected matrix has no
    unique completion. See :func:`complete_noting` for what the completion could not do as asked.

    >>> nan = float("nan")
    >>> complete_stack(np.array([[[1, 2, nan], [1/2, 1, 2], [nan, 1/2, 1]]]))[0, 0, 2].round(9)
    np.float64(4.0)
    """
    return complete_noting(stack, method)[0]


def complete_noting(
    stack: np.ndarray, method: str = "lambda-max"
) -> tuple[np.ndarray, list[tuple[CompletionNote, ...]]]:
    """:func:`complete_stack`, with each matrix's notes: an empty tuple, or what the completion
    could not do as asked (Harker's method for a matrix missing too many pairs for Newton; a
    Newton run that did not settle)."""
    check_completion(method)
    out = stack.copy()
    notes: list[tuple[CompletionNote, ...]] = [()] * len(stack)
    pairs = np.isnan(stack).sum(axis=(1, 2)) // 2
    if method == "harker":
        todo = pairs > 0
        if todo.any():
            out[todo] = harker(stack[todo])
        return out, notes
    many = pairs > NEWTON_PAIRS_UP_TO
    if many.any():
        out[many] = harker(stack[many])
    for k in np.flatnonzero(many).tolist():
        notes[k] = (CompletionNote("harker-instead", int(pairs[k]), NEWTON_PAIRS_UP_TO),)
    newton = np.flatnonzero((pairs > 0) & ~many)
    if newton.size:
        chunk = max(1, _HESSIAN_ENTRIES // int(pairs[newton].max()) ** 2)
        for start in range(0, newton.size, chunk):
            part = newton[start:start + chunk]
            out[part], settled = _newton(stack[part], NEWTON_STEPS)
            for k in part[~settled].tolist():
                notes[k] = (CompletionNote("unsettled", int(pairs[k]), NEWTON_STEPS),)
    return out, notes


@dataclass(frozen=True)
class CompletionNote:
    """What a completion could not do as asked: ``kind`` ``harker-instead`` (``missing``
    judgments, more than the ``limit`` Newton's method takes: Harker's method instead) or
    ``unsettled`` (Newton did not settle in ``limit`` steps). ``str()`` is the English sentence;
    outputs word it in their language.

    >>> str(CompletionNote("unsettled", 3, 30))
    'the lambda-max completion did not settle in 30 Newton steps: the completed judgments may be off'
    """

    kind: str
    missing: int
    limit: int

    def __str__(self) -> str:
        if self.kind == "harker-instead":
            return (f"{self.missing} judgments missing, more than the {self.limit} the lambda-max completion handles: "
                    "completed by Harker's method instead")
        return (f"the lambda-max completion did not settle in {self.limit} Newton steps: the completed judgments "
                "may be off")


def check_completion(method: str) -> None:
    """Raise :class:`AHPError` for a completion method that is not one of :data:`COMPLETIONS`."""
    if method not in COMPLETIONS:
        raise AHPError(Phrase("unknown completion {method!r}; choose one of {choices}",
                              {"method": method, "choices": listed(COMPLETIONS)}))


def complete(a: np.ndarray, method: str = "lambda-max", labels: Sequence[str] | None = None) -> np.ndarray:
    """A complete reciprocal matrix from a validated one with ``nan`` for missing judgments."""
    check_completion(method)
    if not np.isnan(a).any():
        return a
    check_connected(a, labels)
    return complete_stack(a[None], method)[0]
