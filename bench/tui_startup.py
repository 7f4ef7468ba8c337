"""Time from launching the TUI to its first interactive screen, against a minimal Textual app.

Three commands run in a real pseudo-terminal (80x24) as fresh processes, in turn, and the
medians are compared. The reference is a minimal Textual app that shows a Tree and a Footer
(the issue's yardstick): ``ratio = median(ahp launch -> main screen painted) /
median(minimal app launch -> its screen painted)``; the target is at most 1.3. A bare
``python -c "import numpy, textual.app"`` is timed too, for scale.

Each launcher writes the wall-clock time of its screen's first refresh to a file, and exits.
For ahp two times: its first frame (the hierarchy, title and keys, drawn before the engine is
loaded) and the frame with the numbers (the main screen: weights, consistency, the first pair
focused); a version that draws the main screen first has one time for both. The ratio is
taken on the first frame; the numbers' time is reported beside it. ahp starts as
``ahp open FILE`` does, through ``ahp.cli.main``. The CPU time
of each process (launch to exit) is reported too: on a loaded machine it stretches far less than
the wall-clock time.

Usage: python bench/tui_startup.py [--rounds N] [--json] [--python PY]
(uses bench/.installed, a plain install made by bench/setup_installed.sh, when it exists)
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
LAUNCHER = """
import sys, time
from pathlib import Path
marks = Path(sys.argv[2])
def mark(kind):
    with marks.open("a") as out:
        out.write(f"{kind} {time.time()!r}\\n")
def watch_main():
    from ahp.tui.screens.main import MainScreen
    _mount = MainScreen.on_mount
    def on_mount(self):
        _mount(self)
        def ready():
            mark("filled")
            self.app.exit()
        self.call_after_refresh(ready)
    MainScreen.on_mount = on_mount
try:
    from ahp.tui.screens.start import StartScreen
except ImportError:  # a version that draws the main screen first: its first frame has the numbers
    watch_main()
else:
    _start = StartScreen.on_mount
    def on_start(self):
        def first():
            mark("first")
            watch_main()  # the app imports the main screen next, once this frame is out
        self.call_after_refresh(first)
        _start(self)
    StartScreen.on_mount = on_start
from ahp.cli import main
main(["open", sys.argv[1]])  # as `ahp open FILE` starts: the command line first, then the app
"""


def launch_marks(python: str, project: Path, mark: Path, work: Path) -> tuple[float, float]:
    """Run the TUI once; seconds from launch to its first frame and to the frame with the numbers."""
    mark.unlink(missing_ok=True)
    shutil.copy(REPO / "examples" / "retail-churn-demo.ahp.toml", project)
    start, _ = run_in_pty([python, "-c", LAUNCHER, str(project), str(mark)], cwd=work)
    marks = dict(line.split() for line in mark.read_text().splitlines())
    filled = float(marks["filled"]) - start
    return float(marks.get("first", marks["filled"])) - start, filled


MINIMAL = """
import sys, time
from pathlib import Path
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
    def on_mount(self):
        def ready():
            Path(sys.argv[1]).write_text(repr(time.time()))
            self.exit()
        self.call_after_refresh(ready)
Minimal().run()
"""


def run_in_pty(args: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Run ``args`` in ``cwd`` on a fresh 80x24 pseudo-terminal; returns (start, end) wall-clock times.
    The CPU time the process used (user + system, launch to exit) is added to :data:`CPU`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    drain = threading.Thread(target=_drain, args=(master,), daemon=True)
    drain.start()
    env = {**os.environ, "TERM": "xterm-256color"}
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, cwd=cwd)
    # A blocking wait sees the exit at once; ``wait(timeout=...)`` polls, every 50 ms by then, which
    # added 0-50 ms (25 on average) to the baseline's time. A timer kills a process that hangs.
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        proc.wait()
    finally:
        watchdog.cancel()
    end = time.time()
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime)
    os.close(slave)
    drain.join(timeout=2)
    os.close(master)
    if proc.returncode != 0:
        raise SystemExit(f"{args[:3]} exited with {proc.returncode}")
    return start, end


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


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
    # PYTHONDONTWRITEBYTECODE is set, which is not what users run. Both commands run in a
    # scratch folder: ``python -c`` puts the current folder first on sys.path, and from the
    # repository root that would import the checkout's ``ahp`` (compiled at every launch)
    # instead of the install's.
    installed = REPO / "bench" / ".installed" / "bin" / "python"
    py = opts.python or (str(installed) if installed.exists() else sys.executable)
    work = Path(tempfile.mkdtemp())
    where = subprocess.run([py, "-c", "import ahp; print(ahp.__file__)"], cwd=work, capture_output=True, text=True)
    print(f"python: {py}\nahp: {where.stdout.strip() or where.stderr.strip()}")
    project = work / "demo.ahp.toml"
    mark = work / "ready"
    base, minimal, ours, also, filled, also_filled = [], [], [], [], [], []
    cpu: dict[str, list[float]] = {"minimal": [], "ours": [], "also": []}
    try:
        for _ in range(opts.rounds):
            start, end = run_in_pty([py, "-c", BASELINE], cwd=work)
            base.append(end - start)
            start, _ = run_in_pty([py, "-c", MINIMAL, str(mark)], cwd=work)
            minimal.append(float(mark.read_text()) - start)
            cpu["minimal"].append(CPU[-1])
            first, full = launch_marks(py, project, mark, work)
            ours.append(first)
            filled.append(full)
            cpu["ours"].append(CPU[-1])
            if opts.also:
                first, full = launch_marks(opts.also, project, mark, work)
                also.append(first)
                also_filled.append(full)
                cpu["also"].append(CPU[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {
        "import_numpy_textual_s": statistics.median(base),
        "minimal_tree_footer_app_s": statistics.median(minimal),
        "tui_ready_s": statistics.median(ours),
        "tui_numbers_s": statistics.median(filled),
        "ratio": statistics.median(ours) / statistics.median(minimal),
        "target_ratio": 1.3,
        "rounds": opts.rounds,
        "minimal_cpu_s": statistics.median(cpu["minimal"]),
        "tui_cpu_s": statistics.median(cpu["ours"]),
        "cpu_ratio": statistics.median(cpu["ours"]) / statistics.median(cpu["minimal"]),
    }
    if also:
        result["also_ready_s"] = statistics.median(also)
        result["also_numbers_s"] = statistics.median(also_filled)
        result["also_ratio"] = statistics.median(also) / statistics.median(minimal)
        result["also_cpu_ratio"] = statistics.median(cpu["also"]) / statistics.median(cpu["minimal"])
    if opts.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"python -c '{BASELINE}': {result['import_numpy_textual_s'] * 1000:.0f} ms (median of {opts.rounds})")
        print(
            "minimal Textual app (Tree + Footer) to its first screen:"
            f" {result['minimal_tree_footer_app_s'] * 1000:.0f} ms"
        )
        print(f"ahp TUI to its first frame: {result['tui_ready_s'] * 1000:.0f} ms,"
              f" to the numbers: {result['tui_numbers_s'] * 1000:.0f} ms")
        print(f"ratio ahp / minimal app {result['ratio']:.2f} (target <= 1.3)")
        print(f"CPU time of each process, launch to exit: minimal {result['minimal_cpu_s'] * 1000:.0f} ms,"
              f" ahp {result['tui_cpu_s'] * 1000:.0f} ms, ratio {result['cpu_ratio']:.2f}")
        if also:
            print(f"{opts.also}: first frame {result['also_ready_s'] * 1000:.0f} ms, numbers"
                  f" {result['also_numbers_s'] * 1000:.0f} ms, ratio {result['also_ratio']:.2f},"
                  f" CPU ratio {result['also_cpu_ratio']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
