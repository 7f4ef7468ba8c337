"""The TUI and other writers on one file: others' saves are taken in, its own are kept."""

from __future__ import annotations

from pathlib import Path

from ahp.io.project import load_project
from ahp.tui.app import FOLLOW_EVERY, AHPApp
from tests.tui.driving import settle


async def test_the_tui_takes_in_another_writers_answers_and_keeps_its_own(demo_path: Path) -> None:
    app = AHPApp(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        other = load_project(demo_path)
        other.set_judgment(1, "goal", "service", "price", 9)
        other.save()
        await pilot.pause(FOLLOW_EVERY * 2.5)
        assert app.session.project.judgment(1, "goal", "service", "price") == 9
        await pilot.press("left")  # respondent 0's service vs quality: 2 -> 3
        await settle(app, pilot)
    saved = load_project(demo_path)
    assert saved.judgment(1, "goal", "service", "price") == 9
    assert saved.judgment(0, "goal", "service", "quality") == 3
