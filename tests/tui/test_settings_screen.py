"""Pilot tests for the settings screen (``c``): every change is saved to [settings] and every number follows."""

from __future__ import annotations

from pathlib import Path

from ahp.io.project import load_project
from ahp.tui.app import AHPApp
from ahp.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.driving import settle
from tests.tui.screen_text import screen_text

SIZE = (100, 30)


def settings_on_disk(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index("[settings]"):text.index("[model]")]


async def test_choosing_the_zh_textbook_practice_saves_it_and_the_numbers_follow(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        text = screen_text(app)
        assert "Practice" in text and "saaty" in text and "from the practice" in text
        await pilot.press("right")  # practice: saaty -> zh-textbook
        await settle(app, pilot)
        s = app.session
        assert (s.project.settings.practice, s.project.settings.threshold) == ("zh-textbook", "lt0.10")
        goal = s.synthesis.nodes["goal"].result
        assert (goal.lambda_convention, goal.acceptance) == ("textbook", "CR < 0.10")
        saved = load_project(demo).settings
        assert (saved.practice, saved.threshold, saved.lambda_max) == ("zh-textbook", "lt0.10", "textbook")
        assert "threshold" not in settings_on_disk(demo)  # left to the practice
        assert "CR < 0.10 for every n" in screen_text(app)

        # the acceptance rule, set on its own: kept over the practice
        await pilot.press(*["down"] * ROWS.index("threshold"), "right")
        await settle(app, pilot)
        assert s.project.settings.explicit == {"threshold"}
        assert "set on its own" in screen_text(app)
        assert 'threshold = "saaty1994"' in settings_on_disk(demo)
        assert load_project(demo).settings.threshold == "saaty1994"


async def test_language_and_method_from_the_settings_screen_and_the_palette(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await app.run_action("settings")  # as the command palette runs it
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("down", "right")  # method: eigenvector -> geometric-mean
        await settle(app, pilot)
        assert load_project(demo).settings.method == "geometric-mean"
        await pilot.press(*["down"] * (ROWS.index("language") - ROWS.index("method")), "enter")
        await settle(app, pilot)
        assert app.language == "zh" and load_project(demo).settings.language == "zh"
        text = screen_text(app)
        assert "语言" in text and "方根法" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    reopened = AHPApp(demo)  # the saved language is the one the app starts in
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert reopened.language == "zh"


async def test_the_language_key_is_remembered_in_the_project(demo: Path) -> None:
    """`l` switches every label and saves the choice to [settings] language, as the settings screen does."""
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await settle(app, pilot)
        assert app.language == "zh" and load_project(demo).settings.language == "zh"
        await pilot.press("l")
        await settle(app, pilot)
        assert app.language == "en" and load_project(demo).settings.language == "en"
