"""How sure is the ranking: one-way sensitivity, tipping points, and Monte Carlo stability.

One-way: vary one node's local weight x from 0 to 1, its siblings rescaled in proportion
(w_s (1 - x) / (1 - w_c)). Every leaf's global weight is then linear in x, so the curves and
the points where two leaves swap rank are exact (no grid).

Monte Carlo: perturb every judgment (log-normal noise on the ratio, or a uniform step of -1, 0
or +1 on Saaty's scale; reciprocity kept, values clipped to 1/9..9), recompute the whole
hierarchy for every draw at once on stacks of matrices, and count how often each factor lands
at each rank. Under AIP each respondent's judgments are perturbed on their own and their
priorities combined in every draw as the panel combines them, so the unperturbed ranking is the
one shown.

>>> root = Node("goal", "G", children=(
...     Node("a", "A", children=(Node("x", "X"), Node("y", "Y"))), Node("b", "B", children=(Node("z", "Z"),))))
>>> local = np.array([1, .6, .7, .3, .4, 1.])  # preorder: goal, a, a/x, a/y, b, b/z
>>> s = one_way(root.layout, local)
>>> [(t.node, round(t.weight, 4), t.swap) for t in s.tipping_points[:2]]
[('a', 0.5882, ('a/x', 'b/z')), ('b', 0.4118, ('a/x', 'b/z'))]
>>> s.critical[1].node, round(s.critical[1].change, 4)
('a', -0.0118)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ahp.core.completion import complete_stack, connected
from ahp.core.group import aggregate_priorities
from ahp.core.hierarchy import Layout, Node
from ahp.core.matrix import upper_pairs
from ahp.core.scale import MAX_VALUE, MIN_VALUE, SCALE_ARRAY
from ahp.core.weights import weights as weights_by
from ahp.errors import AHPError, Phrase, listed

if TYPE_CHECKING:
    from ahp.core.panel import Panel

NOISES: tuple[str, ...] = ("lognormal", "step")


@dataclass(frozen=True)
class TippingPoint:
    """At local weight ``weight`` of ``node`` (now ``current``), leaf ``swap[1]`` overtakes ``swap[0]``."""

    node: str
    weight: float
    current: float
    swap: tuple[str, str]

    @property
    def change(self) -> float:
        """How far the node's weight must move from where it is."""
        return self.weight - self.current


@dataclass(frozen=True, eq=False)
class OneWay:
    """Every leaf's global weight as a line in each varied node's local weight.

    ``nodes`` are the varied nodes' paths; ``current`` their local weights; ``intercept`` and
    ``slope`` have shape (nodes, leaves): leaf l's global weight is intercept + slope * x.
    ``tipping_points`` is nearest first; ``critical[k]`` is the smallest change (any node)
    that changes the set of the top k leaves, or ``None`` if no change of one weight does.
    """

    nodes: tuple[str, ...]
    leaves: tuple[str, ...]
    current: np.ndarray
    intercept: np.ndarray
    slope: np.ndarray
    tipping_points: tuple[TippingPoint, ...]
    critical: dict[int, TippingPoint | None]

    def curves(self, x: np.ndarray) -> np.ndarray:
        """Global weights (nodes, len(x), leaves) of every leaf along the grid ``x``."""
        return self.intercept[:, None, :] + self.slope[:, None, :] * np.asarray(x)[None, :, None]


def one_way(layout: Layout, local: np.ndarray, top: int = 3) -> OneWay:
    """Vary each node that has siblings (criteria, sub-criteria and factors) from 0 to 1.

    ``local`` holds every node's local weight in the layout's order (the goal's is 1).
    """
    varied = np.array([k for k, p in enumerate(layout.parents) if p >= 0 and len(layout.children[layout.paths[p]]) > 1])
    g = layout.global_weights(local)
    leaves = layout.leaves
    under = layout.under[:, leaves]  # (nodes, leaves): leaf is below (or is) the node
    alt = np.broadcast_to(local, (len(varied), len(local))).copy()
    rows = np.arange(len(varied))
    for v, k in enumerate(varied):
        siblings = layout.children[layout.paths[layout.parents[k]]]
        siblings = siblings[siblings != k]
        rest = 1 - local[k]
        alt[v, siblings] = local[siblings] / rest if rest > 1e-12 else 1 / len(siblings)
    alt[rows, varied] = 1.0
    g_alt = layout.global_weights(alt)[:, leaves]  # leaf weight at x = 1 (under k) or share of 1 - x (under a sibling)
    mine = under[varied]
    beside = under[layout.parents[varied]] & ~mine
    intercept = np.where(mine, 0.0, np.where(beside, g_alt, g[leaves]))
    slope = np.where(mine, g_alt, np.where(beside, -g_alt, 0.0))
    current = local[varied]

    # Crossings of every pair of lines, for every varied node at once.
    with np.errstate(divide="ignore", invalid="ignore"):
        x = (intercept[:, None, :] - intercept[:, :, None]) / (slope[:, :, None] - slope[:, None, :])
    i, j = upper_pairs(len(leaves))
    x = x[:, i, j]
    ok = np.isfinite(x) & (x >= 0) & (x <= 1) & (np.abs(x - current[:, None]) > 1e-9)
    v_idx, p_idx = np.nonzero(ok)
    at = x[v_idx, p_idx]
    li, lj = i[p_idx], j[p_idx]
    now_i = intercept[v_idx, li] + slope[v_idx, li] * current[v_idx]
    now_j = intercept[v_idx, lj] + slope[v_idx, lj] * current[v_idx]
    ahead = np.where(now_i >= now_j, li, lj)
    behind = np.where(now_i >= now_j, lj, li)
    order = np.argsort(np.abs(at - current[v_idx]), kind="stable")
    paths = [layout.paths[k] for k in leaves]
    points = tuple(
        TippingPoint(layout.paths[varied[v_idx[q]]], float(at[q]), float(current[v_idx[q]]),
                     (paths[ahead[q]], paths[behind[q]]))
        for q in order
    )
    rank = np.empty(len(leaves), dtype=int)
    rank[np.argsort(-g[leaves], kind="stable")] = np.arange(len(leaves))
    critical: dict[int, TippingPoint | None] = {}
    for k in range(1, min(top, len(leaves) - 1) + 1):
        inside = rank < k
        crossing = inside[ahead[order]] != inside[behind[order]]
        first = np.flatnonzero(crossing)
        critical[k] = points[first[0]] if len(first) else None
    return OneWay(tuple(layout.paths[k] for k in varied), tuple(paths), current, intercept, slope, points, critical)


@dataclass(frozen=True, eq=False)
class MonteCarlo:
    """Rank statistics of the leaves over perturbed judgments.

    ``rank_probabilities[l, r]`` is the share of draws that put leaf l at rank r + 1;
    ``rank_interval[l]`` its 5th and 95th percentile rank (1-based); ``weight_percentiles``
    (3, leaves) the 5th, 50th and 95th percentile global weight; ``top_stable[k]`` the share of
    draws whose top k set equals the unperturbed one, ``baseline_rank`` (the ranking shown).
    """

    draws: int
    seed: int
    noise: str
    spread: float
    leaves: tuple[str, ...]
    baseline_rank: np.ndarray
    rank_probabilities: np.ndarray
    rank_interval: np.ndarray
    weight_percentiles: np.ndarray
    top_stable: dict[int, float]


@dataclass(frozen=True, eq=False)
class Respondents:
    """One node's respondents, for Monte Carlo under AIP: their matrices (r, n, n), ``nan``
    where missing, each determining the node alone; their weights (r,); and the mean
    (``geometric`` or ``arithmetic``) that combines their priorities."""

    stack: np.ndarray
    weights: np.ndarray
    mean: str


def panel_respondents(panel: Panel) -> dict[str, Respondents]:
    """The respondents each node of ``panel`` combines by AIP (none under AIJ), for
    :func:`monte_carlo`: drawn respondent by respondent, the baseline is the panel's ranking."""
    out = {}
    for path, node in panel.nodes.items():
        if node.aggregation_used == "aip":
            usable = node.included & node.individuals.determined
            out[path] = Respondents(node.stack[usable], node.respondent_weights[usable], panel.aip_mean)
    return out


def perturb(
    a: np.ndarray, known: np.ndarray, rng: np.random.Generator, draws: int, noise: str, spread: float
) -> np.ndarray:
    """``draws`` perturbed copies (draws, n, n) of a complete matrix; only ``known`` judgments move.

    Values are clipped to the scale's ends, 1/9 and 9 (not reflected): a judgment at 9 or 1/9
    can only move inwards, so draws lean slightly towards less extreme judgments there. The
    copies lie in memory one matrix per column, (n, n, draws), so the stacked eigenvector
    reads them without a copy.
    """
    n = a.shape[0]
    upper, lower = _pair_cells(n)
    moving = known.ravel()[upper]
    base = a.ravel()[upper][:, None]
    shape = (draws, len(upper))  # drawn draw by draw, so a stream gives the same draws in any chunks
    if noise == "lognormal":
        # The factor in single precision, where normals and exp cost less: seven digits are
        # plenty for noise.
        factor = np.ascontiguousarray(rng.standard_normal(shape, dtype=np.float32).T)
        factor *= spread
        values = np.exp(factor, out=factor) * base
    elif noise == "step":
        position = np.interp(np.log(base), np.log(SCALE_ARRAY), np.arange(len(SCALE_ARRAY)))
        position = np.clip(position + rng.integers(-1, 2, size=shape).T, 0, len(SCALE_ARRAY) - 1)
        values = np.exp(np.interp(position, np.arange(len(SCALE_ARRAY)), np.log(SCALE_ARRAY)))
    else:
        raise AHPError(Phrase("unknown noise {noise!r}; choose one of {choices}",
                              {"noise": noise, "choices": listed(NOISES)}))
    np.clip(values, MIN_VALUE, MAX_VALUE, out=values)  # (pairs, draws)
    if not moving.all():
        values[~moving] = np.nan
    # Laid out (n, n, draws), one matrix per column, as the stacked eigenvector works on them.
    out = np.empty((n * n, draws))
    out[:: n + 1] = 1.0  # the diagonal cells (i, i)
    out[upper] = values
    out[lower] = 1 / values
    return out.reshape(n, n, draws).transpose(2, 0, 1)


@functools.cache
def _pair_cells(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Flat indices of the cells (i, j), i < j, of an n x n matrix, and of their mirrors (j, i)."""
    i, j = upper_pairs(n)
    return i * n + j, j * n + i


@dataclass(frozen=True, eq=False)
class _Judges:
    """Whose judgments one node's draws perturb: one matrix (``weights`` None), or several
    respondents whose priorities are combined by ``mean`` (AIP). Each has its random stream."""

    completed: np.ndarray  # (r, n, n)
    known: np.ndarray
    streams: tuple[np.random.Generator, ...]
    weights: np.ndarray | None
    mean: str

    def local(
        self, method: str, draws: int = 0, noise: str = "lognormal", spread: float = 0.0, completion: str = "lambda-max"
    ) -> np.ndarray:
        """The node's local weights (draws, n) over perturbed judgments, or (n,) unperturbed
        when ``draws`` is 0."""
        each = []
        for a, known, stream in zip(self.completed, self.known, self.streams, strict=True):
            if not draws:
                each.append(weights_by(a, method))
                continue
            stack = perturb(a, known, stream, draws, noise, spread)
            if not known.all():
                stack = complete_stack(np.where(known, stack, np.nan), completion)
            each.append(weights_by(stack, method))
        if self.weights is None:
            return each[0]
        priorities = np.array(each)  # (r, ..., n): the priorities of every draw combined at once, then
        combined = aggregate_priorities(priorities.reshape(len(each), -1), self.weights, self.mean)
        combined = combined.reshape(priorities.shape[1:])
        return combined / combined.sum(axis=-1, keepdims=True)  # each draw's summing to 1


def _judges(
    layout: Layout,
    matrices: Mapping[str, np.ndarray],
    respondents: Mapping[str, Respondents],
    seed: int,
    completion: str,
) -> dict[str, _Judges]:
    """Every inner node's judges, checked (judged and connected), with one random stream per
    node (per respondent under AIP), drawn from in order chunk after chunk: the result depends
    on the seed only, never on the chunk size."""
    out = {}
    for path, child in zip(layout.children, np.random.SeedSequence(seed).spawn(len(layout.children)), strict=True):
        if path in respondents:
            r = respondents[path]
            streams = tuple(map(np.random.default_rng, child.spawn(len(r.stack))))
            stack, weights, mean = r.stack, r.weights, r.mean
        elif path in matrices:
            streams = (np.random.default_rng(child),)
            stack, weights, mean = np.asarray(matrices[path], dtype=float)[None], None, ""
        else:
            raise AHPError(Phrase("Monte Carlo needs judgments at every node; {path!r} has none", {"path": path}))
        if len(stack) == 0 or not connected(stack).all():
            raise AHPError(Phrase(
                "Monte Carlo needs judgments that connect every element at each node; those at {path!r} do not",
                {"path": path}))
        out[path] = _Judges(complete_stack(stack, completion), ~np.isnan(stack), streams, weights, mean)
    return out


def _check_options(draws: int, seed: int, noise: str, spread: float, chunk: int) -> None:
    """Raise :class:`AHPError` naming the first Monte Carlo option out of range."""
    if not (isinstance(draws, (int, np.integer)) and draws >= 1):
        raise AHPError(Phrase("draws must be a whole number of at least 1; got {draws}", {"draws": draws}))
    if not (isinstance(seed, (int, np.integer)) and seed >= 0):
        raise AHPError(Phrase("seed must be a whole number of 0 or more; got {seed}", {"seed": seed}))
    if noise not in NOISES:
        raise AHPError(Phrase("unknown noise {noise!r}; choose one of {choices}",
                              {"noise": noise, "choices": listed(NOISES)}))
    if not (np.isfinite(spread) and spread >= 0):
        raise AHPError(Phrase("spread must be a finite number of 0 or more; got {spread}", {"spread": spread}))
    if not (isinstance(chunk, (int, np.integer)) and chunk >= 1):
        raise AHPError(Phrase("chunk must be a whole number of at least 1; got {chunk}", {"chunk": chunk}))


def monte_carlo(
    root: Node,
    matrices: Mapping[str, np.ndarray],
    *,
    draws: int = 10_000,
    seed: int = 0,
    noise: str = "lognormal",
    spread: float = 0.2,
    method: str = "eigenvector",
    completion: str = "lambda-max",
    top: int = 3,
    chunk: int = 10_000,
    progress: Callable[[int, int], None] | None = None,
    respondents: Mapping[str, Respondents] | None = None,
) -> MonteCarlo:
    """Perturb every known judgment of every inner node and re-rank, ``draws`` times.

    Each node's judgments are its matrix in ``matrices``, or, for a node in ``respondents``
    (AIP), each respondent's matrix, perturbed on its own, their priorities combined in every
    draw as the panel combines them (see :func:`panel_respondents`); so the unperturbed ranking
    is the one shown. Every inner node must have judgments that connect its elements; missing
    ones are completed afresh in every draw. Draws are done in chunks of ``chunk`` (each chunk a
    stack per node); ``progress(done, draws)`` is called after each. Options out of range raise
    :class:`~ahp.errors.AHPError`.
    """
    _check_options(draws, seed, noise, spread, chunk)
    layout = root.layout
    judges = _judges(layout, matrices, respondents or {}, seed, completion)
    leaves = layout.leaves
    n_leaves = len(leaves)
    tops = range(1, min(top, n_leaves - 1) + 1)
    base_local = np.ones(len(layout.paths))
    for path, kids in layout.children.items():
        base_local[kids] = judges[path].local(method)
    base_order = np.argsort(-layout.global_weights(base_local)[leaves], kind="stable")
    weights = np.empty((n_leaves, draws))  # leaf-major: each leaf's draws lie together
    counts = np.zeros(n_leaves * n_leaves, dtype=np.int64)  # cell l * L + r: leaf l at rank r + 1
    same_top = dict.fromkeys(tops, 0)
    for start in range(0, draws, chunk):
        m = min(chunk, draws - start)
        local = np.empty((len(layout.paths), m))  # node-major: each node's draws lie together
        local[0] = 1.0  # the goal
        for path, kids in layout.children.items():
            local[kids] = judges[path].local(method, m, noise, spread, completion).T
        g = weights[:, start : start + m] = layout.global_weights(local.T).T[leaves]
        order = np.argsort(-g.T, axis=1, kind="stable")  # order[d, r]: the leaf at rank r + 1
        counts += np.bincount((order * n_leaves + np.arange(n_leaves)).ravel(), minlength=n_leaves * n_leaves)
        for k in tops:
            same_top[k] += int((np.sort(order[:, :k], axis=1) == np.sort(base_order[:k])).all(axis=1).sum())
        if progress is not None:
            progress(start + m, draws)
    counts = counts.reshape(n_leaves, n_leaves).astype(float)
    baseline = np.empty(n_leaves, dtype=int)
    baseline[base_order] = np.arange(1, n_leaves + 1)
    return MonteCarlo(
        draws=draws,
        seed=seed,
        noise=noise,
        spread=spread,
        leaves=tuple(layout.paths[k] for k in leaves),
        baseline_rank=baseline,
        rank_probabilities=counts / draws,
        # the smallest rank whose cumulative share reaches 5% (95%): the inverted-CDF percentile
        rank_interval=np.stack([(np.cumsum(counts, axis=1) < q * draws).sum(axis=1) for q in (0.05, 0.95)], axis=1) + 1,
        weight_percentiles=np.percentile(weights, [5, 50, 95], axis=1),
        top_stable={k: same_top[k] / draws for k in tops},
    )
