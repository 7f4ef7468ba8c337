"""The layers: the numeric core and the file layer never import Textual, rich or the interface;
neither do the headless commands; and no modules import one another in a circle. Checked
statically (import-linter's contracts in pyproject.toml) and by importing every module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHECK = (
    "import sys; {stmt}; bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
    "print(bad, file=sys.__stdout__)"
)


def modules_after(stmt: str) -> str:
    command = [sys.executable, "-c", CHECK.format(stmt=stmt)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def test_core_and_io_do_not_import_textual():
    assert modules_after("import ahp, ahp.core.hierarchy, ahp.io.project, ahp.io.export, ahp.io.terminal") == "[]"


def test_rank_and_check_do_not_import_textual(tmp_path):
    from tests.conftest import DEMO

    stmt = (
        "import contextlib, io; from ahp.cli import main; "
        "f = io.StringIO(); contextlib.redirect_stdout(f).__enter__(); "
        f"main(['rank', {str(DEMO)!r}]); main(['check', {str(DEMO)!r}])"
    )
    assert modules_after(stmt) == "[]"


def test_reading_commands_do_not_load_the_writer():
    """``rank`` and ``check`` only read the project: tomlkit and the project writer load with the
    first save, not before."""
    from tests.conftest import DEMO

    stmt = (
        "import contextlib, io, sys; from ahp.cli import main; "
        "f = io.StringIO(); contextlib.redirect_stdout(f).__enter__(); "
        f"main(['rank', {str(DEMO)!r}]); main(['check', {str(DEMO)!r}]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'tomlkit' "
        "or m in ('ahp.io.project_sync', 'ahp.io.project_new')), file=sys.__stdout__)"
    )
    out = subprocess.run([sys.executable, "-c", stmt], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_import_contracts_hold():
    """``lint-imports`` (import-linter, a dev dependency) checks the contracts of pyproject.toml."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Contracts: 3 kept, 0 broken." in out.stdout


WALK = """
import importlib, pkgutil, sys
import ahp.core, ahp.io
for package in (ahp.core, ahp.io):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich") or m.startswith(("ahp.tui", "ahp.cli"))))
print(sum(m.startswith(("ahp.core.", "ahp.io.")) for m in sys.modules))
"""


def test_every_core_and_io_module_imports_without_the_interface():
    out = subprocess.run([sys.executable, "-c", WALK], cwd=ROOT, capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0] == "[]"
    assert int(lines[1]) >= 20  # the walk did import the modules


def test_package_and_command_module_load_numpy_on_first_use():
    """``import ahp`` and ``import ahp.cli`` stay light: numpy loads on the engine's first use."""
    stmt = "import sys, ahp, ahp.cli; before = 'numpy' in sys.modules; ahp.priorities([[1, 2], [0.5, 1]])"
    out = subprocess.run([sys.executable, "-c", f"{stmt}; print(before, 'numpy' in sys.modules)"],
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


def test_every_package_of_the_source_is_in_the_wheel():
    """pyproject.toml lists the packages one by one (ahp.criteria lives outside ahp/): a new
    sub-package missing from that list would be absent from a plain install."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "ahp").rglob("__init__.py")}
    assert found <= listed, f"missing from [tool.setuptools] packages: {sorted(found - listed)}"
