"""Start-up cost of the command line: `ahp rank <demo project>` against `python -c "import numpy"`.

    .venv/bin/python bench/startup.py              # 15 runs of each, medians and their ratio
    .venv/bin/python bench/startup.py --runs 31

Both are run as subprocesses with bench/.installed's interpreter and `ahp` entry point (a plain
install, made by bench/setup_installed.sh; the project venv's when it is absent, or
`python -m ahp` when no entry point is installed), alternating, after 2 untimed runs of each;
wall time per run with time.perf_counter. Target: ratio <= 1.3, i.e. ranking the whole demo
project costs at most 30% more than importing numpy. It also prints the imports that take
longest in `ahp rank` (python -X importtime), the place to look when the target fails.
Exit status: 0 target met, 1 missed, 2 cannot measure (the CLI or the demo file is missing, or
`ahp rank` fails).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
#: A plain (non-editable) install, as users get from `pip install .`: bench/setup_installed.sh
#: makes it. Without it the project venv is used, whose editable install adds an import hook
#: that slows every `ahp.*` import a little (a development artefact, not what users run).
INSTALLED_BIN = BENCH / ".installed" / "bin"
VENV_BIN = INSTALLED_BIN if (INSTALLED_BIN / "ahp").exists() else REPO / ".venv" / "bin"
DEMO = Path("examples") / "retail-churn-demo.ahp.toml"
#: Commands run from a scratch folder: from the repo root, `python -c` would import the
#: checkout's `ahp` (recompiled at each launch when PYTHONDONTWRITEBYTECODE is set), not the
#: installed one being measured.
SCRATCH = Path(tempfile.mkdtemp(prefix="ahp-startup-"))
TARGET = 1.3


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=SCRATCH, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def top_imports(cmd: list[str], count: int = 12) -> list[tuple[int, str]]:
    """Where the import time of ``cmd`` (a python command) goes, in µs, largest first.

    One row per package at any depth (``numpy``, ``tomlkit``, ``scipy``: the cumulative time of
    its first import) and per module of our own (``ahp.*``, cumulative).
    """
    run = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], cwd=SCRATCH, capture_output=True, text=True)
    rows = []
    for line in run.stderr.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].strip()
        if "." not in name or name.startswith("ahp."):
            rows.append((int(parts[1]), name))
    return sorted(rows, reverse=True)[:count]


SPLIT = """
import contextlib, io, json, sys, time
t0 = time.perf_counter()
from ahp.cli import main
t1 = time.perf_counter()
import numpy
t2 = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["rank", sys.argv[1]])
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "numpy": t2 - t1, "run": t3 - t2, "code": code,
                  "textual": "textual" in sys.modules,
                  "scipy": "scipy" in sys.modules, "modules": len(sys.modules)}))
"""


def split(python: Path, project: str, runs: int) -> dict | None:
    """Inside one `ahp rank` process: median times importing ahp.cli, importing numpy, running main()."""
    import json

    out = []
    for _ in range(runs):
        r = subprocess.run([str(python), "-c", SPLIT, project], cwd=SCRATCH, capture_output=True, text=True)
        if r.returncode != 0:
            return None
        out.append(json.loads(r.stdout.strip().splitlines()[-1]))
    return {**out[-1], **{k: statistics.median(o[k] for o in out) for k in ("numpy", "import", "run")}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15, help="timed runs of each command (default 15)")
    ap.add_argument("--project", default=str(DEMO), help=f"the project file to rank (default {DEMO})")
    args = ap.parse_args(argv)

    python = VENV_BIN / "python"
    if not python.exists():
        python = Path(sys.executable)
    entry = VENV_BIN / "ahp"
    if entry.exists():
        ahp_cmd, how = [str(entry)], f"{entry.relative_to(REPO)} (the installed entry point)"
    elif (REPO / "ahp" / "cli" / "__init__.py").exists() and (REPO / "ahp" / "__main__.py").exists():
        ahp_cmd, how = [str(python), "-m", "ahp"], "python -m ahp (no entry point: pip install -e . --no-deps adds it)"
    else:
        print("ahp CLI missing: ahp/cli/__init__.py or ahp/__main__.py does not exist yet; nothing to time.")
        return 2
    args.project = str((REPO / args.project).resolve())
    if not Path(args.project).exists():
        print(f"project file missing: {args.project}; nothing to time.")
        return 2
    rank = [*ahp_cmd, "rank", args.project]
    numpy_cmd = [str(python), "-c", "import numpy"]
    bare_cmd = [str(python), "-c", "pass"]

    check = subprocess.run(rank, cwd=SCRATCH, capture_output=True, text=True)
    if check.returncode != 0:
        msg = (check.stderr.strip() or check.stdout.strip()).splitlines()
        print(f"`ahp rank {args.project}` fails (exit {check.returncode}): {msg[-1] if msg else 'no message'}")
        return 2

    cmds = {"rank": rank, "numpy": numpy_cmd, "bare": bare_cmd}
    for _ in range(2):  # warm the file cache
        for cmd in cmds.values():
            wall(cmd)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(args.runs):
        for k, cmd in cmds.items():
            times[k].append(wall(cmd))
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["rank"] / med["numpy"]

    print(f"start-up: {args.runs} runs each, alternating, medians of wall time (load {os.getloadavg()[0]:.2f})")
    print(f"  ahp via: {how}")
    labels = {
        "rank": f"ahp rank {args.project}",
        "numpy": 'python -c "import numpy"',
        "bare": "python -c pass (the interpreter alone, for reference)",
    }
    for k, label in labels.items():
        print(f"  {label:58s} {med[k] * 1e3:8.1f} ms   (min {min(times[k]) * 1e3:.1f})")
    verdict = "pass" if ratio <= TARGET else "FAIL"
    print(f"  ratio rank/numpy: {ratio:.2f}  (target <= {TARGET})  {verdict}")

    inside = split(python, args.project, max(5, args.runs // 3))
    if inside:
        print(
            f"  inside `ahp rank`: import ahp.cli {inside['import'] * 1e3:.1f} ms,"
            f" numpy {inside['numpy'] * 1e3:.1f} ms,"
            f" main() {inside['run'] * 1e3:.1f} ms (loads the engine and the file layer, reads, ranks, prints)"
            f" (scipy loaded: {inside['scipy']}, textual loaded: {inside['textual']}, {inside['modules']} modules)"
        )
    py_rank = rank if ahp_cmd[0] == str(python) else [str(python), *rank]  # the entry point is a python script
    print("  where `ahp rank`'s import time goes (python -X importtime; cumulative, nested rows overlap):")
    for us, name in top_imports(py_rank):
        print(f"    {us / 1e3:7.1f} ms  {name}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
