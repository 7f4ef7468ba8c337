"""One pairwise matrix in, everything about it out: weights, consistency, diagnosis.

>>> r = priorities([[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]])
>>> [round(float(x), 6) for x in r.weights], round(r.lambda_max, 5), round(r.cr, 4), r.consistent
([0.539615, 0.296961, 0.163424], 3.0092, 0.0079, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ahp.core.completion import complete
from ahp.core.consistency import (
    consistency_index,
    gci_threshold,
    geometric_consistency_index,
    random_index as ri_lookup,
    threshold as threshold_for,
)
from ahp.core.diagnosis import Suggestion, suggest
from ahp.core.matrix import validate_matrix
from ahp.core.weights import METHODS, perron, weights as weights_by
from ahp.errors import AHPError


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
    if method not in METHODS:
        raise AHPError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    a = validate_matrix(matrix, labels)
    n = a.shape[0]
    ri, ri_table = ri_lookup(n, random_index)
    limit = threshold_for(n, threshold)
    has_missing = bool(np.isnan(a).any())
    full = complete(a, completion, labels) if has_missing else a
    lam, w_eig = perron(full)
    lam = float(lam)
    w = w_eig if method == "eigenvector" else weights_by(full, method)
    ci = float(consistency_index(lam, n))
    cr = ci / ri if ri > 0 else 0.0
    gci = gci_limit = None
    if method == "geometric-mean":
        gci = float(geometric_consistency_index(full, w))
        gci_limit = gci_threshold(n)
    return PriorityResult(
        matrix=a,
        completed=full if has_missing else None,
        completion=completion if has_missing else None,
        weights=w,
        method=method,
        lambda_max=lam,
        ci=ci,
        ri=ri,
        ri_table=ri_table,
        cr=cr,
        threshold=limit,
        consistent=n <= 2 or cr <= limit,
        suggestion_count=suggestions,
        gci=gci,
        gci_threshold=gci_limit,
    )

