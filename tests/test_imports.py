"""The numeric core and the file layer never import Textual; neither do the headless commands."""

from __future__ import annotations

import subprocess
import sys

CHECK = "import sys; {stmt}; bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); print(bad, file=sys.__stdout__)"


def modules_after(stmt: str) -> str:
    return subprocess.run([sys.executable, "-c", CHECK.format(stmt=stmt)], capture_output=True, text=True, check=True).stdout.strip()


def test_core_and_io_do_not_import_textual():
    assert modules_after("import ahp, ahp.core.hierarchy, ahp.io.project, ahp.io.export, ahp.io.terminal") == "[]"


def test_rank_and_check_do_not_import_textual(tmp_path):
    from tests.conftest import DEMO

    stmt = (
        "import contextlib, io; from ahp.cli import main; "
        f"f = io.StringIO(); contextlib.redirect_stdout(f).__enter__(); main(['rank', {str(DEMO)!r}]); main(['check', {str(DEMO)!r}])"
    )
    assert modules_after(stmt) == "[]"
