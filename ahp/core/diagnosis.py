"""Which judgments to revisit: the most inconsistent pairs, and the values that would fix them.

For weights w, the inconsistency of judgment a_ij is e_ij = a_ij * w_j / w_i (1 when the
judgment agrees exactly with the weights). The worst pairs are those with the largest
max(e_ij, 1/e_ij). For each, every value of Saaty's scale is tried, the missing judgments
completed again for each (so the CR after a change is exact), and two values are offered:

- ``passes``: the smallest change that makes the node pass, the passing value nearest the
  current one in scale steps (so a judgment is not reversed when a milder value will do);
- ``best``: the value that lowers CR most, when it is another one.

A node that passes gets no suggestion. Each suggestion also carries ``implied``, the value the
other answers imply for the pair: w_i / w_j of the current weights, snapped to the scale.

"A is 4 times as important as B" makes this node fail (CR 0.166 > 0.08). 2 passes; 1/2,
which reverses the answer, lowers CR most:

>>> a = np.array([[1, 4, 1, 1/2], [1/4, 1, 1, 1], [1, 1, 1, 1], [2, 1, 1, 1]])
>>> [(s.kind, s.row, s.col, s.current, format_value(s.suggested), round(s.cr_after, 4), s.implied)
...  for s in suggest(a, ~np.isnan(a), ri=0.90, threshold=0.08, count=2)]
[('passes', 0, 1, 4.0, '2', 0.0687, 2.0), ('best', 0, 1, 4.0, '1/2', 0.0225, 2.0)]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ahp.core.completion import complete_stack
from ahp.core.consistency import consistency_index, passes, textbook_lambda_max
from ahp.core.matrix import upper_pairs
from ahp.core.scale import SCALE_ARRAY, format_value, nearest_on_scale  # noqa: F401  (format_value: doctest)
from ahp.core.weights import perron
from ahp.core.weights import weights as weights_by

#: What a suggestion is: the smallest change that passes, or the value that lowers CR most.
SUGGESTION_KINDS: tuple[str, ...] = ("passes", "best")
#: At most this many batches of ``count`` worst pairs are tried, looking for ``count`` changes.
_BATCHES = 10
#: Trial matrices are built this many cells at a time (64 MB of floats), whatever n.
_TRIAL_CELLS = 1 << 23
#: The power method on the trials stops when the Collatz-Wielandt bounds on lambda_max agree
#: to this (relative) or after so many products; trials left go through :func:`perron`.
_AGREE, _ROUNDS = 1e-13, 300


@dataclass(frozen=True, eq=False)
class Suggestion:
    """Change judgment ``(row, col)`` from ``current`` to ``suggested``; CR becomes ``cr_after``.

    ``kind`` is ``passes`` (the smallest change that makes the node pass) or ``best`` (the
    value that lowers CR most); ``implied`` is the value the other answers imply for the pair
    (w_row / w_col, on the scale). ``error`` is max(e, 1/e) for the current judgment;
    ``weights_after`` are the priorities the matrix would give with the suggestion applied
    (same method as the analysis).
    """

    row: int
    col: int
    current: float
    suggested: float
    error: float
    cr_after: float
    weights_after: np.ndarray
    kind: str
    implied: float


def inconsistency(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The matrix of e_ij = a_ij * w_j / w_i (``nan`` stays ``nan``)."""
    return a * w[None, :] / w[:, None]


@dataclass(frozen=True, eq=False)
class _Tried:
    """One pair with every scale value tried: CR (17,) and weights (17, n) for each."""

    row: int
    col: int
    current: float
    error: float
    cr: np.ndarray
    weights: np.ndarray

    @property
    def best(self) -> int:
        """The place on the scale of the value with the lowest CR (of equal CRs, the lowest value)."""
        return int(np.argmin(np.round(self.cr, 9)))

    def passing(self, threshold: float, strict: bool) -> tuple[float, float, int] | None:
        """Steps from the current value, CR and place of the passing value nearest the current
        one (of two as near, the lower CR); ``None`` when no value passes."""
        place = np.interp(np.log(self.current), np.log(SCALE_ARRAY), np.arange(len(SCALE_ARRAY)))
        ok = np.flatnonzero(passes(self.cr, threshold, strict))
        return min((round(abs(v - place), 9), round(self.cr[v], 9), int(v)) for v in ok) if len(ok) else None


def suggest(
    completed: np.ndarray,
    known: np.ndarray,
    *,
    ri: float,
    threshold: float,
    method: str = "eigenvector",
    completion: str = "lambda-max",
    count: int = 3,
    lambda_max: str = "eigenvalue",
    strict: bool = False,
) -> list[Suggestion]:
    """Up to ``count`` changes of one known judgment of a complete matrix that help most.

    ``known`` marks the judgments a person gave: missing ones, filled by ``completion``, are
    never suggested, and are completed again for every value tried. The first suggestion is
    the smallest change that passes ``threshold``, the next the value that lowers CR most if
    it is another; then the next worst pairs, each with its smallest passing change (or its
    best value when none passes), among the 10 x ``count`` worst pairs at most. Pairs are
    reported with ``row < col``. Returns ``[]`` when the node passes, when n <= 2, or when ``ri``
    is 0. CR is found as the analysis finds it: ``lambda_max`` is its convention, ``strict``
    whether CR must lie strictly below ``threshold``.
    """
    n = completed.shape[0]
    if n <= 2 or ri <= 0 or count <= 0:
        return []
    lam, w = perron(completed)
    shown = w if method == "eigenvector" else weights_by(completed, method)
    textbook = lambda_max == "textbook" and method != "eigenvector"
    if textbook:
        lam = textbook_lambda_max(completed, shown)
    if passes(consistency_index(lam, n) / ri, threshold, strict):
        return []
    dev = np.abs(np.log(inconsistency(completed, w)))
    rows, cols = upper_pairs(n)
    worth = np.flatnonzero(known[rows, cols] & (dev[rows, cols] > 1e-9))
    # Rounded so that pairs equally off (as in a cycle a > b > c > a) come in row order,
    # whatever the last digits of the weights.
    worst = worth[np.argsort(-np.round(dev[rows, cols][worth], 9), kind="stable")]
    tried: list[_Tried] = []
    chosen: list[Suggestion] = []
    # The worst pairs first, then the next worst while changes are too few.
    for start in range(0, min(len(worst), _BATCHES * count), count):
        batch = worst[start:start + count]
        cr, after = _try_scale(completed, known, rows[batch], cols[batch], ri=ri, method=method, completion=completion,
                               textbook=textbook)
        tried += [_Tried(int(i), int(j), float(completed[i, j]), float(np.exp(dev[i, j])), c, a)
                  for i, j, c, a in zip(rows[batch], cols[batch], cr, after, strict=False)]
        chosen = _choose(tried, threshold, strict, count, shown)
        if len(chosen) == count:
            break
    return chosen


def _choose(tried: list[_Tried], threshold: float, strict: bool, count: int, w: np.ndarray) -> list[Suggestion]:
    """The smallest passing change, the best change, then each further pair's own fix (its
    smallest passing change, or its best value when none passes)."""
    passing = {k: p for k, t in enumerate(tried) if (p := t.passing(threshold, strict)) is not None}
    own = [(k, passing[k][2], "passes") if k in passing else (k, t.best, "best") for k, t in enumerate(tried)]
    best = min(range(len(tried)), key=lambda k: (round(tried[k].cr[tried[k].best], 9), k))
    headline = [own[min(passing, key=lambda k: (*passing[k][:2], k))]] if passing else []
    headline.append((best, tried[best].best, "best"))
    out: list[Suggestion] = []
    for place, (k, v, kind) in enumerate(headline + own):
        t = tried[k]
        if _fresh(out, t, v, one_per_pair=place >= len(headline)):
            out.append(Suggestion(t.row, t.col, t.current, float(SCALE_ARRAY[v]), t.error, float(t.cr[v]),
                                  t.weights[v], kind, nearest_on_scale(float(w[t.row] / w[t.col]))))
    return out[:count]


def _fresh(out: list[Suggestion], t: _Tried, v: int, *, one_per_pair: bool) -> bool:
    """Whether scale value ``v`` changes pair ``t`` and is not offered yet (nor, with
    ``one_per_pair``, any value for that pair)."""
    if np.isclose(SCALE_ARRAY[v], t.current):
        return False
    return not any((s.row, s.col) == (t.row, t.col) and (one_per_pair or s.suggested == SCALE_ARRAY[v]) for s in out)


def _try_scale(
    completed: np.ndarray, known: np.ndarray, rows: np.ndarray, cols: np.ndarray, *,
    ri: float, method: str, completion: str, textbook: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """CR (pairs, 17) and weights (pairs, 17, n) with judgment (rows[p], cols[p]) set to each
    scale value in turn, the missing judgments completed again for each (lambda_max by the
    textbooks' formula when ``textbook``)."""
    n, m = completed.shape[0], len(SCALE_ARRAY)
    pair, value = np.divmod(np.arange(len(rows) * m), m)
    new = SCALE_ARRAY[value]
    if known.all() and method == "eigenvector":
        lam, w = _perron_changed(completed, rows[pair], cols[pair], new)
    else:
        missing = int((~known).sum()) // 2
        chunk = max(1, _TRIAL_CELLS // (n * n + 4 * missing * missing))
        lam, w = np.empty(len(pair)), np.empty((len(pair), n))
        base = np.where(known, completed, np.nan)
        for start in range(0, len(pair), chunk):
            at = slice(start, start + chunk)
            stack = np.broadcast_to(base, (len(new[at]), n, n)).copy()
            where = np.arange(len(stack))
            stack[where, rows[pair[at]], cols[pair[at]]] = new[at]
            stack[where, cols[pair[at]], rows[pair[at]]] = 1 / new[at]
            full = complete_stack(stack, completion) if missing else stack
            lam[at], w[at] = perron(full)
            if method != "eigenvector":
                w[at] = weights_by(full, method)
                if textbook:
                    lam[at] = textbook_lambda_max(full, w[at])
    cr = consistency_index(lam, n) / ri
    return cr.reshape(len(rows), m), w.reshape(len(rows), m, n)


def _perron_changed(
    a: np.ndarray, rows: np.ndarray, cols: np.ndarray, new: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """lambda_max (t,) and Perron vectors (t, n) of t copies of a complete matrix, copy k with
    a[rows[k], cols[k]] = new[k] (and its reciprocal), never built: the power method on all at
    once, each product a @ x plus the two changed cells, from a's own Perron vector. Memory is
    n x t, not n x n x t.
    """
    add_row = new - a[rows, cols]  # a[i, j] grows by this, a[j, i] by add_col
    add_col = 1 / new - a[cols, rows]
    trials = np.arange(len(new))
    x = np.repeat(perron(a)[1][:, None], len(new), axis=1)  # (n, t)
    lam = np.full(len(new), np.nan)
    for _ in range(_ROUNDS):
        y = a @ x
        y[rows, trials] += add_row * x[cols, trials]
        y[cols, trials] += add_col * x[rows, trials]
        ratio = y / x
        low, high = ratio.min(axis=0), ratio.max(axis=0)
        lam = (low + high) / 2
        x = y / y.sum(axis=0)
        if (high - low <= _AGREE * high).all():
            break
    else:  # the few trials the power method is slow on: directly
        for k in np.flatnonzero(high - low > _AGREE * high):
            b = a.copy()
            b[rows[k], cols[k]], b[cols[k], rows[k]] = new[k], 1 / new[k]
            lam[k], x[:, k] = perron(b)
    return lam, x.T
