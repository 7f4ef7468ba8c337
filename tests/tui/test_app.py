"""Pilot tests: drive the app by keys and check its state, the screen and the file on disk."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ahp.io.project import load_project
from ahp.tui.app import COMMANDS, AHPApp
from ahp.tui.screens.main import MainScreen
from ahp.tui.texts import answer
from ahp.tui.widgets.hierarchy import HierarchyTree
from ahp.tui.widgets.pair_table import PairTable
from ahp.tui.widgets.weights import WeightBars
from tests.tui.driving import settle
from tests.tui.screen_text import screen_text

SIZE = (80, 24)


def on_disk(path: Path) -> dict:
    """Respondent 0's judgments as saved, normalised to ``{path: {(a, b): value}}`` with a < b by order."""
    return judgments(load_project(path))


def judgments(project) -> dict:
    out = {}
    for path, pairs in project.respondents[0].judgments.items():
        for (a, b), v in pairs.items():
            key = (a, b) if a < b else (b, a)
            out[(path, *key)] = round(v if a < b else 1 / v, 9)
    return out


def goal_cr(app: AHPApp) -> float:
    return app.session.synthesis.nodes["goal"].result.cr


async def test_start_selects_goal_and_focuses_first_pair(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.path == "goal"
        assert isinstance(app.focused, PairTable) and app.focused.cursor == 0
        assert app.screen.current_pair() == ("service", "quality")
        tree = app.screen.query_one(HierarchyTree)
        assert tree.cursor_node is tree.root


async def test_changing_a_judgment_updates_weights_and_cr(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before_w = app.session.synthesis.nodes["goal"].local_weights.copy()
        before_cr = goal_cr(app)
        assert app.session.value("goal", "service", "quality") == 2.0
        await pilot.press("left")  # one step toward Service: 2 -> 3
        await pilot.pause()
        assert app.session.value("goal", "service", "quality") == 3.0
        after_w = app.session.synthesis.nodes["goal"].local_weights
        assert after_w[0] > before_w[0] and goal_cr(app) != pytest.approx(before_cr)
        assert app.screen.query_one(WeightBars).weights == pytest.approx(list(after_w))
        await pilot.press("right", "right", "right")  # 3 -> 2 -> 1 -> 1/2
        await pilot.press("7")  # intensity 7 toward the favoured (right) side
        await pilot.pause()
        assert app.session.value("goal", "service", "quality") == pytest.approx(1 / 7)
        await pilot.press("equals_sign")
        assert app.session.value("goal", "service", "quality") == 1.0
        await pilot.press("x")
        await settle(app, pilot)
        assert app.session.value("goal", "service", "quality") is None
        assert app.session.synthesis.nodes["goal"].result.missing == 1
        assert ("goal", "quality", "service") not in on_disk(demo)


async def test_applying_the_suggestion_lowers_cr(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", *["right"] * 12)  # service vs competition: 3 -> 1/9, out of line
        await pilot.pause()
        r = app.session.synthesis.nodes["goal"].result
        assert not r.consistent and r.suggestions
        expected = r.suggestions[0].cr_after
        await pilot.press("a")
        await settle(app, pilot)
        assert goal_cr(app) < r.cr
        assert goal_cr(app) == pytest.approx(expected)
        assert on_disk(demo) == judgments(app.session.project)


async def test_undo_and_redo_restore_judgments_and_the_file(demo: Path) -> None:
    original = on_disk(demo)
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("left", "down", "5")
        await settle(app, pilot)
        changed = on_disk(demo)
        assert changed != original
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        await settle(app, pilot)
        assert on_disk(demo) == original
        assert app.screen.query_one(PairTable).cursor == 0  # undo brings the pair back into view
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y")
        await settle(app, pilot)
        assert on_disk(demo) == changed


async def test_file_on_disk_matches_after_each_change(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ["left", "down", "3", "down", "x", "tab", "down", "tab", "right", "a", "ctrl+z"]:
            await pilot.press(key)
            await settle(app, pilot)
            assert on_disk(demo) == judgments(app.session.project), key
    assert Path(str(demo) + ".bak").exists()


async def test_tab_and_tree_choose_the_node(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        assert isinstance(app.focused, HierarchyTree)
        await pilot.press("down")  # Service
        await pilot.pause()
        assert app.screen.path == "service"
        await pilot.press("down", "down")  # Service's second factor: its first pair
        await pilot.pause()
        assert app.screen.path == "service" and "complaints" in app.screen.current_pair()
        await pilot.press("tab", "left")
        await pilot.pause()
        assert isinstance(app.focused, PairTable)
        assert app.session.value("service", *app.screen.current_pair()) is not None


async def test_interview_skip_leaves_pair_missing_and_node_completed(fresh: Path) -> None:
    app = AHPApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert all(a.status == "incomplete" for a in app.session.synthesis.nodes.values())
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        await pilot.press("3", "enter", "right", "right", "enter", "equals_sign", "enter")
        await pilot.pause()
        asked = screen.interview.asked[:3]
        assert [(q.a, q.b) for q in asked] == [("service", "quality"), ("quality", "price"), ("price", "competition")]
        goal = app.session.synthesis.nodes["goal"]
        assert goal.status != "incomplete" and goal.result.missing == 3
        skipped = []
        for _ in range(3):  # the service node's spanning pairs, left missing
            skipped.append(screen.current)
            await pilot.press("s")
        await settle(app, pilot)
        assert [q.path for q in skipped] == ["service"] * 3
        assert all(app.session.value(q.path, q.a, q.b) is None for q in skipped)
        goal = app.session.synthesis.nodes["goal"]
        assert goal.result is not None and goal.result.completed is not None and goal.result.missing == 3
        saved = load_project(fresh)
        assert saved.judgment(0, "goal", "quality", "price") == pytest.approx(1 / 3)  # missing counts as 1
        assert saved.judgment(0, "goal", "service", "price") is None
        assert saved.judgment(0, "service", skipped[0].a, skipped[0].b) is None
        assert np.isnan(saved.matrix("goal", 0)[0, 2])


async def test_interview_in_chinese(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "l")
        await pilot.pause()
        text = str(app.screen.query_one("#question").render())
        assert "「服务」和「质量」哪一个更容易导致顾客流失" in text
        await pilot.press("l", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.language == "en"


async def test_corrupt_file_shows_error_and_is_not_overwritten(corrupt: Path) -> None:
    before = corrupt.read_bytes()
    app = AHPApp(corrupt)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from ahp.tui.screens.error import ErrorScreen

        assert isinstance(app.screen, ErrorScreen)
        assert "broken.ahp.toml" in app.error and "line 4" in app.error
        await pilot.press("left", "3", "x", "a", "ctrl+z", "r", "i", "e")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorScreen)
        await pilot.press("q")
    assert corrupt.read_bytes() == before
    assert not Path(str(corrupt) + ".bak").exists()


async def test_fresh_project_is_created(fresh: Path) -> None:
    app = AHPApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert fresh.exists() and app.error is None
        assert app.session.synthesis.nodes["goal"].status == "incomplete"


async def test_results_and_export(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        from ahp.tui.screens.results import ResultsScreen

        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        out = demo.with_name("demo-results.csv")
        assert out.read_text(encoding="utf-8").startswith("\ufeffrank,path,name")  # a byte-order mark, for Excel
        # again: the file exists, so enter must be pressed twice
        app.action_export("md")
        await pilot.pause()
        md = demo.with_name("demo-results.md")
        md.write_text("keep", encoding="utf-8")
        await pilot.press("enter")
        await settle(app, pilot)
        assert md.read_text(encoding="utf-8") == "keep"
        await pilot.press("enter")
        await settle(app, pilot)
        assert md.read_text(encoding="utf-8").startswith("# ")
        assert isinstance(app.screen, ResultsScreen)


async def test_resize_keeps_the_screen_whole_and_comes_back_the_same(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = screen_text(app)
        for width, height in [(40, 10), (120, 40), (20, 5), (80, 24)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert len(lines) == height and all(len(line) <= width for line in lines)
            if width >= 40:  # whose judgments, and the keys to leave, stay on screen
                assert "Store manager" in "\n".join(lines[:3]) and "quit" in lines[-1]
        assert screen_text(app) == start  # back at 80x24: as it was
        await pilot.press("down", "left")
        await pilot.pause()
        assert answer("Service", "Price", app.session.value("goal", "service", "price"), "en") in screen_text(app)
        await pilot.press("r")
        for width, height in [(30, 8), (120, 40)]:
            await pilot.resize_terminal(width, height)
            await settle(app, pilot)
        assert "Ranking of churn factors" in screen_text(app)
        await pilot.press("i")
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert len(screen_text(app).splitlines()) == 8


async def test_help_and_command_palette_list_every_action(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        from ahp.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert all(title in titles for _, title, _ in COMMANDS)
        for action in ("interview", "results", "export", "language", "undo", "redo", "help", "quit"):
            assert any(a.startswith(action) for a, _, _ in COMMANDS)


async def test_footer_follows_the_keys_and_the_language_and_a_click_presses_the_key(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        footer = screen_text(app).splitlines()[-1]
        assert footer.rstrip() == "←→ judge = equal x clear a apply p respondent r results g group ? help q quit"
        await pilot.press("left", "down", "3", "tab", "tab")
        await settle(app, pilot)
        assert screen_text(app).splitlines()[-1] == footer
        await pilot.click("KeysFooter", offset=(footer.index("p respondent") + 3, 0))
        await settle(app, pilot)
        assert app.session.respondent_name == "Regional manager"
        await pilot.press("l")
        await settle(app, pilot)
        assert "? 帮助" in screen_text(app).splitlines()[-1]
        await pilot.resize_terminal(120, 40)
        await settle(app, pilot)
        assert screen_text(app).splitlines()[-1].rstrip().endswith("▏^p 命令")


async def test_tree_shows_names_as_written_not_as_markup(demo: Path) -> None:
    text = demo.read_text(encoding="utf-8").replace('name = "Price"', 'name = "Price [b]and[/b] value :smile:"')
    demo.write_text(text, encoding="utf-8")
    app = AHPApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(HierarchyTree)
        assert "Price [b]and[/b] value :smile:" in tree.by_path["price"].label.plain


def test_the_help_names_every_report_format_in_both_languages() -> None:
    from ahp.io.report import FORMATS
    from ahp.tui.screens.help import HELP_EN, HELP_ZH

    for fmt in FORMATS:
        assert f".{fmt}" in HELP_EN and f".{fmt}" in HELP_ZH, fmt
