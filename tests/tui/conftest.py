"""Fixtures for the TUI tests: project files copied into tmp_path (never written in the repo)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "examples" / "retail-churn-demo.ahp.toml"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The illustrative demo project (consistent, two respondents), as demo.ahp.toml."""
    target = tmp_path / "demo.ahp.toml"
    shutil.copy(DEMO, target)
    return target


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A path where no project exists yet: the app creates it (every node incomplete)."""
    return tmp_path / "churn.ahp.toml"


@pytest.fixture
def corrupt(tmp_path: Path) -> Path:
    """A project file with a TOML syntax error on line 4."""
    target = tmp_path / "broken.ahp.toml"
    text = DEMO.read_text(encoding="utf-8").splitlines()
    text.insert(3, "this is = = not toml")
    target.write_text("\n".join(text) + "\n", encoding="utf-8")
    return target
