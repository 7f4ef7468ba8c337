"""Which pairwise question to ask next, and when the answers so far have most likely settled
the top of the ranking.

An adaptive interview, after Harker (1987, Math. Modelling 9:837-848), with the lambda-max
completion giving the weights of an incomplete interview. For one respondent, in this order:

1. ``span``: a spanning set per node, top-down (criteria before their factors), so every
   node's weights are determined; pairs of neighbours first (e1-e2, e2-e3, ...).
2. ``check``: one redundant judgment per node of three or more elements (a cycle), so its
   consistency can be measured at all.
3. ``ranking``: the answers still missing are forecast: each is the value the other answers
   imply (the completed matrix's) times log-normal noise whose spread grows with the
   respondent's and the node's inconsistency and with how loosely the other answers tie the
   pair (:func:`_noise`, :func:`_resistance`), rounded to the scale. :data:`DRAWS` sets of
   forecast answers, all pairs at once, are synthesised; the share whose top-k (set and
   order) differs from today's is the ``chance`` that the remaining answers change it. The
   top-k is a set of orders between two factors; the pair asked is the one whose forecast
   answers move most the lead of the order most often lost.

The answers settle the top-k when that chance is below ``risk`` (:data:`RISK`): not a proof
that no answer can change it (a wild enough answer always can), but a forecast, at the
respondent's own noise, that the remaining answers are unlikely to.

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ahp.core.hierarchy import Layout, Node, _node, _node_matrices
from ahp.core.matrix import missing_pairs, upper_pairs
from ahp.core.priorities import PriorityResult, analyse_matrices, analyse_stack
from ahp.core.scale import SCALE_ARRAY, nearest_on_scale
from ahp.errors import AHPError

#: The top-k is settled when the forecast chance that the remaining answers change it is below this.
RISK = 0.02
#: How many sets of forecast answers the chance is counted over (drawn the same way every call,
#: so the same answers always get the same plan).
DRAWS = 256
#: Before the answers show it, the spread s of a respondent's answers about their weights is
#: taken to be about this (in log terms: Saaty-scale rounding alone gives about 0.15 to 0.2) ...
PRIOR_NOISE = 0.3
#: ... with the weight of this many redundant answers.
PRIOR_ANSWERS = 2.0
#: A lead smaller than this (in global weight) counts as a tie, so as a change.
_TIE = 1e-9
#: A missing pair may still be needed when an answer this many of its spreads from the implied
#: value could, alone, take the whole lead of an order of the top-k that some forecasts lose.
_REACH = 2.0
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
    and the pairs that could, alone, change the top-k; later answers can add to it)."""

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
    (as in :class:`NextQuestion`; 0 when settled), ``unanswered`` (every missing pair),
    ``chance``: the forecast chance that the remaining answers change the top-k (1.0 while some
    node is not spanned, 0.0 when nothing is missing), and ``forecast``: how each missing pair's
    answer is forecast, keyed ``(path, a, b)``: the value the other answers imply (unrounded)
    and the spread, in log terms, of the log-normal noise about it (the draw is then rounded to
    the scale; empty until every node is spanned)."""

    next: NextQuestion | None
    remaining: int
    unanswered: int
    chance: float
    forecast: dict[tuple[str, str, str], tuple[float, float]]

    @property
    def settled(self) -> bool:
        """Whether the remaining answers are unlikely to change the top-k (or none is missing)."""
        return self.next is None


def plan(
    root: Node,
    matrices: Mapping[str, object],
    *,
    top: int = 5,
    method: str = "eigenvector",
    completion: str = "lambda-max",
    risk: float = RISK,
) -> Plan:
    """The next question for one respondent, whose judgments ``matrices`` maps each inner node's
    path to (``nan`` for missing, as :func:`~ahp.core.hierarchy.synthesize` takes them; a node
    left out has none), until the forecast chance that the remaining answers change the
    top-``top`` of the global ranking of factors is below ``risk`` (0: ask everything).
    ``method`` and ``completion`` are the project's (see :func:`~ahp.core.hierarchy.synthesize`).

    Cost: :data:`DRAWS` complete matrices per node synthesised, whatever is missing: about
    10 ms (CPU) a call on the built-in model (43 pairs).
    """
    if top < 1:
        raise AHPError(f"the number of top factors to settle must be 1 or more, not {top}")
    if not 0 <= risk < 1:
        raise AHPError(f"the risk of a changed top {top} must be from 0 up to (not including) 1, not {risk}")
    tree = root.layout
    arrays = dict(zip(tree.children, _node_matrices(tree, matrices), strict=True))
    unanswered = sum(len(missing_pairs(a)) for a in arrays.values())
    order = _top_down(tree)
    for path in order:
        pair = _linking_pair(arrays[path])
        if pair is not None:
            why = (f"{_name(tree, path, pair[0])} is not yet compared, directly or through others, "
                   f"with {_name(tree, path, pair[1])}")
            return Plan(_question(tree, path, pair, None, "span", why, unanswered), unanswered, unanswered, 1.0, {})
    outlook = _forecast(tree, arrays, top, method, completion)
    forecast = {_key(tree, path, (i, j)): (c, s) for (path, i, j), c, s in
                zip(outlook.pairs, outlook.centre, outlook.spread, strict=True)}
    unchecked = [p for p in order if _needs_check(arrays[p])]
    moving = outlook.moving()
    asked_anyway = {q for (q, _, _), m in zip(outlook.pairs, moving, strict=True) if m}
    remaining = int(moving.sum()) + sum(p not in asked_anyway for p in unchecked)
    if unchecked:
        among = np.array([q == unchecked[0] for q, _, _ in outlook.pairs])
        why = (f"a second route between the elements of {_node(tree, unchecked[0]).name}, "
               "so that their consistency can be measured")
        reason, factors = "check", None
    elif outlook.pairs and outlook.chance >= risk:
        among = np.ones(len(outlook.pairs), dtype=bool)
        ahead, behind = tree.leaves[outlook.constraints[outlook.weakest]]
        why = f"its answer may change the top {top}: {tree.nodes[behind].name} could overtake {tree.nodes[ahead].name}"
        reason, factors = "ranking", (tree.paths[ahead], tree.paths[behind])
    else:
        return Plan(None, 0, unanswered, outlook.chance, forecast)
    pick = int(np.flatnonzero(among)[np.argmax(outlook.pull[among])])
    path, i, j = outlook.pairs[pick]
    remaining = max(remaining, 1)
    question = _question(tree, path, (i, j), nearest_on_scale(outlook.centre[pick]), reason, why, remaining, factors)
    return Plan(question, remaining, unanswered, outlook.chance, forecast)


def next_question(root: Node, matrices: Mapping[str, object], **options: object) -> NextQuestion | None:
    """The next question (see :func:`plan`, which takes the same options), ``None`` when settled."""
    return plan(root, matrices, **options).next  # type: ignore[arg-type]


def settled(root: Node, matrices: Mapping[str, object], **options: object) -> bool:
    """Whether the remaining answers are unlikely to change the set and order of the top-k (see :func:`plan`)."""
    return plan(root, matrices, **options).settled  # type: ignore[arg-type]


@dataclass(frozen=True, eq=False)
class _Forecast:
    """The top-k under :data:`DRAWS` sets of forecast answers to the missing pairs.

    The top-k is a set of ``constraints``, pairs of leaves (positions among the leaves) that
    must keep their order: neighbours in the top-k, and the k-th ahead of each other leaf.
    ``pairs`` are the missing pairs as (path, i, j), with the ``centre`` and log ``spread`` of
    their forecast and the log of each draw's answers ``drawn`` (draws, pairs); ``lead`` (draws,
    c) is each constraint's lead in each draw.
    """

    pairs: list[tuple[str, int, int]]
    centre: np.ndarray
    spread: np.ndarray
    drawn: np.ndarray
    constraints: np.ndarray
    lead: np.ndarray

    @cached_property
    def chance(self) -> float:
        """The share of draws whose top-k is not today's (0.0 when no pair is missing)."""
        return float((self.lead <= _TIE).any(axis=1).mean()) if self.pairs else 0.0

    @cached_property
    def weakest(self) -> int:
        """The constraint lost in most draws (on a tie, the one with the least lead for its spread)."""
        lost = (self.lead <= _TIE).mean(axis=0)
        margin = self.lead.mean(axis=0) / (self.lead.std(axis=0) + _TIE)
        return int(np.lexsort((margin, -lost))[0])

    @cached_property
    def moves(self) -> np.ndarray:
        """How far each pair's forecast answers move each constraint's lead (pairs, c): the
        standard deviation of the lead that the pair's answer explains, linearly."""
        x = self.drawn - self.drawn.mean(axis=0)
        y = self.lead - self.lead.mean(axis=0)
        covariance = x.T @ y / len(x)
        return np.abs(covariance) / np.sqrt(np.maximum((x ** 2).mean(axis=0), _TIE))[:, None]

    @property
    def pull(self) -> np.ndarray:
        """How far each pair moves the weakest constraint (pairs,)."""
        return self.moves[:, self.weakest] if self.pairs else np.zeros(0)

    def moving(self) -> np.ndarray:
        """Whether each missing pair, answered :data:`_REACH` of its spreads from the implied
        value, could alone take the whole lead of a constraint some draws lose (pairs,)."""
        if not self.pairs:
            return np.zeros(0, dtype=bool)
        at_risk = (self.lead <= _TIE).any(axis=0)
        reach = _REACH * self.moves / np.maximum(self.drawn.std(axis=0), _TIE)[:, None] * self.spread[:, None]
        return ((reach >= np.maximum(self.lead.mean(axis=0), 0)) & (self.moves > _TIE) & at_risk).any(axis=1)


def _forecast(tree: Layout, arrays: dict[str, np.ndarray], top: int, method: str, completion: str) -> _Forecast:
    """The missing pairs' forecast answers drawn, and each draw synthesised (one stack per node)."""
    now = dict(zip(arrays, _analyse(arrays.values(), method, completion), strict=True))
    local = np.ones(len(tree.paths))
    for path, kids in tree.children.items():
        local[kids] = now[path].weights
    g = tree.global_weights(local)[tree.leaves]
    constraints = _constraints(np.argsort(-g, kind="stable"), min(top, len(g)))
    noise = _noise(arrays, now)
    pairs, centre, spread = [], [], []
    for path, a in arrays.items():
        completed = now[path].completed if now[path].completed is not None else a
        resistance = _resistance(a)
        for i, j in missing_pairs(a):
            pairs.append((path, i, j))
            centre.append(float(completed[i, j]))
            spread.append(noise[path] * math.sqrt(1 + resistance[i, j]))
    z = np.random.default_rng(0).standard_normal((DRAWS, len(pairs)))
    logs = np.log(SCALE_ARRAY)
    wanted = np.log(np.array(centre)) + np.array(spread) * z
    drawn = logs[np.abs(wanted[..., None] - logs).argmin(axis=-1)] if pairs else np.zeros((DRAWS, 0))
    weights = np.repeat(local[None], DRAWS, axis=0)
    for path, a in arrays.items():
        columns = [k for k, (q, _, _) in enumerate(pairs) if q == path]
        if not columns:
            continue
        stack = np.repeat(a[None], DRAWS, axis=0)
        for k in columns:
            _, i, j = pairs[k]
            stack[:, i, j], stack[:, j, i] = np.exp(drawn[:, k]), np.exp(-drawn[:, k])
        weights[:, tree.children[path]] = analyse_stack(stack, method=method, completion=completion).weights
    leaves = tree.global_weights(weights)[:, tree.leaves]
    lead = leaves[:, constraints[:, 0]] - leaves[:, constraints[:, 1]]
    return _Forecast(pairs, np.array(centre), np.array(spread), drawn, constraints, lead)


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

