"""Ratings, the churn-risk index, action lists, and the reports (HTML, Markdown, Excel)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ahp.core.ratings import actions, risk
from ahp.errors import AHPError, ProjectFileError, SurveyError
from ahp.io.project import load_project, new_project
from ahp.io.ratings_file import read_ratings
from ahp.io.report import gather, render_html, render_markdown, write_xlsx
from ahp.io.risk import risk_report

SMALL = """format = 1
[model]
id = "m"
goal = "Churn"
[[model.criteria]]
id = "service"
name = "Service"
[[model.criteria]]
id = "price"
name = "Price"
[[model.criteria.children]]
id = "level"
name = "Price level"
[[model.criteria.children]]
id = "promo"
name = "Promotions"
[[respondents]]
name = "Ann"
[respondents.judgments.goal]
service = { price = 3 }
[respondents.judgments.price]
level = { promo = 2 }
"""


def test_risk_index_equals_the_hand_computed_weighted_sum(tmp_path):
    path = tmp_path / "s.ahp.toml"
    path.write_text(
        SMALL
        + '[[units]]\nname = "North"\n[units.ratings]\n'
        + 'service = "poor"\n"price/level" = "very-poor"\n"price/promo" = "good"\n'
    )
    p = load_project(path)
    # weights: service 3/4; price 1/4 split 2/3, 1/3 -> level 1/6, promo 1/12
    unit = risk_report(p, p.synthesize(suggestions=0)).units[0]
    assert unit.index == pytest.approx(100 * (0.75 * 0.75 + (1 / 6) * 1.0 + (1 / 12) * 0.25))
    assert unit.coverage == pytest.approx(1.0)
    assert [a.path for a in unit.actions] == ["service", "price/level", "price/promo"]
    assert [a.gain for a in unit.actions] == pytest.approx([75 * 0.75, 100 / 6, 100 / 12 * 0.25])


def test_unrated_factors_and_the_action_order_in_core():
    g = np.array([0.4, 0.35, 0.25])
    level = np.array([[0.25, 0.75, np.nan]])
    r = risk(g, level)
    assert r.index[0] == pytest.approx(100 * (0.4 * 0.25 + 0.35 * 0.75) / 0.75)
    assert r.coverage[0] == pytest.approx(0.75)
    assert actions(g, level[0], 0.0).tolist() == [1, 0, 2]


def test_units_ranked_riskiest_first_in_the_demo(demo_path):
    p = load_project(demo_path)
    report = risk_report(p, p.synthesize(suggestions=0))
    assert [u.rank for u in report.units] == [1, 2, 3]
    assert report.units[0].index >= report.units[1].index >= report.units[2].index
    assert report.units[0].actions[0].path == "service/complaints"


@pytest.mark.parametrize(
    ("ratings", "message"),
    [
        (
            'service = "awful"\n',
            "unit 'North', service: 'awful' is not a grade; grades: very-good, good, fair, poor, very-poor",
        ),
        ('"price/cost" = "fair"\n', "unit 'North': 'price/cost' is not a churn factor of the model"),
        ('price = "fair"\n', "unit 'North': 'price' is not a churn factor of the model"),
    ],
)
def test_bad_ratings_in_the_project_file_name_the_line(tmp_path, ratings, message):
    path = tmp_path / "s.ahp.toml"
    path.write_text(SMALL + '[[units]]\nname = "North"\n[units.ratings]\n' + ratings)
    with pytest.raises(ProjectFileError) as err:
        load_project(path)
    assert str(err.value) == f"{path}, line 26: {message}"


def test_ratings_csv_import_and_every_bad_cell(demo_path):
    p = load_project(demo_path)
    rows = read_ratings("unit,service/attitude,price/level\nNew store,很差,Good\nMall store,fair,\n", p.model)
    assert rows == [
        ("New store", {"service/attitude": "very-poor", "price/level": "good"}),
        ("Mall store", {"service/attitude": "fair"}),
    ]
    assert p.import_ratings(rows) == (1, 1)
    p.save()
    again = load_project(demo_path)
    assert again.units[-1].ratings == {"service/attitude": "very-poor", "price/level": "good"}
    assert again.units[1].ratings["service/attitude"] == "fair"
    with pytest.raises(SurveyError) as err:
        read_ratings("unit,service/attitude,price/cost\nA,bad,\n,fair,\n", p.model)
    assert list(map(str, err.value.problems)) == [
        "row 1, column 3 'price/cost': not a churn factor of the model (e.g. 'service/attitude')"
    ]
    with pytest.raises(SurveyError) as err:
        read_ratings("unit,service/attitude\nA,bad\n,fair\nA,good\n", p.model)
    assert list(map(str, err.value.problems)) == [
        "row 2, column 'service/attitude': 'bad' is not a grade; grades: very-good, good, fair, poor, very-poor",
        "row 3, column 'unit': missing unit name",
        "row 4, column 'unit': duplicate unit 'A' (also row 2)",
    ]


def test_set_rating_and_units_round_trip(tmp_path):
    p = new_project(tmp_path / "n.ahp.toml")
    u = p.add_unit("Store 7")
    p.set_rating(u, "price/level", "Poor")
    p.set_rating(u, "service/attitude", "很好")
    p.save()
    again = load_project(p.path)
    assert again.units[0].ratings == {"price/level": "poor", "service/attitude": "very-good"}
    with pytest.raises(AHPError, match="^'price' is not a churn factor of the model$"):
        p.set_rating(u, "price", "poor")
    with pytest.raises(AHPError, match="^'meh' is not a grade; grades: very-good, good, fair, poor, very-poor$"):
        p.set_rating(u, "price/level", "meh")
    with pytest.raises(AHPError, match="^there is already a unit named 'Store 7'$"):
        p.add_unit("Store 7")


def compared_grades_model(tmp_path: Path) -> Path:
    """A small model whose three grades' intensities come from pairwise comparisons (3, 9, 3)."""
    model = tmp_path / "m.toml"
    model.write_text(
        SMALL.split("[[respondents]]")[0]
        + (
            "[model.ratings]\ncomparisons = [3, 9, 3]\n"
            '[[model.ratings.grades]]\nid = "bad"\nname = "Bad"\n'
            '[[model.ratings.grades]]\nid = "so-so"\nname = "So-so"\n'
            '[[model.ratings.grades]]\nid = "ok"\nname = "OK"\n'
        )
    )
    return model


def test_grade_intensities_from_pairwise_comparisons(tmp_path):
    p = new_project(tmp_path / "g.ahp.toml", compared_grades_model(tmp_path))
    assert [round(g.intensity, 4) for g in p.model.grades] == [1.0, 0.3333, 0.1111]
    assert load_project(p.path).model.grades == p.model.grades


def test_html_report_is_self_contained_and_complete(demo_path):
    data = gather(load_project(demo_path), draws=300)
    page = render_html(data)
    for needle in ("http://", "https://", "src=", "<link", "url(", "@import", "<script"):
        assert needle not in page
    for section in (
        "Overview",
        "Judgment matrices",
        "Overall ranking",
        "Experts",
        "Agreement between experts",
        "Sensitivity",
        "Monte Carlo: 300 draws",
        "Churn risk by unit",
        "What to fix first at Riverside store",
        "principal eigenvector of each judgment matrix",
        "Saaty (1980) table",
    ):
        assert section in page
    assert page.count("<svg") == 3
    zh = render_html(gather(load_project(demo_path), language="zh"))
    assert "客户流失度" in zh and "各门店流失风险" in zh and "How sure" not in zh


def test_markdown_report_holds_the_same_tables(demo_path):
    text = render_markdown(gather(load_project(demo_path), draws=0))
    assert "| C10 Price level against competitors |  |  | 0.4090 |  | 0.1335 | 1 |" in text
    assert "### What to fix first at Riverside store" in text and "Tipping points of the criteria weights" in text
    assert "Monte Carlo" not in text


def test_xlsx_report_reads_back_with_the_numbers(demo_path, tmp_path):
    from openpyxl import load_workbook

    project = load_project(demo_path)
    data = gather(project, draws=200)
    out = tmp_path / "r.xlsx"
    write_xlsx(data, str(out))
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "Overview",
        "Judgment matrices",
        "Overall ranking",
        "Experts",
        "Sensitivity",
        "Churn risk by unit",
        "Appendix",
    ]
    rows = list(wb["Overall ranking"].iter_rows(min_row=4, values_only=True))
    factors = sorted((r for r in rows if isinstance(r[-1], int)), key=lambda r: r[-1])
    codes = data.codes
    assert [r[0] for r in factors] == [f"{codes[leaf.path]} {data.path_name(leaf.path)}" for leaf in data.ranking]
    assert [r[-2] for r in factors] == pytest.approx([leaf.global_weight for leaf in data.ranking])
    units = [r for r in wb["Churn risk by unit"].iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert [(u[1], u[2]) for u in units] == [(u.name, pytest.approx(u.index)) for u in data.risk.units]


def test_cli_report_and_risk(demo_path, tmp_path):
    out = tmp_path / "r.html"
    r = subprocess.run(
        [sys.executable, "-m", "ahp", "report", str(demo_path), "-o", str(out), "--lang", "zh"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0 and out.read_text().startswith("<!DOCTYPE html>")
    r = subprocess.run(
        [sys.executable, "-m", "ahp", "report", str(demo_path), "-o", str(tmp_path / "r.pdf")],
        capture_output=True,
        text=True,
    )
    assert (
        r.returncode == 2
        and r.stderr.strip()
        == f"ahp: error: {tmp_path / 'r.pdf'}: say --format html, md, xlsx or docx (or use one of those extensions)"
    )
    r = subprocess.run([sys.executable, "-m", "ahp", "risk", str(demo_path)], capture_output=True, text=True)
    assert r.returncode == 0 and re.search(r"1 │ Riverside store │ 60\.5", r.stdout)


@pytest.mark.parametrize("how", [["-o", "{dir}/r.docx"], ["-o", "{dir}/r.report", "--format", "docx"]])
def test_cli_report_in_word_names_client_and_consultant(demo_path, tmp_path, capsys, how):
    from docx import Document

    from ahp.cli import main

    args = [a.format(dir=tmp_path) for a in how]
    assert main(["report", str(demo_path), *args, "--client", "Acme Retail", "--consultant", "Li Wei"]) == 0
    assert capsys.readouterr().out == f"wrote the docx report to {args[1]}\n"
    doc = Document(args[1])
    cells = [c.text for table in doc.tables for row in table.rows for c in row.cells]
    assert "Acme Retail" in cells and "Li Wei" in cells
    assert "Overall ranking" in [p.text for p in doc.paragraphs]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get install chromium fonts-noto-cjk)"
)
def test_html_report_renders_in_headless_chromium(demo_path, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_html(gather(load_project(demo_path), language="zh", draws=300)), encoding="utf-8")
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1100,2400",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.stat().st_size > 20_000
    keep = Path("tests") / "artifacts"
    if keep.is_dir():  # for a person to look at
        shutil.copy(shot, keep / "report-zh.png")


def test_report_for_one_respondent_and_unit_rename(demo_path):
    p = load_project(demo_path)
    data = gather(p, respondent="Store manager")
    assert data.panel is None and data.ranking[0].path == "service/attitude"
    assert "judgments of Store manager" in render_markdown(data)
    p.rename_unit("Mall store", "Mall store (east)")
    with pytest.raises(AHPError, match="^there is already a unit named 'Station store'$"):
        p.rename_unit("Riverside store", "Station store")
    p.save()
    assert [u.name for u in load_project(demo_path).units] == ["Riverside store", "Mall store (east)", "Station store"]


def _thin_units(demo_path) -> None:
    """The demo with two more units: one rated on nothing, one on a single small factor."""
    p = load_project(demo_path)
    p.add_unit("Empty store")
    small = min(p.ranking(), key=lambda leaf: leaf.global_weight).path
    p.set_rating(p.add_unit("Thin store"), small, "very-poor")
    p.save()


def test_risk_json_is_valid_with_null_and_a_reason_for_unrated_units(demo_path, capsys):
    import json

    from ahp.cli import main

    _thin_units(demo_path)
    assert main(["risk", str(demo_path), "--format", "json"]) == 0
    text = capsys.readouterr().out
    assert "NaN" not in text
    out = json.loads(text)
    units = {u["name"]: u for u in out["units"]}
    assert out["min_coverage"] == 0.5
    assert units["Empty store"]["risk_index"] is None and units["Empty store"]["rank"] is None
    assert units["Empty store"]["reason"] == "no factor is rated" and units["Empty store"]["coverage"] == 0
    thin = units["Thin store"]
    assert thin["rank"] is None and thin["risk_index"] == pytest.approx(100) and thin["coverage"] < 0.05
    assert thin["reason"].startswith("rated factors carry ") and thin["reason"].endswith(
        ", under the 50% needed to rank it"
    )
    assert [u["rank"] for u in out["units"]] == [1, 2, 3, None, None]
    assert main(["risk", str(demo_path), "--format", "json", "--min-coverage", "0%"]) == 0
    ranks = {u["name"]: u["rank"] for u in json.loads(capsys.readouterr().out)["units"]}
    assert ranks["Thin store"] == 1 and ranks["Empty store"] is None


def test_risk_table_lists_thin_units_apart_without_a_bar(demo_path, capsys):
    from ahp.cli import main

    _thin_units(demo_path)
    assert main(["risk", str(demo_path)]) == 0
    out = capsys.readouterr().out
    ranked, apart = out.split("Not ranked: rated on under 50% of the weight")
    assert "Empty store" not in ranked and "Thin store" not in ranked and "nan" not in out
    assert re.search(r"Empty store │     - │    0% │ no factor is rated", apart)
    assert re.search(r"Thin store  │ 100\.0 │    \d% │ rated factors carry", apart)
    assert "█" not in apart


def test_risk_is_0_at_the_best_grade_and_100_at_the_worst_with_compared_grades(tmp_path):
    p = new_project(tmp_path / "g.ahp.toml", compared_grades_model(tmp_path))
    p.set_judgment(0, "goal", "service", "price", 3)
    p.set_judgment(0, "price", "level", "promo", 2)
    for name, grade in (("Best", "ok"), ("Worst", "bad"), ("Mixed", "so-so")):
        unit = p.add_unit(name)
        for path in ("service", "price/level", "price/promo"):
            p.set_rating(unit, path, grade)
    from ahp.io.risk import risk_report

    report = risk_report(p, p.synthesize(suggestions=0))
    index = {u.name: u.index for u in report.units}
    assert index["Best"] == pytest.approx(0) and index["Worst"] == pytest.approx(100)
    assert index["Mixed"] == pytest.approx(100 * (1 / 3 - 1 / 9) / (1 - 1 / 9))
    assert report.units[0].actions[0].gain == pytest.approx(75)  # service: 3/4 of the weight, from worst to best


def test_an_unknown_export_format_is_an_ahp_error(demo_path):
    from ahp.io.export import render

    p = load_project(demo_path)
    with pytest.raises(AHPError, match="^unknown export format 'pdf'; choose one of json, csv or md$"):
        render(p, p.synthesize(suggestions=0), "pdf")


def test_cli_ratings_template_and_import(demo_path, tmp_path, capsys):
    from ahp.cli import main

    assert main(["ratings", "template", str(demo_path)]) == 0
    header = capsys.readouterr().out
    assert header.startswith("\ufeffunit,service/attitude,")
    sheet = tmp_path / "r.csv"
    sheet.write_text("unit,service/attitude\nHarbour store,poor\nMall store,good\n", encoding="utf-8")
    assert main(["ratings", "import", str(sheet), "--into", str(demo_path)]) == 0
    assert capsys.readouterr().out == f"imported ratings: 1 unit(s) added, 1 updated, in {demo_path}\n"
    assert load_project(demo_path).units[-1].ratings == {"service/attitude": "poor"}


def test_report_names_the_projects_client_and_consultant_unless_flags_say_otherwise(demo_path, tmp_path, capsys):
    from ahp.cli import main

    text = demo_path.read_text(encoding="utf-8")
    demo_path.write_text(
        text.replace("[project]\n", '[project]\nclient = "Acme Retail"\nconsultant = "Li Wei"\n', 1), encoding="utf-8"
    )
    project = load_project(demo_path)
    assert (project.client, project.consultant) == ("Acme Retail", "Li Wei")
    project.add_unit("New store")
    project.save()  # kept through a save
    assert (load_project(demo_path).client, load_project(demo_path).consultant) == ("Acme Retail", "Li Wei")
    out = tmp_path / "r.md"
    assert main(["report", str(demo_path), "-o", str(out)]) == 0
    assert "| Client | Acme Retail |" in out.read_text() and "| Consultant | Li Wei |" in out.read_text()
    assert main(["report", str(demo_path), "-o", str(out), "--client", "Acme (East)"]) == 0
    assert "| Client | Acme (East) |" in out.read_text() and "| Consultant | Li Wei |" in out.read_text()
    demo_path.write_text(text.replace("[project]\n", "[project]\nclient = 3\n", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(demo_path), "-o", str(out)]) == 2
    assert capsys.readouterr().err.strip().endswith("line 17: project.client must be a string")
