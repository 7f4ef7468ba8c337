"""Shared fixtures: the demo project and a fresh project, copied into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "retail-churn-demo.ahp.toml"


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A copy of the illustrative demo project (two respondents, complete, consistent)."""
    target = tmp_path / "demo.ahp.toml"
    shutil.copy(DEMO, target)
    return target
