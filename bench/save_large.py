"""Saving a project after one judgment changed, at 10, 100 and 1,000 respondents.

Every save brings the kept TOML document up to date, writes it out and reads the text back to
check it loads as the same project (that guarantee stays), so its cost grows with the file. In
the TUI each answer saves: this is the time one answer costs on disk. The project is the demo
(every respondent a copy of the store manager's judgments), saved once in full, loaded, then
saved ``--repeat`` times, each after changing one judgment of the last respondent (a fresh
load each time gives the first save after opening, which parses the document too).

    .venv/bin/python bench/save_large.py [--sizes 10,100,1000] [--repeat 5] [--profile 1000]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ahp import load_project  # noqa: E402

DEMO = REPO / "examples" / "retail-churn-demo.ahp.toml"


def project_with(respondents: int, folder: Path) -> Path:
    """The demo with ``respondents`` respondents, each with the store manager's judgments."""
    path = folder / f"large-{respondents}.ahp.toml"
    shutil.copy(DEMO, path)
    project = load_project(path)
    model = project.respondents[0].judgments
    for k in range(len(project.respondents), respondents):
        r = project.add_respondent(f"Manager {k + 1}")
        for node, pairs in model.items():
            for (a, b), value in pairs.items():
                project.set_judgment(r, node, a, b, value)
    project.save()
    return path


def one_change(project, step: int) -> None:
    """Move one judgment of the last respondent (service vs price in the goal)."""
    project.set_judgment(len(project.respondents) - 1, "goal", "service", "price", (2, 3)[step % 2])


def time_saves(path: Path, repeat: int) -> tuple[float, float]:
    """(first save after loading, median of the saves after it), in seconds."""
    project = load_project(path)
    one_change(project, 0)
    start = time.perf_counter()
    project.save()
    first = time.perf_counter() - start
    later = []
    for step in range(1, repeat + 1):
        one_change(project, step)
        start = time.perf_counter()
        project.save()
        later.append(time.perf_counter() - start)
    return first, statistics.median(later)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,1000", help="respondent counts, comma-separated")
    ap.add_argument("--repeat", type=int, default=5, help="saves timed after the first (median)")
    ap.add_argument("--profile", type=int, metavar="N", help="also profile the saves at N respondents (cProfile)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'respondents':>11}  {'file KB':>8}  {'first save':>10}  {'next saves':>10}")
        for n in (int(s) for s in args.sizes.split(",")):
            path = project_with(n, Path(tmp))
            first, later = time_saves(path, args.repeat)
            kb = path.stat().st_size / 1024
            print(f"{n:>11}  {kb:>8.0f}  {first * 1000:>8.1f} ms  {later * 1000:>8.1f} ms")
            if args.profile == n:
                profiler = cProfile.Profile()
                profiler.enable()
                time_saves(path, args.repeat)
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
