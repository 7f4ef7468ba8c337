"""A panel of respondents over the whole hierarchy: combined ranking, consensus, who disagrees.

Each inner node's matrices form one stack (respondents, n, n). A respondent with no judgment
at a node does not count there (nor in its consensus), and one with no judgment anywhere is
left out of the panel (``Panel.left_out`` says so). Respondents whose matrix fails the CR
threshold at a node are included, excluded (at that node) or flagged, as chosen; the result
always says which. Under AIP, a node where no respondent's judgments determine the weights
alone is combined by AIJ, and its ``aggregation_used`` and ``aggregation_note`` say so. A node
where fewer than two included respondents' judgments determine the weights has no consensus
(``None``, and ``consensus_reason``); the overall consensus leaves it out (``consensus_left_out``).

This module combines the judgments (or priorities) node by node; the results, whose
statistics are worked out on first use, are :mod:`ahp.core.agreement`'s.

>>> from ahp.core.hierarchy import Node
>>> root = Node("goal", "G", children=(Node("a", "A"), Node("b", "B")))
>>> stacks = {"goal": np.array([[[1, 3], [1/3, 1]], [[1, 1/3], [3, 1]]])}
>>> p = analyse_panel(root, stacks, np.ones(2))
>>> [round(x.global_weight, 3) for x in p.synthesis.ranking], round(p.nodes["goal"].consensus, 3)
([0.5, 0.5], 0.602)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from ahp.core.agreement import (
    ALL_EXCLUDED,
    ONE_DETERMINES,
    UNDETERMINED,
    Panel,
    PanelNode,
    included_respondents,
)
from ahp.core.group import (
    AGGREGATIONS,
    INCONSISTENT_POLICIES,
    Individuals,
    aggregate_judgments,
    aggregate_priorities,
    individual_priorities,
)
from ahp.core.hierarchy import Node, Synthesis, synthesize, unjudged
from ahp.errors import AHPError, Phrase, listed

#: Names outputs and tests import from here; :class:`Panel`, :class:`PanelNode` and the reasons a
#: node has no consensus live in :mod:`ahp.core.agreement`.
__all__ = [
    "AIP_UNDETERMINED", "ALL_EXCLUDED", "NO_JUDGMENTS", "ONE_DETERMINES", "UNDETERMINED", "Panel", "PanelNode",
    "analyse_panel",
]

#: Why a respondent is left out of the panel (``Panel.left_out``).
NO_JUDGMENTS = "no judgments"
#: Why a node under AIP is combined by AIJ (``PanelNode.aggregation_note``).
AIP_UNDETERMINED = (
    "no respondent's judgments determine this node's weights alone, so their judgments are combined (aij)"
)


def analyse_panel(
    root: Node,
    stacks: Mapping[str, np.ndarray],
    respondent_weights: np.ndarray,
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    lambda_max: str = "eigenvalue",
    aggregation: str = "aij",
    aip_mean: str = "geometric",
    inconsistent: str = "flag",
    suggestions: int = 3,
) -> Panel:
    """Combine every counted respondent's judgments (AIJ) or priorities (AIP).

    ``stacks`` maps an inner node's path to its matrices (respondents, n, n), ``nan`` where
    missing; a node absent from ``stacks`` has no judgments.
    """
    _check_choices(aggregation, inconsistent)
    rw = np.asarray(respondent_weights, dtype=float)
    full = {p: _stack(stacks.get(p), len(kids), len(rw)) for p, kids in root.layout.children.items()}
    cells = _Cells(full)
    counted, anywhere = cells.counted()
    settings = {"method": method, "random_index": random_index, "threshold": threshold, "completion": completion,
                "lambda_max": lambda_max}
    at_once, own = _shared_work(cells, full, rw, settings, aggregation, inconsistent)
    parts = {p: _combine(stack, counted[p], rw, own.get(p), aggregation, aip_mean, inconsistent, at_once.get(p))
             for p, stack in full.items()}
    local = {p: part.local for p, part in parts.items() if part.local is not None}
    synthesis = synthesize(root, {p: part.matrix for p, part in parts.items()}, suggestions=suggestions,
                           local_weights=local or None, **settings)
    nodes = {
        p: PanelNode(p, full[p], rw, part.counted, synthesis.nodes[p].local_weights, inconsistent, settings,
                     part.used, part.note, part.individuals)
        for p, part in parts.items()
    }
    synthesis = _say_who_was_excluded(synthesis, nodes)
    return Panel(
        synthesis=synthesis,
        nodes=nodes,
        aggregation=aggregation,
        inconsistent=inconsistent,
        leaves=tuple(leaf.path for leaf in synthesis.ranking),
        counted=anywhere,
        left_out=tuple((int(r), NO_JUDGMENTS) for r in np.flatnonzero(~anywhere)),
        aip_mean=aip_mean,
    )


class _Cells:
    """Every node's matrices side by side, cell by cell (respondents, cells): who judged each
    node, and the AIJ matrices, each worked out for all the nodes at once."""

    def __init__(self, stacks: Mapping[str, np.ndarray]) -> None:
        self.paths = list(stacks)
        self.sizes = np.array([s.shape[-1] for s in stacks.values()])
        self.starts = np.concatenate([[0], np.cumsum(self.sizes**2)[:-1]])
        self.cells = np.concatenate([s.reshape(len(s), -1) for s in stacks.values()], axis=1)

    def counted(self) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """Who gave a judgment at each node, and at some node. A node with one element has
        nothing to judge: there, whoever judged some node counts."""
        known = np.add.reduceat(~np.isnan(self.cells), self.starts, axis=1, dtype=np.intp)
        judged = known > self.sizes  # more known cells than the diagonal's
        anywhere = judged[:, self.sizes > 1].any(axis=1)
        sizes = zip(self.paths, self.sizes, strict=True)
        each = {p: judged[:, k] if n > 1 else anywhere for k, (p, n) in enumerate(sizes)}
        return each, anywhere

    def aggregate(self, rw: np.ndarray) -> dict[str, np.ndarray]:
        """Every node's AIJ matrix (the weighted geometric mean is cell by cell). A respondent
        with no judgment at a node adds nothing there: their only known cells, the diagonal's
        1s, leave it 1."""
        mean = aggregate_judgments(self.cells[:, :, None], rw)[:, 0]
        places = zip(self.paths, self.starts.tolist(), self.sizes.tolist(), strict=True)
        return {p: mean[a : a + n * n].reshape(n, n) for p, a, n in places}


class _Combined(NamedTuple):
    """One node's group matrix, its AIP weights (``None`` under AIJ), and how they were made."""

    matrix: np.ndarray
    local: np.ndarray | None
    counted: np.ndarray
    used: str
    note: str
    individuals: Individuals | None


def _combine(
    stack: np.ndarray,
    counted: np.ndarray,
    rw: np.ndarray,
    ind: Individuals | None,
    aggregation: str,
    aip_mean: str,
    inconsistent: str,
    combined: np.ndarray | None = None,
) -> _Combined:
    """Combine the counted respondents' matrices (AIJ) and, under AIP, their priorities, where
    some respondent's judgments determine them alone. ``ind``: each respondent's analysis (for
    AIP and the exclude policy); ``combined``: the AIJ matrix, when made already."""
    included = included_respondents(counted, rw, ind if inconsistent == "exclude" else None)
    matrix = (
        combined
        if combined is not None
        else (aggregate_judgments(stack[included], rw[included]) if included.any() else unjudged(stack.shape[-1]))
    )
    if aggregation == "aij" or not included.any():
        return _Combined(matrix, None, counted, aggregation, "", ind)
    usable = included & ind.determined
    if not usable.any():
        return _Combined(matrix, None, counted, "aij", AIP_UNDETERMINED, ind)
    return _Combined(matrix, aggregate_priorities(ind.weights[usable], rw[usable], aip_mean), counted, "aip", "", ind)


def _shared_work(
    cells: _Cells,
    stacks: Mapping[str, np.ndarray],
    rw: np.ndarray,
    settings: Mapping[str, object],
    aggregation: str,
    inconsistent: str,
) -> tuple[dict[str, np.ndarray], dict[str, Individuals]]:
    """What is worked out for all nodes at once: their AIJ matrices, unless respondents are
    excluded node by node; each respondent's analysis, when AIP or the exclude policy needs it."""
    at_once = cells.aggregate(rw) if inconsistent != "exclude" and rw.sum() > 0 else {}
    own = _individuals(stacks, settings) if aggregation == "aip" or inconsistent == "exclude" else {}
    return at_once, own


def _individuals(stacks: Mapping[str, np.ndarray], settings: Mapping[str, object]) -> dict[str, Individuals]:
    """Each respondent's analysis at every node, the nodes of one size analysed as one stack."""
    by_size: dict[int, list[str]] = {}
    for path, stack in stacks.items():
        by_size.setdefault(stack.shape[-1], []).append(path)
    out = {}
    for paths in by_size.values():
        both = individual_priorities(np.concatenate([stacks[p] for p in paths]), **settings)
        r = len(stacks[paths[0]])
        for k, path in enumerate(paths):
            at = slice(k * r, (k + 1) * r)
            out[path] = Individuals(
                both.weights[at],
                both.lambda_max[at],
                both.cr[at],
                both.threshold,
                both.determined[at],
                both.consistent[at],
            )
    return out


def _stack(stack: np.ndarray | None, n: int, respondents: int) -> np.ndarray:
    """A node's stack, every pair missing when the node has none."""
    return np.broadcast_to(unjudged(n), (respondents, n, n)) if stack is None else stack


def _check_choices(aggregation: str, inconsistent: str) -> None:
    """Raise :class:`AHPError` for an unknown aggregation or inconsistent-respondent policy."""
    if aggregation not in AGGREGATIONS:
        raise AHPError(Phrase("unknown aggregation {aggregation!r}; choose one of {choices}",
                              {"aggregation": aggregation, "choices": listed(AGGREGATIONS)}))
    if inconsistent not in INCONSISTENT_POLICIES:
        raise AHPError(Phrase("unknown inconsistent policy {inconsistent!r}; choose one of {choices}",
                              {"inconsistent": inconsistent, "choices": listed(INCONSISTENT_POLICIES)}))


def _say_who_was_excluded(synthesis: Synthesis, nodes: dict[str, PanelNode]) -> Synthesis:
    """The synthesis, with the real cause at nodes whose every judging respondent was excluded."""
    emptied = {p for p, n in nodes.items() if n.inconsistent == "exclude" and n.counted.any() and not n.included.any()}
    if not emptied:
        return synthesis
    return replace(
        synthesis,
        nodes={p: replace(a, problem=ALL_EXCLUDED) if p in emptied else a for p, a in synthesis.nodes.items()},
    )
