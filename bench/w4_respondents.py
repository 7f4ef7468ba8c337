"""W4 (issue 4): 10,000 respondents on the retail-churn model, imported and aggregated both ways.

    .venv/bin/python bench/w4_respondents.py                              # 10,000 respondents, 3 rounds
    .venv/bin/python bench/w4_respondents.py --respondents 1000 --rounds 1   # smoke run

The survey: a CSV with the columns of ``ahp.io.survey.template(root)`` for the built-in model
(``ahp.io.model.load_model()``: goal 4x4, service 5x5, quality/price/competition 4x4; 34
pairs), made by ``workloads.survey``: per respondent each judgment is the demo project's
combined judgment times log-normal noise, snapped to Saaty's scale (``ratio`` coding); about 5%
of cells empty (missing; at most 2 per node and respondent, so every node stays connected);
seeded, so every run has the same file.

Ours, each part timed on its own:
- import: ``read_survey(text, root, "ratio", existing_names)`` + ``project.import_respondents(rows)``
  into a fresh project (``new_project``, made before timing; it holds the empty "Respondent 1"
  that ``ahp new`` creates, as ``ahp import`` would leave it);
- aggregation AIJ and AIP: ``project.panel()`` with ``settings.aggregation`` "aij", then "aip"
  (combined synthesis + each respondent's priorities, CRs, consensus, distances);
- reload: ``load_project`` of the imported file (a known limitation, reported, no target).

The peer, AHPy, does the same aggregation work looped (bench/peer_ahpy.py, kind ``panel``): per
respondent and node an ``ahpy.Compare`` on the pairs given (AHPy completes missing ones itself;
``random_index='saaty'``, precision 4), then in numpy AIP (geometric mean of the priorities)
and AIJ (element-wise geometric mean of the judgments, one Compare per node), global weights
multiplied out. Its AIJ figure is that loop plus the AIJ step, its AIP figure the loop plus the
AIP step. pyDecision has no missing judgments and is not run. The peer's numbers are checked
against ours: each respondent's weights within 1e-3 and CR within 1e-3 (on AHPy's RI table,
Saaty 2005), the combined global weights within 1e-3.

Target: our aggregation under 1 s (each way). Exit 1 when missed or our engine fails.
See bench/_large.py for the timing discipline (rounds, medians, subsets).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import sys
import tempfile
from pathlib import Path

import _large
from _large import Loop, fmt_ratio, fmt_time, median

TARGET_SECONDS = 1.0
TOL = 1e-3
IMPORT_REPEATS = 3  # imports per round (each into a fresh project)


def matched(demo_root, demo_matrices: dict, root) -> dict:
    """The demo project's combined judgments laid on the built-in model ``root``, element by
    element (the demo file keeps the model it was made with): a pair the demo has no judgment
    for is 1, equal."""
    import numpy as np

    def ids(layout, path: str) -> list[str]:
        return [layout.paths[k].rsplit("/", 1)[-1] for k in layout.children.get(path, ())]

    out = {}
    for path in root.layout.children:
        mine, theirs = ids(root.layout, path), ids(demo_root.layout, path)
        at = {e: k for k, e in enumerate(theirs)}
        m = np.ones((len(mine), len(mine)))
        for i, a in enumerate(mine):
            for j, b in enumerate(mine):
                if a in at and b in at:
                    m[i, j] = demo_matrices[path][at[a], at[b]]
        out[path] = m
    return out


class Survey:
    """The generated survey, the built-in model it answers and the working folder."""

    def __init__(self, args: argparse.Namespace) -> None:
        import numpy as np
        from workloads import DEMO, SEED, hierarchy_from_project, survey

        from ahp.io.model import load_model

        self.seed = SEED if args.seed is None else args.seed
        self.total = args.respondents
        self.root = load_model().root
        self.layout = self.root.layout
        self.leaves = [self.layout.paths[k] for k in self.layout.leaves]
        self.text, self.stacks = survey(self.root, matched(*hierarchy_from_project(DEMO), self.root), self.total,
                                        seed=self.seed)
        pairs = sum(s.shape[1] * (s.shape[1] - 1) // 2 for s in self.stacks.values())
        self.cells = pairs * self.total
        self.empty = sum(int(np.isnan(s).sum()) // 2 for s in self.stacks.values())
        self.workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ahp-bench-w4-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "survey.csv").write_text(self.text, encoding="utf-8")

    def peer_nodes(self) -> list[dict]:
        """Each node's stack saved for the peer: its path, children and file."""
        import numpy as np

        out = []
        for path, kids in self.layout.children.items():
            f = self.workdir / f"{path.replace('/', '__')}.npy"
            np.save(f, self.stacks[path])
            out.append({"path": path, "children": [self.layout.paths[k] for k in kids], "file": str(f)})
        return out

    def fresh(self, tag: str):
        """A new project in the working folder, any earlier one of that name removed."""
        from ahp.io.project import new_project

        target = self.workdir / f"{tag}.ahp.toml"
        for p in (target, Path(f"{target}.bak")):
            p.unlink(missing_ok=True)
        return new_project(target)


def time_rounds(s: Survey, rounds: int, loop: Loop | None) -> tuple[dict[str, list[float]], dict, object]:
    """Our rounds, each followed by the peer's: the times of each part, the first panel of each
    aggregation and the last imported project."""
    from _timing import NORMAL, measure, once

    from ahp.io.project import load_project
    from ahp.io.survey import read_survey

    times: dict[str, list[float]] = {"import": [], "aij": [], "aip": [], "reload": []}
    panels: dict = {}
    project = None
    for k in range(rounds):
        for rep in range(IMPORT_REPEATS):
            project = s.fresh("import" if rep < IMPORT_REPEATS - 1 else f"round{k + 1}")
            existing = {r.name for r in project.respondents}

            def do_import(project=project, existing=existing):
                project.import_respondents(read_survey(s.text, project.model.root, "ratio", existing))

            times["import"].append(once(do_import)[0])
        for agg in ("aij", "aip"):
            project.settings = dataclasses.replace(project.settings, aggregation=agg)
            times[agg].append(measure(project.panel, **NORMAL)["median"])
            if agg not in panels:
                panels[agg] = project.panel()
        times["reload"].append(once(functools.partial(load_project, project.path))[0])
        if loop is not None:
            loop.round()
        print(f"  round {k + 1}/{rounds} done", file=sys.stderr, flush=True)
    return times, panels, project


def peer_times(loop: Loop | None) -> dict[str, float | None]:
    """The peer's figures: its loop (extrapolated), and that loop plus each aggregation step."""
    peer_t: dict[str, float | None] = {"aij": None, "aip": None, "loop": None}
    if loop is not None and loop.answers:
        peer_t["loop"] = loop.seconds("loop")
        for agg in ("aij", "aip"):  # the loop extrapolated; the aggregation step as measured
            peer_t[agg] = peer_t["loop"] + median([a["result"]["phases"][agg] for a in loop.answers])
    return peer_t


def print_table(s: Survey, t: dict[str, float], peer_t: dict[str, float | None]) -> dict[str, bool]:
    """The table of our times against the peer's; whether each aggregation meets the target."""
    print()
    print(f"W4: {s.total:,} respondents on the retail-churn model ({len(s.layout.children)} nodes, "
          f"{s.cells // s.total} pairs each; {s.empty:,} of {s.cells:,} cells empty = "
          f"{100 * s.empty / s.cells:.1f}% missing; survey seed {s.seed}, {len(s.text) / 1e6:.1f} MB CSV)")
    header = ["", "ours", "AHPy (looped)", "AHPy/ours", "target"]
    rows = []
    ok = {}
    for part, label in (("import", "import: read_survey + import_respondents"),
                        ("aij", "aggregation AIJ: project.panel()"),
                        ("aip", "aggregation AIP: project.panel()"),
                        ("reload", "reload: load_project (known limitation)")):
        pt = peer_t.get(part)
        row = [label, fmt_time(t[part]), fmt_time(pt) if pt else "-", fmt_ratio(pt / t[part]) if pt else "-"]
        if part in ("aij", "aip"):
            ok[part] = t[part] < TARGET_SECONDS
            row.append(f"ours < {TARGET_SECONDS:g} s: {'pass' if ok[part] else 'FAIL'}")
        else:
            row.append("-")
        rows.append(row)
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(x.ljust(widths[c]) if c in (0, 4) else x.rjust(widths[c]) for c, x in enumerate(r)))
    return ok


def print_peer_parts(s: Survey, loop: Loop) -> None:
    print(loop.how())
    if loop.answers:
        phases = {p: median([a["result"]["phases"][p] for a in loop.answers]) for p in ("loop", "aij", "aip")}
        print(f"AHPy parts (median over rounds, as timed on {loop.count:,} respondents): loop of "
              f"{loop.count * len(s.layout.children):,} Compare {fmt_time(phases['loop'])}, AIJ step "
              f"{fmt_time(phases['aij'])}, AIP step {fmt_time(phases['aip'])}; figures above: the loop "
              f"x {loop.scale:g} plus the step")
        print("AHPy rounds (whole call, x scale): " + ", ".join(fmt_time(x * loop.scale) for x in loop.times))


def check_ours(s: Survey, project, panels: dict, first: int) -> list[str]:
    """The imported judgments equal the survey's, and project.panel() equals analyse_panel on the
    generated stacks; the names of the checks that failed."""
    import numpy as np

    from ahp.core.panel import analyse_panel

    warn = []
    same = all(np.allclose(project.stack(p)[first:], s.stacks[p], rtol=1e-12, equal_nan=True) for p in s.stacks)
    print(f"  import: the project's judgments {'equal' if same else 'DIFFER FROM'} the generated survey's")
    if not same:
        warn.append("import")
    for agg in ("aij", "aip"):
        direct = analyse_panel(s.root, s.stacks, np.ones(s.total), aggregation=agg)
        a = {leaf.path: leaf.global_weight for leaf in panels[agg].synthesis.ranking}
        b = {leaf.path: leaf.global_weight for leaf in direct.synthesis.ranking}
        d = max(abs(a[x] - b[x]) for x in a)
        consensus = panels[agg].consensus
        shown = "none" if consensus is None else f"{consensus:.3f} ({panels[agg].band})"
        print(f"  {agg}: project.panel() = analyse_panel on the generated stacks (max difference {d:.1e}); "
              f"top 3: {', '.join(leaf.path for leaf in panels[agg].synthesis.ranking[:3])}; consensus {shown}")
        if d > 1e-12:
            warn.append(agg)
    return warn


def check_peer_individuals(s: Survey, res: dict, panels: dict, first: int) -> list[str]:
    """The peer's weights and CR of each respondent against ours."""
    import numpy as np

    from ahp.core.group import individual_priorities

    n = res["count"]
    wdiff, crdiff, bad_w, bad_cr = 0.0, 0.0, 0, 0
    for path, kids in s.layout.children.items():
        ours_w = panels["aij"].nodes[path].individuals.weights[first:first + n]
        ours_cr = individual_priorities(s.stacks[path][:n], random_index="saaty2005").cr
        pw, pcr = np.array(res["weights"][path]), np.array(res["cr"][path])
        dw = np.abs(pw - ours_w).max(axis=1)
        dcr = np.abs(pcr - ours_cr) if len(kids) > 2 else np.zeros(n)
        wdiff, crdiff = max(wdiff, float(dw.max())), max(crdiff, float(dcr.max()))
        bad_w += int((dw > TOL).sum())
        bad_cr += int((dcr > TOL).sum())
    print(f"  {'WARNING ' if bad_w or bad_cr else ''}AHPy, each of {n:,} respondents x "
          f"{len(s.layout.children)} nodes: weights within {wdiff:.1e} of ours ({bad_w} beyond {TOL:g}), CR "
          f"within {crdiff:.1e} on Saaty 2005's table ({bad_cr} beyond {TOL:g})")
    return ["ahpy individual"] if bad_w or bad_cr else []


def check_peer_aggregates(s: Survey, res: dict, panels: dict) -> list[str]:
    """The peer's combined global weights, each way, against ours on the same respondents."""
    import numpy as np

    from ahp.core.panel import analyse_panel

    n = res["count"]
    warn = []
    for agg in ("aij", "aip"):
        if n == s.total:
            ref = {leaf.path: leaf.global_weight for leaf in panels[agg].synthesis.ranking}
            against = "project.panel()"
        else:
            sub = analyse_panel(s.root, {p: st[:n] for p, st in s.stacks.items()}, np.ones(n), aggregation=agg)
            ref = {leaf.path: leaf.global_weight for leaf in sub.synthesis.ranking}
            against = f"ours on the same {n:,} respondents"
        d = max(abs(ref[x] - v) for x, v in zip(s.leaves, res[agg], strict=True))
        print(f"  {'WARNING ' if d > TOL else ''}AHPy {agg.upper()} global weights within {d:.1e} of {against}")
        if d > TOL:
            warn.append(f"ahpy {agg}")
    return warn


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--respondents", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=None, help="survey seed (default workloads.SEED)")
    ap.add_argument("--keep", metavar="DIR", help="keep the survey CSV and the imported project in DIR")
    _large.add_arguments(ap)
    args = ap.parse_args(argv)
    env = _large.setup(args)

    s = Survey(args)
    spec_nodes = s.peer_nodes()
    peers, notes = _large.start_peers(args, env, ["ahpy"])
    _large.banner("W4 respondents benchmark", args, peers, notes)
    loop = None
    if "ahpy" in peers:
        loop = Loop(peers["ahpy"], "panel", {"nodes": spec_nodes, "leaves": s.leaves},
                    {"random_index": "saaty", "precision": 4}, s.total, "respondents")
    try:
        if loop is not None:
            loop.probe(args.probe, args)
        times, panels, project = time_rounds(s, args.rounds, loop)
    finally:
        for p in peers.values():
            p.close()

    t = {part: median(v) for part, v in times.items()}
    peer_t = peer_times(loop)
    ok = print_table(s, t, peer_t)
    print("rounds: " + "; ".join(f"{part} {', '.join(fmt_time(x) for x in v)}" for part, v in times.items())
          + f" (import: {IMPORT_REPEATS} per round, each into a fresh project; aij/aip: each the median of "
          "_timing.measure; reload: one per round)")
    file_size = Path(project.path).stat().st_size
    print(f"the imported project file: {file_size / 1e6:.1f} MB, {len(project.respondents):,} respondents "
          "(the survey's and the empty 'Respondent 1' of a new project)")
    if loop is not None:
        print_peer_parts(s, loop)

    print()
    print("checks:")
    first = 1 if project.respondents and not any(project.respondents[0].judgments.values()) else 0
    warn = check_ours(s, project, panels, first)
    if loop is not None and loop.answers:
        res = loop.answers[0]["result"]
        warn += check_peer_individuals(s, res, panels, first) + check_peer_aggregates(s, res, panels)
    report = {"workload": "W4", "respondents": s.total, "seed": s.seed, "missing_share": s.empty / s.cells,
              "ours": {part: {"median": t[part], "rounds": v} for part, v in times.items()},
              "ahpy": None if loop is None else {
                  "aij": peer_t["aij"], "aip": peer_t["aip"], "loop": peer_t["loop"], "count": loop.count,
                  "extrapolated": loop.count < loop.total, "rounds": loop.times, "error": loop.error},
              "targets": ok, "warnings": warn}
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
    if not args.keep:
        import shutil

        shutil.rmtree(s.workdir, ignore_errors=True)
    return 1 if (not all(ok.values()) or warn) else 0


if __name__ == "__main__":
    sys.exit(main())
