"""One pairwise matrix in, everything about it out: weights, consistency, diagnosis.

>>> r = priorities([[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]])
>>> [round(float(x), 6) for x in r.weights], round(r.lambda_max, 5), round(r.cr, 4), r.consistent
([0.539615, 0.296961, 0.163424], 3.0092, 0.0079, True)
"""

from __future__ import annotations

import math

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from ahp.core.completion import check_connected, complete_with_perron, connected
from ahp.core.consistency import (
    consistency_index,
    gci_threshold,
    geometric_consistency_index,
    random_index as ri_lookup,
    threshold as threshold_for,
)
from ahp.core.frozen import frozen_maker
from ahp.core.matrix import checked_matrix
from ahp.core.weights import METHODS, perron, perron_many, weights as weights_by
from ahp.errors import AHPError, JudgmentError

if TYPE_CHECKING:
    from ahp.core.diagnosis import Suggestion


@dataclass(frozen=True, eq=False)
class PriorityResult:
    """The analysis of one pairwise matrix.

    ``matrix`` is the validated input (``nan`` where missing); ``completed`` the matrix the
    numbers come from when something was missing (else ``None``). ``ri_table`` names where RI
    came from. ``gci`` and ``gci_threshold`` are set for the geometric-mean method.
    ``suggestions`` (the judgments to revisit) are worked out on first use.
    """

    matrix: np.ndarray
    completed: np.ndarray | None
    completion: str | None
    weights: np.ndarray
    method: str
    lambda_max: float
    ci: float
    ri: float
    ri_table: str
    cr: float
    threshold: float
    consistent: bool
    gci: float | None = None
    gci_threshold: float | None = None
    suggestion_count: int = 3

    @cached_property
    def suggestions(self) -> tuple[Suggestion, ...]:
        """The judgments to revisit: the smallest change that passes, then the one lowering CR most."""
        if self.cr <= 1e-12 or self.suggestion_count <= 0:
            return ()
        from ahp.core.diagnosis import suggest

        full = self.matrix if self.completed is None else self.completed
        return tuple(suggest(full, ~np.isnan(self.matrix), ri=self.ri, threshold=self.threshold, method=self.method,
                             completion=self.completion or "lambda-max", count=self.suggestion_count))

    @property
    def n(self) -> int:
        """The number of elements compared."""
        return self.matrix.shape[0]

    @property
    def missing(self) -> int:
        """How many pairs (i < j) were missing."""
        return int(np.isnan(np.triu(self.matrix, 1)).sum())


_make_result = frozen_maker(PriorityResult)


def priorities(
    matrix: np.ndarray | Sequence[Sequence[float]],
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    labels: Sequence[str] | None = None,
    suggestions: int = 3,
) -> PriorityResult:
    """Analyse one pairwise matrix (``nan`` for missing judgments, completed first).

    Raises :class:`~ahp.errors.JudgmentError` for a matrix that cannot be used, naming the
    cell (and ``labels`` when given). Inconsistency is reported, never raised.
    """
    a, complete = checked_matrix(matrix, labels)
    if complete and method == "eigenvector":  # the common case: nothing to complete
        lam, w = perron(a)
        return _builder(len(a), method, random_index, threshold, suggestions)(a, None, None, w, lam, None)
    result = analyse_matrices(
        [a], method=method, random_index=random_index, threshold=threshold, completion=completion,
        labels=[labels], suggestions=suggestions, missing=[not complete],
    )[0]
    if isinstance(result, str):
        raise JudgmentError(result)
    return result


def analyse_matrices(
    matrices: Sequence[np.ndarray],
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    labels: Sequence[Sequence[str] | None] | None = None,
    suggestions: int = 3,
    missing: Sequence[bool] | None = None,
) -> list[PriorityResult | str]:
    """Analyse several validated matrices, of any sizes, at once (see :func:`~ahp.core.weights.perron_many`).

    Each item is the matrix's :class:`PriorityResult`, or, when its known judgments do not link
    all its elements, the message saying which are cut off. ``labels`` names each matrix's
    elements, for that message; ``missing`` says which matrices lack judgments, when the caller
    knows already.

    >>> [round(r.cr, 4) for r in analyse_matrices([np.array([[1, 2], [1/2, 1]]), np.array([[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]])])]
    [0.0, 0.0079]
    """
    if method not in METHODS:
        raise AHPError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    builders = {n: _builder(n, method, random_index, threshold, suggestions) for n in {a.shape[0] for a in matrices}}
    if missing is None:
        missing = [math.isnan(np.vdot(a, a)) for a in matrices]  # a nan makes the sum of squares nan
    full = list(matrices)
    lams: list[float] = [0.0] * len(matrices)
    ws: list[np.ndarray] = [np.empty(0)] * len(matrices)
    problems: dict[int, str] = {}
    by_size: dict[int, list[int]] = {}
    for k, gap in enumerate(missing):
        if gap:
            by_size.setdefault(matrices[k].shape[0], []).append(k)
    for group in by_size.values():
        stack = np.array([matrices[k] for k in group])
        linked = connected(stack)
        if not linked.all():
            for k in (k for k, ok in zip(group, linked.tolist()) if not ok):
                try:
                    check_connected(matrices[k], labels[k] if labels else None)
                except JudgmentError as exc:
                    problems[k] = str(exc)
            group, stack = [k for k, ok in zip(group, linked.tolist()) if ok], stack[linked]
        if group:
            done, lam, w = complete_with_perron(stack, completion)
            for k, done_k, lam_k, w_k in zip(group, done, lam.tolist(), w):
                full[k], lams[k], ws[k] = done_k, lam_k, w_k
    whole = [k for k, gap in enumerate(missing) if not gap]
    if whole:
        for k, lam_k, w_k in zip(whole, *perron_many([matrices[k] for k in whole])):
            lams[k], ws[k] = lam_k, w_k
    out: list[PriorityResult | str] = []
    for k, a in enumerate(matrices):
        if k in problems:
            out.append(problems[k])
            continue
        w, gci, gap = ws[k], None, missing[k]
        if method != "eigenvector":
            w = weights_by(full[k], method)
            if method == "geometric-mean":
                gci = float(geometric_consistency_index(full[k], w))
        out.append(builders[a.shape[0]](a, full[k] if gap else None, completion if gap else None, w, lams[k], gci))
    return out


@lru_cache(maxsize=256)
def _builder(
    n: int, method: str, random_index: str, threshold: str | float, suggestions: int
) -> Callable[[np.ndarray, np.ndarray | None, str | None, np.ndarray, float, float | None], PriorityResult]:
    """What builds the :class:`PriorityResult` of an n x n matrix from its numbers, with RI and
    the threshold looked up once (an unknown table or rule fails here, before any work), and
    kept for the next analysis with the same settings."""
    ri, ri_table = ri_lookup(n, random_index)
    limit = threshold_for(n, threshold)
    gci_limit = gci_threshold(n) if method == "geometric-mean" else None

    def build(matrix, completed, completion, w, lambda_max, gci):
        ci = consistency_index(lambda_max, n)
        cr = ci / ri if ri > 0 else 0.0
        return _make_result(
            matrix, completed, completion, w, method, lambda_max, ci, ri, ri_table, cr, limit, n <= 2 or cr <= limit,
            gci, gci_limit, suggestions,
        )

    return build
