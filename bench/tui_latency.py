"""Time from a judgment keypress to the updated weights on screen, driven by Pilot.

On the retail-churn demo at 80x24, the goal's first pair is moved left and right alternately
(``left``/``right``) many times. Each sample runs from posting the key event to the app (as
the terminal driver does) until the screen's next refresh after the judgment changed
(``call_after_refresh``): the key is dispatched, the judgment set, the hierarchy
re-synthesized, the widgets updated and the screen painted; the weight bars are then
checked against the session. The save worker runs as usual. (``pilot.pause()`` is not used
for timing: it polls for CPU idleness in 10 ms slices.) Target: median < 16 ms.

Usage: python bench/tui_latency.py [--presses N] [--json] [--project FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


async def measure(presses: int, source: Path | None = None) -> list[float]:
    from textual import events

    from ahp.tui.app import AHPApp
    from ahp.tui.widgets.weights import WeightBars

    work = Path(tempfile.mkdtemp())
    project = work / "demo.ahp.toml"
    shutil.copy(source or REPO / "examples" / "retail-churn-demo.ahp.toml", project)
    samples: list[float] = []
    try:
        app = AHPApp(project)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            bars = app.screen.query_one(WeightBars)
            painted = asyncio.Event()
            stamp: list[float] = []
            screen = app.screen
            change = screen.change_judgment

            def timed_change(*args) -> None:
                change(*args)
                screen.call_after_refresh(lambda: (stamp.append(time.perf_counter()), painted.set()))

            screen.change_judgment = timed_change
            for k in range(presses + 10):
                key = "left" if k % 2 == 0 else "right"
                painted.clear()
                t0 = time.perf_counter()
                app.post_message(events.Key(key, None))
                await asyncio.wait_for(painted.wait(), 5)
                dt = stamp[-1] - t0
                await pilot.pause()
                expected = [float(w) for w in app.session.synthesis.nodes["goal"].local_weights]
                if bars.weights != expected:
                    raise SystemExit("weights on screen do not match the session")
                if k >= 10:  # the first presses warm caches up
                    samples.append(dt)
            await app.workers.wait_for_complete()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--project", type=Path, help="another project file (copied; default: the retail-churn demo)")
    opts = parser.parse_args()
    samples = asyncio.run(measure(opts.presses, opts.project))
    ms = sorted(s * 1000 for s in samples)
    result = {
        "presses": len(ms),
        "median_ms": statistics.median(ms),
        "p90_ms": ms[int(0.9 * (len(ms) - 1))],
        "max_ms": ms[-1],
        "target_median_ms": 16,
    }
    if opts.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"keypress -> weights on screen over {result['presses']} presses: median {result['median_ms']:.1f} ms, "
              f"p90 {result['p90_ms']:.1f} ms, max {result['max_ms']:.1f} ms (target median < 16 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
