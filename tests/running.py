"""``ahp ARGS`` run in this process (so coverage counts it), for the CLI tests."""

from __future__ import annotations

import contextlib
import io
import sys

from ahp.cli import main


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    """The exit status of ``ahp ARGS``, what it printed and what it printed on stderr."""
    out, err, before = io.StringIO(), io.StringIO(), sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as stop:
                code = stop.code
    finally:
        sys.stdin = before
    return code, out.getvalue(), err.getvalue()
