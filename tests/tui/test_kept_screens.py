"""Screens kept once opened (results, group, sensitivity): opened again they show what they
showed, in the language chosen meanwhile, without drawing anew what did not change; after a
change their numbers and the sensitivity plot are those of the change."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.screen import Screen
from textual_plotext import PlotextPlot

from ahp.tui.app import AHPApp
from ahp.tui.screens.sensitivity import SensitivityScreen
from tests.tui.driving import HeldWork, settle
from tests.tui.screen_text import screen_text

SIZE = (100, 40)


def count_draws(plot: PlotextPlot, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time ``plot`` draws its figure."""
    draws: list[int] = []
    build = plot.plt.build

    def counted() -> str:
        draws.append(1)
        return build()

    monkeypatch.setattr(plot.plt, "build", counted)
    return draws


async def test_the_sensitivity_screen_reopened_after_a_change_says_computing_before_drawing_its_plot(
    demo: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SensitivityScreen)
        draws = count_draws(screen.query_one(PlotextPlot), monkeypatch)
        await pilot.press("escape", "left")  # a judgment changes: the curves shown are not the new ones
        await settle(app, pilot)
        held = HeldWork(app, monkeypatch)
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is screen
        assert "computing…" in screen_text(app)
        assert draws == []  # the first frame waits for no plot
        held.release()
        await settle(app, pilot)
        assert "Tipping points of" in screen_text(app)
        assert draws  # the new curves
        drawn = len(draws)
        await pilot.press("escape", "s")  # nothing changed: shown again as it was
        await settle(app, pilot)
        assert len(draws) == drawn
        await pilot.press("right")  # another weight: other curves
        await settle(app, pilot)
        assert len(draws) == drawn + 1


def plot_text(app: AHPApp) -> str:
    """The sensitivity plot as it is shown (its characters)."""
    return app.screen.query_one(PlotextPlot).render().plain


async def test_the_sensitivity_plot_after_a_change_is_that_of_the_new_numbers(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await settle(app, pilot)
        before = plot_text(app)
        await pilot.press("escape", "left", "left", "left")  # a judgment changes (saved)
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        after = plot_text(app)
        await pilot.press("q")
        await settle(app, pilot)
    fresh = AHPApp(demo)  # the changed file, opened anew
    async with fresh.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await settle(fresh, pilot)
        assert plot_text(fresh) == after
    assert after != before


@pytest.mark.parametrize(("key", "english", "chinese"), [
    ("r", "Hierarchy CR", "层次总排序 CR"),
    ("g", "Overall consensus S*", "总体共识程度 S*"),
    ("s", "Tipping points of", "的临界点"),
])
async def test_a_kept_screen_opened_after_the_language_changed_is_in_the_new_language(
    demo: Path, key: str, english: str, chinese: str,
) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await settle(app, pilot)
        kept = app.screen
        assert english in screen_text(app)
        await pilot.press("escape", "l", key)  # switched while the screen was hidden
        await settle(app, pilot)
        assert app.screen is kept
        text = screen_text(app)
        assert chinese in text and english not in text
        await pilot.press("escape", "l", key)
        await settle(app, pilot)
        text = screen_text(app)
        assert english in text and chinese not in text


async def test_the_first_frame_of_a_reopened_screen_has_no_plot_of_the_numbers_before(
    demo: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await settle(app, pilot)
        screen = app.screen
        plot = screen.query_one(PlotextPlot)
        await pilot.press("escape", "left")  # a judgment changes: the curves shown are not the new ones
        await settle(app, pilot)
        held = HeldWork(app, monkeypatch)
        painted: list[bool] = []  # per frame sent to the terminal: whether the plot is on it
        display = App._display

        def record(self: App, on: Screen, update: object) -> None:
            if on is screen:
                painted.append(bool(plot.region))
            display(self, on, update)

        monkeypatch.setattr(App, "_display", record)
        await pilot.press("s")
        await pilot.pause()
        held.release()
        await settle(app, pilot)
    assert painted[0] is False  # the first frame says "computing…" with no plot of before
    assert painted[-1] is True  # the new curves
