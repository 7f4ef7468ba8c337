"""W5 (issue 5): Monte Carlo rank stability, 10,000 draws on the retail-churn demo project.

    .venv/bin/python bench/w5_monte_carlo.py                      # 10,000 draws, 3 rounds
    .venv/bin/python bench/w5_monte_carlo.py --draws 1000 --rounds 1   # smoke run
    .venv/bin/python bench/w5_monte_carlo.py --breakdown          # also: where our time goes

Ours: ``project.monte_carlo(draws=10000, seed=0)`` on examples/retail-churn-demo.ahp.toml:
log-normal noise (spread 0.2) on every judgment of the combined matrices, the whole hierarchy
recomputed per draw on stacks, rank statistics. The timed call includes making the noise.

Peers, the same work looped: the same perturbed matrices, made once here with
``ahp.core.sensitivity.perturb`` as ``monte_carlo`` draws them (same seed, one stream per
node; checked: the rank probabilities they give equal ours exactly), saved as .npy and
handed to the peer scripts by path; per draw the peer computes every node's priorities (AHPy
``Compare`` with ``cr=False``, priorities only as ours; pyDecision ``ahp_method(x,
wd="max_eigen")``), multiplies out the global weights and ranks the leaves. The loop over the
draws is timed (not the loading, not the making of the noise). Every draw's global weights and
ranking are checked against ours (weights within 1e-3; a ranking may differ only where two
leaves' weights are within 1e-3 of each other, e.g. AHPy rounds weights to 4 decimals).

Targets: ours under 0.5 s and at least 50x faster than the fastest peer. Exit 1 when missed.
See bench/_large.py for the timing discipline (rounds, medians, subsets).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import _large
from _large import PEERS, Loop, fmt_ratio, fmt_time, median

TARGET_SECONDS = 0.5
TARGET_RATIO = 50.0
TOL = 1e-3


def perturbed_stacks(project, draws: int, seed: int, noise: str, spread: float) -> dict:
    """The matrices ``project.monte_carlo(draws=, seed=, noise=, spread=)`` draws, per node (draws, n, n).

    Mirrors ``ahp.core.sensitivity.monte_carlo``: one random stream per node, spawned from the
    seed in layout order (so the draws do not depend on how they are chunked).
    """
    import numpy as np

    from ahp.core.completion import complete_stack
    from ahp.core.sensitivity import perturb

    completion = project.settings.completion
    synthesis = project.synthesize(suggestions=0)
    base = {p: np.asarray(a.result.matrix, dtype=float) for p, a in synthesis.nodes.items()}
    layout = project.model.root.layout
    children = np.random.SeedSequence(seed).spawn(len(layout.children))
    parts: dict[str, list] = {p: [] for p in layout.children}
    for path, child in zip(layout.children, children, strict=True):
        a = base[path]
        known = ~np.isnan(a)
        full = complete_stack(a[None], completion)[0]
        stack = perturb(full, known, np.random.default_rng(child), draws, noise, spread)
        if not known.all():
            stack = complete_stack(np.where(known, stack, np.nan), completion)
        parts[path].append(stack)
    return {p: np.concatenate(v) for p, v in parts.items()}


def reference(layout, stacks: dict, method: str):
    """Our global leaf weights (draws, leaves) and rankings (leaf indices, best first) per draw."""
    import numpy as np

    from ahp.core.weights import weights as weights_by

    draws = next(iter(stacks.values())).shape[0]
    local = np.ones((draws, len(layout.paths)))
    for path, kids in layout.children.items():
        local[:, kids] = weights_by(stacks[path], method)
    g = layout.global_weights(local)[:, layout.leaves]
    return g, np.argsort(-g, axis=1, kind="stable")


def check(g, order, result: dict) -> dict:
    """The peer's draws against ours: weight differences, identical rankings, near ties."""
    import numpy as np

    pw, pr = np.array(result["weights"]), np.array(result["rankings"])
    n = len(pw)
    g, order = g[:n], order[:n]
    same = (pr == order).all(axis=1)
    near, unexplained = 0, []
    for d in np.flatnonzero(~same):
        pos = np.flatnonzero(pr[d] != order[d])
        if np.abs(g[d, order[d, pos]] - g[d, pr[d, pos]]).max() <= TOL:
            near += 1
        else:
            unexplained.append(int(d))
    return {"draws": n, "max_weight_diff": float(np.abs(pw - g).max()), "same_ranking": int(same.sum()),
            "near_ties": near, "unexplained": unexplained[:5], "unexplained_count": len(unexplained)}


def print_checks(loops: dict, g, order, same_draws: bool, leaves: list[str], draws: int, report: dict) -> bool:
    """The peers' results against ours, and whether the saved draws are ours; True if any check fails."""
    print()
    print("checks:")
    warn = False
    if same_draws:
        print("  the peers' matrices are our draws: the rank probabilities they give equal monte_carlo()'s exactly")
    else:
        warn = True
        print(
            "  WARNING the saved matrices do not reproduce monte_carlo()'s rank probabilities (its draw order changed?)"
        )
    for name, loop in loops.items():
        if not loop.answers:
            print(f"  {PEERS[name][1]}: no result ({loop.error})")
            continue
        c = check(g, order, loop.answers[0]["result"])
        report.setdefault("checks", {})[name] = c
        bad = c["max_weight_diff"] > TOL or c["unexplained_count"]
        warn |= bool(bad)
        print(
            f"  {'WARNING ' if bad else ''}{PEERS[name][1]}: {c['draws']:,} draws, global weights within "
            f"{c['max_weight_diff']:.1e} of ours; same ranking in {c['same_ranking']:,}, "
            f"{c['near_ties']:,} differ only by near ties (<= {TOL:g})"
            + (
                f", {c['unexplained_count']} differ otherwise (draws {c['unexplained']})"
                if c["unexplained_count"]
                else ""
            )
        )
    for d in range(min(3, draws)):
        line = f"  draw {d}: ours top 3: {', '.join(leaves[k] for k in order[d, :3])}"
        for name, loop in loops.items():
            if loop.answers:
                same = list(loop.answers[0]["result"]["rankings"][d]) == list(order[d])
                line += f"; {PEERS[name][1]}: {'the same full ranking' if same else 'a DIFFERENT ranking'}"
        print(line)

    return warn


def print_breakdown(project, args: argparse.Namespace, stacks: dict, layout, method: str) -> None:
    """The time of each step of our Monte Carlo, each timed on its own."""
    from _timing import NORMAL, measure

    def ours():
        return project.monte_carlo(draws=args.draws, seed=args.seed, spread=args.spread)

    steps = [
        ("project.monte_carlo() (whole)", ours),
        ("  project.synthesize() (the baseline)", lambda: project.synthesize(suggestions=0)),
        (
            "  making the draws (perturb, all nodes)",
            lambda: perturbed_stacks(project, args.draws, args.seed, "lognormal", args.spread),
        ),
        ("  weights + global + ranking of all draws", lambda: reference(layout, stacks, method)),
    ]
    print("\nwhere our time goes (each step timed on its own; fastest repeat):")
    whole = None
    for name, fn in steps:
        t = measure(fn, **NORMAL)["min"]
        whole = whole or t
        print(f"  {name:44s} {fmt_time(t):>10s}  {100 * t / whole:5.1f}%")
    print("  (making the draws includes one synthesize(), as monte_carlo() does)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--draws", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--spread", type=float, default=0.2)
    ap.add_argument("--project", default=str(_large.REPO / "examples" / "retail-churn-demo.ahp.toml"))
    ap.add_argument("--breakdown", action="store_true", help="also time the steps of our Monte Carlo")
    _large.add_arguments(ap)
    ap.set_defaults(probe=500)
    args = ap.parse_args(argv)
    env = _large.setup(args)

    import numpy as np
    from _timing import NORMAL, measure

    from ahp.io.project import load_project

    project = load_project(args.project)
    layout = project.model.root.layout
    leaves = [layout.paths[k] for k in layout.leaves]
    method = project.settings.method
    kwargs = {"draws": args.draws, "seed": args.seed, "spread": args.spread}

    def ours():
        return project.monte_carlo(**kwargs)

    # The peers' input, and the proof that it is the draws our monte_carlo makes.
    stacks = perturbed_stacks(project, args.draws, args.seed, "lognormal", args.spread)
    g, order = reference(layout, stacks, method)
    mc = ours()
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(len(leaves)), axis=1)
    probabilities = np.stack([(ranks == r).mean(axis=0) for r in range(len(leaves))], axis=1)
    same_draws = tuple(mc.leaves) == tuple(leaves) and np.array_equal(probabilities, mc.rank_probabilities)

    peers, notes = _large.start_peers(args, env, list(PEERS))
    _large.banner("W5 Monte Carlo benchmark", args, peers, notes)
    tmp = tempfile.TemporaryDirectory(prefix="ahp-bench-w5-")
    spec_nodes = []
    for path, kids in layout.children.items():
        f = Path(tmp.name) / f"{path.replace('/', '__')}.npy"
        np.save(f, stacks[path])
        spec_nodes.append({"path": path, "children": [layout.paths[k] for k in kids], "file": str(f)})
    spec = {"nodes": spec_nodes, "leaves": leaves}
    options = {"ahpy": {"precision": 4, "cr": False}, "pydecision": {"wd": "max_eigen"}}
    loops = {name: Loop(p, "monte_carlo", spec, options[name], args.draws, "draws") for name, p in peers.items()}

    ours_times: list[float] = []
    report: dict = {"workload": "W5", "draws": args.draws, "seed": args.seed, "spread": args.spread,
                    "project": args.project, "same_draws_as_ours": bool(same_draws)}
    try:
        for loop in loops.values():
            loop.probe(args.probe, args)
        for k in range(args.rounds):
            ours_times.append(measure(ours, **NORMAL)["median"])
            for loop in loops.values():
                loop.round()
            print(f"  round {k + 1}/{args.rounds} done", file=sys.stderr, flush=True)
    finally:
        for p in peers.values():
            p.close()
        tmp.cleanup()

    t_ours = median(ours_times)
    print()
    print(f"W5: {args.draws:,} Monte Carlo draws (log-normal, spread {args.spread:g}, seed {args.seed}) on "
          f"{Path(args.project).name}: {len(layout.children)} matrices per draw, {len(leaves)} leaves ranked")
    header = ["", "time", "ratio (peer/ours)", "per draw"]
    rows = [["ours: project.monte_carlo()", fmt_time(t_ours), "", fmt_time(t_ours / args.draws)]]
    ratios = {}
    for name, loop in loops.items():
        t = loop.seconds()
        if t is None:
            rows.append([f"{PEERS[name][1]} (looped)", "n/a", "", ""])
            continue
        ratios[name] = t / t_ours
        mark = " (extrapolated)" if loop.count < loop.total else ""
        label = f"{PEERS[name][1]} (looped){mark}"
        rows.append([label, fmt_time(t), fmt_ratio(ratios[name]), fmt_time(t / args.draws)])
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(x.ljust(widths[c]) if c == 0 else x.rjust(widths[c]) for c, x in enumerate(r)))
    print(
        f"rounds: ours {', '.join(fmt_time(t) for t in ours_times)} (each the median of _timing.measure); "
        + "; ".join(f"{PEERS[n][1]} {', '.join(fmt_time(t * lp.scale) for t in lp.times)}" for n, lp in loops.items())
    )
    for loop in loops.values():
        print(loop.how())

    ok_time = t_ours < TARGET_SECONDS
    fastest = min(ratios, key=ratios.get) if ratios else None
    ok_ratio = None if fastest is None else ratios[fastest] >= TARGET_RATIO
    print(f"target: ours < {TARGET_SECONDS:g} s: {'pass' if ok_time else 'FAIL'} ({fmt_time(t_ours)})")
    if fastest is None:
        print(f"target: >= {TARGET_RATIO:g}x the fastest peer: not checked (no peer)")
    else:
        print(
            f"target: >= {TARGET_RATIO:g}x the fastest peer ({PEERS[fastest][1]}): "
            f"{'pass' if ok_ratio else 'FAIL'} ({fmt_ratio(ratios[fastest])})"
        )

    warn = print_checks(loops, g, order, same_draws, leaves, args.draws, report)
    if args.breakdown:
        print_breakdown(project, args, stacks, layout, method)

    report.update(
        {
            "ours": {"median": t_ours, "rounds": ours_times},
            "peers": {
                n: {
                    "median": lp.seconds(),
                    "rounds": lp.times,
                    "count": lp.count,
                    "total": lp.total,
                    "extrapolated": lp.count < lp.total,
                    "error": lp.error,
                }
                for n, lp in loops.items()
            },
            "ratios": ratios,
            "targets": {"ours_seconds": ok_time, "fastest_peer_ratio": ok_ratio},
        }
    )
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
    return 1 if (not ok_time or ok_ratio is False or warn) else 0


if __name__ == "__main__":
    sys.exit(main())
