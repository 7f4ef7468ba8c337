"""Key to screen in a real terminal: ``ahp open`` in tmux (80x24), a key sent, the pane polled.

For each key the time runs from ``tmux send-keys`` until the pane shows a text of the new
screen's first frame (``shown``: its footer keys), and until it shows the screen's numbers
(``filled``: what a worker may fill in after the first frame). Keys: results (r), sensitivity
(s), group (g), the language switch (l) on the main screen and on the sensitivity screen.
The pane is polled every 5 ms, so figures carry about 5-10 ms of polling (and each
``capture-pane`` is a process of its own). Targets: shown within 100 ms, language within 200 ms.

Usage: python bench/tui_tmux.py [--rounds N] [--python PY] [--json]
(``--python`` runs another interpreter, e.g. with PYTHONPATH set to another checkout.)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: name: (keys before, key, text of the first frame, text once the numbers are in, keys after)
STEPS = {
    "results": ((), "r", "o report", "Hierarchy CR", ("Escape",)),
    "sensitivity": ((), "s", "m monte carlo", "Tipping points of", ("Escape",)),
    "group": ((), "g", "a aggregation", "Overall consensus S*", ("Escape",)),
    "language": ((), "l", "? 帮助", "? 帮助", ("l",)),
    "language on sensitivity": (("s",), "l", "m 蒙特卡洛", "的临界点", ("l", "Escape")),
}


def pane(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout


def wait_for(session: str, text: str, start: float, timeout: float = 20.0) -> float:
    """Seconds from ``start`` until the pane shows ``text``."""
    while text not in pane(session):
        if time.perf_counter() - start > timeout:
            raise SystemExit(f"timed out waiting for {text!r}:\n{pane(session)}")
        time.sleep(0.005)
    return time.perf_counter() - start


def send(session: str, *keys: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", session, *keys], check=True)


def settle(session: str) -> None:
    """Wait until the pane stops changing (workers done, Monte Carlo drawn)."""
    last, same = pane(session), 0
    while same < 6:
        time.sleep(0.05)
        now = pane(session)
        same, last = (same + 1, last) if now == last else (0, now)


def measure(python: str, rounds: int) -> dict[str, dict[str, list[float]]]:
    work = Path(tempfile.mkdtemp())
    shutil.copy(REPO / "examples" / "retail-churn-demo.ahp.toml", work / "demo.ahp.toml")
    session = f"ahp-bench-{time.time_ns()}"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", str(work),
                    f"TERM=xterm-256color {python} -m ahp open demo.ahp.toml"], check=True)
    out: dict[str, dict[str, list[float]]] = {name: {"shown": [], "filled": []} for name in STEPS}
    try:
        wait_for(session, "Store manager 1/2", time.perf_counter())
        settle(session)
        for k in range(rounds):
            for name, (before, key, first, filled, after) in STEPS.items():
                for b in before:
                    send(session, b)
                    settle(session)
                start = time.perf_counter()
                send(session, key)
                out[name]["shown"].append(wait_for(session, first, start))
                out[name]["filled"].append(wait_for(session, filled, start))
                settle(session)
                for a in after:
                    send(session, a)
                    settle(session)
            send(session, "Left" if k % 2 else "Right")  # a change: no cached numbers next round
            settle(session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--json", action="store_true")
    opts = parser.parse_args()
    samples = measure(opts.python, opts.rounds)
    result = {name: {kind: statistics.median(v) * 1000 for kind, v in kinds.items()} for name, kinds in samples.items()}
    if opts.json:
        print(json.dumps(result, indent=2))
    else:
        for name, r in result.items():
            print(f"{name:24} shown {r['shown']:6.0f} ms   numbers in {r['filled']:6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
