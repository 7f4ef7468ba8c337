"""Which pairwise question to ask next, and when the answers so far settle the top of the ranking.

An adaptive interview, after Harker (1987, Math. Modelling 9:837-848), with the lambda-max
completion giving the weights of an incomplete interview. For one respondent, in this order:

1. ``span``: a spanning set per node, top-down (criteria before their factors), so every
   node's weights are determined; pairs of neighbours first (e1-e2, e2-e3, ...).
2. ``check``: one redundant judgment per node of three or more elements (a cycle), so its
   consistency can be measured at all.
3. ``ranking``: each missing pair gets a range of plausible answers, the value the other answers
   imply (the completed matrix's) :data:`STEPS` scale steps each side, :data:`WIDER` more when
   the node is inconsistent. Every answer in the range is tried (completion and synthesis, one
   stack per node); the pair whose worst answer moves the global top-k furthest past a change
   of set or order is asked.

The answers settle the top-k when no missing pair, answered anywhere in its range (the others
staying missing), can change the set or the order of the top-k factors.

>>> from ahp.core.scale import format_value
>>> root = Node("goal", "G", children=(Node("a", "A", children=(Node("x", "X"), Node("y", "Y"), Node("z", "Z"))), Node("b", "B")))
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

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ahp.core.hierarchy import Layout, Node, _node_matrices
from ahp.core.matrix import missing_pairs
from ahp.core.priorities import analyse_stack
from ahp.core.scale import SCALE_ARRAY, nearest_on_scale

#: Scale steps each side of the implied value that a respondent may plausibly answer.
STEPS = 2
#: Further steps each side when the node's judgments are inconsistent (CR above its threshold).
WIDER = 1
#: A change of the top-k smaller than this (in global weight) counts as a tie, so as a change.
_TIE = 1e-9
#: Reason codes, in the order the interview goes through them.
REASONS: tuple[str, ...] = ("span", "check", "ranking")


@dataclass(frozen=True)
class NextQuestion:
    """The next pair to ask: node ``path``, elements ``a`` and ``b`` (ids of its children, in the
    model's order), the value the other answers imply for "``a`` is how many times as important
    as ``b``", snapped to the scale (``None`` while nothing links them), the ``reason`` code (one
    of :data:`REASONS`) and ``why`` in words, and ``remaining``: how many questions may still be
    needed, this one included (every unanswered one while some node is not yet spanned; after,
    the checks still missing and the pairs that can change the top-k; later answers can add to
    it)."""

    path: str
    a: str
    b: str
    implied: float | None
    reason: str
    why: str
    remaining: int


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


def plausible_answers(implied: float, steps: int = STEPS) -> np.ndarray:
    """The scale values within ``steps`` scale steps of ``implied`` (snapped to the scale).

    >>> from ahp.core.scale import format_value
    >>> [format_value(v) for v in plausible_answers(1 / 2)]
    ['1/4', '1/3', '1/2', '1', '2']
    >>> [format_value(v) for v in plausible_answers(8.7, 1)]
    ['8', '9']
    """
    at = int(np.searchsorted(SCALE_ARRAY, nearest_on_scale(implied)))
    return SCALE_ARRAY[max(0, at - steps):at + steps + 1].copy()


def plan(
    root: Node,
    matrices: Mapping[str, object],
    *,
    top: int = 5,
    method: str = "eigenvector",
    completion: str = "lambda-max",
    steps: int = STEPS,
) -> Plan:
    """The next question for one respondent, whose judgments ``matrices`` maps each inner node's
    path to (``nan`` for missing, as :func:`~ahp.core.hierarchy.synthesize` takes them; a node
    left out has none), for a settled top-``top`` of the global ranking of factors.
    """
    tree = root.layout
    arrays = dict(zip(tree.children, _node_matrices(tree, matrices), strict=True))
    unanswered = sum(len(missing_pairs(a)) for a in arrays.values())
    order = _top_down(tree)
    for path in order:
        pair = _linking_pair(arrays[path])
        if pair is not None:
            why = f"{_name(tree, path, pair[0])} is not yet compared, directly or through others, with {_name(tree, path, pair[1])}"
            return Plan(_question(tree, path, pair, None, "span", why, unanswered), unanswered, unanswered, {})
    effects = _effects(tree, arrays, top, method, completion, steps)
    answers = {_key(tree, e.path, e.pair): e.values for e in effects}
    unchecked = [p for p in order if _needs_check(arrays[p])]
    moving = [e for e in effects if e.margin <= _TIE]
    remaining = len(moving) + sum(all(e.margin > _TIE for e in effects if e.path == p) for p in unchecked)
    if unchecked:
        best = min((e for e in effects if e.path == unchecked[0]), key=lambda e: e.margin)
        why = f"a second route between the elements of {_node(tree, unchecked[0]).name}, so that their consistency can be measured"
        return Plan(_question(tree, best.path, best.pair, best.implied, "check", why, remaining), remaining, unanswered, answers)
    if not moving:
        return Plan(None, 0, unanswered, answers)
    best = min(moving, key=lambda e: e.margin)
    first, second = (tree.nodes[tree.leaves[k]].name for k in best.swap)
    why = f"a plausible answer would change the top {top}: {second} could overtake {first}"
    return Plan(_question(tree, best.path, best.pair, best.implied, "ranking", why, remaining), remaining, unanswered, answers)


def next_question(root: Node, matrices: Mapping[str, object], **options: object) -> NextQuestion | None:
    """The next question (see :func:`plan`, which takes the same options), ``None`` when settled."""
    return plan(root, matrices, **options).next  # type: ignore[arg-type]


def settled(root: Node, matrices: Mapping[str, object], **options: object) -> bool:
    """Whether no missing pair can change the set and order of the top-k (see :func:`plan`)."""
    return plan(root, matrices, **options).settled  # type: ignore[arg-type]


@dataclass(frozen=True, eq=False)
class _Effect:
    """One missing pair: its node, its (i, j), the implied value and the plausible answers; the
    least margin of the top-k over those answers (negative: the top-k changes) and, at that
    answer, the two factors (positions among the leaves) whose order it threatens most."""

    path: str
    pair: tuple[int, int]
    implied: float
    values: np.ndarray
    margin: float
    swap: tuple[int, int]


def _effects(tree: Layout, arrays: dict[str, np.ndarray], top: int, method: str, completion: str, steps: int) -> list[_Effect]:
    """Every missing pair's :class:`_Effect`: each plausible answer tried, one stack per node."""
    now = {path: analyse_stack(a[None], method=method, completion=completion) for path, a in arrays.items()}
    local = np.ones(len(tree.paths))
    for path, kids in tree.children.items():
        local[kids] = now[path].weights[0]
    ranked = np.argsort(-tree.global_weights(local)[tree.leaves], kind="stable")[: min(top, len(tree.leaves)) + 1]
    effects = []
    for path, a in arrays.items():
        pairs = missing_pairs(a)
        if not pairs:
            continue
        completed = now[path].completed[0]
        widen = WIDER * int(not now[path].consistent[0])
        values = [plausible_answers(completed[i, j], steps + widen) for i, j in pairs]
        stack = np.repeat(a[None], sum(len(v) for v in values), axis=0)
        rows = np.repeat(np.arange(len(pairs)), [len(v) for v in values])
        i, j = np.array(pairs).T
        flat = np.concatenate(values)
        stack[np.arange(len(flat)), i[rows], j[rows]] = flat
        stack[np.arange(len(flat)), j[rows], i[rows]] = 1 / flat
        trial = np.repeat(local[None], len(flat), axis=0)
        trial[:, tree.children[path]] = analyse_stack(stack, method=method, completion=completion).weights
        margin, swap = _margins(tree.global_weights(trial)[:, tree.leaves], ranked, top)
        for p, (pi, pj) in enumerate(pairs):
            worst = np.flatnonzero(rows == p)[np.argmin(margin[rows == p])]
            effects.append(_Effect(path, (pi, pj), float(nearest_on_scale(completed[pi, pj])), values[p],
                                   float(margin[worst]), tuple(swap[worst])))
    return effects


def _margins(g: np.ndarray, ranked: np.ndarray, top: int) -> tuple[np.ndarray, np.ndarray]:
    """For global leaf weights ``g`` (m, leaves), how far each row keeps the current top-k
    (``ranked``: its leaves, best first, then the next one): the least of the gaps between
    neighbours in the top-k and between the k-th and the best of the rest (negative: changed);
    and the pair of leaves at that least gap, ahead first.

    >>> g = np.array([[0.5, 0.3, 0.2], [0.3, 0.5, 0.2]])
    >>> m, s = _margins(g, np.array([0, 1, 2]), 1)
    >>> m.round(2).tolist(), s.tolist()
    ([0.2, -0.2], [[0, 1], [0, 1]])
    """
    k = min(top, g.shape[1])
    inside = g[:, ranked[:k]]
    gaps = [inside[:, :-1] - inside[:, 1:]]
    behind = [ranked[1:k]]
    if k < g.shape[1]:
        rest = np.ones(g.shape[1], dtype=bool)
        rest[ranked[:k]] = False
        best_rest = np.flatnonzero(rest)[np.argmax(g[:, rest], axis=1)]
        gaps.append(inside[:, -1:] - g[np.arange(len(g)), best_rest][:, None])
        behind.append(best_rest[:, None])
    gap = np.concatenate(gaps, axis=1)
    if gap.shape[1] == 0:  # one factor: nothing to change
        return np.full(len(g), np.inf), np.zeros((len(g), 2), dtype=int)
    at = np.argmin(gap, axis=1)
    ahead = ranked[at]
    trailing = np.concatenate([np.broadcast_to(behind[0], (len(g), k - 1)), *behind[1:]], axis=1)
    return gap[np.arange(len(g)), at], np.stack([ahead, trailing[np.arange(len(g)), at]], axis=1)


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


def _node(tree: Layout, path: str) -> Node:
    return tree.nodes[tree.index[path]]


def _name(tree: Layout, path: str, element: int) -> str:
    return _node(tree, path).children[element].name


def _key(tree: Layout, path: str, pair: tuple[int, int]) -> tuple[str, str, str]:
    kids = _node(tree, path).children
    return path, kids[pair[0]].id, kids[pair[1]].id


def _question(tree: Layout, path: str, pair: tuple[int, int], implied: float | None, reason: str, why: str,
              remaining: int) -> NextQuestion:
    _, a, b = _key(tree, path, pair)
    return NextQuestion(path, a, b, implied, reason, why, remaining)

