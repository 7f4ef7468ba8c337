"""Time our engine against AHPy and pyDecision on the same inputs, in the same run.

    .venv/bin/python bench/run.py                 # all workloads, table of times and ratios
    .venv/bin/python bench/run.py --quick         # a fast smoke run (fewer, shorter repeats)
    .venv/bin/python bench/run.py --only W1,W6    # some workloads
    .venv/bin/python bench/run.py --breakdown     # also: where our time goes, per workload

Our side runs here, in the project's venv. Each peer library runs in bench/.peers (created by
bench/setup_peers.sh; never a dependency of the project) as a long-lived subprocess
(bench/peer_*.py) that gets one workload at a time as JSON, times it with the same routine
(bench/_timing.py) and answers with its timings and numbers. Each workload is timed in rounds
(ours, AHPy, pyDecision; ``--rounds``, default 3), so a change in machine load hits every side
alike; each side's figure is its median round. The peers' numbers are checked against ours; a
disagreement is printed as a warning.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import select
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PEERS_PYTHON = BENCH / ".peers" / "bin" / "python"
PEERS = {  # name -> (script, column title)
    "ahpy": ("peer_ahpy.py", "AHPy"),
    "pydecision": ("peer_pydecision.py", "pyDecision"),
}
# Which of our RI tables each peer's table is, to check its CR (AHPy 'saaty' is Saaty 2005's
# table, 'dd' Donegan-Dodd's; pyDecision's is Saaty 1980's with 1.48 for n = 12, as ours).
PEER_RI = {("ahpy", "saaty"): "saaty2005", ("ahpy", "dd"): "donegan-dodd", ("pydecision", None): "saaty1980"}
TOL_WEIGHTS = 1e-3
TOL_CR = 1e-3
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
SETUP_HINT = (
    "peer libraries not installed: create their separate venv with\n"
    "    bash bench/setup_peers.sh\n"
    "    (that is: python3 -m venv bench/.peers && bench/.peers/bin/pip install ahpy pyDecision)\n"
    "then run this again. Our own figures follow; targets against peers are not checked."
)


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.3f} s"


def fmt_ratio(r: float | None) -> str:
    if r is None:
        return "-"
    return f"{r:.1f}x" if r < 100 else f"{r:.0f}x"


# --- peers -------------------------------------------------------------------------------------
class Peer:
    """A peer script running in the peers' venv, answering one JSON line per request."""

    def __init__(self, name: str, python: Path, env: dict[str, str], timeout: float):
        self.name = name
        self.title = PEERS[name][1]
        self.timeout = timeout
        self.proc = subprocess.Popen(
            [str(python), str(BENCH / PEERS[name][0])],
            cwd=BENCH,
            env=env,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        ready = self._read(timeout=180)
        if not ready.get("ready"):
            raise RuntimeError(ready.get("error", "did not start"))
        self.versions = ready["versions"]

    def _read(self, timeout: float) -> dict:
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            self.close()
            return {"error": f"no answer within {timeout:.0f} s"}
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read().strip().splitlines()
            return {"error": f"exited ({err[-1] if err else 'no message'})"}
        return json.loads(line)

    def ask(self, request: dict) -> dict:
        if self.proc.poll() is not None:
            return {"error": "peer process not running"}
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        return self._read(self.timeout)

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=10)
            except Exception:
                self.proc.kill()


def start_peers(args, env) -> tuple[dict[str, Peer], list[str]]:
    notes = []
    python = Path(args.peers_python) if args.peers_python else PEERS_PYTHON
    if args.no_peers:
        return {}, ["peers skipped (--no-peers)"]
    if not python.exists():
        return {}, [SETUP_HINT]
    peers = {}
    for name in PEERS:
        try:
            peers[name] = Peer(name, python, env, timeout=args.peer_timeout)
        except Exception as exc:  # e.g. one library missing from the venv
            notes.append(f"{PEERS[name][1]}: could not start ({exc}); run bash bench/setup_peers.sh")
    return peers, notes


# --- our side ----------------------------------------------------------------------------------
def ours_callable(w):
    from workloads import matrix_from_json

    import ahp
    from ahp.core.hierarchy import synthesize

    if w.kind == "hierarchy":
        root, matrices = w.spec["root"], w.spec["matrices"]
        return lambda: synthesize(root, matrices, **w.ours_kwargs)
    a = matrix_from_json(w.spec["matrix"])
    return lambda: ahp.priorities(a, **w.ours_kwargs)


def ours_numbers(w, random_index: str | None = None) -> dict:
    """Our numbers for ``w`` in the peers' result format (CR with ``random_index`` if given)."""
    kwargs = dict(w.ours_kwargs)
    if random_index:
        kwargs["random_index"] = random_index
    fn = ours_callable(type(w)(**{**w.__dict__, "ours_kwargs": kwargs}))
    out = fn()
    if w.kind == "hierarchy":
        return {
            "local": {p: [float(x) for x in a.local_weights] for p, a in out.nodes.items()},
            "cr": {p: float(a.result.cr) for p, a in out.nodes.items()},
            "global": {leaf.path: leaf.global_weight for leaf in out.ranking},
            "ri_table": out.nodes["goal"].result.ri_table,
        }
    res = {"weights": [float(x) for x in out.weights], "cr": float(out.cr), "ri_table": out.ri_table}
    if out.completed is not None:
        nan = [(i, j) for i in range(out.n) for j in range(i + 1, out.n) if math.isnan(out.matrix[i, j])]
        res["completed"] = {f"{i},{j}": float(out.completed[i, j]) for i, j in nan}
    return res


def compare(kind: str, ours: dict, peer: dict) -> list[str]:
    """Where the peer's numbers differ from ours beyond the tolerances."""
    bad = []

    def close(label, a, b, tol):
        if not (isinstance(b, (int, float)) and math.isfinite(b) and abs(a - b) <= tol):
            bad.append(f"{label}: ours {a:.6g}, peer {b!r}")

    if kind == "hierarchy":
        for p, w in ours["local"].items():
            pw = peer["local"].get(p)
            if pw is None or len(pw) != len(w):
                bad.append(f"{p}: local weights missing")
                continue
            for k, (a, b) in enumerate(zip(w, pw, strict=True)):
                close(f"{p} local w[{k}]", a, b, TOL_WEIGHTS)
            close(f"{p} CR", ours["cr"][p], peer["cr"].get(p), TOL_CR)
        for leaf, g in ours["global"].items():
            close(f"{leaf} global", g, peer["global"].get(leaf), TOL_WEIGHTS)
    else:
        if len(peer["weights"]) != len(ours["weights"]):
            return ["weights: wrong length"]
        for k, (a, b) in enumerate(zip(ours["weights"], peer["weights"], strict=True)):
            close(f"w[{k}]", a, b, TOL_WEIGHTS)
        close("CR", ours["cr"], peer["cr"], TOL_CR)
        for key, v in ours.get("completed", {}).items():
            pv = peer.get("completed", {}).get(key)
            if pv is None or abs(math.log(v / pv)) > 1e-2:
                bad.append(f"completed a[{key}]: ours {v:.6g}, peer {pv!r}")
    if len(bad) > 6:
        bad = bad[:6] + [f"... and {len(bad) - 6} more"]
    return bad


# --- where our time goes -------------------------------------------------------------------------
def breakdown(w, timing) -> list[tuple[str, float]]:
    """The median time of each step our call makes, measured separately."""
    import numpy as np
    from _timing import measure
    from workloads import matrix_from_json

    from ahp.core import consistency, diagnosis, weights
    from ahp.core.completion import complete
    from ahp.core.matrix import validate_matrix

    if w.kind == "hierarchy":
        import ahp
        from ahp.core.hierarchy import synthesize

        mats = list(w.spec["matrices"].values())
        fulls = [validate_matrix(m) for m in mats]
        ris = [consistency.random_index(m.shape[0], w.ours_kwargs.get("random_index", "saaty1980"))[0] for m in fulls]
        limits = [consistency.threshold(m.shape[0], w.ours_kwargs.get("threshold", "saaty1994")) for m in fulls]
        root, matrices = w.spec["root"], w.spec["matrices"]
        steps = [
            ("synthesize() (default)", lambda: synthesize(root, matrices, **w.ours_kwargs)),
            (f"priorities() x {len(mats)}", lambda: [ahp.priorities(m, **w.ours_kwargs) for m in mats]),
            (
                f"priorities(suggestions=0) x {len(mats)}",
                lambda: [ahp.priorities(m, suggestions=0, **w.ours_kwargs) for m in mats],
            ),
            (f"  validate_matrix x {len(mats)}", lambda: [validate_matrix(m) for m in mats]),
            (f"  perron x {len(mats)}", lambda: [weights.perron(f) for f in fulls]),
            (
                f"  diagnosis.suggest x {len(mats)}",
                lambda: [
                    diagnosis.suggest(f, np.ones(f.shape, bool), ri=r, threshold=limit)
                    for f, r, limit in zip(fulls, ris, limits, strict=True)
                ],
            ),
        ]
        return [(name, measure(fn, **timing)["min"]) for name, fn in steps]
    a = matrix_from_json(w.spec["matrix"])
    v = validate_matrix(a)
    known = ~np.isnan(v)
    full = complete(v) if not known.all() else v
    ri = consistency.random_index(v.shape[0], w.ours_kwargs.get("random_index", "saaty1980"))[0]
    limit = consistency.threshold(v.shape[0], w.ours_kwargs.get("threshold", "saaty1994"))
    import ahp

    steps = [
        ("priorities() (default)", lambda: ahp.priorities(a, **w.ours_kwargs)),
        ("priorities(suggestions=0)", lambda: ahp.priorities(a, suggestions=0, **w.ours_kwargs)),
        ("  validate_matrix", lambda: validate_matrix(a)),
    ]
    if not known.all():
        steps.append(("  complete (lambda-max)", lambda: complete(v)))
    steps += [
        ("  perron (power method, eig if unsettled)", lambda: weights.perron(full)),
        ("  diagnosis.suggest", lambda: diagnosis.suggest(full, known, ri=ri, threshold=limit)),
    ]
    return [(name, measure(fn, **timing)["min"]) for name, fn in steps]


def _add_round(entry: dict, side: str, timing: dict, inside: str | None = None) -> None:
    """Keep one more round of ``side``'s timing in ``entry``; its ``median`` becomes the median
    of the rounds' medians (``rounds`` lists them). ``inside``: the key holding the timing
    (a peer's answer keeps it under ``time``, next to its numbers)."""
    held = entry.setdefault(side, timing)
    times = held[inside] if inside else held
    new = timing[inside] if inside else timing
    times.setdefault("rounds", [])
    times["rounds"].append(new["median"])
    times["median"] = statistics.median(times["rounds"])


# --- main --------------------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a fast smoke run: fewer, shorter repeats")
    ap.add_argument("--only", help="comma-separated workload ids or prefixes, e.g. W1,W3")
    ap.add_argument("--breakdown", action="store_true", help="also time the steps of our calls")
    ap.add_argument("--json", metavar="PATH", help="also write every figure to a JSON file")
    ap.add_argument(
        "--peers-python", metavar="PATH", help=f"the peers' python (default {PEERS_PYTHON.relative_to(REPO)})"
    )
    ap.add_argument("--no-peers", action="store_true", help="time our engine only")
    ap.add_argument("--peer-timeout", type=float, default=300, help="seconds to wait for one peer answer")
    ap.add_argument(
        "--threads",
        type=int,
        default=1,
        help="BLAS/OpenMP threads on every side (default 1: small matrices, a shared machine)",
    )
    ap.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="interleaved rounds per workload (ours, then each peer); medians over them (default 3)",
    )
    return ap.parse_args(argv)


def selected(todo: list, only: str | None) -> list:
    """The workloads whose id starts with one of the comma-separated prefixes of ``--only``."""
    if not only:
        return todo
    wanted = [s.strip().lower().replace(" ", "") for s in only.split(",")]
    return [w for w in todo if any(w.id.lower().replace(" ", "").startswith(s) for s in wanted)]


def run_workload(w, peers: dict[str, Peer], args: argparse.Namespace, timing: dict) -> dict:
    """One workload timed in interleaved rounds (ours, then each peer, again and again, so that a
    change of load hits every side alike; each side's figure is its median round), the peers'
    numbers checked against ours."""
    from _timing import measure
    from workloads import peer_spec

    entry = {"id": w.id, "title": w.title}
    try:
        fn = ours_callable(w)
        entry["ours_numbers"] = ours_numbers(w)
    except Exception as exc:
        fn = None
        entry["ours_error"] = f"{type(exc).__name__}: {exc}"
    asking = [name for name in PEERS if name in peers and not isinstance(w.peers.get(name), str)]
    for name in PEERS:
        if name not in asking:
            opts = w.peers.get(name)
            entry[name] = {"na": opts if isinstance(opts, str) else "not installed"}
    for _ in range(max(1, args.rounds)):
        if fn is not None:
            _add_round(entry, "ours", measure(fn, **timing))
        for name in list(asking):
            answer = peers[name].ask({**peer_spec(w, name), "timing": timing})
            if "time" in answer:
                _add_round(entry, name, answer, inside="time")
            else:
                entry[name] = answer
                asking.remove(name)
    for name in PEERS:
        answer = entry[name]
        if "result" in answer and "ours_numbers" in entry:
            table = PEER_RI.get((name, (w.peers.get(name) or {}).get("random_index")))
            answer["mismatch"] = compare(w.kind, ours_numbers(w, random_index=table), answer["result"])
    if args.breakdown and "ours" in entry:
        entry["breakdown"] = breakdown(w, timing)
    return entry


def verdict(w, entry: dict, ratios: dict[str, float | None]) -> tuple[str, str]:
    """The targets of ``w`` as text, and whether they are met: pass, FAIL, not checked or -."""
    ours_t = entry.get("ours", {}).get("median")
    target_txt, verdicts = [], []
    for who, need in w.targets.items():
        if who == "ours":
            target_txt.append("must work")
            verdicts.append(ours_t is not None and "ours_numbers" in entry)
            continue
        target_txt.append(f"{'AHPy' if who == 'ahpy' else 'pyD'} >= {need:g}x")
        r = ratios.get(who)
        verdicts.append(None if r is None else r >= need)
    if not verdicts:
        result = "-"
    elif any(v is False for v in verdicts):
        result = "FAIL"
    elif any(v is None for v in verdicts):
        result = "not checked"
    else:
        result = "pass"
    return ", ".join(target_txt) or "-", result


class Table:
    """The rows of the results table, with the warnings, details and footnotes they raise."""

    header = ["workload", "ours", "AHPy", "pyDecision", "AHPy/ours", "pyD/ours", "target", "result"]

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.warnings: list[str] = []
        self.details: list[str] = []
        self.footnotes: list[str] = []

    def peer_cell(self, entry: dict, name: str, ours_t: float | None, ratios: dict) -> str:
        answer = entry[name]
        if answer.get("mismatch"):
            disagreement = "; ".join(answer["mismatch"])
            self.warnings.append(f"WARNING {entry['id']}: {PEERS[name][1]} disagrees with ours: {disagreement}")
        self.details += [f"{entry['id']}: {PEERS[name][1]} warned: {msg}" for msg in answer.get("warnings", [])]
        if "time" in answer:
            ratios[name] = answer["time"]["median"] / ours_t if ours_t else None
            return fmt_time(answer["time"]["median"])
        if "na" in answer:
            return "not installed" if answer["na"] == "not installed" else f"n/a ({answer['na']})"
        self.footnotes.append(f"{PEERS[name][1]}, {entry['id']}: {answer.get('error', '?')}")  # refused or failed
        return f"n/a [{len(self.footnotes)}]"

    def add(self, w, entry: dict) -> None:
        ours_t = entry.get("ours", {}).get("median")
        ratios: dict[str, float | None] = {}
        cells = [entry["id"], fmt_time(ours_t) if ours_t else "ERROR"]
        cells += [self.peer_cell(entry, name, ours_t, ratios) for name in PEERS]
        cells += [fmt_ratio(ratios.get("ahpy")), fmt_ratio(ratios.get("pydecision")), *verdict(w, entry, ratios)]
        if "ours_error" in entry:
            self.warnings.append(f"ERROR {entry['id']}: ours failed: {entry['ours_error']}")
        self.rows.append(cells)
        entry["ratios"] = ratios
        entry["result"] = cells[-1]

    def print(self) -> None:
        widths = [max(len(r[k]) for r in [self.header, *self.rows]) for k in range(len(self.header))]

        def line(r: list[str]) -> str:
            return "  ".join(c.ljust(widths[k]) if k in (0, 6, 7) else c.rjust(widths[k]) for k, c in enumerate(r))

        print(line(self.header))
        print("  ".join("-" * x for x in widths))
        for r in self.rows:
            print(line(r))
        for k, note in enumerate(self.footnotes, 1):
            print(f"[{k}] {note}")

    def failed(self) -> bool:
        return any(r[-1] == "FAIL" for r in self.rows) or any(m.startswith("ERROR") for m in self.warnings)


def print_rounds(report: list[dict]) -> None:
    for e in report:
        if "ours_numbers" in e:
            print(f"{e['id']}: {e['title']}; ours RI table: {e['ours_numbers']['ri_table']}")
            sides = [("ours", e["ours"])] + [(PEERS[k][1], e[k]["time"]) for k in PEERS if "time" in e[k]]
            rounds = (f"{who} " + ", ".join(fmt_time(t) for t in times.get("rounds", [])) for who, times in sides)
            print("  rounds: " + "; ".join(rounds))


def print_breakdown(report: list[dict]) -> None:
    print("\nwhere our time goes (each step timed on its own; fastest repeat, which is least disturbed by other load):")
    for e in report:
        if "breakdown" in e:
            print(f"  {e['id']}")
            whole = e["breakdown"][0][1]
            for name, t in e["breakdown"]:
                print(f"    {name:36s} {fmt_time(t):>10s}  {100 * t / whole:5.1f}%")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Same thread settings on every side, before numpy is imported here or in a peer.
    for var in THREAD_VARS:
        os.environ[var] = str(args.threads)
    env = dict(os.environ)
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(BENCH))

    import numpy as np
    from _timing import NORMAL, QUICK
    from workloads import workloads

    timing = QUICK if args.quick else NORMAL
    todo = selected(workloads(), args.only)
    peers, notes = start_peers(args, env)
    print(
        f"ahp benchmark: python {platform.python_version()}, numpy {np.__version__}, "
        f"{os.cpu_count()} cpus, load {os.getloadavg()[0]:.2f}, threads {args.threads}, "
        f"{'quick' if args.quick else 'normal'} timing "
        f"(median of up to {timing['repeats']} repeats of >= {timing['min_time']} s each; "
        f"{args.rounds} interleaved round(s) per workload, the median round reported)"
    )
    for p in peers.values():
        print(f"  {p.title}: " + ", ".join(f"{k} {v}" for k, v in p.versions.items()))
    for n in notes:
        print(n)
    print()

    report = []
    try:
        for w in todo:
            report.append(run_workload(w, peers, args, timing))
            print(f"  done {w.id}", file=sys.stderr, flush=True)
    finally:
        for p in peers.values():
            p.close()

    table = Table()
    for w, entry in zip(todo, report, strict=True):
        table.add(w, entry)
    table.print()
    print()
    print_rounds(report)
    if table.warnings or table.details:
        print()
    for msg in table.warnings + table.details:
        print(msg)
    if not table.warnings and peers:
        print("\nall peer results agree with ours (weights within 1e-3, CR within 1e-3 on the peer's RI table)")
    if args.breakdown:
        print_breakdown(report)
    if args.json:
        if not args.breakdown:
            for e in report:
                e.pop("breakdown", None)
        Path(args.json).write_text(json.dumps(report, indent=2, default=str))
    return 1 if table.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
