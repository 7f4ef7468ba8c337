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


@pytest.fixture
def left_out_path(demo_path: Path) -> Path:
    """The demo with a third respondent, "New manager", who gave no judgment (left out of the panel)."""
    from ahp import load_project

    project = load_project(demo_path)
    project.add_respondent("New manager")
    project.save()
    return demo_path


@pytest.fixture
def undetermined_path(demo_path: Path) -> Path:
    """The demo where neither respondent's judgments of the criteria determine them alone (the
    Store manager compared service-quality and price-competition, the Regional manager
    quality-price): under AIP the goal's node is combined by AIJ, and says so."""
    from itertools import combinations

    from ahp import load_project

    project = load_project(demo_path)
    kept = ({("service", "quality"), ("price", "competition")}, {("quality", "price")})
    for r, keep in enumerate(kept):
        for a, b in combinations(["service", "quality", "price", "competition"], 2):
            if (a, b) not in keep:
                project.set_judgment(r, "goal", a, b, None)
    project.save()
    return demo_path


@pytest.fixture
def harker_path(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo with the attitude-complaints pair missing for both respondents, while the
    lambda-max completion handles no missing pair: Service is completed by Harker's method and
    every output must say so."""
    from ahp import load_project
    from ahp.core import completion

    project = load_project(demo_path)
    for r in range(2):
        project.set_judgment(r, "service", "attitude", "complaints", None)
    project.save()
    monkeypatch.setattr(completion, "NEWTON_PAIRS_UP_TO", 0)
    return demo_path


#: The warning of :func:`harker_path`'s Service node.
HARKER_WARNING = ("Service (service): 1 judgments missing, more than the 0 the lambda-max completion handles: "
                  "completed by Harker's method instead")
