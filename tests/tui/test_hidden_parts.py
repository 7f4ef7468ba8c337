"""The TUI hides nothing: respondents left out of the panel (and why), nodes combined otherwise
than the settings say, the completion's warnings, and units not ranked (and why)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

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
