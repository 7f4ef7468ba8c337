"""A panel of respondents over the whole hierarchy: combined ranking, consensus, who disagrees.

Each inner node's matrices form one stack (respondents, n, n). A respondent with no judgment
at a node does not count there (nor in its consensus), and one with no judgment anywhere is
left out of the panel (``Panel.left_out`` says so). Respondents whose matrix fails the CR
threshold at a node are included, excluded (at that node) or flagged, as chosen; the result
always says which. Under AIP, a node where no respondent's judgments determine the weights
alone is combined by AIJ, and its ``aggregation_used`` and ``aggregation_note`` say so. A node
where fewer than two included respondents' judgments determine the weights has no consensus
(``None``, and ``consensus_reason``); the overall consensus leaves it out (``consensus_left_out``).

The ranking costs what the aggregation needs; each respondent's own analysis, the consensus,
distances and correlations are worked out on first use.

>>> from ahp.core.hierarchy import Node
>>> root = Node("goal", "G", children=(Node("a", "A"), Node("b", "B")))
>>> stacks = {"goal": np.array([[[1, 3], [1/3, 1]], [[1, 1/3], [3, 1]]])}
>>> p = analyse_panel(root, stacks, np.ones(2))
>>> [round(x.global_weight, 3) for x in p.synthesis.ranking], round(p.nodes["goal"].consensus, 3)
([0.5, 0.5], 0.602)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import InitVar, dataclass, replace
from functools import cached_property
from typing import NamedTuple

import numpy as np

from ahp.core.group import (
    AGGREGATIONS,
    INCONSISTENT_POLICIES,
    Individuals,
    aggregate_judgments,
    aggregate_priorities,
    consensus,
    consensus_band,
    distance,
    individual_priorities,
    rank_correlation,
)
from ahp.core.hierarchy import Node, Synthesis, synthesize, unjudged
from ahp.errors import AHPError, Phrase, listed

#: Why a respondent is left out of the panel (``Panel.left_out``).
NO_JUDGMENTS = "no judgments"
#: Why a node under AIP is combined by AIJ (``PanelNode.aggregation_note``).
AIP_UNDETERMINED = (
    "no respondent's judgments determine this node's weights alone, so their judgments are combined (aij)"
)
#: The problem of a node where the exclude policy left nobody.
ALL_EXCLUDED = "every respondent who judged this node was excluded as inconsistent (policy: exclude)"
#: Why a node has no consensus (``PanelNode.consensus_reason``): nobody's judgments determine it,
#: or only one respondent's do (agreement needs two).
UNDETERMINED = "no respondent's judgments determine this node"
ONE_DETERMINES = "only one respondent's judgments determine this node"


@dataclass(frozen=True, eq=False)
class PanelNode:
    """One inner node across respondents.

    ``counted``: who has a judgment here; ``included``: whose judgments count here (counted,
    of weight above 0, not excluded); ``flagged``: included although inconsistent; ``distance`` / ``correlation``:
    each respondent's local priorities against the group's ``group`` (``nan`` for a respondent
    whose judgments do not determine this node, or who is not counted). ``consensus`` is ``None``
    where fewer than two included respondents' judgments determine the node, and
    ``consensus_reason`` says why ("" when there is one). ``aggregation_used``
    is how the group's weights were combined here (``aij`` or ``aip``), ``aggregation_note``
    why it is not the one asked ("" when it is).
    """

    path: str
    stack: np.ndarray
    respondent_weights: np.ndarray
    counted: np.ndarray
    group: np.ndarray
    inconsistent: str
    settings: Mapping[str, object]
    aggregation_used: str
    aggregation_note: str = ""
    known: InitVar[Individuals | None] = None

    def __post_init__(self, known: Individuals | None) -> None:
        if known is not None:  # worked out already, for the aggregation
            self.__dict__["individuals"] = known

    @cached_property
    def individuals(self) -> Individuals:
        """Each respondent's own weights and CR at this node."""
        return individual_priorities(self.stack, **self.settings)

    @cached_property
    def included(self) -> np.ndarray:
        """Whose judgments count in the group's weights here."""
        excluding = self.individuals if self.inconsistent == "exclude" else None
        return _included(self.counted, self.respondent_weights, excluding)

    @cached_property
    def flagged(self) -> np.ndarray:
        """Included although inconsistent (the flag policy)."""
        if self.inconsistent != "flag":
            return np.zeros(len(self.counted), dtype=bool)
        return self.included & self.individuals.determined & ~self.individuals.consistent

    @cached_property
    def consensus(self) -> float | None:
        """Goepel's S* over the included respondents whose judgments determine this node
        (``None`` with fewer than two of them)."""
        usable = self.included & self.individuals.determined
        if usable.sum() < 2:
            return None
        return consensus(self.individuals.weights[usable], self.respondent_weights[usable])

    @property
    def consensus_reason(self) -> str:
        """Why this node has no consensus ("" when it has one)."""
        if self.consensus is not None:
            return ""
        if self.inconsistent == "exclude" and self.counted.any() and not self.included.any():
            return ALL_EXCLUDED
        return ONE_DETERMINES if (self.included & self.individuals.determined).any() else UNDETERMINED

    @cached_property
    def distance(self) -> np.ndarray:
        """Each respondent's distance to the group's local weights (``nan`` if not counted)."""
        return np.where(self.counted, distance(self.individuals.weights, self.group), np.nan)

    @cached_property
    def correlation(self) -> np.ndarray:
        """Each respondent's rank correlation with the group (``nan`` if not counted)."""
        with np.errstate(invalid="ignore"):
            return np.where(self.counted, rank_correlation(self.individuals.weights, self.group), np.nan)

    @property
    def band(self) -> str | None:
        """Goepel's words for the consensus (``None`` without one)."""
        return None if self.consensus is None else consensus_band(self.consensus)


@dataclass(frozen=True, eq=False)
class Panel:
    """The combined synthesis and, per node and per respondent, how the panel agrees.

    Arrays have one row per respondent given. ``left_out`` lists ``(respondent, reason)`` for
    those who do not count at all; ``counted`` marks the others. ``aip_mean`` is the mean that
    combines priorities under AIP. ``global_weights`` is
    (respondents, leaves) in the order of ``leaves``; ``distance`` and ``correlation`` compare
    each counted respondent's global leaf weights with the group's (``nan`` for the left out).
    """

    synthesis: Synthesis
    nodes: dict[str, PanelNode]
    aggregation: str
    inconsistent: str
    leaves: tuple[str, ...]
    counted: np.ndarray
    left_out: tuple[tuple[int, str], ...]
    aip_mean: str = "geometric"

    @property
    def respondents_counted(self) -> int:
        """How many respondents count in the panel."""
        return int(self.counted.sum())

    @cached_property
    def global_weights(self) -> np.ndarray:
        """Each respondent's global leaf weights: their own local weights, the group's where
        theirs are undetermined."""
        tree = self.synthesis.nodes["goal"].node.layout
        own = np.ones((len(self.counted), len(tree.paths)))
        for path, kids in tree.children.items():
            ind = self.nodes[path].individuals
            own[:, kids] = np.where(ind.determined[:, None], ind.weights, self.synthesis.nodes[path].local_weights)
        return tree.global_weights(own)[:, [tree.index[p] for p in self.leaves]]

    @cached_property
    def distance(self) -> np.ndarray:
        """Each respondent's distance to the group's global leaf weights."""
        return np.where(self.counted, distance(self.global_weights, self._group_leaves), np.nan)

    @cached_property
    def correlation(self) -> np.ndarray:
        """Each respondent's rank correlation with the group's ranking."""
        return np.where(self.counted, rank_correlation(self.global_weights, self._group_leaves), np.nan)

    @property
    def consensus_left_out(self) -> tuple[str, ...]:
        """The nodes without a consensus, which the overall one leaves out."""
        return tuple(p for p, n in self.nodes.items() if n.consensus is None)

    @cached_property
    def consensus(self) -> float | None:
        """The nodes' S*, weighted by the nodes' global weights, over the nodes that have one
        (``None`` when none has)."""
        measured = [p for p in self.nodes if p not in self.consensus_left_out]
        node_weight = np.array([self.synthesis.nodes[p].global_weight for p in measured])
        if not measured or node_weight.sum() == 0:
            return None
        return float(node_weight @ np.array([self.nodes[p].consensus for p in measured]) / node_weight.sum())

    @property
    def band(self) -> str | None:
        """Goepel's words for the overall consensus (``None`` without one)."""
        return None if self.consensus is None else consensus_band(self.consensus)

    @property
    def _group_leaves(self) -> np.ndarray:
        return np.array([leaf.global_weight for leaf in self.synthesis.ranking])


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
    included = _included(counted, rw, ind if inconsistent == "exclude" else None)
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


def _included(counted: np.ndarray, rw: np.ndarray, excluding: Individuals | None) -> np.ndarray:
    """The counted respondents of weight above 0, less those ``excluding`` finds inconsistent
    (exclude policy)."""
    if excluding is None:
        return counted & (rw > 0)
    return counted & (rw > 0) & ~(excluding.determined & ~excluding.consistent)


def _say_who_was_excluded(synthesis: Synthesis, nodes: dict[str, PanelNode]) -> Synthesis:
    """The synthesis, with the real cause at nodes whose every judging respondent was excluded."""
    emptied = {p for p, n in nodes.items() if n.inconsistent == "exclude" and n.counted.any() and not n.included.any()}
    if not emptied:
        return synthesis
    return replace(
        synthesis,
        nodes={p: replace(a, problem=ALL_EXCLUDED) if p in emptied else a for p, a in synthesis.nodes.items()},
    )
