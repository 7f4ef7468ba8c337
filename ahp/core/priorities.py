"""Pairwise matrices in, everything about them out: weights, consistency, diagnosis.

One way of analysing: :func:`analyse_stack` works on a stack of matrices of one size (one per
respondent, or the nodes of a hierarchy that have that many elements); :func:`analyse_matrices`
and :func:`priorities` turn its rows into a :class:`PriorityResult` each.

>>> r = priorities([[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]])
>>> [round(float(x), 6) for x in r.weights], round(r.lambda_max, 5), round(r.cr, 4), r.consistent
([0.539615, 0.296961, 0.163424], 3.0092, 0.0079, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from ahp.core.completion import (
    CompletionNote,
    Unlinked,
    UnlinkedError,
    check_completion,
    complete_noting,
    connected,
    unlinked,
)
from ahp.core.consistency import (
    acceptance_text,
    check_lambda_max,
    consistency_index,
    gci_threshold,
    geometric_consistency_index,
    passes,
    strict,
    textbook_lambda_max,
)
from ahp.core.consistency import random_index as ri_lookup
from ahp.core.consistency import threshold as threshold_for
from ahp.core.matrix import check_size, validate_matrix
from ahp.core.weights import check_method, perron
from ahp.core.weights import weights as weights_by

if TYPE_CHECKING:
    from ahp.core.diagnosis import Suggestion


@dataclass(frozen=True, eq=False)
class PriorityResult:
    """The analysis of one pairwise matrix.

    ``matrix`` is the validated input (``nan`` where missing); ``completed`` the matrix the
    numbers come from when something was missing (else ``None``). ``ri_table`` names where RI
    came from; ``lambda_convention`` how lambda_max was found (``eigenvalue`` or ``textbook``);
    ``strict`` whether CR must lie strictly below ``threshold``. ``gci`` and ``gci_threshold``
    are set for the geometric-mean method.
    ``suggestions`` (the judgments to revisit) are worked out on first use. ``warnings`` says
    what the analysis could not do as asked (a completion that did not settle, or that used
    another method), as :class:`~ahp.core.completion.CompletionNote` facts (``str()``: the sentence).
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
    warnings: tuple[CompletionNote, ...] = ()
    lambda_convention: str = "eigenvalue"
    strict: bool = False

    @property
    def acceptance(self) -> str:
        """The acceptance rule applied, as outputs print it: ``CR < 0.10``, ``CR <= 0.08``."""
        return acceptance_text(self.threshold, self.strict)

    @cached_property
    def suggestions(self) -> tuple[Suggestion, ...]:
        """The judgments to revisit: the smallest change that passes, then the one lowering CR most."""
        if self.cr <= 1e-12 or self.suggestion_count <= 0:
            return ()
        from ahp.core.diagnosis import suggest

        full = self.matrix if self.completed is None else self.completed
        return tuple(suggest(full, ~np.isnan(self.matrix), ri=self.ri, threshold=self.threshold, method=self.method,
                             completion=self.completion or "lambda-max", count=self.suggestion_count,
                             lambda_max=self.lambda_convention, strict=self.strict))

    @property
    def n(self) -> int:
        """The number of elements compared."""
        return self.matrix.shape[0]

    @property
    def missing(self) -> int:
        """How many pairs (i < j) were missing."""
        return int(np.isnan(np.triu(self.matrix, 1)).sum())


@dataclass(frozen=True, eq=False)
class StackAnalysis:
    """Every matrix of a stack (m, n, n) analysed at once.

    ``linked`` says whose known judgments link all elements; the other rows of ``weights``,
    ``lambda_max``, ``ci`` and ``cr`` are ``nan`` and they are not ``consistent``.
    ``completed`` holds the matrices the numbers come from; ``warnings`` each matrix's notes
    from its completion. A matrix is consistent when ``cr <= threshold`` (``cr < threshold``
    when ``strict``), so always when n <= 2 (CR 0). ``lambda_convention`` says how lambda_max was found.
    """

    method: str
    completed: np.ndarray
    weights: np.ndarray
    lambda_max: np.ndarray
    ci: np.ndarray
    cr: np.ndarray
    gci: np.ndarray | None
    ri: float
    ri_table: str
    threshold: float
    gci_threshold: float | None
    linked: np.ndarray
    consistent: np.ndarray
    warnings: list[tuple[CompletionNote, ...]]
    lambda_convention: str = "eigenvalue"
    strict: bool = False


def analyse_stack(
    stack: np.ndarray,
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    lambda_max: str = "eigenvalue",
) -> StackAnalysis:
    """Analyse a stack (m, n, n) of validated matrices (``nan`` for missing judgments, completed first).

    ``lambda_max`` is ``eigenvalue`` (the principal eigenvalue, whatever the method) or
    ``textbook`` ((1/n) sum (Aw)_i / w_i with the method's own w, as Chinese textbooks, SPSSAU
    and Excel templates compute it for 和积法 and 方根法); CI and CR follow from it.

    >>> s = analyse_stack(np.array([[[1, 2], [1/2, 1]], [[1, np.nan], [np.nan, 1]]]))
    >>> s.weights.round(4).tolist(), s.linked.tolist(), s.consistent.tolist()
    ([[0.6667, 0.3333], [nan, nan]], [True, False], [True, False])
    """
    m, n, _ = stack.shape
    check_method(method)
    check_completion(completion)
    check_size(n)
    check_lambda_max(lambda_max)
    ri, ri_table = ri_lookup(n, random_index)
    limit, strict_rule = threshold_for(n, threshold), strict(threshold)
    full, linked, warnings = _completed(stack, completion)
    lam, w = perron(full)
    if method != "eigenvector":
        w = weights_by(full, method)
        if lambda_max == "textbook":
            lam = textbook_lambda_max(full, w)
    gci = geometric_consistency_index(full, w) if method == "geometric-mean" else None
    ci = consistency_index(lam, n)
    cr = ci / ri if ri > 0 else np.zeros(m)
    consistent = passes(cr, limit, strict_rule)  # CR is 0 for n <= 2, below every limit
    if not linked.all():  # nan in the rows whose weights are not determined
        cut = np.where(linked, 1.0, np.nan)
        w, lam, ci, cr, consistent = w * cut[:, None], lam * cut, ci * cut, cr * cut, consistent & linked
        gci = None if gci is None else gci * cut
    return StackAnalysis(
        method=method, completed=full, weights=w, lambda_max=lam, ci=ci, cr=cr, gci=gci, ri=ri, ri_table=ri_table,
        threshold=limit, gci_threshold=gci_threshold(n) if method == "geometric-mean" else None, linked=linked,
        consistent=consistent, warnings=warnings, lambda_convention=lambda_max, strict=strict_rule,
    )


def _completed(stack: np.ndarray, completion: str) -> tuple[np.ndarray, np.ndarray, list[tuple[CompletionNote, ...]]]:
    """The stack with every linked matrix completed (the identity in place of the others), which
    matrices are linked, and each matrix's notes from its completion."""
    m, n, _ = stack.shape
    if not np.isnan(stack).any():  # nothing to complete
        return stack, np.ones(m, dtype=bool), [()] * m
    linked = connected(stack)
    full = np.where(linked[:, None, None], stack, np.eye(n))
    warnings: list[tuple[CompletionNote, ...]] = [()] * m
    if linked.any():
        full[linked], notes = complete_noting(stack[linked], completion)
        for k, note in zip(np.flatnonzero(linked).tolist(), notes, strict=True):
            warnings[k] = note
    return full, linked, warnings


def priorities(
    matrix: np.ndarray | Sequence[Sequence[float]],
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    lambda_max: str = "eigenvalue",
    labels: Sequence[str] | None = None,
    suggestions: int = 3,
) -> PriorityResult:
    """Analyse one pairwise matrix (``nan`` for missing judgments, completed first).

    Raises :class:`~ahp.errors.JudgmentError` for a matrix that cannot be used, naming the
    cell (and ``labels`` when given): :class:`~ahp.core.completion.UnlinkedError` when its known
    judgments do not link all its elements. Inconsistency is reported, never raised.
    """
    a = validate_matrix(matrix, labels)
    (result,) = analyse_matrices(
        [a], method=method, random_index=random_index, threshold=threshold, completion=completion,
        lambda_max=lambda_max, suggestions=suggestions,
    )
    if isinstance(result, Unlinked):
        raise UnlinkedError(result, labels)
    return result


def analyse_matrices(
    matrices: Sequence[np.ndarray],
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    lambda_max: str = "eigenvalue",
    suggestions: int = 3,
) -> list[PriorityResult | Unlinked]:
    """Analyse several validated matrices, of any sizes: one :func:`analyse_stack` per size.

    Each item is the matrix's :class:`PriorityResult`, or, when its known judgments do not link
    all its elements, the :class:`~ahp.core.completion.Unlinked` facts saying which are cut off.

    >>> two, three = np.array([[1, 2], [1/2, 1]]), np.array([[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]])
    >>> [round(r.cr, 4) for r in analyse_matrices([two, three])]
    [0.0, 0.0079]
    >>> analyse_matrices([np.array([[1, np.nan], [np.nan, 1]])])
    [Unlinked(linked=(0,), cut=(1,))]
    """
    by_size: dict[int, list[int]] = {}
    for k, a in enumerate(matrices):
        by_size.setdefault(a.shape[0], []).append(k)
    out: dict[int, PriorityResult | Unlinked] = {}
    for group in by_size.values():
        stack = np.array([matrices[k] for k in group])
        analysis = analyse_stack(
            stack, method=method, random_index=random_index, threshold=threshold, completion=completion,
            lambda_max=lambda_max,
        )
        for k, result in zip(group, _results(stack, analysis, completion, suggestions), strict=True):
            out[k] = result
    return [out[k] for k in range(len(matrices))]


def _results(
    stack: np.ndarray, analysis: StackAnalysis, completion: str, suggestions: int
) -> list[PriorityResult | Unlinked]:
    """Each matrix's :class:`PriorityResult` from the analysis of its stack, or the
    :class:`~ahp.core.completion.Unlinked` elements its known judgments leave unlinked."""
    gaps = np.isnan(stack).any(axis=(1, 2)).tolist()
    gcis = [None] * len(stack) if analysis.gci is None else analysis.gci.tolist()
    numbers = zip(
        analysis.linked.tolist(), analysis.lambda_max.tolist(), analysis.ci.tolist(), analysis.cr.tolist(),
        analysis.consistent.tolist(), gcis, strict=True,
    )
    out: list[PriorityResult | Unlinked] = []
    for row, (linked, lam, ci, cr, consistent, gci) in enumerate(numbers):
        if not linked:
            out.append(unlinked(stack[row]))
            continue
        out.append(PriorityResult(
            matrix=stack[row],
            completed=analysis.completed[row] if gaps[row] else None,
            completion=completion if gaps[row] else None,
            weights=analysis.weights[row],
            method=analysis.method,
            lambda_max=lam,
            ci=ci,
            ri=analysis.ri,
            ri_table=analysis.ri_table,
            cr=cr,
            threshold=analysis.threshold,
            consistent=consistent,
            gci=gci,
            gci_threshold=analysis.gci_threshold,
            suggestion_count=suggestions,
            warnings=analysis.warnings[row],
            lambda_convention=analysis.lambda_convention,
            strict=analysis.strict,
        ))
    return out
