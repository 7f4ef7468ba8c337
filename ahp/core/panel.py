"""A panel of respondents over the whole hierarchy: combined ranking, consensus, who disagrees.

Each inner node's matrices form one stack (respondents, n, n), analysed at once. Respondents
whose matrix fails the CR threshold at a node are included, excluded (at that node) or
flagged, as chosen; the result always says which.

>>> from ahp.core.hierarchy import Node
>>> root = Node("goal", "G", children=(Node("a", "A"), Node("b", "B")))
>>> stacks = {"goal": np.array([[[1, 3], [1/3, 1]], [[1, 1/3], [3, 1]]])}
>>> p = analyse_panel(root, stacks, np.ones(2))
>>> [round(x.global_weight, 3) for x in p.synthesis.ranking], round(p.nodes["goal"].consensus, 3)
([0.5, 0.5], 0.602)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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



@dataclass(frozen=True, eq=False)
class PanelNode:
    """One inner node across respondents.

    ``included``: whose judgments count here; ``flagged``: included although inconsistent;
    ``distance`` / ``correlation``: each respondent's local priorities against the group's
    (``nan`` for a respondent whose judgments do not determine this node).
    """

    path: str
    individuals: Individuals
    included: np.ndarray
    flagged: np.ndarray
    consensus: float
    distance: np.ndarray
    correlation: np.ndarray

    @property
    def band(self) -> str:
        """Goepel's words for the consensus."""
        return consensus_band(self.consensus)


@dataclass(frozen=True, eq=False)
class Panel:
    """The combined synthesis and, per node and per respondent, how the panel agrees.

    ``global_weights`` is (respondents, leaves) in the order of ``leaves``; ``distance`` and
    ``correlation`` compare each respondent's global leaf weights with the group's.
    """

    synthesis: Synthesis
    nodes: dict[str, PanelNode]
    aggregation: str
    inconsistent: str
    leaves: tuple[str, ...]
    global_weights: np.ndarray
    distance: np.ndarray
    correlation: np.ndarray
    consensus: float

    @property
    def band(self) -> str:
        """Goepel's words for the overall consensus."""
        return consensus_band(self.consensus)


def analyse_panel(
    root: Node,
    stacks: Mapping[str, np.ndarray],
    respondent_weights: np.ndarray,
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    aggregation: str = "aij",
    aip_mean: str = "geometric",
    inconsistent: str = "flag",
    suggestions: int = 3,
) -> Panel:
    """Combine every respondent's judgments (AIJ) or priorities (AIP) and measure agreement.

    ``stacks`` maps an inner node's path to its matrices (respondents, n, n), ``nan`` where
    missing; a node absent from ``stacks`` has no judgments.
    """
    if aggregation not in AGGREGATIONS:
        raise ValueError(f"unknown aggregation {aggregation!r}; choose one of {', '.join(AGGREGATIONS)}")
    if inconsistent not in INCONSISTENT_POLICIES:
        raise ValueError(f"unknown policy {inconsistent!r}; choose one of {', '.join(INCONSISTENT_POLICIES)}")
    rw = np.asarray(respondent_weights, dtype=float)
    r = len(rw)
    settings = {"method": method, "random_index": random_index, "threshold": threshold, "completion": completion}
    matrices: dict[str, np.ndarray] = {}
    local: dict[str, np.ndarray] = {}
    parts: dict[str, tuple[Individuals, np.ndarray, np.ndarray]] = {}
    tree = root.layout
    for path, kids in tree.children.items():
        k = len(kids)
        stack = stacks.get(path)
        if stack is None:
            stack = np.broadcast_to(unjudged(k), (r, k, k))
        ind = individual_priorities(stack, **settings)
        failing = ind.determined & ~ind.consistent
        included = (rw > 0) & ~failing if inconsistent == "exclude" else rw > 0
        flagged = included & failing if inconsistent == "flag" else np.zeros(r, dtype=bool)
        matrices[path] = aggregate_judgments(stack[included], rw[included]) if included.any() else stack[0] * np.nan
        usable = included & ind.determined
        if aggregation == "aip" and usable.any():
            local[path] = aggregate_priorities(ind.weights[usable], rw[usable], aip_mean)
        parts[path] = (ind, included, flagged)
    synthesis = synthesize(root, matrices, suggestions=suggestions, local_weights=local or None, **settings)

    nodes: dict[str, PanelNode] = {}
    for path, (ind, included, flagged) in parts.items():
        group = synthesis.nodes[path].local_weights
        usable = included & ind.determined
        s = consensus(ind.weights[usable], rw[usable]) if usable.sum() > 1 else 1.0
        with np.errstate(invalid="ignore"):
            nodes[path] = PanelNode(path, ind, included, flagged, s, distance(ind.weights, group),
                                    rank_correlation(ind.weights, group))

    # Each respondent's global weights: their own local weights, the group's where theirs are undetermined.
    own = np.ones((r, len(tree.paths)))
    for path, kids in tree.children.items():
        ind = nodes[path].individuals
        own[:, kids] = np.where(ind.determined[:, None], ind.weights, synthesis.nodes[path].local_weights)
    leaves = tuple(leaf.path for leaf in synthesis.ranking)
    mine = tree.global_weights(own)[:, [tree.index[p] for p in leaves]]
    group_leaves = np.array([leaf.global_weight for leaf in synthesis.ranking])
    node_weight = np.array([synthesis.nodes[p].global_weight for p in nodes])
    overall = float(node_weight @ np.array([n.consensus for n in nodes.values()]) / node_weight.sum())
    return Panel(
        synthesis=synthesis,
        nodes=nodes,
        aggregation=aggregation,
        inconsistent=inconsistent,
        leaves=leaves,
        global_weights=mine,
        distance=distance(mine, group_leaves),
        correlation=rank_correlation(mine, group_leaves),
        consensus=overall,
    )
