"""Shared by the large benchmarks, bench/w4_respondents.py and bench/w5_monte_carlo.py.

They time loops of thousands (10,000 respondents, 10,000 draws), where run.py times single
calls. The discipline is run.py's: the peers run in bench/.peers as the same long-lived
subprocesses (run.Peer, peer_*.py), import time excluded; BLAS/OpenMP threads 1 on every side;
GC off in timed code. What differs is the repetition: a peer's loop is one timed call
(``"timing": "once"``), and the whole measurement is done in ``--rounds`` rounds, each round
ours then each peer (interleaved), the figure being the median over the rounds. Our side, fast,
is timed with _timing.measure inside each round (its own median), then the median of those.

A peer loop is first probed on a few hundred items; when the whole loop would take longer than
``--peer-limit`` seconds it is timed on the first ``--subset`` items and extrapolated
linearly, and the output says so.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from run import PEERS, PEERS_PYTHON, SETUP_HINT, THREAD_VARS, Peer, fmt_ratio, fmt_time  # noqa: E402

__all__ = ["PEERS", "Peer", "fmt_ratio", "fmt_time", "add_arguments", "setup", "start_peers", "banner",
           "median", "plan_count", "Loop"]


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument(
        "--rounds", type=int, default=3, help="interleaved rounds (ours, then each peer); medians over them"
    )
    ap.add_argument(
        "--peer-limit",
        type=float,
        default=120.0,
        help="seconds: a peer loop estimated longer than this is timed on a subset (default 120)",
    )
    ap.add_argument("--subset", type=int, default=1000, help="items a too-long peer loop is timed on (default 1000)")
    ap.add_argument("--probe", type=int, default=200, help="items of the first, untimed-for-the-figure peer call")
    ap.add_argument("--json", metavar="PATH", help="also write every figure to a JSON file")
    ap.add_argument(
        "--peers-python", metavar="PATH", help=f"the peers' python (default {PEERS_PYTHON.relative_to(REPO)})"
    )
    ap.add_argument("--no-peers", action="store_true", help="time our engine only")
    ap.add_argument("--peer-timeout", type=float, default=900, help="seconds to wait for one peer answer")
    ap.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads on every side (default 1)")


def setup(args: argparse.Namespace) -> dict[str, str]:
    """Thread settings for every side (before numpy is imported anywhere); returns the peers' env."""
    for var in THREAD_VARS:
        os.environ[var] = str(args.threads)
    sys.path.insert(0, str(REPO))
    return dict(os.environ)


def start_peers(args: argparse.Namespace, env: dict[str, str], names: list[str]) -> tuple[dict[str, Peer], list[str]]:
    if args.no_peers:
        return {}, ["peers skipped (--no-peers)"]
    python = Path(args.peers_python) if args.peers_python else PEERS_PYTHON
    if not python.exists():
        return {}, [SETUP_HINT]
    peers, notes = {}, []
    for name in names:
        try:
            peers[name] = Peer(name, python, env, timeout=args.peer_timeout)
        except Exception as exc:
            notes.append(f"{PEERS[name][1]}: could not start ({exc}); run bash bench/setup_peers.sh")
    return peers, notes


def banner(title: str, args: argparse.Namespace, peers: dict[str, Peer], notes: list[str]) -> None:
    import numpy as np

    print(
        f"{title}: python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} cpus, "
        f"load {os.getloadavg()[0]:.2f}, threads {args.threads}, {args.rounds} interleaved round(s), "
        "medians over the rounds"
    )
    for p in peers.values():
        print(f"  {p.title}: " + ", ".join(f"{k} {v}" for k, v in p.versions.items()))
    for n in notes:
        print(n)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def plan_count(seconds: float, probed: int, total: int, args: argparse.Namespace) -> tuple[int, float]:
    """How many items to time a peer loop on, from a probe of ``probed`` items that took ``seconds``.

    Returns (count, estimated seconds for all ``total``): all of them when that estimate is
    within ``--peer-limit``, else ``--subset``.
    """
    estimate = seconds / probed * total
    return (total if estimate <= args.peer_limit else min(args.subset, total)), estimate


class Loop:
    """One peer's loop workload across the rounds: its per-round times and the check of its numbers."""

    def __init__(self, peer: Peer, kind: str, spec: dict, options: dict, total: int, unit: str):
        self.peer, self.kind, self.spec, self.options = peer, kind, spec, options
        self.total, self.unit = total, unit
        self.count = total
        self.estimate: float | None = None
        self.limit: float | None = None
        self.times: list[float] = []
        self.answers: list[dict] = []
        self.error: str | None = None

    def ask(self, count: int) -> dict:
        request = {
            "id": self.kind,
            "kind": self.kind,
            "spec": {**self.spec, "count": count},
            "options": self.options,
            "timing": "once",
        }
        answer = self.peer.ask(request)
        if "error" in answer:
            self.error = answer["error"]
        return answer

    def probe(self, count: int, args: argparse.Namespace) -> dict:
        """A first call on ``count`` items (a warm-up, and the estimate that sets ``self.count``)."""
        count = min(count, self.total)
        answer = self.ask(count)
        if "time" in answer:
            self.count, self.estimate = plan_count(answer["time"]["median"], count, self.total, args)
            self.limit = args.peer_limit
        return answer

    def round(self) -> dict | None:
        if self.error:
            return None
        answer = self.ask(self.count)
        if "time" in answer:
            self.times.append(answer["time"]["median"])
            self.answers.append(answer)
        return answer

    @property
    def scale(self) -> float:
        return self.total / self.count

    def seconds(self, part: str | None = None) -> float | None:
        """The median over the rounds, extrapolated to all items when a subset was timed.

        ``part``: one phase the peer timed inside its loop (result["phases"]), else the whole call.
        """
        if not self.answers:
            return None
        if part is None:
            return median(self.times) * self.scale
        return median([a["result"]["phases"][part] for a in self.answers]) * self.scale

    def how(self) -> str:
        title = self.peer.title
        if self.error:
            return f"{title}: n/a ({self.error})"
        if self.count == self.total:
            return f"{title}: all {self.total:,} {self.unit} timed (probe estimate {self.estimate:.1f} s)"
        return (
            f"{title}: EXTRAPOLATED: timed on the first {self.count:,} of {self.total:,} {self.unit}, "
            f"times multiplied by {self.scale:g} (the whole loop was estimated at {self.estimate:.0f} s, "
            f"over the {self.limit:g} s limit, --peer-limit)"
        )
