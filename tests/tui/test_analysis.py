"""Pilot tests of the sensitivity, ratings, risk and report screens (issues 5 and 6)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Checkbox, DataTable, Input, Static

from ahp.io.project import load_project
from ahp.io.report import gather, render_markdown
from ahp.tui.app import AHPApp
from ahp.tui.screens.export import REPORT_DRAWS, ReportScreen
from ahp.tui.screens.ratings import RatingsScreen
from ahp.tui.screens.risk import RiskScreen
from ahp.tui.screens.sensitivity import SensitivityScreen
from ahp.tui.writing import write_export, write_report
from tests.tui.driving import notifications, settle
from tests.tui.screen_text import screen_text

SIZE = (80, 24)


def table_text(renderable) -> str:
    """A rich renderable as plain text, 120 columns wide."""
    console = Console(width=120, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


# -- sensitivity -----------------------------------------------------------------------------
async def test_sensitivity_shows_the_engines_tipping_points(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("s")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SensitivityScreen)
        expected = load_project(demo).sensitivity(None)  # two respondents: the combined results
        assert screen.path == "service"  # the first criterion first
        want = [p for p in expected.tipping_points if p.node == "service"][: len(screen.shown_points)]
        assert [(p.weight, p.swap) for p in screen.shown_points] == [(p.weight, p.swap) for p in want]
        text = screen_text(app)
        assert f"{want[0].weight:.3f} ({want[0].change:+.3f})" in text
        # the next weight: quality; its points are the engine's too
        await pilot.press("right")
        await pilot.pause()
        assert screen.path == "quality"
        want = [p for p in expected.tipping_points if p.node == "quality"][: len(screen.shown_points)]
        assert [(p.weight, p.swap) for p in screen.shown_points] == [(p.weight, p.swap) for p in want]
        # the smallest change that alters the top 1
        critical = expected.critical[1]
        assert f"{critical.current:.3f} → {critical.weight:.3f}" in screen_text(app)


async def test_monte_carlo_table_is_a_distribution_and_reproducible(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("s")
        await settle(app, pilot)
        screen = app.screen
        assert screen.mc is not None and screen.mc.draws == 10_000
        rows = screen.mc_rows
        assert len(rows) == len(screen.mc.leaves)
        assert sum(r[2] for r in rows) == pytest.approx(1.0)  # P(#1) over the factors
        assert sum(r[4] for r in rows) == pytest.approx(3.0)  # P(top 3): three places
        assert all(0 <= r[3] <= 1 for r in rows)
        printed = table_text(screen.query_one("#sens-mc", Static).content).splitlines()
        assert "P(#1)" in printed[0]
        shown = [float(line.split()[-5]) for line in printed[1:]]  # P(#1), as printed (three decimals)
        assert len(shown) == len(rows) and sum(shown) == pytest.approx(1.0, abs=0.01)
        first = [r[:5] for r in rows]
        await pilot.press("m")  # again, with the same seed
        assert screen._run == 2
        await settle(app, pilot)
        assert [r[:5] for r in screen.mc_rows] == first
        await pilot.press("o")  # ±1 step noise: another result
        await settle(app, pilot)
        assert screen.noise == "step" and [r[:5] for r in screen.mc_rows] != first


async def test_sensitivity_without_judgments_says_so(fresh: Path) -> None:
    app = AHPApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, SensitivityScreen)
        assert "lack judgments" in screen_text(app)
        await pilot.press("right", "m")  # nothing to vary or run: no crash
        await settle(app, pilot)
        assert app.screen.mc is None


# -- ratings and risk ----------------------------------------------------------------------------
def unit_index(app: AHPApp, name: str) -> float:
    return next(u.index for u in app.session.risk().units if u.name == name)


async def test_rating_by_keys_is_saved_and_moves_the_risk_index(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await settle(app, pilot)
        assert isinstance(app.screen, RiskScreen)
        before = unit_index(app, "Riverside store")
        assert f"{before:.1f}" in screen_text(app)
        await pilot.press("t")  # rate the selected (riskiest) unit
        await pilot.pause()
        assert isinstance(app.screen, RatingsScreen)
        assert app.session.project.units[app.session.unit].name == "Riverside store"
        # the second factor: complaints, very poor -> best grade with 1
        await pilot.press("down", "1")
        await settle(app, pilot)
        assert load_project(demo).units[0].ratings["service/complaints"] == "very-good"
        await pilot.press("right", "right")  # two steps toward the worst: fair
        await settle(app, pilot)
        assert load_project(demo).units[0].ratings["service/complaints"] == "fair"
        await pilot.press("x")
        await settle(app, pilot)
        assert "service/complaints" not in load_project(demo).units[0].ratings
        await pilot.press("ctrl+z")  # undo the clear
        await settle(app, pilot)
        assert load_project(demo).units[0].ratings["service/complaints"] == "fair"
        await pilot.press("k")  # back to the risk screen
        await pilot.pause()
        assert isinstance(app.screen, RiskScreen)
        after = unit_index(app, "Riverside store")
        weight = app.session.global_weights()["service/complaints"]
        assert after == pytest.approx(before - 100 * weight * (1.0 - 0.5))
        assert f"{after:.1f}" in screen_text(app)


async def test_add_and_remove_a_unit(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(Input).value = "Harbour store"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RatingsScreen)
        assert [u.name for u in load_project(demo).units][-1] == "Harbour store"
        assert "Harbour store" in screen_text(app) and "4/4" in screen_text(app)
        await pilot.press("3")  # the first factor, fair
        await settle(app, pilot)
        assert load_project(demo).units[-1].ratings == {"service/attitude": "fair"}
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")  # no: kept
        await settle(app, pilot)
        assert len(load_project(demo).units) == 4
        await pilot.press("delete", "y")
        await settle(app, pilot)
        assert [u.name for u in load_project(demo).units] == ["Riverside store", "Mall store", "Station store"]
        assert "Harbour store" not in screen_text(app)
        await pilot.press("u")  # the next unit comes round
        await pilot.pause()
        assert app.session.unit == 0


async def test_rename_a_unit_persists_and_keeps_its_ratings(demo: Path) -> None:
    before = load_project(demo).units[0]
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, RatingsScreen)
        await pilot.press("1")  # a rating made before the rename: undone after it
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        prompt = app.screen.query_one(Input)
        assert prompt.value == "Riverside store"  # the old name, selected: typing replaces it
        prompt.value = "Riverside flagship"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RatingsScreen)
        saved = load_project(demo).units
        assert [u.name for u in saved] == ["Riverside flagship", "Mall store", "Station store"]
        assert saved[0].ratings == {**before.ratings, "service/attitude": "very-good"}
        assert "Riverside flagship" in screen_text(app) and "Riverside store" not in screen_text(app)
        assert notifications(app)[-1] == "Renamed Riverside store to Riverside flagship"
        assert any(u.name == "Riverside flagship" for u in app.session.risk().units)
        await pilot.press("ctrl+z")  # the rating's undo follows the unit, not its old name
        await settle(app, pilot)
        assert load_project(demo).units[0].ratings == before.ratings
        assert load_project(demo).units[0].name == "Riverside flagship"


async def test_rename_a_unit_to_a_taken_or_empty_name_is_refused(demo: Path) -> None:
    before = demo.read_bytes()
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one(Input).value = "Mall store"
        await pilot.press("enter")
        await settle(app, pilot)
        assert notifications(app)[-1] == "there is already a unit named 'Mall store'"
        assert "already a unit" in screen_text(app)  # the dialog stays open with the error
        app.screen.query_one(Input).value = "   "
        await pilot.press("enter")
        await settle(app, pilot)
        assert notifications(app)[-1] == "a unit needs a name"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, RatingsScreen)
        assert [u.name for u in app.session.project.units] == ["Riverside store", "Mall store", "Station store"]
    assert demo.read_bytes() == before


async def test_rename_a_unit_from_the_palette(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")  # the ratings screen's own commands are in the palette there
        await pilot.pause()
        assert any(action == "rename_unit" for action, _, _ in RatingsScreen.PALETTE)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*["space" if c == " " else c for c in "rename the unit"])
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Rename Riverside store" in screen_text(app)
        app.screen.query_one(Input).value = "Riverside outlet"
        await pilot.press("enter")
        await settle(app, pilot)
        assert load_project(demo).units[0].name == "Riverside outlet"


async def test_rename_without_units_rings_the_bell(fresh: Path) -> None:
    app = AHPApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "m")
        await pilot.pause()
        assert isinstance(app.screen, RatingsScreen)  # no dialog: there is nothing to rename


async def test_ratings_screen_without_units(fresh: Path) -> None:
    app = AHPApp(fresh)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert "No rated units yet" in screen_text(app)
        await pilot.press("right", "1", "x", "u")  # nothing to rate: no crash
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, RiskScreen)
        assert not app.screen.query_one(DataTable).display


# -- the report ------------------------------------------------------------------------------
@pytest.mark.parametrize("ext", ["html", "md", "xlsx", "docx"])
async def test_report_from_the_results_screen(demo: Path, tmp_path: Path, ext: str) -> None:
    target = tmp_path / f"out.{ext}"
    app = AHPApp(demo, language="zh" if ext == "md" else "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "o")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
        assert target.exists()
    if ext == "html":
        text = target.read_text(encoding="utf-8")
        assert "http" not in text and "<svg" in text and "Riverside store" in text
    elif ext == "md":
        assert "客户流失度" in target.read_text(encoding="utf-8")
    elif ext == "docx":
        from docx import Document

        headings = [p.text for p in Document(str(target)).paragraphs if p.style.name.startswith("Heading")]
        assert {"Overview", "Judgment matrices", "Overall ranking", "Experts", "Churn risk by unit"} <= set(headings)
    else:
        openpyxl = pytest.importorskip("openpyxl")
        assert openpyxl.load_workbook(target).sheetnames == [
            "Overview", "Judgment matrices", "Overall ranking", "Experts", "Sensitivity", "Churn risk by unit",
            "Appendix"]


async def test_report_in_word_from_the_palette(demo: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*["space" if c == " " else c for c in "export report as word"])
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        target = Path(app.screen.query_one(Input).value)
        assert target == demo.with_name("demo-report.docx")
        app.screen.query_one(Checkbox).value = False
        await pilot.press("enter")
        await settle(app, pilot)
    assert target.read_bytes()[:2] == b"PK"


async def test_report_refuses_an_unknown_extension(demo: Path, tmp_path: Path) -> None:
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "o")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "out.pdf")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen) and ".docx" in screen_text(app)
        assert not (tmp_path / "out.pdf").exists()


async def test_a_write_that_fails_is_a_notification(demo: Path, tmp_path: Path) -> None:
    """An export or a report into a folder that does not exist: one line saying so, no crash."""
    missing = tmp_path / "no such folder"
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        write_export(app, missing / "out.csv", "rank,path\n")
        await settle(app, pilot)
        write_report(app, app.session, "en", missing / "out.md", "md", None)
        await settle(app, pilot)
        shown = notifications(app)[-2:]
        assert shown == [f"Not written: cannot write {missing / name}: folder {missing} does not exist"
                         for name in ("out.csv", "out.md")]
        assert not missing.exists()


@pytest.mark.parametrize("presses, respondent", [([], None), (["p", "p"], "Regional manager")])
async def test_report_is_of_the_results_on_screen(demo: Path, tmp_path: Path, presses: list[str],
                                                   respondent: str | None) -> None:
    """All respondents combined, or (``p`` on the results screen) one of them: the report follows."""
    target = tmp_path / "out.md"
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", *presses)
        await pilot.pause()
        assert app.session.results_respondent() == respondent
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
    expected = render_markdown(gather(load_project(demo), "en", draws=REPORT_DRAWS, seed=0, respondent=respondent))
    text = target.read_text(encoding="utf-8")
    assert text == expected
    if respondent is None:
        assert "2 experts combined" in text and "Agreement between experts" in text
    else:
        assert "judgments of Regional manager" in text and "Agreement between experts" not in text


async def test_xlsx_report_leaves_no_temporary_file(demo: Path, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"an older report")
    app = AHPApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "o")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        app.screen.query_one(Checkbox).value = False
        await pilot.press("enter", "enter")  # the second enter confirms replacing the file
        await settle(app, pilot)
    assert [p.name for p in tmp_path.iterdir() if p.name != "demo.ahp.toml" and not p.name.endswith(".bak")] == [
        "out.xlsx"]
    assert target.read_bytes()[:2] == b"PK"  # a workbook (a zip), no longer the old bytes
