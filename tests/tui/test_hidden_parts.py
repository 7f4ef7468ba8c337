"""The TUI hides nothing: respondents left out of the panel (and why), nodes combined otherwise
than the settings say, the completion's warnings, and units not ranked (and why)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ahp.core.panel import AIP_UNDETERMINED
from ahp.io.project import load_project
from ahp.tui.app import AHPApp
from ahp.tui.screens.group import GroupScreen
from ahp.tui.screens.risk import RiskScreen
from tests.conftest import HARKER_WARNING
from tests.io.test_ratings_and_reports import _thin_units
from tests.tui.driving import settle
from tests.tui.screen_text import screen_text

SIZE = (120, 40)


async def test_group_screen_shows_the_left_out_apart_with_the_reason(left_out_path: Path) -> None:
    app = AHPApp(left_out_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupScreen)
        text = screen_text(app)
    assert "nan" not in text
    assert "Group · 2 respondents · left out: New manager (no judgments)" in text.splitlines()[1]
    rows = [line for line in text.splitlines()[2:] if "manager" in line and ("+0." in line or "left out" in line)]
    assert [row.split()[0] for row in rows[:3]] == ["▶", "Regional", "New"]  # the counted first, then the left out
    assert "—" in rows[2] and "left out: no judgments" in rows[2]


async def test_group_screen_says_where_aip_became_aij(undetermined_path: Path) -> None:
    project = load_project(undetermined_path)
    project.settings = replace(project.settings, aggregation="aip")
    project.save()
    app = AHPApp(undetermined_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await settle(app, pilot)
        text = screen_text(app)
    assert AIP_UNDETERMINED.startswith("no respondent's judgments determine")
    assert ("Customer churn degree: combined by judgments (AIJ), not priorities (AIP): no respondent's judgments "
            "determine its weights alone") in " ".join(text.split())  # wrapped at the screen's width
    assert "Service: combined by" not in text


async def test_consistency_panel_shows_the_completion_warning(harker_path: Path) -> None:
    app = AHPApp(harker_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Warning:" not in screen_text(app)  # the goal's matrix is complete
        await pilot.press("tab", "down")  # Service
        await settle(app, pilot)
        assert app.screen.path == "service"
        text = screen_text(app)
    lines = [line.split("│")[-1].strip() for line in text.splitlines()]  # the right-hand pane, wrapped
    at = next(k for k, line in enumerate(lines) if line.startswith("Warning: "))
    assert f"{lines[at]} {lines[at + 1]}" == f"Warning: {HARKER_WARNING.split(': ', 1)[1]}"


async def test_risk_screen_shows_why_a_unit_is_not_ranked(demo_path: Path) -> None:
    _thin_units(demo_path)
    app = AHPApp(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await settle(app, pilot)
        assert isinstance(app.screen, RiskScreen)
        text = screen_text(app)
        await pilot.press("down", "down", "down")
        await settle(app, pilot)
        selected = screen_text(app)
    assert "None" not in text
    empty = next(line for line in text.splitlines() if "Empty store" in line)
    assert "not ranked: no factor is rated" in empty and "—" in empty
    lines = selected.splitlines()
    # the selected unit
    at = next(k for k, line in enumerate(lines) if line.startswith(" What to fix first at Empty store"))
    assert lines[at + 1].strip() == "not ranked: no factor is rated"


def _one_determines(demo_path: Path) -> Path:
    """The demo where only the Store manager's judgments determine the criteria (the Regional
    manager compared one pair there): no consensus at the goal, for want of a second respondent."""
    from itertools import combinations

    project = load_project(demo_path)
    for a, b in list(combinations(["service", "quality", "price", "competition"], 2))[1:]:
        project.set_judgment(1, "goal", a, b, None)
    project.save()
    return demo_path


@pytest.mark.parametrize(("language", "why"), [
    ("en", "S* — Customer churn degree: only one respondent's judgments determine it"),
    ("zh", "S* — 客户流失度：仅一位专家的判断完整"),
])
async def test_group_screen_says_why_a_node_has_no_consensus(demo_path: Path, language: str, why: str) -> None:
    app = AHPApp(_one_determines(demo_path), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, GroupScreen)
        text = screen_text(app)
    assert why in [line.strip() for line in text.splitlines()]
    assert "Service:" not in text and "服务：" not in text  # the nodes with a consensus are not named


async def test_group_screen_says_no_respondent_determines_a_node(undetermined_path: Path) -> None:
    app = AHPApp(undetermined_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await settle(app, pilot)
        text = screen_text(app)
    assert "S* — Customer churn degree: no respondent's judgments determine it" in [
        line.strip() for line in text.splitlines()]
