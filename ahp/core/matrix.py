"""Pairwise comparison matrices: reading them from text and checking they can be used.

``A[i, j]`` is how many times element ``i`` matters more than element ``j``;
``A[j, i] = 1 / A[i, j]``; ``nan`` marks a missing judgment.

>>> parse_matrix("1 3 5; 1/3 1 3; 1/5 1/3 1")[0]
array([1., 3., 5.])
>>> float(from_upper(3, [2, "?", 1/2])[0, 2])
nan
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np

from ahp.core.scale import MAX_VALUE, MIN_VALUE, TOLERANCE, format_value, parse_value
from ahp.errors import JudgmentError, Phrase

_ENTRY_SPLIT = re.compile(r"[\s,]+")


@functools.cache
def upper_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of the cells (i, j), i < j, of an n x n matrix, row by row (cached, read-only).

    >>> [x.tolist() for x in upper_pairs(3)]
    [[0, 0, 1], [1, 2, 2]]
    """
    i, j = np.triu_indices(n, 1)
    i.flags.writeable = j.flags.writeable = False
    return i, j


def _cell(i: int, j: int, labels: Sequence[str] | None) -> Phrase:
    """Name a cell for a message: 1-based row/column, plus the labels when known."""
    if labels:
        return Phrase("row {i}, column {j} ({a} vs {b})", {"i": i + 1, "j": j + 1, "a": labels[i], "b": labels[j]})
    return Phrase("row {i}, column {j}", {"i": i + 1, "j": j + 1})


#: The largest matrix analysed: n elements compared pair by pair. Donegan and Dodd tabulate RI up
#: to 100; beyond, a person cannot give the n (n - 1) / 2 judgments, and the work (and memory)
#: of the analysis and its diagnosis grows with n^2 and more.
MAX_ELEMENTS = 100
_LOW, _HIGH = MIN_VALUE * (1 - TOLERANCE), MAX_VALUE * (1 + TOLERANCE)
#: Bounds on a_ij * a_ji: judgments written as 0.333 for 1/3 still pass (0.1% either way).
_PRODUCT_LOW, _PRODUCT_HIGH = 1 - 1e-3, 1 + 1e-3
#: Bounds on a diagonal entry.
_ONE_LOW, _ONE_HIGH = 1 - TOLERANCE, 1 + TOLERANCE


def check_size(n: int) -> None:
    """Raise :class:`JudgmentError` for a matrix of more than :data:`MAX_ELEMENTS` elements.

    >>> check_size(300)
    Traceback (most recent call last):
    ...
    ahp.errors.JudgmentError: the matrix is 300x300: at most 100x100 (100 elements compared) can be analysed
    """
    if n > MAX_ELEMENTS:
        raise JudgmentError(Phrase(
            "the matrix is {n}x{n}: at most {most}x{most} ({most} elements compared) can be analysed",
            {"n": n, "most": MAX_ELEMENTS}))


def parse_matrix(text: str) -> np.ndarray:
    """Read a matrix written as rows separated by ``;`` or newlines, entries by spaces or commas.

    Entries are numbers, ``a/b`` fractions, or ``?`` for missing. The result is not
    yet validated: call :func:`validate_matrix`.
    """
    rows = [r.strip() for r in re.split(r"[;\n]", text)]
    rows = [r for r in rows if r and not r.startswith("#")]
    if not rows:
        raise JudgmentError(Phrase("the matrix is empty"))
    cells: list[list[float]] = []
    for i, row in enumerate(rows):
        entries = [e for e in _ENTRY_SPLIT.split(row) if e]
        parsed = []
        for j, entry in enumerate(entries):
            try:
                parsed.append(parse_value(entry))
            except JudgmentError as exc:
                raise JudgmentError(Phrase("{at}: {why}", {"at": _cell(i, j, None), "why": exc.phrase})) from None
        cells.append(parsed)
    n = len(cells)
    for i, row in enumerate(cells):
        if len(row) != n:
            raise JudgmentError(Phrase("row {i} has {k} entries; a {n}x{n} matrix needs {n}",
                                        {"i": i + 1, "k": len(row), "n": n}))
    return np.array(cells, dtype=float)


def validate_matrix(matrix: np.ndarray | Sequence[Sequence[float]], labels: Sequence[str] | None = None) -> np.ndarray:
    """Check a pairwise matrix and return it as a float array with reciprocals filled in.

    A missing entry (``nan``) whose mirror is known is filled as the reciprocal; the
    diagonal must be 1 (or missing); every entry must be finite, positive, within
    [1/9, 9], and reciprocal to its mirror within 0.1% (0.333 for 1/3). The matrix returned
    is exactly reciprocal: below the diagonal, 1 / the entry above. At most
    :data:`MAX_ELEMENTS` elements.

    >>> validate_matrix([[1, 4], [float("nan"), 1]])[1, 0]
    np.float64(0.25)
    >>> validate_matrix([[1, 3], [1/2, 1]], ["price", "quality"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ahp.errors.JudgmentError: row 2, column 1 (quality vs price) is 1/2 but row 1, column 2 is 3: they must be ...
    """
    a = np.array(matrix, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise JudgmentError(Phrase("the matrix must be square; got shape {shape}",
                                   {"shape": "x".join(map(str, a.shape))}))
    n = a.shape[0]
    if n == 0:
        raise JudgmentError(Phrase("the matrix is empty"))
    check_size(n)
    if labels is not None and len(labels) != n:
        raise JudgmentError(Phrase("{k} labels given for a {n}x{n} matrix", {"k": len(labels), "n": n}))
    diagonal = a.diagonal()
    # nan compares false, so a missing judgment passes every test here; the products are taken
    # once every entry is known to lie on the scale.
    if ((a < _LOW) | (a > _HIGH)).any() or ((diagonal < _ONE_LOW) | (diagonal > _ONE_HIGH)).any():
        raise JudgmentError(_first_problem(a, labels))
    product = a * a.T
    if ((product < _PRODUCT_LOW) | (product > _PRODUCT_HIGH)).any():
        raise JudgmentError(_first_problem(a, labels))
    a = np.where(np.isnan(a), 1.0 / a.T, a)  # a missing judgment whose mirror is known: its reciprocal
    np.fill_diagonal(a, 1.0)
    i, j = upper_pairs(n)
    a[j, i] = 1.0 / a[i, j]  # exactly reciprocal, as the upper triangle says (nan stays nan)
    return a


def _first_problem(a: np.ndarray, labels: Sequence[str] | None) -> Phrase:
    """What is wrong with a square matrix that fails the checks of :func:`validate_matrix`, at
    its first wrong cell: not finite or not positive, then a diagonal that is not 1, then off
    the scale, then not reciprocal."""
    bad = np.isinf(a) | (a <= 0)
    if bad.any():
        i, j = map(int, np.argwhere(bad)[0])
        must = ("{at} is {value:g}: judgments must be finite" if np.isinf(a[i, j])
                else "{at} is {value:g}: judgments must be positive")
        return Phrase(must, {"at": _cell(i, j, labels), "value": a[i, j]})
    diagonal = a.diagonal()
    off_one = np.flatnonzero((diagonal < _ONE_LOW) | (diagonal > _ONE_HIGH))
    if off_one.size:
        i = int(off_one[0])
        return Phrase("{at} is {value:g}: the diagonal must be 1", {"at": _cell(i, i, labels), "value": a[i, i]})
    off = (a < _LOW) | (a > _HIGH)
    if off.any():
        i, j = map(int, np.argwhere(off)[0])
        return Phrase("{at} is {value:g}: judgments must lie within 1/9 and 9",
                      {"at": _cell(i, j, labels), "value": a[i, j]})
    product = a * a.T
    i, j = map(int, np.argwhere(np.triu((product < _PRODUCT_LOW) | (product > _PRODUCT_HIGH)))[0])
    return Phrase("{at} is {value} but {mirror} is {given}: they must be reciprocal ({reciprocal})",
                  {"at": _cell(j, i, labels), "value": format_value(a[j, i]), "mirror": _cell(i, j, None),
                   "given": format_value(a[i, j]), "reciprocal": format_value(1 / a[i, j])})


def from_upper(n: int, values: Sequence[float | str]) -> np.ndarray:
    """Build a reciprocal matrix from its upper triangle given row by row (a12, a13, ..., a23, ...).

    >>> from_upper(3, [2, 3, 2])[2]
    array([0.33333333, 0.5       , 1.        ])
    """
    if len(values) != n * (n - 1) // 2:
        raise JudgmentError(Phrase("a {n}x{n} matrix has {k} upper-triangle entries; got {given}",
                                   {"n": n, "k": n * (n - 1) // 2, "given": len(values)}))
    a = np.ones((n, n))
    i, j = upper_pairs(n)
    upper = np.array([parse_value(v) for v in values], dtype=float)
    a[i, j] = upper
    a[j, i] = 1.0 / upper
    return a


def missing_pairs(a: np.ndarray) -> list[tuple[int, int]]:
    """The upper-triangle pairs ``(i, j)``, ``i < j``, whose judgment is missing.

    >>> missing_pairs(from_upper(3, ["?", 2, 2]))
    [(0, 1)]
    """
    i, j = upper_pairs(a.shape[0])
    gaps = np.isnan(a[i, j])
    return list(zip(i[gaps].tolist(), j[gaps].tolist(), strict=True))
