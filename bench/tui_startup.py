"""Time from launching the TUI to its first interactive screen, against a bare Textual import.

Both commands run in a real pseudo-terminal (80x24) as fresh processes, alternately, and the
medians are compared: ``ratio = median(ahp launch -> main screen painted) /
median(python -c "import numpy, textual.app")``; the target is at most 1.3.

The launcher marks "interactive" after the main screen's first refresh (its goal node
selected, first pair focused), writes the wall-clock time to a file, and exits.

Usage: python bench/tui_startup.py [--rounds N] [--json]
(uses bench/.installed, a plain install made by bench/setup_installed.sh, when it exists)
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
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
BASELINE = "import numpy, textual.app"
LAUNCHER = """
import sys, time
from pathlib import Path
from ahp.tui.app import AHPApp
from ahp.tui.screens.main import MainScreen
_mount = MainScreen.on_mount
def on_mount(self):
    _mount(self)
    def ready():
        Path(sys.argv[2]).write_text(repr(time.time()))
        self.app.exit()
    self.call_after_refresh(ready)
MainScreen.on_mount = on_mount
AHPApp(Path(sys.argv[1])).run()
"""


def run_in_pty(args: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Run ``args`` in ``cwd`` on a fresh 80x24 pseudo-terminal; returns (start, end) wall-clock times."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    drain = threading.Thread(target=_drain, args=(master,), daemon=True)
    drain.start()
    env = {**os.environ, "TERM": "xterm-256color"}
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
    opts = parser.parse_args()
    # A plain install (bench/setup_installed.sh) has compiled bytecode as users get it; the
    # project venv's editable install recompiles every module at each launch when
    # PYTHONDONTWRITEBYTECODE is set, which is not what users run. Both commands run in a
    # scratch folder: ``python -c`` puts the current folder first on sys.path, and from the
    # repository root that would import the checkout's ``ahp`` (compiled at every launch)
    # instead of the install's.
    installed = REPO / "bench" / ".installed" / "bin" / "python"
    py = str(installed) if installed.exists() else sys.executable
    work = Path(tempfile.mkdtemp())
    where = subprocess.run([py, "-c", "import ahp; print(ahp.__file__)"], cwd=work, capture_output=True, text=True)
    print(f"python: {py}\nahp: {where.stdout.strip() or where.stderr.strip()}")
    project = work / "demo.ahp.toml"
    mark = work / "ready"
    base, ours = [], []
    try:
        for _ in range(opts.rounds):
            start, end = run_in_pty([py, "-c", BASELINE], cwd=work)
            base.append(end - start)
            shutil.copy(REPO / "examples" / "retail-churn-demo.ahp.toml", project)
            start, _ = run_in_pty([py, "-c", LAUNCHER, str(project), str(mark)], cwd=work)
            ours.append(float(mark.read_text()) - start)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {
        "baseline_s": statistics.median(base),
        "tui_ready_s": statistics.median(ours),
        "ratio": statistics.median(ours) / statistics.median(base),
        "target_ratio": 1.3,
        "rounds": opts.rounds,
    }
    if opts.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"python -c '{BASELINE}': {result['baseline_s'] * 1000:.0f} ms (median of {opts.rounds})")
        print(f"ahp TUI to first interactive screen: {result['tui_ready_s'] * 1000:.0f} ms")
        print(f"ratio {result['ratio']:.2f} (target <= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
