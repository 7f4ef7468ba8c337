"""The code rules as gates: ruff (the rules and line length of pyproject.toml, with mccabe's
complexity limit of 15) finds nothing in the repository, and no source file of ahp/ is over 400
lines. The import contracts (layers and no import circle) are checked in tests/test_imports.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400


def ruff_command() -> list[str]:
    """ruff from this environment (a dev dependency): its executable beside the interpreter."""
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.fail("ruff is not installed in this environment: pip install -e '.[dev]'")
    return [str(ruff)]


def test_ruff_finds_nothing():
    out = subprocess.run(
        [*ruff_command(), "check", "--no-cache", "--output-format=concise", "ahp", "tests", "bench"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    findings = [line for line in out.stdout.splitlines() if line.startswith(("ahp/", "tests/", "bench/"))]
    assert out.returncode == 0 and not findings, f"{len(findings)} ruff finding(s):\n" + "\n".join(findings)


def test_ruff_gate_sees_a_finding(tmp_path):
    """The gate can fail: ruff, with the project's settings, reports a complex function."""
    branches = "\n".join(f"    if x == {k}:\n        return {k}" for k in range(16))
    (tmp_path / "bad.py").write_text(f"def f(x):\n{branches}\n    return -1\n", encoding="utf-8")
    out = subprocess.run(
        [*ruff_command(), "check", "--no-cache", "--output-format=concise", "--config", str(ROOT / "pyproject.toml"),
         str(tmp_path / "bad.py")],
        capture_output=True, text=True, check=False,
    )
    assert out.returncode == 1
    assert "C901 `f` is too complex (17 > 15)" in out.stdout


def long_files(root: Path) -> list[str]:
    """Every ``*.py`` under ``root`` over :data:`MAX_LINES` lines, as ``path: n lines``."""
    sizes = ((p, len(p.read_text(encoding="utf-8").splitlines())) for p in sorted(root.rglob("*.py")))
    return [f"{p.relative_to(root.parent)}: {n} lines" for p, n in sizes if n > MAX_LINES]


def test_no_source_file_is_over_400_lines():
    assert long_files(ROOT / "ahp") == []


def test_a_long_file_is_named(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "short.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    (tmp_path / "pkg" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert long_files(tmp_path / "pkg") == ["pkg/long.py: 401 lines"]
