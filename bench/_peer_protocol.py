"""The loop shared by the peer scripts (standard library only; runs in the peers' venv).

A peer script reads one JSON request per line on stdin ({"id", "kind", "spec", "options",
"timing"}) and answers each with one JSON line on stdout: {"id", "time": {...}, "result": {...}}
or {"id", "error": "..."}. Its first line, before any request, says which versions it runs:
{"ready": true, "versions": {...}}. The library is imported before that line, so import time is
never inside a measurement.

``"timing"`` is the keyword arguments of :func:`_timing.measure` (a first, untimed call gives
the numbers), or ``"once"`` for a workload that is a long loop in itself: one call, timed
(:func:`_timing.once`), whose output gives the numbers; the caller repeats the request to get
a median.
"""

from __future__ import annotations

import json
import sys
import traceback
import warnings
from collections.abc import Callable

from _timing import measure, once

# build(request) -> (fn, result_of): fn() is the timed call, result_of(fn()) makes the
# JSON-able numbers that run.py checks against ours.
Builder = Callable[[dict], tuple[Callable[[], object], Callable[[object], dict]]]


def serve(versions: dict[str, str], builders: dict[str, Builder]) -> None:
    out = sys.stdout
    out.write(json.dumps({"ready": True, "versions": versions}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        answer: dict[str, object] = {"id": request["id"]}
        try:
            build = builders.get(request["kind"])
            if build is None:
                raise NotImplementedError(f"no {request['kind']} workload in this peer")
            fn, result_of = build(request)
            if request["timing"] == "once":  # a long loop (bench/w4_*, w5_*): one timed call
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    seconds, output = once(fn)
                answer["time"] = {"median": seconds, "min": seconds, "number": 1, "repeats": 1}
                answer["result"] = result_of(output)
            else:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    answer["result"] = result_of(fn())
                if caught:
                    answer["warnings"] = sorted({f"{w.category.__name__}: {w.message}" for w in caught})
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    answer["time"] = measure(fn, **request["timing"])
        except Exception as exc:  # a peer refusing a workload is a result, not a crash
            answer["error"] = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
            answer["traceback"] = traceback.format_exc(limit=3)
        out.write(json.dumps(answer) + "\n")
        out.flush()
