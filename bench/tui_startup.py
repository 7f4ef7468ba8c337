"""Time from launching the TUI to its first screen on the terminal, against a minimal Textual app.

Each command runs in a real pseudo-terminal (80x24) as a fresh process, in turn, and the medians
are compared. The times are read from what the terminal receives: the moment a text of the screen
first appears in the process's output (not a mark the app sets itself, which Textual may set before
it lets the frame through). The reference is a minimal Textual app that shows a Tree and a Footer
(the issue's yardstick), timed until its last tree line is out. ``ahp open FILE`` (through
``ahp.cli.main``, as the command starts) is timed twice: to its first frame (the hierarchy, title
and keys, with "computing…" where the numbers go: drawn before the engine is loaded) and to the
frame with the numbers (the main screen's "Local weights"); a version that draws the main screen
first has one time for both. ``ratio = median(ahp's first frame) / median(minimal app)``; the
target is at most 1.3. A bare ``python -c "import numpy, textual.app"`` is timed too, for scale.

Each process is stopped once its last text is out. The CPU time of each process (launch to stop)
is reported too: on a loaded machine it stretches far less than the wall-clock time.

Usage: python bench/tui_startup.py [--rounds N] [--json] [--python PY] [--also PY]
(uses bench/.installed, a plain install made by bench/setup_installed.sh, when it exists;
``--also`` times another interpreter's ahp, e.g. another checkout on PYTHONPATH, in the same rounds)
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import resource
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: The CPU seconds of each process :func:`run_in_pty` ran, in order: on a loaded machine the
#: wall-clock times stretch with the load, the CPU times much less.
CPU: list[float] = []
BASELINE = "import numpy, textual.app"
AHP = "import sys; from ahp.cli import main; main(['open', sys.argv[1]])"
MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Tree
class Minimal(App):
    BINDINGS = [("q", "quit", "quit")]
    def compose(self):
        tree = Tree("goal")
        for k in range(4):
            node = tree.root.add(f"criterion {k}", expand=True)
            for j in range(4):
                node.add_leaf(f"factor {k}.{j}")
        tree.root.expand()
        yield tree
        yield Footer()
Minimal().run()
"""
#: What each screen's frame shows: the minimal app's last tree line; ahp's first frame, its numbers.
MINIMAL_SHOWN = b"factor 3.3"
FIRST_FRAME, NUMBERS = b"computing", b"Local weights"


def run_in_pty(args: list[str], cwd: Path | None = None, texts: tuple[bytes, ...] = ()) -> tuple[float, dict]:
    """Run ``args`` in ``cwd`` on a fresh 80x24 pseudo-terminal until it exits or, with ``texts``, until
    the last of them is out. Returns the start time and when each text first appeared in the output.
    The CPU time the process used (user + system) is added to :data:`CPU`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen: dict[bytes, float] = {}
    env = {**os.environ, "TERM": "xterm-256color"}
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, cwd=cwd)
    drain = threading.Thread(target=_drain, args=(master, texts, seen, proc), daemon=True)
    drain.start()
    # A blocking wait sees the exit at once; ``wait(timeout=...)`` polls, every 50 ms by then. A
    # timer kills a process that hangs.
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        proc.wait()
    finally:
        watchdog.cancel()
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime)
    os.close(slave)
    drain.join(timeout=2)
    os.close(master)
    if texts and texts[-1] not in seen:
        raise SystemExit(f"{args[:3]}: {texts[-1]!r} never appeared")
    if not texts and proc.returncode != 0:
        raise SystemExit(f"{args[:3]} exited with {proc.returncode}")
    return start, seen


def _drain(fd: int, texts: tuple[bytes, ...], seen: dict[bytes, float], proc: subprocess.Popen) -> None:
    """Read the terminal's output; note when each of ``texts`` first appears; stop the process after the last."""
    out = b""
    try:
        while chunk := os.read(fd, 65536):
            out += chunk
            for text in texts:
                if text not in seen and text in out:
                    seen[text] = time.time()
            if texts and texts[-1] in seen:
                proc.kill()
    except OSError:
        pass


def time_ahp(python: str, project: Path, work: Path) -> tuple[float, float]:
    """Seconds from launching ``ahp open`` on a fresh copy of the demo to its first frame and to its numbers."""
    shutil.copy(REPO / "examples" / "retail-churn-demo.ahp.toml", project)
    start, seen = run_in_pty([python, "-c", AHP, str(project)], cwd=work, texts=(FIRST_FRAME, NUMBERS))
    numbers = seen[NUMBERS] - start
    return min(seen.get(FIRST_FRAME, seen[NUMBERS]) - start, numbers), numbers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--python", help="the interpreter to time (default: the plain install, else this one)")
    parser.add_argument(
        "--also", help="another interpreter (e.g. another checkout on PYTHONPATH) whose ahp is timed in the same rounds"
    )
    opts = parser.parse_args()
    # A plain install (bench/setup_installed.sh) has compiled bytecode as users get it; the
    # project venv's editable install recompiles every module at each launch when
    # PYTHONDONTWRITEBYTECODE is set, which is not what users run. Every command runs in a
    # scratch folder: ``python -c`` puts the current folder first on sys.path, and from the
    # repository root that would import the checkout's ``ahp`` instead of the install's.
    installed = REPO / "bench" / ".installed" / "bin" / "python"
    py = opts.python or (str(installed) if installed.exists() else sys.executable)
    work = Path(tempfile.mkdtemp())
    where = subprocess.run([py, "-c", "import ahp; print(ahp.__file__)"], cwd=work, capture_output=True, text=True)
    print(f"python: {py}\nahp: {where.stdout.strip() or where.stderr.strip()}")
    project = work / "demo.ahp.toml"
    sides = ["ours", "also"] if opts.also else ["ours"]
    times: dict[str, list[float]] = {k: [] for k in ("base", "minimal", *(f"{s}_{w}" for s in sides
                                                                        for w in ("first", "numbers")))}
    cpu: dict[str, list[float]] = {"minimal": [], "ours": [], "also": []}
    try:
        for _ in range(opts.rounds):
            start, _ = run_in_pty([py, "-c", BASELINE], cwd=work)
            times["base"].append(time.time() - start)
            start, seen = run_in_pty([py, "-c", MINIMAL], cwd=work, texts=(MINIMAL_SHOWN,))
            times["minimal"].append(seen[MINIMAL_SHOWN] - start)
            cpu["minimal"].append(CPU[-1])
            for side in sides:
                first, numbers = time_ahp(py if side == "ours" else opts.also, project, work)
                times[f"{side}_first"].append(first)
                times[f"{side}_numbers"].append(numbers)
                cpu[side].append(CPU[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    result = {
        "import_numpy_textual_s": med["base"],
        "minimal_tree_footer_app_s": med["minimal"],
        "tui_first_frame_s": med["ours_first"],
        "tui_numbers_s": med["ours_numbers"],
        "ratio": med["ours_first"] / med["minimal"],
        "target_ratio": 1.3,
        "rounds": opts.rounds,
        "minimal_cpu_s": statistics.median(cpu["minimal"]),
        "tui_cpu_s": statistics.median(cpu["ours"]),
        "cpu_ratio": statistics.median(cpu["ours"]) / statistics.median(cpu["minimal"]),
    }
    if opts.also:
        result |= {"also_first_frame_s": med["also_first"], "also_numbers_s": med["also_numbers"],
                   "also_ratio": med["also_first"] / med["minimal"],
                   "also_cpu_ratio": statistics.median(cpu["also"]) / statistics.median(cpu["minimal"])}
    if opts.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"python -c '{BASELINE}': {med['base'] * 1000:.0f} ms (median of {opts.rounds})")
    print(f"minimal Textual app (Tree + Footer) to its screen on the terminal: {med['minimal'] * 1000:.0f} ms")
    print(f"ahp open to its first frame: {med['ours_first'] * 1000:.0f} ms, to the numbers:"
          f" {med['ours_numbers'] * 1000:.0f} ms")
    print(f"ratio ahp first frame / minimal app {result['ratio']:.2f} (target <= 1.3);"
          f" numbers / minimal app {med['ours_numbers'] / med['minimal']:.2f}")
    print(f"CPU time of each process, launch to stop: minimal {result['minimal_cpu_s'] * 1000:.0f} ms,"
          f" ahp {result['tui_cpu_s'] * 1000:.0f} ms, ratio {result['cpu_ratio']:.2f}")
    if opts.also:
        print(f"{opts.also}: first frame {med['also_first'] * 1000:.0f} ms,"
              f" numbers {med['also_numbers'] * 1000:.0f} ms, ratio {result['also_ratio']:.2f},"
              f" CPU ratio {result['also_cpu_ratio']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
