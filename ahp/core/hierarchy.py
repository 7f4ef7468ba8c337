"""The hierarchy (goal, criteria, factors, to any depth) and its synthesis into global weights.

A node's *path* joins the ids from the goal down (``service/complaints``); the goal's own
path is ``goal``. Leaves are the factors that get ranked.

>>> root = Node("goal", "Churn", children=(Node("a", "A", children=(Node("x", "X"), Node("y", "Y"))), Node("b", "B")))
>>> s = synthesize(root, {"goal": [[1, 3], [1/3, 1]], "a": [[1, 1], [1, 1]]})
>>> [(leaf.path, round(leaf.global_weight, 3)) for leaf in s.ranking]
[('a/x', 0.375), ('a/y', 0.375), ('b', 0.25)]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from ahp.core.priorities import PriorityResult, priorities
from ahp.errors import JudgmentError, ModelError

ROOT = "goal"


@dataclass(frozen=True)
class Node:
    """One element of the hierarchy; ``children`` empty for a leaf (a churn factor)."""

    id: str
    name: str
    name_zh: str | None = None
    description: str | None = None
    description_zh: str | None = None
    children: tuple[Node, ...] = ()

    def label(self, language: str = "en") -> str:
        """The name in ``language`` ("en" or "zh"), falling back to the English name."""
        return (self.name_zh or self.name) if language == "zh" else self.name


def child_path(parent: str, child_id: str) -> str:
    """The path of a child: ``service`` under the goal, ``service/complaints`` below."""
    return child_id if parent == ROOT else f"{parent}/{child_id}"


def walk(root: Node) -> Iterator[tuple[str, Node, int]]:
    """Every node in preorder as ``(path, node, depth)``; the goal has depth 0."""
    stack: list[tuple[str, Node, int]] = [(ROOT, root, 0)]
    while stack:
        path, node, depth = stack.pop()
        yield path, node, depth
        stack.extend((child_path(path, c.id), c, depth + 1) for c in reversed(node.children))


def global_weights(parents: np.ndarray, local: np.ndarray) -> np.ndarray:
    """Global weight of each node: the product of local weights along its path.

    ``parents[k]`` is the index of node k's parent (-1 for the goal), parents before children;
    ``local`` has shape (..., nodes), so stacks of draws are done at once.

    >>> global_weights(np.array([-1, 0, 0, 1, 1]), np.array([1, .6, .4, .5, .5]))
    array([1. , 0.6, 0.4, 0.3, 0.3])
    """
    g = np.array(local, dtype=float, copy=True)
    for k, p in enumerate(parents):
        if p >= 0:
            g[..., k] *= g[..., p]
    return g


def hierarchy_cr(weights: np.ndarray, ci: np.ndarray, ri: np.ndarray) -> float:
    """CR of the whole hierarchy: sum_j a_j CI_j / sum_j a_j RI_j (0 when every RI is 0).

    ``weights`` are the global weights a_j of the nodes whose matrices are summed.

    >>> round(hierarchy_cr(np.array([.5, .5]), np.array([.02, .04]), np.array([.58, .9])), 4)
    0.0405
    """
    denominator = float(np.dot(weights, ri))
    return float(np.dot(weights, ci)) / denominator if denominator > 0 else 0.0


@dataclass(frozen=True, eq=False)
class NodeAnalysis:
    """One inner node: its analysis, or why there is none (``problem``), and its weights.

    When the judgments do not yet determine the weights, ``local_weights`` are equal
    (provisional) and ``problem`` says why.
    """

    path: str
    node: Node
    depth: int
    result: PriorityResult | None
    problem: str | None
    local_weights: np.ndarray
    global_weight: float

    @property
    def status(self) -> str:
        """``consistent``, ``inconsistent`` or ``incomplete``."""
        if self.result is None:
            return "incomplete"
        return "consistent" if self.result.consistent else "inconsistent"


@dataclass(frozen=True)
class RankedLeaf:
    """A churn factor in the ranking; ``local_weight`` is within its parent."""

    rank: int
    path: str
    node: Node
    local_weight: float
    global_weight: float

    @property
    def name(self) -> str:
        """The factor's English name."""
        return self.node.name


@dataclass(frozen=True, eq=False)
class Synthesis:
    """The whole hierarchy: every inner node's analysis, the ranking of leaves, the hierarchy CR."""

    nodes: dict[str, NodeAnalysis]
    ranking: tuple[RankedLeaf, ...]
    cr_total: float
    settings: dict[str, object] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Whether every node's weights are determined by its judgments."""
        return all(a.result is not None for a in self.nodes.values())

    @property
    def consistent(self) -> bool:
        """Whether every node is complete and consistent."""
        return all(a.status == "consistent" for a in self.nodes.values())


def synthesize(
    root: Node,
    matrices: Mapping[str, object],
    *,
    method: str = "eigenvector",
    random_index: str = "saaty1980",
    threshold: str | float = "saaty1994",
    completion: str = "lambda-max",
    suggestions: int = 3,
    local_weights: Mapping[str, np.ndarray] | None = None,
) -> Synthesis:
    """Analyse every inner node's matrix and combine them into global weights and a ranking.

    ``matrices`` maps an inner node's path to its pairwise matrix over its children, in the
    children's order (``nan`` for missing). A node with no matrix has all pairs missing.
    ``suggestions`` is how many judgments to revisit each node's analysis proposes.
    ``local_weights`` replaces the weights of the listed nodes (aggregated priorities, AIP);
    their consistency figures still come from their matrices.
    """
    nodes = list(walk(root))
    index = {path: k for k, (path, _, _) in enumerate(nodes)}
    inner = {path: node for path, node, _ in nodes if node.children}
    for path, a in matrices.items():
        if path not in inner:
            raise ModelError(f"a matrix is given for {path!r}, which is not a node with sub-elements")
        if a is not None and np.shape(a) != (len(inner[path].children),) * 2:
            k = len(inner[path].children)
            raise ModelError(f"the matrix for {path!r} has shape {np.shape(a)}; its {k} elements need {k}x{k}")
    parents = np.full(len(nodes), -1)
    local = np.ones(len(nodes))
    analyses: dict[str, tuple[PriorityResult | None, str | None, np.ndarray]] = {}
    for path, node, _ in nodes:
        if not node.children:
            continue
        n = len(node.children)
        labels = [c.name for c in node.children]
        a = matrices.get(path)
        if a is None:
            a = np.where(np.eye(n, dtype=bool), 1.0, np.nan)
        try:
            result = priorities(
                a, method=method, random_index=random_index, threshold=threshold,
                completion=completion, labels=labels, suggestions=suggestions,
            )
            problem, w = None, result.weights
        except JudgmentError as exc:
            result, problem, w = None, str(exc), np.full(n, 1 / n)
        if local_weights is not None and path in local_weights:
            w = local_weights[path]
        analyses[path] = (result, problem, w)
        for c, wc in zip(node.children, w):
            k = index[child_path(path, c.id)]
            parents[k] = index[path]
            local[k] = wc
    g = global_weights(parents, local)
    node_analyses = {
        path: NodeAnalysis(path, node, depth, *analyses[path], global_weight=float(g[index[path]]))
        for path, node, depth in nodes
        if node.children
    }
    leaves = [(path, node) for path, node, _ in nodes if not node.children]
    order = sorted(range(len(leaves)), key=lambda k: -g[index[leaves[k][0]]])
    ranking = tuple(
        RankedLeaf(r + 1, leaves[k][0], leaves[k][1], float(local[index[leaves[k][0]]]), float(g[index[leaves[k][0]]]))
        for r, k in enumerate(order)
    )
    below_goal = [a for a in node_analyses.values() if a.depth >= 1 and a.result is not None]
    cr_total = hierarchy_cr(
        np.array([a.global_weight for a in below_goal]),
        np.array([a.result.ci for a in below_goal]),
        np.array([a.result.ri for a in below_goal]),
    )
    settings = {"method": method, "random_index": random_index, "threshold": threshold, "completion": completion}
    return Synthesis(node_analyses, ranking, cr_total, settings)
