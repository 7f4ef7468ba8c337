"""How a panel of respondents agrees: the results of :func:`ahp.core.panel.analyse_panel`.

:class:`PanelNode` holds one inner node across respondents, :class:`Panel` the combined
synthesis and every node. Their statistics (each respondent's own weights and CR, the consensus,
distances and rank correlations) are worked out on first use, so a ranking costs only what
the aggregation needs.

>>> from ahp.core.hierarchy import Node
>>> from ahp.core.panel import analyse_panel
>>> root = Node("goal", "G", children=(Node("a", "A"), Node("b", "B")))
>>> same = np.array([[[1, 3], [1/3, 1]], [[1, 3], [1/3, 1]]])  # two respondents who agree
>>> p = analyse_panel(root, {"goal": same}, np.ones(2))
>>> round(p.consensus, 6), p.distance.round(6).tolist(), p.nodes["goal"].flagged.tolist()
(1.0, [0.0, 0.0], [False, False])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import InitVar, dataclass
from functools import cached_property

import numpy as np

from ahp.core.group import Individuals, consensus, consensus_band, distance, individual_priorities, rank_correlation
from ahp.core.hierarchy import Synthesis

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
        return included_respondents(self.counted, self.respondent_weights, excluding)

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


def included_respondents(counted: np.ndarray, rw: np.ndarray, excluding: Individuals | None) -> np.ndarray:
    """The counted respondents of weight above 0, less those ``excluding`` finds inconsistent
    (exclude policy)."""
    if excluding is None:
        return counted & (rw > 0)
    return counted & (rw > 0) & ~(excluding.determined & ~excluding.consistent)
