"""The hierarchy (goal, criteria, factors, to any depth) and its synthesis into global weights.

A node's *path* joins the ids from the goal down (``service/complaints``); the goal's own
path is ``goal``. Leaves are the factors that get ranked.

>>> root = Node("goal", "Churn", children=(Node("a", "A", children=(Node("x", "X"), Node("y", "Y"))), Node("b", "B")))
>>> s = synthesize(root, {"goal": [[1, 3], [1/3, 1]], "a": [[1, 1], [1, 1]]})
>>> [(leaf.path, round(leaf.global_weight, 3)) for leaf in s.ranking]
[('a/x', 0.375), ('a/y', 0.375), ('b', 0.25)]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ahp.core.completion import Unlinked
from ahp.core.consistency import acceptance_text, hierarchy_threshold, passes, strict
from ahp.core.priorities import PriorityResult, analyse_matrices
from ahp.errors import ModelError, Phrase

ROOT = "goal"


@dataclass(frozen=True)
class Node:
    """One element of the hierarchy; ``children`` empty for a leaf (a churn factor);
    ``controllable`` names who can act on a factor ("store", "head-office", "external")."""

    id: str
    name: str
    name_zh: str | None = None
    description: str | None = None
    description_zh: str | None = None
    children: tuple[Node, ...] = ()
    controllable: str | None = None

    def label(self, language: str = "en") -> str:
        """The name in ``language`` ("en" or "zh"), falling back to the English name."""
        return (self.name_zh or self.name) if language == "zh" else self.name

    def explain(self, language: str = "en") -> str:
        """The description in ``language`` ("en" or "zh"), else in the other one, else "".

        >>> Node("x", "X", description="What X is").explain("zh")
        'What X is'
        """
        both = (self.description_zh, self.description) if language == "zh" else (self.description, self.description_zh)
        return both[0] or both[1] or ""

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

    Nodes are numbered in preorder (the goal is 0): ``paths``, ``nodes``, ``depths``,
    ``index`` (path to number), ``parents`` (-1 for the goal), ``children[path]`` (numbers of
    an inner node's children, in the model's order; its keys, in preorder, are the nodes with
    sub-elements), ``leaves`` (numbers) and ``under`` (``under[i, j]``: node j is node i or
    lies below it).
    """

    def __init__(self, root: Node) -> None:
        order = list(walk(root))
        self.paths = tuple(path for path, _, _ in order)
        self.nodes = tuple(node for _, node, _ in order)
        self.depths = np.array([depth for _, _, depth in order])
        self.index = {path: k for k, path in enumerate(self.paths)}
        self.parents = np.full(len(order), -1)
        self.children: dict[str, np.ndarray] = {}
        for path, node, _ in order:
            if node.children:
                kids = np.array([self.index[child_path(path, c.id)] for c in node.children])
                self.children[path] = kids
                self.parents[kids] = self.index[path]
        self.leaves = np.array([k for k, node in enumerate(self.nodes) if not node.children])
        self.under = np.eye(len(order), dtype=bool)
        for k in range(len(order) - 1, 0, -1):  # children after parents: fold each row into its parent
            self.under[self.parents[k]] |= self.under[k]

    def global_weights(self, local: np.ndarray) -> np.ndarray:
        """Global weight of each node: the product of local weights along its path.

        ``local`` is an array (..., nodes), so stacks of draws are done at once, level by level.

        >>> a = Node("a", "A", children=(Node("x", "X"), Node("y", "Y")))
        >>> tree = Node("goal", "G", children=(a, Node("b", "B")))
        >>> tree.layout.global_weights(np.array([1, .6, .5, .5, .4]))
        array([1. , 0.6, 0.3, 0.3, 0.4])
        """
        g = np.array(local, dtype=float, copy=True)
        for depth in range(1, int(self.depths.max()) + 1):
            level = np.flatnonzero(self.depths == depth)
            g[..., level] *= g[..., self.parents[level]]
        return g


@dataclass(frozen=True, eq=False)
class NodeAnalysis:
    """One inner node: its analysis, or why there is none (``problem``), and its weights.

    When the judgments do not yet determine the weights, ``local_weights`` are equal
    (provisional) and ``problem`` says why: the :class:`~ahp.core.completion.Unlinked` elements
    (indices into the node's children), or the panel's reason when it left nobody's judgments
    here (:data:`ahp.core.panel.ALL_EXCLUDED`). Outputs word it (``ahp.io.wording.problem_text``).
    """

    path: str
    node: Node
    depth: int
    result: PriorityResult | None
    problem: Unlinked | str | None
    local_weights: np.ndarray
    global_weight: float

    @property
    def status(self) -> str:
        """``consistent``, ``inconsistent`` or ``incomplete``."""
        if self.result is None:
            return "incomplete"
        return "consistent" if self.result.consistent else "inconsistent"

    @property
    def reason(self) -> str:
        """Why the weights are not determined, as an English sentence ("" when they are); outputs
        in other languages word :attr:`problem` themselves."""
        if isinstance(self.problem, Unlinked):
            return self.problem.message([c.name for c in self.node.children])
        return self.problem or ""

    @property
    def warnings(self) -> tuple[str, ...]:
        """The analysis's warnings, each naming the node: ``Service (service): ...``."""
        notes = self.result.warnings if self.result is not None else ()
        return tuple(f"{self.node.name} ({self.path}): {note}" for note in notes)


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


@dataclass(frozen=True)
class CombinedTest:
    """The combined consistency test of Chinese textbooks (姜启源《数学模型》) for a whole hierarchy.

    ``levels`` holds the CR of each level of matrices from the top: the goal's matrix's own CR,
    then for each level below sum_j a_j CI_j / sum_j a_j RI_j over its matrices, a_j being
    their nodes' global weights. ``cr`` is their sum (each level's CR added to the CR of the
    levels above), accepted under ``limit`` (strictly when ``strict``). ``passed`` is False
    while some matrix's weights are not determined.
    """

    levels: tuple[float, ...]
    cr: float
    limit: float
    strict: bool
    passed: bool

    @property
    def acceptance(self) -> str:
        """The acceptance rule, as outputs print it: ``CR < 0.10``."""
        return acceptance_text(self.limit, self.strict)


@dataclass(frozen=True, eq=False)
class Synthesis:
    """The whole hierarchy: every inner node's analysis, the ranking of leaves, the hierarchy CR.

    ``cr_total`` = sum_j a_j CI_j / sum_j a_j RI_j over the matrices below the goal, a_j being
    their nodes' global weights (0 when every RI is 0): the level-wise figure, which leaves the
    goal's matrix out. ``combined`` is the textbooks' combined test, which counts it
    (:class:`CombinedTest`). Neither says a single matrix passes: :attr:`failing` does.
    """

    nodes: dict[str, NodeAnalysis]
    ranking: tuple[RankedLeaf, ...]
    cr_total: float
    combined: CombinedTest
    settings: dict[str, object] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Whether every node's weights are determined by its judgments."""
        return all(a.result is not None for a in self.nodes.values())

    @property
    def consistent(self) -> bool:
        """Whether every node is complete and consistent, and the whole passes the combined test."""
        return all(a.status == "consistent" for a in self.nodes.values()) and self.combined.passed

    @property
    def failing(self) -> tuple[str, ...]:
        """The paths of the matrices that fail their own consistency test, in preorder."""
        return tuple(path for path, a in self.nodes.items() if a.status == "inconsistent")

    @property
    def any_matrix_fails(self) -> bool:
        """Whether some single matrix fails its test, whatever the hierarchy's totals say."""
        return bool(self.failing)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every node's warnings (see :attr:`NodeAnalysis.warnings`), in preorder."""
        return tuple(note for a in self.nodes.values() for note in a.warnings)


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
    lambda_max: str = "eigenvalue",
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
    matrices. ``lambda_max`` is the convention of :func:`~ahp.core.priorities.analyse_stack`.
    """
    tree = root.layout
    inner = list(tree.children)
    analysed = analyse_matrices(
        _node_matrices(tree, matrices), method=method, random_index=random_index, threshold=threshold,
        completion=completion, lambda_max=lambda_max, suggestions=suggestions,
    )
    results = dict(zip(inner, analysed, strict=True))
    local = np.ones(len(tree.paths))
    for path, kids in tree.children.items():
        r = results[path]
        if local_weights is not None and path in local_weights:
            local[kids] = local_weights[path]
        elif isinstance(r, PriorityResult):
            local[kids] = r.weights
        else:  # not determined yet: equal, provisional
            local[kids] = 1 / len(kids)
    g = tree.global_weights(local).tolist()
    nodes = {
        path: NodeAnalysis(
            path=path, node=_node(tree, path), depth=int(tree.depths[tree.index[path]]),
            result=r if isinstance(r, PriorityResult) else None, problem=r if isinstance(r, Unlinked) else None,
            local_weights=local[tree.children[path]], global_weight=g[tree.index[path]],
        )
        for path, r in results.items()
    }
    local_list = local.tolist()
    order = sorted(tree.leaves.tolist(), key=lambda k: -g[k])  # stable: ties keep the model's order
    ranking = tuple(
        RankedLeaf(rank=rank, path=tree.paths[k], node=tree.nodes[k], local_weight=local_list[k], global_weight=g[k])
        for rank, k in enumerate(order, start=1)
    )
    settings = {"method": method, "random_index": random_index, "threshold": threshold, "completion": completion,
                "lambda_max": lambda_max}
    return Synthesis(nodes, ranking, hierarchy_cr(nodes.values()), combined_test(nodes.values(), threshold), settings)


def _node(tree: Layout, path: str) -> Node:
    return tree.nodes[tree.index[path]]


def _node_matrices(tree: Layout, matrices: Mapping[str, object]) -> list[np.ndarray]:
    """Each inner node's matrix as an array, in preorder (all pairs missing where none is given)."""
    unknown = [path for path in matrices if path not in tree.children]
    if unknown:
        raise ModelError(Phrase("a matrix is given for {path!r}, which is not a node with sub-elements",
                                {"path": unknown[0]}))
    arrays = []
    for path, kids in tree.children.items():
        a = matrices.get(path)
        a = unjudged(len(kids)) if a is None else np.asarray(a, dtype=float)
        k = len(kids)
        if a.shape != (k, k):
            raise ModelError(Phrase("the matrix for {path!r} has shape {shape}; its {k} elements need {k}x{k}",
                                    {"path": path, "shape": a.shape, "k": k}))
        arrays.append(a)
    return arrays


def hierarchy_cr(nodes: Iterable[NodeAnalysis]) -> float:
    """sum_j a_j CI_j / sum_j a_j RI_j over the analysed nodes below the goal, a_j their global
    weights; 0 when every RI is 0.

    >>> a = Node("a", "A", children=(Node("x", "X"), Node("y", "Y"), Node("z", "Z")))
    >>> root = Node("goal", "G", children=(a, Node("b", "B")))
    >>> s = synthesize(root, {"goal": [[1, 1], [1, 1]], "a": [[1, 2, 1/2], [1/2, 1, 2], [2, 1/2, 1]]})
    >>> round(hierarchy_cr(s.nodes.values()), 6) == round(s.nodes["a"].result.cr, 6)
    True
    """
    return _weighted_cr([a for a in nodes if a.depth >= 1])


def combined_test(nodes: Iterable[NodeAnalysis], threshold: str | float = "saaty1994") -> CombinedTest:
    """姜启源's combined test: the CR of the goal's matrix plus, level by level below it,
    sum_j a_j CI_j / sum_j a_j RI_j, accepted under the rule's general limit (its limit for n >= 5).

    >>> a = Node("a", "A", children=(Node("x", "X"), Node("y", "Y"), Node("z", "Z")))
    >>> root = Node("goal", "G", children=(a, Node("b", "B"), Node("c", "C")))
    >>> goal, cycle = [[1, 2, 4], [1/2, 1, 3], [1/4, 1/3, 1]], [[1, 2, 1/2], [1/2, 1, 2], [2, 1/2, 1]]
    >>> s = synthesize(root, {"goal": goal, "a": cycle})
    >>> t = combined_test(s.nodes.values(), "lt0.10")
    >>> t.levels == (s.nodes["goal"].result.cr, s.cr_total), t.cr == sum(t.levels)
    (True, True)
    >>> round(s.nodes["goal"].result.cr, 4), round(s.cr_total, 4), t.acceptance, t.passed
    (0.0158, 0.431, 'CR < 0.10', False)
    """
    nodes = list(nodes)
    depths = sorted({a.depth for a in nodes})
    levels = tuple(_weighted_cr([a for a in nodes if a.depth == d]) for d in depths)
    limit, strict_rule = hierarchy_threshold(threshold), strict(threshold)
    total = sum(levels)
    determined = all(a.result is not None for a in nodes)
    return CombinedTest(levels, total, limit, strict_rule, bool(determined and passes(total, limit, strict_rule)))


def _weighted_cr(nodes: list[NodeAnalysis]) -> float:
    """sum_j a_j CI_j / sum_j a_j RI_j over the nodes analysed, a_j their global weights; 0 when every RI is 0."""
    analysed = [a for a in nodes if a.result is not None]
    weighted_ri = sum(a.global_weight * a.result.ri for a in analysed)
    weighted_ci = sum(a.global_weight * a.result.ci for a in analysed)
    return weighted_ci / weighted_ri if weighted_ri > 0 else 0.0
