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


def test_package_and_command_module_load_numpy_on_first_use():
    """``ahp.cli.run`` sets the process up (garbage collector thresholds) before numpy loads."""
    stmt = "import sys, ahp, ahp.cli; before = 'numpy' in sys.modules; ahp.priorities([[1, 2], [0.5, 1]])"
    out = subprocess.run([sys.executable, "-c", f"{stmt}; print(before, 'numpy' in sys.modules)"],
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
