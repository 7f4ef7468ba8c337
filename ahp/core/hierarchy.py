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
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple, overload

import numpy as np

from ahp.core.frozen import frozen_maker
from ahp.core.priorities import PriorityResult, analyse_matrices
from ahp.errors import ModelError

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

    @cached_property
    def layout(self) -> Layout:
        """The tree below this node as index arrays, worked out once (see :class:`Layout`)."""
        return Layout(self)


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


class Layout:
    """A hierarchy as arrays, for synthesis without walking the tree each time.

    Nodes are numbered in preorder (the goal is 0): ``paths``, ``nodes``, ``parents`` (-1 for
    the goal), ``children[path]`` (indices of an inner node's children) and ``child_names[path]``
    (their English names, for messages), ``leaves`` (indices),
    ``under`` (which nodes lie below which) and ``inner_paths`` (the nodes with sub-elements, in
    preorder).
    """

    def __init__(self, root: Node) -> None:
        order = list(walk(root))
        self.paths = tuple(path for path, _, _ in order)
        self.nodes = tuple(node for _, node, _ in order)
        self.depths = tuple(depth for _, _, depth in order)
        index = {path: k for k, path in enumerate(self.paths)}
        self.index = index
        self.parents = np.full(len(order), -1)
        self.children: dict[str, np.ndarray] = {}
        self.child_lists: dict[str, list[int]] = {}
        self.child_names: dict[str, list[str]] = {}
        for path, node, _ in order:
            if node.children:
                kids = np.array([index[child_path(path, c.id)] for c in node.children])
                self.children[path] = kids
                self.child_lists[path] = kids.tolist()
                self.child_names[path] = [c.name for c in node.children]
                self.parents[kids] = index[path]
        self.leaf_list = [k for k, node in enumerate(self.nodes) if not node.children]
        self.leaves = np.array(self.leaf_list)
        #: under[i, j]: node j is node i or below it
        self.under = np.eye(len(order), dtype=bool)
        for k in range(len(order) - 1, 0, -1):  # children after parents: fold each row into its parent
            self.under[self.parents[k]] |= self.under[k]
        self.inner_paths = list(self.children)
        self.parent_list = self.parents.tolist()
        depth = np.array(self.depths)
        self._levels = [(level, self.parents[level]) for level in
                        (np.flatnonzero(depth == d) for d in range(1, int(depth.max()) + 1))]

    @overload
    def global_weights(self, local: list[float]) -> list[float]: ...
    @overload
    def global_weights(self, local: np.ndarray) -> np.ndarray: ...

    def global_weights(self, local):
        """Global weight of each node: the product of local weights along its path.

        ``local`` is an array (..., nodes), so stacks of draws are done at once, level by
        level; or, for one hierarchy, a list of floats (in preorder, a parent's global weight
        is known before its children's), which costs less than numpy on so few numbers.

        >>> tree = Node("goal", "G", children=(Node("a", "A", children=(Node("x", "X"), Node("y", "Y"))), Node("b", "B")))
        >>> tree.layout.global_weights(np.array([1, .6, .5, .5, .4]))
        array([1. , 0.6, 0.3, 0.3, 0.4])
        >>> tree.layout.global_weights([1, .6, .5, .5, .4])
        [1, 0.6, 0.3, 0.3, 0.4]
        """
        if isinstance(local, list):
            g = list(local)
            for k, parent in enumerate(self.parent_list[1:], 1):
                g[k] *= g[parent]
            return g
        g = np.array(local, dtype=float, copy=True)
        for level, parents in self._levels:
            g[..., level] *= g[..., parents]
        return g


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


_make_node_analysis = frozen_maker(NodeAnalysis)


class RankedLeaf(NamedTuple):
    """A churn factor in the ranking; ``local_weight`` is within its parent. (A named tuple, not
    a frozen dataclass: a ranking makes one per factor, and a named tuple costs a quarter.)"""

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
    """The whole hierarchy: every inner node's analysis, the ranking of leaves, the hierarchy CR.

    ``cr_total`` = sum_j a_j CI_j / sum_j a_j RI_j over the matrices below the goal, a_j being
    their nodes' global weights (0 when every RI is 0).
    """

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


def unjudged(n: int) -> np.ndarray:
    """The matrix of a node with no judgments yet: 1 on the diagonal, every pair missing."""
    return np.where(np.eye(n, dtype=bool), 1.0, np.nan)


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
    children's order (``nan`` for missing), already valid (as a project builds them, or checked
    with :func:`~ahp.core.matrix.validate_matrix`); a node with no matrix has all pairs missing.
    Matrices of the same size are analysed together, as one stack. ``suggestions`` is how many
    judgments to revisit each node's analysis proposes. ``local_weights`` replaces the weights
    of the listed nodes (aggregated priorities, AIP); their consistency still comes from their
    matrices.
    """
    tree = root.layout
    unknown = [path for path in matrices if path not in tree.child_lists]
    if unknown:
        raise ModelError(f"a matrix is given for {unknown[0]!r}, which is not a node with sub-elements")
    inner = tree.inner_paths
    arrays = []
    for path in inner:
        k = len(tree.child_lists[path])
        a = matrices.get(path)
        a = unjudged(k) if a is None else np.asarray(a, dtype=float)
        if a.shape != (k, k):
            raise ModelError(f"the matrix for {path!r} has shape {a.shape}; its {k} elements need {k}x{k}")
        arrays.append(a)
    analysed = analyse_matrices(
        arrays, method=method, random_index=random_index, threshold=threshold, completion=completion,
        labels=[tree.child_names[p] for p in inner], suggestions=suggestions,
    )
    results = dict(zip(inner, analysed))
    local = [1.0] * len(tree.paths)
    local_arrays: dict[str, np.ndarray] = {}
    for path, kids in tree.child_lists.items():
        r = results[path]
        if local_weights is not None and path in local_weights:
            w = np.asarray(local_weights[path], dtype=float)
        else:
            w = np.full(len(kids), 1 / len(kids)) if isinstance(r, str) else r.weights
        local_arrays[path] = w
        for k, x in zip(kids, w.tolist()):
            local[k] = x
    g = tree.global_weights(local)
    node_analyses = {}
    weighted_ci = weighted_ri = 0.0  # sum_j a_j CI_j and sum_j a_j RI_j under the goal
    for path in tree.child_lists:
        k = tree.index[path]
        r = results[path]
        problem, result = (r, None) if isinstance(r, str) else (None, r)
        node_analyses[path] = _make_node_analysis(
            path, tree.nodes[k], tree.depths[k], result, problem, local_arrays[path], g[k]
        )
        if result is not None and tree.depths[k] >= 1:
            weighted_ci += g[k] * result.ci
            weighted_ri += g[k] * result.ri
    order = sorted(tree.leaf_list, key=g.__getitem__, reverse=True)  # stable: ties keep the model's order
    pick = itemgetter(*order, order[0])  # a tuple even for one leaf; zip stops at the ranks
    rows = zip(range(1, len(order) + 1), pick(tree.paths), pick(tree.nodes), pick(local), pick(g))
    ranking = tuple(map(RankedLeaf._make, rows))
    cr_total = weighted_ci / weighted_ri if weighted_ri > 0 else 0.0
    settings = {"method": method, "random_index": random_index, "threshold": threshold, "completion": completion}
    return Synthesis(node_analyses, ranking, cr_total, settings)
