"""One pairwise matrix in, everything about it out: weights, consistency, diagnosis.

>>> r = priorities([[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]])
>>> [round(float(x), 6) for x in r.weights], round(r.lambda_max, 5), round(r.cr, 4), r.consistent
([0.539615, 0.296961, 0.163424], 3.0092, 0.0079, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ahp.core.completion import check_connected, complete_stack, connected
from ahp.core.consistency import (
    consistency_index,
    gci_threshold,
    geometric_consistency_index,
    random_index as ri_lookup,
    threshold as threshold_for,
)
from ahp.core.matrix import checked_matrix
from ahp.core.weights import METHODS, perron, weights as weights_by
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
        """The worst judgments, each with the scale value that lowers CR most."""
        if self.cr <= 1e-12 or self.suggestion_count <= 0:
            return ()
        from ahp.core.diagnosis import suggest

        full = self.matrix if self.completed is None else self.completed
        return tuple(suggest(full, ~np.isnan(self.matrix), ri=self.ri, method=self.method, count=self.suggestion_count))

    @property
    def n(self) -> int:
        """The number of elements compared."""
        return self.matrix.shape[0]

    @property
    def missing(self) -> int:
        """How many pairs (i < j) were missing."""
        return int(np.isnan(np.triu(self.matrix, 1)).sum())


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
    if complete:  # the common case, without the stack machinery
        if method not in METHODS:
            raise AHPError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
        n = a.shape[0]
        lam, w = perron(a)
        if method != "eigenvector":
            w = weights_by(a, method)
        gci = float(geometric_consistency_index(a, w)) if method == "geometric-mean" else None
        return _result(a, None, None, w, method, lam, n, random_index, threshold, gci, suggestions)
    result = analyse_stack(
        a[None], method=method, random_index=random_index, threshold=threshold, completion=completion,
        labels=labels, suggestions=suggestions,
    )[0]
    if isinstance(result, str):
        raise JudgmentError(result)
    return result


def analyse_stack(
    stack: np.ndarray,
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    labels: Sequence[Sequence[str] | None] | Sequence[str] | None = None,
    suggestions: int = 3,
) -> list[PriorityResult | str]:
    """Analyse a stack (m, n, n) of validated matrices at once (one eigen-decomposition).

    Each item is the matrix's :class:`PriorityResult`, or, when its known judgments do not link
    all its elements, the message saying which are cut off. ``labels`` names the elements (the
    same for all, or one list per matrix).
    """
    if method not in METHODS:
        raise AHPError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    m, n, _ = stack.shape
    ri_lookup(n, random_index), threshold_for(n, threshold)  # unknown names fail before any work
    missing = np.isnan(stack).any(axis=(1, 2))
    problems: dict[int, str] = {}
    full = stack
    if missing.any():
        per_matrix = labels if labels is not None and len(labels) == m and not isinstance(labels[0], str) else [labels] * m
        holes = np.flatnonzero(missing)
        linked = connected(stack[holes])
        for k in holes[~linked]:
            try:
                check_connected(stack[k], per_matrix[k])
            except JudgmentError as exc:
                problems[int(k)] = str(exc)
        fill = holes[linked]
        full = stack.copy()
        if len(fill):
            full[fill] = complete_stack(stack[fill], completion)
        full[holes[~linked]] = 1.0  # placeholders, never reported
    if m == 1:  # one matrix: perron's 2-D path is cheaper
        lam_1, w_1 = perron(full[0])
        lams, w = [lam_1], w_1[None]
    else:
        lam, w = perron(full)
        lams = lam.tolist()
    if method != "eigenvector":
        w = weights_by(full, method)
    gci = geometric_consistency_index(full, w).tolist() if method == "geometric-mean" else [None] * m
    return [
        problems[k] if k in problems else _result(
            stack[k], full[k] if gap else None, completion if gap else None, w[k], method, lams[k], n,
            random_index, threshold, gci[k], suggestions,
        )
        for k, gap in enumerate(missing.tolist())
    ]


def _result(
    matrix: np.ndarray, completed: np.ndarray | None, completion: str | None, w: np.ndarray, method: str,
    lambda_max: float, n: int, random_index: str, threshold: str | float, gci: float | None, suggestions: int,
) -> PriorityResult:
    """A :class:`PriorityResult` from the numbers worked out for it."""
    ri, ri_table = ri_lookup(n, random_index)
    limit = threshold_for(n, threshold)
    ci = consistency_index(lambda_max, n)
    cr = ci / ri if ri > 0 else 0.0
    return PriorityResult(
        matrix, completed, completion, w, method, lambda_max, ci, ri, ri_table, cr, limit, n <= 2 or cr <= limit,
        gci, None if gci is None else gci_threshold(n), suggestions,
    )
