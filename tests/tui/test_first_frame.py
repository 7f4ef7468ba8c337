"""The first frame comes before the engine: the hierarchy, title and keys from the file, the
numbers once the project is loaded; nothing typed meanwhile is lost, a file that fails to load
still shows the error screen and is left alone. The analysis screens show at once, saying
"computing…" until their numbers arrive from a worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from ahp.io.project import load_project, new_project
from ahp.io.settings import Settings
from ahp.tui.app import AHPApp
from ahp.tui.screens.error import ErrorScreen
from ahp.tui.screens.group import GroupScreen
from ahp.tui.screens.main import MainScreen
from ahp.tui.screens.results import ResultsScreen
from ahp.tui.screens.start import StartScreen
from tests.tui.driving import HeldWork, settle
from tests.tui.screen_text import screen_text

SIZE = (80, 24)


@pytest.fixture
def first_frames(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each first frame as painted (its text) and whether the engine was loaded by then."""
    frames: list[tuple[str, bool]] = []
    mount = StartScreen.on_mount

    def on_mount(self: StartScreen) -> None:
        self.call_after_refresh(lambda: frames.append((screen_text(self.app), self.app.saver is not None)))
        mount(self)

    monkeypatch.setattr(StartScreen, "on_mount", on_mount)
    return frames


async def test_the_first_frame_shows_the_hierarchy_then_the_numbers_fill_in(demo: Path, first_frames) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        filled = screen_text(app)
    [(first, loaded)] = first_frames
    assert not loaded
    assert "Store manager 1/2  Customer churn degree · 1/6" in first and "Customer churn degree · 1/6" in filled
    assert "computing…" in first and "computing…" not in filled
    for name in ("Service", "Staff attitude and", "Competition"):
        assert name in first
    assert "Local weights" in filled and "CR " in filled
    assert first.splitlines()[-1] == filled.splitlines()[-1]  # the same keys in the footer


async def test_a_chinese_project_has_a_chinese_first_frame(tmp_path: Path, first_frames) -> None:
    path = tmp_path / "x.ahp.toml"
    new_project(path, settings=Settings().with_changes(language="zh")).save()
    app = AHPApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        filled = screen_text(app)
    [(first, _)] = first_frames
    assert "计算中…" in first and "服务" in first and "客户流失度" in first
    assert first.splitlines()[-1] == filled.splitlines()[-1] and "? 帮助" in filled.splitlines()[-1]


async def test_keys_typed_before_the_engine_is_in_are_not_lost(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mount = StartScreen.on_mount

    def typing_at_once(self: StartScreen) -> None:
        mount(self)
        for key in ("left", "left", "tab", "down"):  # Service vs Quality: 2 -> 3 -> 4; then the tree
            self.app.post_message(events.Key(key, None))

    monkeypatch.setattr(StartScreen, "on_mount", typing_at_once)
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.session.value("goal", "service", "quality") == 4.0
        assert app.screen.path == "service"
        await pilot.press("ctrl+z", "ctrl+z")
        assert app.session.value("goal", "service", "quality") == 2.0
        await pilot.press("ctrl+y")
        await settle(app, pilot)
    assert load_project(demo).judgment(0, "goal", "service", "quality") == 3.0


async def test_a_file_that_fails_to_load_after_its_first_frame_shows_the_error(demo: Path, first_frames) -> None:
    demo.write_text(demo.read_text(encoding="utf-8").replace('method = "eigenvector"', 'method = "magic"'),
                    encoding="utf-8")
    before = demo.read_bytes()
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("left", "3", "x", "r", "ctrl+z")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert app.error is not None and "demo.ahp.toml" in app.error and "method" in app.error
        assert "\n" not in app.error
        assert "line 20: settings.method is 'magic'; choose one of" in " ".join(screen_text(app).split())
        await pilot.press("q")
    assert len(first_frames) == 1  # the hierarchy was shown first: the file is valid TOML
    assert demo.read_bytes() == before
    assert not Path(str(demo) + ".bak").exists()


@pytest.mark.parametrize(("key", "screen", "numbers"), [
    ("r", ResultsScreen, "Hierarchy CR"),
    ("g", GroupScreen, "Overall consensus S*"),
    ("s", None, "Tipping points of"),
])
async def test_an_analysis_screen_shows_at_once_and_its_numbers_fill_in(
    demo: Path, monkeypatch: pytest.MonkeyPatch, key: str, screen: type | None, numbers: str,
) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        held = HeldWork(app, monkeypatch)
        await pilot.press(key)
        await pilot.pause()
        if screen is not None:
            assert isinstance(app.screen, screen)
        shown = screen_text(app)
        held.release()
        await settle(app, pilot)
        filled = screen_text(app)
    assert "computing…" in shown and numbers not in shown
    assert numbers in filled and "computing…" not in filled


async def test_the_language_switches_on_a_screen_still_computing(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        held = HeldWork(app, monkeypatch)
        await pilot.press("g", "l")
        await pilot.pause()
        assert "计算中…" in screen_text(app)
        held.release()
        await settle(app, pilot)
        assert "总体共识程度 S*" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert "Overall consensus S*" in screen_text(app)


@pytest.mark.parametrize(("key", "numbers"), [("r", "Hierarchy CR"), ("g", "Overall consensus S*"),
                                              ("s", "Tipping points of")])
async def test_a_screen_opened_again_after_a_change_computes_again(
    demo: Path, monkeypatch: pytest.MonkeyPatch, key: str, numbers: str,
) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(key)
        await settle(app, pilot)
        first = app.screen
        assert numbers in screen_text(app)
        await pilot.press("escape", "left")  # a judgment changes: the numbers shown are not the new ones
        await settle(app, pilot)
        held = HeldWork(app, monkeypatch)
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is first  # kept from its first opening
        shown = screen_text(app)
        held.release()
        await settle(app, pilot)
        filled = screen_text(app)
    assert "computing…" in shown and numbers not in shown
    assert "P(#1)" not in shown  # nor a Monte Carlo table drawn from the numbers before
    assert numbers in filled and "computing…" not in filled


async def test_the_sensitivity_screen_says_monte_carlo_is_coming_while_the_one_way_numbers_compute(
    demo: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        held = HeldWork(app, monkeypatch)
        await pilot.press("s")
        await pilot.pause()
        shown = screen_text(app)
        bar_shown = app.screen.query_one("#sens-progress").display
        held.release()
        await settle(app, pilot)
        filled = screen_text(app)
        ran = app.screen.mc is not None
    assert "Press m to run." not in shown  # it runs by itself once the one-way numbers are in
    assert shown.count("computing…") == 2 and not bar_shown
    assert ran and "computing…" not in filled
