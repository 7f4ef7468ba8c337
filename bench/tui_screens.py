"""Time from a key to the screen it opens: results (r), sensitivity (s), group (g), language (l).

Driven by Pilot on the retail-churn demo at 80x24. Each sample runs from posting the key event
to the app (as the terminal driver does) until the first refresh of the screen the key shows
(for ``l``: the first refresh after the language changed, on the main screen and on the
sensitivity screen). Between samples the screen is closed
(esc) and every worker is left to finish, so each sample starts from the main screen at rest.
Targets: a screen within 100 ms, the language switch within 200 ms.

Usage: python bench/tui_screens.py [--rounds N] [--json] [--project FILE]
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
KEYS = {"r": "results", "s": "sensitivity", "g": "group", "l": "language", "sl": "language on sensitivity"}
TARGET_MS = {"r": 100, "s": 100, "g": 100, "l": 200, "sl": 200}


async def _shown(app, key: str) -> tuple[float, float]:
    """Post ``key``; return the seconds (wall clock, and CPU of this process: on a busy machine
    the wall clock counts other processes' turns too) until the screen it brings has refreshed."""
    from textual import events

    before_screen, before_language = app.screen, app.language
    painted = asyncio.Event()
    t0, c0 = time.perf_counter(), time.process_time()
    app.post_message(events.Key(key, None))
    while app.screen is before_screen and app.language == before_language:
        await asyncio.sleep(0)
    app.screen.call_after_refresh(painted.set)
    await asyncio.wait_for(painted.wait(), 30)
    return time.perf_counter() - t0, time.process_time() - c0


async def measure(rounds: int, source: Path | None = None) -> dict[str, list[tuple[float, float]]]:
    from ahp.tui.app import AHPApp

    work = Path(tempfile.mkdtemp())
    project = work / "demo.ahp.toml"
    shutil.copy(source or REPO / "examples" / "retail-churn-demo.ahp.toml", project)
    samples: dict[str, list[tuple[float, float]]] = {key: [] for key in KEYS}
    try:
        app = AHPApp(project)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for _ in range(rounds):
                for key in KEYS:
                    if key == "sl":  # the language switched on a screen with heavy numbers
                        await pilot.press("s")
                        await app.workers.wait_for_complete()
                        await pilot.pause()
                    samples[key].append(await _shown(app, key[-1]))
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                    if key != "l":
                        await pilot.press("escape")
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                # a judgment change, so cached numbers do not hide the work of the next round
                await pilot.press("left" if len(samples["r"]) % 2 else "right")
                await app.workers.wait_for_complete()
                await pilot.pause()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--project", type=Path, help="another project file (copied; default: the retail-churn demo)")
    opts = parser.parse_args()
    samples = asyncio.run(measure(opts.rounds, opts.project))
    result = {
        KEYS[key]: {"median_ms": statistics.median(w for w, _ in v) * 1000, "max_ms": max(w for w, _ in v) * 1000,
                    "cpu_median_ms": statistics.median(c for _, c in v) * 1000, "target_ms": TARGET_MS[key]}
        for key, v in samples.items()
    }
    if opts.json:
        print(json.dumps(result, indent=2))
    else:
        for name, r in result.items():
            print(f"{name:24} median {r['median_ms']:6.1f} ms  max {r['max_ms']:6.1f} ms  "
                  f"CPU median {r['cpu_median_ms']:6.1f} ms  (target {r['target_ms']} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
