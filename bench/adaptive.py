"""The adaptive interview (ahp.core.planner) against the full one, on simulated respondents.

Run by hand (it prints a table; it is not a timed test)::

    .venv/bin/python bench/adaptive.py                       # 200 respondents per noise level
    .venv/bin/python bench/adaptive.py --respondents 50 --sigmas 0.4 --tops 5
    .venv/bin/python bench/adaptive.py --oracle --respondents 80   # the least any stop rule could ask

Each simulated respondent has true weights per node drawn from a flat Dirichlet, and answers
each pair with the true ratio times log-normal noise (sigma), rounded to the Saaty scale. The
full interview asks every pair. Three shortened ones stop as soon as the planner says the top-k
is settled: the planner's own order, a random order, and today's fixed order (each node's
neighbour pairs first, node by node, then the other pairs, as ``ahp.tui.session.interview``
builds it). Each is compared with the full interview's top-k (set and order) and top-1.

``--oracle`` asks instead, for the planner's order, how few questions any stop rule could ask:
for each respondent the first n after which the top-k is the full interview's, and the first n
after which it stays so; their means, and the means when a rule may be wrong for 5% of the
respondents (who then stop at the floor), bound what a stop rule can do at 100% and at 95%
agreement.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from ahp.core.hierarchy import Node, synthesize, unjudged
from ahp.core.matrix import upper_pairs
from ahp.core.planner import WIDTH, plan
from ahp.core.scale import SCALE_ARRAY
from ahp.io.model import load_model

Pair = tuple[str, int, int]


def respondent(root: Node, sigma: float, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """One simulated respondent's complete answers: true Dirichlet weights, log-normal noise, the scale."""
    answers = {}
    for path, kids in root.layout.children.items():
        n = len(kids)
        w = rng.dirichlet(np.ones(n))
        i, j = upper_pairs(n)
        noisy = np.log(w[i] / w[j]) + sigma * rng.standard_normal(len(i))
        snapped = SCALE_ARRAY[np.abs(np.log(SCALE_ARRAY)[None, :] - noisy[:, None]).argmin(axis=1)]
        a = np.ones((n, n))
        a[i, j], a[j, i] = snapped, 1 / snapped
        answers[path] = a
    return answers


def fixed_order(root: Node) -> list[Pair]:
    """Today's interview: each node's neighbour pairs, node by node, then every other pair."""
    first, rest = [], []
    for path, kids in root.layout.children.items():
        for i, j in zip(*upper_pairs(len(kids)), strict=True):
            (first if j == i + 1 else rest).append((path, int(i), int(j)))
    return first + rest


def top_k(root: Node, matrices: dict[str, np.ndarray], k: int) -> tuple[str, ...]:
    return tuple(leaf.path for leaf in synthesize(root, matrices).ranking[:k])


@dataclass
class Tally:
    """What one strategy did, over respondents."""

    asked: list[int] = field(default_factory=list)
    same_top: list[bool] = field(default_factory=list)
    same_first: list[bool] = field(default_factory=list)
    calls: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def interview(root: Node, answers: dict[str, np.ndarray], top: int, order: Iterator[Pair] | None,
              tally: Tally, **options: float) -> dict[str, np.ndarray]:
    """Ask until the planner says settled: the planner's question (``order`` None) or the next of ``order``."""
    asked = {path: unjudged(len(kids)) for path, kids in root.layout.children.items()}
    index = {path: {c.id: k for k, c in enumerate(root.layout.nodes[root.layout.index[path]].children)}
             for path in asked}
    while True:
        start, cpu = time.perf_counter(), time.process_time()
        p = plan(root, asked, top=top, **options)
        tally.calls.append(time.perf_counter() - start)
        tally.cpu.append(time.process_time() - cpu)
        if p.settled:
            return asked
        if order is None:
            path, i, j = p.next.path, index[p.next.path][p.next.a], index[p.next.path][p.next.b]
        else:
            path, i, j = next(order)
            while not np.isnan(asked[path][i, j]):
                path, i, j = next(order)
        asked[path][i, j], asked[path][j, i] = answers[path][i, j], answers[path][j, i]


def run(root: Node, sigma: float, top: int, respondents: int, seed: int, strategies_named: list[str],
        **options: float) -> dict[str, Tally]:
    rng = np.random.default_rng(seed)
    fixed = fixed_order(root)
    strategies: dict[str, Callable[[], Iterator[Pair] | None]] = {
        "adaptive": lambda: None,
        "random": lambda: iter([fixed[k] for k in rng.permutation(len(fixed))]),
        "fixed": lambda: iter(fixed),
    }
    strategies = {name: strategies[name] for name in strategies_named}
    tallies = {name: Tally() for name in strategies}
    for _ in range(respondents):
        answers = respondent(root, sigma, rng)
        full = top_k(root, answers, top)
        for name, order in strategies.items():
            t = tallies[name]
            asked = interview(root, answers, top, order(), t, **options)
            got = top_k(root, asked, top)
            t.asked.append(sum(int(np.isnan(a).sum()) for a in asked.values()))
            t.same_top.append(got == full)
            t.same_first.append(got[0] == full[0])
    total = len(fixed)
    for t in tallies.values():
        t.asked = [total - gaps // 2 for gaps in t.asked]
    return tallies


def curve(root: Node, sigma: float, top: int, respondents: int, seed: int) -> np.ndarray:
    """Share of respondents whose top-k after n questions is the full interview's (n = 0..all):
    asked in the planner's order (after it says settled, the rest in today's order), and in
    today's order; shape (2, all + 1). No stop rule: what each order gives when cut at n."""
    rng = np.random.default_rng(seed)
    fixed = fixed_order(root)
    same = np.zeros((2, len(fixed) + 1))
    for _ in range(respondents):
        answers = respondent(root, sigma, rng)
        full = top_k(root, answers, top)
        for row, adaptive in enumerate((True, False)):
            asked = {path: unjudged(len(kids)) for path, kids in root.layout.children.items()}
            rest = iter(fixed)
            for n in range(1, len(fixed) + 1):
                q = plan(root, asked, top=top).next if adaptive else None
                if q is not None:
                    ids = [c.id for c in root.layout.nodes[root.layout.index[q.path]].children]
                    path, i, j = q.path, ids.index(q.a), ids.index(q.b)
                else:
                    path, i, j = next(rest)
                    while not np.isnan(asked[path][i, j]):
                        path, i, j = next(rest)
                asked[path][i, j], asked[path][j, i] = answers[path][i, j], answers[path][j, i]
                same[row, n] += top_k(root, asked, top) == full
    return same / respondents


def floor_questions(root: Node) -> int:
    """The fewest questions any interview the planner runs can stop at: a spanning set of every
    node, and one check per node of three or more elements."""
    return sum(len(kids) - 1 + (len(kids) >= 3) for kids in root.layout.children.values())


def oracle(root: Node, sigma: float, top: int, respondents: int, seed: int, **options: float) -> dict[str, np.ndarray]:
    """For each respondent, asked in the planner's order (after it says settled, the rest in
    today's order), the fewest questions any stop rule using that order could stop at and be
    right: ``first``, the first n (not below the floor) after which the top-k is the full
    interview's; ``stays``, the first n after which it stays the full interview's for every
    n' >= n (a rule that cannot foresee the answers it has not asked, and that stops at n, is
    right whatever they are only if so). Also ``stopped``, where the planner stopped, and
    ``right``, whether its top-k was then the full interview's."""
    rng = np.random.default_rng(seed)
    fixed, floor = fixed_order(root), floor_questions(root)
    names = ("first", "stays", "stopped", "right")
    out = {name: np.zeros(respondents, dtype=int) for name in names}
    ids = {path: [c.id for c in root.layout.nodes[root.layout.index[path]].children] for path in root.layout.children}
    for r in range(respondents):
        answers = respondent(root, sigma, rng)
        full = top_k(root, answers, top)
        asked = {path: unjudged(len(kids)) for path, kids in root.layout.children.items()}
        rest, same, stopped = iter(fixed), np.zeros(len(fixed) + 1, dtype=bool), None
        for n in range(1, len(fixed) + 1):
            q = plan(root, asked, top=top, **options).next if stopped is None else None
            if q is not None:
                path, i, j = q.path, ids[q.path].index(q.a), ids[q.path].index(q.b)
            else:
                if stopped is None:
                    stopped = n - 1
                path, i, j = next(rest)
                while not np.isnan(asked[path][i, j]):
                    path, i, j = next(rest)
            asked[path][i, j], asked[path][j, i] = answers[path][i, j], answers[path][j, i]
            same[n] = n >= floor and top_k(root, asked, top) == full
        stopped = len(fixed) if stopped is None else stopped
        out["first"][r] = int(np.argmax(same))
        out["stays"][r] = len(fixed) - int(np.argmin(same[::-1])) + 1 if not same.all() else 0
        out["stopped"][r] = stopped
        out["right"][r] = same[stopped] or stopped == len(fixed)
    return out


def least_mean(needed: np.ndarray, floor: int, wrong: float) -> float:
    """The least mean number of questions a stop rule needs when it is allowed to be wrong for
    the share ``wrong`` of respondents: those who need most stop at the floor instead.

    >>> least_mean(np.array([30, 25, 40, 23]), 23, 0.25)
    25.25
    """
    cut = int(np.floor(wrong * len(needed) + 1e-9))
    kept = np.sort(needed)[: len(needed) - cut]
    return float((kept.sum() + cut * floor) / len(needed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--sigmas", default="0.2,0.4,0.6")
    parser.add_argument("--tops", default="1,3,5")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--orders", default="adaptive,random,fixed", help="which interviews to run")
    parser.add_argument("--width", type=float, default=WIDTH, help="the planner's WIDTH")
    parser.add_argument("--curve", action="store_true",
                        help="instead: top-k identical after n questions, the planner's order against today's")
    parser.add_argument("--oracle", action="store_true",
                        help="instead: the fewest questions any stop rule on the planner's order could average")
    args = parser.parse_args()
    root = load_model("retail-churn").root
    total, floor = len(fixed_order(root)), floor_questions(root)
    if args.oracle:
        print(f"retail-churn: {total} questions, floor {floor} ({floor / total:.0%}); "
              f"{args.respondents} respondents per row\n")
        print("| sigma | k | planner stops at | planner right | oracle, first right: 100% / 95% | "
              "oracle, right from then on: 100% / 95% |")
        print("|---|---|---|---|---|---|")
        for sigma in map(float, args.sigmas.split(",")):
            for top in map(int, args.tops.split(",")):
                o = oracle(root, sigma, top, args.respondents, args.seed, width=args.width)
                cells = [f"{m:.1f} ({m / total:.0%})" for m in (
                    float(np.mean(o["stopped"])), least_mean(o["first"], floor, 0), least_mean(o["first"], floor, 0.05),
                    least_mean(o["stays"], floor, 0), least_mean(o["stays"], floor, 0.05))]
                print(f"| {sigma} | {top} | {cells[0]} | {np.mean(o['right']):.1%} | {cells[1]} / {cells[2]} | "
                      f"{cells[3]} / {cells[4]} |", flush=True)
        return
    if args.curve:
        for sigma in map(float, args.sigmas.split(",")):
            for top in map(int, args.tops.split(",")):
                same = curve(root, sigma, top, args.respondents, args.seed)
                print(f"sigma {sigma}, k {top}: top-k identical to the full interview's after n questions\n")
                print("| n | planner's order | today's order |\n|---|---|---|")
                for n in range(16, total + 1):
                    print(f"| {n} | {same[0, n]:.0%} | {same[1, n]:.0%} |")
                print()
        return
    print(f"retail-churn: {total} questions in the full interview; {args.respondents} respondents per row\n")
    print("| sigma | k | order | questions (share) | top-k same | top-1 same | "
          "planner call ms, wall (mean / max) | CPU (mean / max) |")
    print("|---|---|---|---|---|---|---|---|")
    for sigma in map(float, args.sigmas.split(",")):
        for top in map(int, args.tops.split(",")):
            tallies = run(root, sigma, top, args.respondents, args.seed, args.orders.split(","), width=args.width)
            for name, t in tallies.items():
                asked = float(np.mean(t.asked))
                print(f"| {sigma} | {top} | {name} | {asked:.1f} ({asked / total:.0%}) | {np.mean(t.same_top):.1%} | "
                      f"{np.mean(t.same_first):.1%} | {1e3 * np.mean(t.calls):.1f} / {1e3 * np.max(t.calls):.1f} | "
                      f"{1e3 * np.mean(t.cpu):.1f} / {1e3 * np.max(t.cpu):.1f} |",
                      flush=True)


if __name__ == "__main__":
    main()
