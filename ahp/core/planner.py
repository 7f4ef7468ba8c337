"""Which pairwise question to ask next, and when the answers so far settle the top of the ranking.

An adaptive interview, after Harker (1987, Math. Modelling 9:837-848), with the lambda-max
completion giving the weights of an incomplete interview. For one respondent, in this order:

1. ``span``: a spanning set per node, top-down (criteria before their factors), so every
   node's weights are determined; pairs of neighbours first (e1-e2, e2-e3, ...).
2. ``check``: one redundant judgment per node of three or more elements (a cycle), so its
   consistency can be measured at all.
3. ``ranking``: each missing pair gets a range of plausible answers: the value the other
   answers imply (the completed matrix's), times or divided by a spread that grows with the
   respondent's and the node's inconsistency and with how loosely the other answers tie the
   pair (:data:`WIDTH`), and at least the next scale value each side. Every answer in the range
   is tried (completion and synthesis, one stack per matrix size). The top-k is a set of
   orders between two factors; for each, every pair's worst answer takes something off its
   lead, and the pairs together take the root-sum-square of those. The pair that takes most off
   the order that holds least is asked.

The answers settle the top-k when every such order holds against all missing pairs together;
so, in particular, no missing pair answered anywhere in its range (the others staying missing)
changes the set or the order of the top-k factors.

>>> from ahp.core.scale import format_value
>>> a = Node("a", "A", children=(Node("x", "X"), Node("y", "Y"), Node("z", "Z")))
>>> root = Node("goal", "G", children=(a, Node("b", "B")))
>>> q = next_question(root, {}, top=1)
>>> q.path, q.a, q.b, q.reason
('goal', 'a', 'b', 'span')
>>> nan = float("nan")
>>> answers = {"goal": np.array([[1, 1/5], [5, 1]]), "a": np.array([[1, 2, nan], [1/2, 1, 2], [nan, 1/2, 1]])}
>>> q = next_question(root, answers, top=1)
>>> q.path, q.a, q.b, q.reason, format_value(q.implied)
('a', 'x', 'z', 'check', '4')
>>> answers["a"][0, 2], answers["a"][2, 0] = 4, 1/4
>>> settled(root, answers, top=1)
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ahp.core.hierarchy import Layout, Node, _node, _node_matrices
from ahp.core.matrix import missing_pairs, upper_pairs
from ahp.core.priorities import PriorityResult, analyse_matrices
from ahp.core.scale import SCALE_ARRAY, nearest_on_scale
from ahp.errors import AHPError, Phrase

#: A respondent may plausibly answer up to exp(WIDTH * s * sqrt(1 + r)) times more, or less,
#: than the other answers imply (and always the next scale value each side), s being the spread
#: of their answers about their weights in log terms (see :func:`_noise`) and r how loosely the
#: other answers tie the pair (see :func:`_resistance`).
WIDTH = 3.0
#: Before the answers show it, the spread s is taken to be about this (in log terms: Saaty-scale
#: rounding alone gives about 0.15 to 0.2) ...
PRIOR_NOISE = 0.3
#: ... with the weight of this many redundant answers.
PRIOR_ANSWERS = 2.0
#: A change of the top-k smaller than this (in global weight) counts as a tie, so as a change.
_TIE = 1e-9
#: Reason codes, in the order the interview goes through them.
REASONS: tuple[str, ...] = ("span", "check", "ranking")


@dataclass(frozen=True)
class NextQuestion:
    """The next pair to ask: node ``path``, elements ``a`` and ``b`` (ids of its children, in the
    model's order), the value the other answers imply for "``a`` is how many times as important
    as ``b``", snapped to the scale (``None`` while nothing links them), the ``reason`` code (one
    of :data:`REASONS`) and ``why`` in English (``factors``: for ``ranking``, the paths of the two
    factors whose order the answer may change, the one ahead first, for a message in another
    language), and ``remaining``: how many questions may still be needed, this one included
    (every unanswered one while some node is not yet spanned; after, the checks still missing
    and the pairs that can change the top-k; later answers can add to it)."""

    path: str
    a: str
    b: str
    implied: float | None
    reason: str
    why: str
    remaining: int
    factors: tuple[str, str] | None = None

    @property
    def node(self) -> str:
        """The node's path, as the Python API and the JSON of ``ahp next`` name it."""
        return self.path


@dataclass(frozen=True, eq=False)
class Plan:
    """What the planner worked out: the ``next`` question (``None`` when settled), ``remaining``
    (as in :class:`NextQuestion`; 0 when settled), ``unanswered`` (every missing pair), and the
    plausible ``answers`` of each missing pair, keyed ``(path, a, b)`` (empty until every node
    is spanned)."""

    next: NextQuestion | None
    remaining: int
    unanswered: int
    answers: dict[tuple[str, str, str], np.ndarray]

    @property
    def settled(self) -> bool:
        """Whether no missing pair can change the top-k (or none is missing)."""
        return self.next is None


def plausible_answers(implied: float, spread: float) -> np.ndarray:
    """The scale values from ``implied / spread`` to ``implied * spread``, and always the scale
    value nearest ``implied`` and the next one each side.

    >>> from ahp.core.scale import format_value
    >>> [format_value(v) for v in plausible_answers(1 / 2, 3)]
    ['1/6', '1/5', '1/4', '1/3', '1/2', '1']
    >>> [format_value(v) for v in plausible_answers(8.7, 1.2)]
    ['8', '9']
    """
    at = int(np.searchsorted(SCALE_ARRAY, nearest_on_scale(implied)))
    near = np.abs(np.log(SCALE_ARRAY / implied)) <= np.log(spread) + 1e-9
    near[max(0, at - 1):at + 2] = True
    return SCALE_ARRAY[near].copy()


def plan(
    root: Node,
    matrices: Mapping[str, object],
    *,
    top: int = 5,
    method: str = "eigenvector",
    completion: str = "lambda-max",
    width: float = WIDTH,
) -> Plan:
    """The next question for one respondent, whose judgments ``matrices`` maps each inner node's
    path to (``nan`` for missing, as :func:`~ahp.core.hierarchy.synthesize` takes them; a node
    left out has none), for a settled top-``top`` of the global ranking of factors. ``method``
    and ``completion`` are the project's (see :func:`~ahp.core.hierarchy.synthesize`); ``width``
    scales the plausible ranges (see :data:`WIDTH`).

    Cost: every plausible answer of every missing pair is completed and synthesised, so it
    grows with the missing pairs and the matrix sizes: 4-8 ms (CPU) a call on average, 37 ms at
    most, on the built-in model (43 pairs), over 100 ms on one of 273 pairs."""
    if top < 1:
        raise AHPError(Phrase("the number of top factors to settle must be 1 or more, not {top}", {"top": top}))
    tree = root.layout
    arrays = dict(zip(tree.children, _node_matrices(tree, matrices), strict=True))
    unanswered = sum(len(missing_pairs(a)) for a in arrays.values())
    order = _top_down(tree)
    for path in order:
        pair = _linking_pair(arrays[path])
        if pair is not None:
            why = (f"{_name(tree, path, pair[0])} is not yet compared, directly or through others, "
                   f"with {_name(tree, path, pair[1])}")
            return Plan(_question(tree, path, pair, None, "span", why, unanswered), unanswered, unanswered, {})
    effects = _effects(tree, arrays, top, method, completion, width)
    answers = {_key(tree, path, (i, j)): v for (path, i, j), v in zip(effects.pairs, effects.values, strict=True)}
    moving = effects.moving()
    unchecked = [p for p in order if _needs_check(arrays[p])]
    asked_anyway = {q for (q, _, _), m in zip(effects.pairs, moving, strict=True) if m}
    remaining = int(moving.sum()) + sum(p not in asked_anyway for p in unchecked)
    if unchecked:
        pick = _most_moving(effects, [q == unchecked[0] for q, _, _ in effects.pairs])
        why = (f"a second route between the elements of {_node(tree, unchecked[0]).name}, "
               "so that their consistency can be measured")
        reason, factors = "check", None
    elif moving.any():
        pick = _most_moving(effects, moving)
        ahead, behind = tree.leaves[effects.constraints[np.argmin(effects.joint)]]
        why = f"its answer may change the top {top}: {tree.nodes[behind].name} could overtake {tree.nodes[ahead].name}"
        reason, factors = "ranking", (tree.paths[ahead], tree.paths[behind])
    else:
        return Plan(None, 0, unanswered, answers)
    path, i, j = effects.pairs[pick]
    question = _question(tree, path, (i, j), effects.implied[pick], reason, why, remaining, factors)
    return Plan(question, remaining, unanswered, answers)


def _most_moving(effects: _Effects, among: Sequence[bool] | np.ndarray) -> int:
    """Of the missing pairs ``among`` selects, the one that takes most off the constraint that
    holds least against all pairs together (the first such pair on a tie)."""
    weakest = int(np.argmin(effects.joint)) if len(effects.joint) else None
    pull = effects.shortfall[:, weakest] if weakest is not None else np.zeros(len(effects.pairs))
    return int(np.flatnonzero(among)[np.argmin(pull[np.asarray(among, dtype=bool)])])


def next_question(root: Node, matrices: Mapping[str, object], **options: object) -> NextQuestion | None:
    """The next question (see :func:`plan`, which takes the same options), ``None`` when settled."""
    return plan(root, matrices, **options).next  # type: ignore[arg-type]


def settled(root: Node, matrices: Mapping[str, object], **options: object) -> bool:
    """Whether no missing pair can change the set and order of the top-k (see :func:`plan`)."""
    return plan(root, matrices, **options).settled  # type: ignore[arg-type]


@dataclass(frozen=True, eq=False)
class _Effects:
    """What the plausible answers of the missing pairs do to the top-k.

    The top-k is a set of ``constraints``, pairs of leaves (positions among the leaves) that
    must keep their order: neighbours in the top-k, and the k-th ahead of each other leaf.
    ``gap`` (c,) is each constraint's lead now, ``shortfall`` (pairs, c) the most each pair's
    answers take off it (0 when none does), ``pairs`` the missing pairs as (path, i, j) with
    their ``implied`` values and plausible ``values``.
    """

    pairs: list[tuple[str, int, int]]
    implied: list[float]
    values: list[np.ndarray]
    constraints: np.ndarray
    gap: np.ndarray
    shortfall: np.ndarray

    @cached_property
    def joint(self) -> np.ndarray:
        """Each constraint's lead less the root-sum-square of the pairs' shortfalls (c,): the
        top-k holds against the pairs together when every entry is positive."""
        return self.gap - np.sqrt((self.shortfall ** 2).sum(axis=0))

    def moving(self) -> np.ndarray:
        """Whether each missing pair may still change the top-k: it takes something off a
        constraint that does not hold against the pairs together (pairs,)."""
        return ((self.shortfall < 0) & (self.joint <= _TIE)).any(axis=1)


def _effects(tree: Layout, arrays: dict[str, np.ndarray], top: int, method: str, completion: str,
             width: float) -> _Effects:
    """Every missing pair's plausible answers tried, one stack per matrix size."""
    paths = list(arrays)
    now = dict(zip(paths, _analyse(arrays.values(), method, completion), strict=True))
    local = np.ones(len(tree.paths))
    for path, kids in tree.children.items():
        local[kids] = now[path].weights
    g = tree.global_weights(local)[tree.leaves]
    ranked = np.argsort(-g, kind="stable")
    constraints = _constraints(ranked, min(top, len(ranked)))
    pairs, implied, values, trials = [], [], [], []
    noise = _noise(arrays, now)
    for path, a in arrays.items():
        completed = now[path].completed if now[path].completed is not None else a
        resistance = _resistance(a)
        for i, j in missing_pairs(a):
            pairs.append((path, i, j))
            implied.append(nearest_on_scale(completed[i, j]))
            spread = math.exp(width * noise[path] * math.sqrt(1 + resistance[i, j]))
            values.append(plausible_answers(completed[i, j], spread))
            trial = np.repeat(a[None], len(values[-1]), axis=0)
            trial[:, i, j], trial[:, j, i] = values[-1], 1 / values[-1]
            trials.append(trial)
    gap = g[constraints[:, 0]] - g[constraints[:, 1]]
    if not pairs:
        return _Effects(pairs, implied, values, constraints, gap, np.zeros((0, len(constraints))))
    rows = np.repeat(np.arange(len(pairs)), [len(v) for v in values])
    weights = np.repeat(local[None], len(rows), axis=0)
    for k, r in enumerate(_analyse([t for trial in trials for t in trial], method, completion)):
        weights[k, tree.children[pairs[rows[k]][0]]] = r.weights
    leaves = tree.global_weights(weights)[:, tree.leaves]
    change = leaves[:, constraints[:, 0]] - leaves[:, constraints[:, 1]] - gap
    shortfall = np.minimum(np.minimum.reduceat(change, np.searchsorted(rows, np.arange(len(pairs))), axis=0), 0.0)
    return _Effects(pairs, implied, values, constraints, gap, shortfall.reshape(len(pairs), len(gap)))


def _noise(arrays: dict[str, np.ndarray], now: dict[str, PriorityResult]) -> dict[str, float]:
    """How far each node's answers may stray from what the others imply, in log terms: the
    root-mean-square of log(a_ij w_j / w_i) over the known pairs, per redundant answer, for all
    nodes together (with :data:`PRIOR_NOISE` counted :data:`PRIOR_ANSWERS` times), then for each
    node, its own answers with the whole's counted :data:`PRIOR_ANSWERS` times: so an
    inconsistent node's range is wider.
    """
    squares, redundant = {}, {}
    for path, a in arrays.items():
        i, j = upper_pairs(len(a))
        known = ~np.isnan(a[i, j])
        w = now[path].weights
        squares[path] = float((np.log(a[i, j][known] * w[j[known]] / w[i[known]]) ** 2).sum())
        redundant[path] = int(known.sum()) - (len(a) - 1)
    whole = (sum(squares.values()) + PRIOR_ANSWERS * PRIOR_NOISE ** 2) / (sum(redundant.values()) + PRIOR_ANSWERS)
    return {path: math.sqrt((squares[path] + PRIOR_ANSWERS * whole) / (redundant[path] + PRIOR_ANSWERS))
            for path in arrays}


def _resistance(a: np.ndarray) -> np.ndarray:
    """The effective resistance between each two elements of the graph of known pairs (n, n):
    the variance of the log ratio the known answers imply for them, per unit of answer variance
    (1 for a pair answered, the sum along a chain, less where several routes join them).

    >>> nan = float("nan")
    >>> _resistance(np.array([[1, 2, nan], [1/2, 1, 2], [nan, 1/2, 1]]))[0].round(6).tolist()
    [0.0, 1.0, 2.0]
    """
    linked = (~np.isnan(a)).astype(float)
    np.fill_diagonal(linked, 0.0)
    inverse = np.linalg.pinv(np.diag(linked.sum(axis=1)) - linked)
    diagonal = np.diag(inverse)
    return diagonal[:, None] + diagonal[None, :] - 2 * inverse


def _constraints(ranked: np.ndarray, k: int) -> np.ndarray:
    """The pairs of leaves (ahead, behind) whose order makes the top-k of ``ranked`` (leaves,
    best first): neighbours within the top k, then the k-th ahead of each of the rest.

    >>> _constraints(np.array([2, 0, 3, 1]), 2).tolist()
    [[2, 0], [0, 3], [0, 1]]
    """
    ahead = np.concatenate([ranked[: k - 1], np.full(len(ranked) - k, ranked[k - 1])])
    return np.stack([ahead, ranked[1:]], axis=1)


def _analyse(matrices: Iterable[np.ndarray], method: str, completion: str) -> list[PriorityResult]:
    """The analyses of matrices whose known judgments link all their elements."""
    return analyse_matrices(list(matrices), method=method, completion=completion, suggestions=0)  # type: ignore[return-value]


def _top_down(tree: Layout) -> list[str]:
    """Inner nodes by depth (the goal, then the criteria, ...), in the model's order within a depth."""
    return sorted(tree.children, key=lambda path: int(tree.depths[tree.index[path]]))


def _components(a: np.ndarray) -> np.ndarray:
    """Each element's component under the known judgments, named by its least element.

    >>> _components(np.array([[1, np.nan, 2], [np.nan, 1, np.nan], [0.5, np.nan, 1]])).tolist()
    [0, 1, 0]
    """
    linked = ~np.isnan(a)
    label = np.arange(len(a))
    while True:
        spread = np.where(linked, label[None, :], len(a)).min(axis=1)
        if (spread == label).all():
            return label
        label = spread


def _linking_pair(a: np.ndarray) -> tuple[int, int] | None:
    """The missing pair that links two parts the known judgments leave apart, neighbours first;
    ``None`` when every element is linked."""
    label = _components(a)
    cuts = [(i, j) for i, j in missing_pairs(a) if label[i] != label[j]]
    return min(cuts, key=lambda p: (p[1] - p[0], p[0])) if cuts else None


def _needs_check(a: np.ndarray) -> bool:
    """Whether a node of three or more elements has no cycle yet (n - 1 known pairs at most)."""
    n = len(a)
    return n >= 3 and (n * n - int(np.isnan(a).sum()) - n) // 2 < n


def _name(tree: Layout, path: str, element: int) -> str:
    return _node(tree, path).children[element].name


def _key(tree: Layout, path: str, pair: tuple[int, int]) -> tuple[str, str, str]:
    kids = _node(tree, path).children
    return path, kids[pair[0]].id, kids[pair[1]].id


def _question(tree: Layout, path: str, pair: tuple[int, int], implied: float | None, reason: str, why: str,
              remaining: int, factors: tuple[str, str] | None = None) -> NextQuestion:
    _, a, b = _key(tree, path, pair)
    return NextQuestion(path, a, b, implied, reason, why, remaining, factors)

