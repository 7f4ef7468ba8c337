"""Snapshot tests (pytest-textual-snapshot) of every screen at 80x24 and 120x40.

Regenerate after a deliberate change with ``pytest tests/tui --snapshot-update`` and look at
the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.reactive import reactive

import ahp.tui.app
from ahp.tui.app import AHPApp
from ahp.tui.outline import read_outline
from ahp.tui.screens.start import StartScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    assert snap_compare(AHPApp(demo), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_inconsistent_in_service(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    """A node made inconsistent: red mark, CR above threshold, a suggestion to apply."""
    keys = ["tab", "down", "tab", "down", *["right"] * 8]
    assert snap_compare(AHPApp(demo), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_fresh_project(snap_compare, fresh: Path, size: tuple[int, int]) -> None:
    assert snap_compare(AHPApp(fresh), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_interview_english(snap_compare, fresh: Path, size: tuple[int, int]) -> None:
    assert snap_compare(AHPApp(fresh), press=["i", "3", "enter", "right", "right"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_interview_chinese(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    assert snap_compare(AHPApp(demo), press=["i", "l", "enter", "enter", "enter", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_results_screen(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    assert snap_compare(AHPApp(demo), press=["r"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_results_screen_chinese(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    assert snap_compare(AHPApp(demo), press=["l", "r"], terminal_size=size)


def test_error_screen(snap_compare, corrupt: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corrupt.parent)  # a relative path keeps tmp_path out of the snapshot
    assert snap_compare(AHPApp(Path(corrupt.name)), terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES)
def test_group_screen(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    """Consensus per node, each respondent against the group, one respondent's weights."""
    assert snap_compare(AHPApp(demo), press=["g"], terminal_size=size)


def test_main_screen_without_respondents(snap_compare, demo: Path) -> None:
    """Every respondent removed: the screen says so and offers n."""
    async def run_before(pilot) -> None:
        await pilot.press("delete", "y", "delete", "y")
        await pilot.app.workers.wait_for_complete()
        pilot.app.clear_notifications()  # they name the kept copies, whose names hold the time

    assert snap_compare(AHPApp(demo), run_before=run_before, terminal_size=(80, 24))


async def _workers_done(pilot) -> None:
    """Wait for Monte Carlo (fixed seed) and saves, so the snapshot is the same every time."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_sensitivity_screen(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    """The plot against the Service weight, its tipping points, the top-k changes."""
    assert snap_compare(AHPApp(demo), press=["s"], run_before=_workers_done, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_sensitivity_monte_carlo(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    """Scrolled to the Monte Carlo table (10,000 draws, seed 0), in Chinese, the Price weight chosen."""
    async def run_before(pilot) -> None:
        await pilot.press("l", "s")
        await _workers_done(pilot)
        await pilot.press("right", "right", "end")
        await _workers_done(pilot)

    assert snap_compare(AHPApp(demo), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_ratings_screen(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    """The riskiest store's ratings, one changed by keys."""
    assert snap_compare(AHPApp(demo), press=["t", "down", "down", "right"], run_before=_workers_done,
                        terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_ratings_screen_chinese(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    assert snap_compare(AHPApp(demo), press=["l", "t", "u"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_risk_screen(snap_compare, demo: Path, size: tuple[int, int]) -> None:
    """Units by risk index, the riskiest one's action list."""
    assert snap_compare(AHPApp(demo), press=["k"], terminal_size=size)


def test_risk_screen_chinese(snap_compare, demo: Path) -> None:
    assert snap_compare(AHPApp(demo), press=["l", "k", "down"], terminal_size=(80, 24))


def test_report_dialog(snap_compare, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(demo.parent)  # a relative path keeps tmp_path out of the snapshot
    assert snap_compare(AHPApp(Path(demo.name)), press=["r", "o"], terminal_size=(80, 24))


class FirstFrameHost(App[None]):
    """Shows the first frame and nothing after it (the engine is never loaded), to snapshot it."""

    CSS_PATH = [Path(ahp.tui.app.__file__).parent / name for name in AHPApp.CSS_PATH]
    BINDINGS = AHPApp.BINDINGS  # the footer as the app shows it
    language = reactive("en")

    def __init__(self, path: Path, language: str) -> None:
        super().__init__()
        self.outline = read_outline(path)
        self.set_reactive(FirstFrameHost.language, language)
        self.title, self.sub_title = self.outline.title, path.name

    def on_mount(self) -> None:
        self.push_screen(StartScreen(self.outline))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_first_frame(snap_compare, demo: Path, language: str) -> None:
    assert snap_compare(FirstFrameHost(demo, language), terminal_size=(80, 24))
