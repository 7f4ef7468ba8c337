"""The one timing routine every side of the benchmark uses (ours and each peer's).

Standard library only, so the peer scripts can import it from the peers' virtualenv too.
Import time is never inside a measurement: callers build their inputs and import their
library first, then hand :func:`measure` a no-argument callable.

Method (the same as :mod:`timeit`'s, made explicit so both sides are equal):
1. ``warmup`` calls, untimed;
2. calibrate ``number``, the calls per repeat: 1, 2, 5, 10, 20, 50 ... until one repeat takes
   at least ``min_time`` seconds;
3. ``repeats`` repeats of ``number`` calls, each timed with :func:`time.perf_counter`;
4. report the median (and the minimum) of the per-call times. The garbage collector is off
   during the timed loops, as in timeit.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

#: Settings of a normal run and of ``--quick`` (a smoke run: fewer, shorter repeats).
NORMAL = {"min_time": 0.2, "repeats": 7, "warmup": 3}
QUICK = {"min_time": 0.03, "repeats": 3, "warmup": 1}


def _run(fn: Callable[[], object], number: int) -> float:
    clock = time.perf_counter
    t0 = clock()
    for _ in range(number):
        fn()
    return clock() - t0


def measure(
    fn: Callable[[], object],
    *,
    min_time: float = 0.2,
    repeats: int = 7,
    warmup: int = 3,
    budget: float = 30.0,
) -> dict[str, object]:
    """Time ``fn()``; returns seconds per call (``median``, ``min``) and how it was measured.

    ``budget`` bounds the whole measurement in seconds: a very slow ``fn`` gets fewer repeats
    (never fewer than 3) rather than a run that never ends.
    """
    gc_was_enabled = gc.isenabled()
    try:
        started = time.perf_counter()
        for _ in range(warmup):
            fn()
        gc.disable()
        number = 1
        while True:
            for step in (1, 2, 5):
                n = number * step
                dt = _run(fn, n)
                if dt >= min_time:
                    number = n
                    break
            else:
                number *= 10
                continue
            break
        per_call = [dt / number]  # the calibrating repeat counts as the first one
        spent = time.perf_counter() - started
        for _ in range(repeats - 1):
            if len(per_call) >= 3 and spent + dt > budget:
                break
            per_call.append(_run(fn, number) / number)
            spent = time.perf_counter() - started
    finally:
        if gc_was_enabled:
            gc.enable()
    return {
        "median": statistics.median(per_call),
        "min": min(per_call),
        "number": number,
        "repeats": len(per_call),
    }


def once(fn: Callable[[], object]) -> tuple[float, object]:
    """Time one call of a long-running ``fn`` (the GC off, as in :func:`measure`): (seconds, output).

    For workloads that are loops of thousands of calls themselves (bench/w4_*, w5_*): the
    caller repeats them, interleaved with the other sides, and takes the median.
    """
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = time.perf_counter()
        out = fn()
        seconds = time.perf_counter() - t0
    finally:
        if gc_was_enabled:
            gc.enable()
    return seconds, out
