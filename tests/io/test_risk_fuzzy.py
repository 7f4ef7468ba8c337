"""Grade counts in project files and CSV, the fuzzy evaluation in `ahp risk`, and actions by owner."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ahp.errors import ProjectFileError, SurveyError
from ahp.io.project import load_project
from ahp.io.ratings_file import read_ratings
from ahp.io.risk import risk_report

PROJECT = """format = 1
[project]
title = "t"
[model]
id = "m"
goal = "Churn"
[[model.criteria]]
id = "a"
name = "A"
[[model.criteria.children]]
id = "f1"
name = "F1"
controllable = "store"
[[model.criteria.children]]
id = "f2"
name = "F2"
controllable = "external"
[[model.criteria]]
id = "b"
name = "B"
[[model.criteria.children]]
id = "f3"
name = "F3"
controllable = "head-office"
[[model.criteria.children]]
id = "f4"
name = "F4"
[[respondents]]
name = "Ann"
[respondents.judgments.goal]
a = { b = 4 }
[respondents.judgments.a]
f1 = { f2 = 3 }
[respondents.judgments.b]
f3 = { f4 = 1 }
[[units]]
name = "North"
[units.ratings]
"a/f1" = { very-good = 10, good = 20, fair = 10, poor = 5, very-poor = 5 }
"a/f2" = { good = 10, fair = 20, poor = 15, very-poor = 5 }
"b/f3" = "poor"
"b/f4" = { "较好" = 3, "一般" = 1 }
"""


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.ahp.toml"
    path.write_text(PROJECT, encoding="utf-8")
    return load_project(path)


def test_one_unit_by_hand_through_the_project(project):
    # W: goal a 0.8, b 0.2; a: f1 0.75, f2 0.25; b: f3 0.5, f4 0.5 -> global 0.6, 0.2, 0.1, 0.1
    # R: f1 [.2 .4 .2 .1 .1], f2 [0 .2 .4 .3 .1], f3 [0 0 0 1 0], f4 [0 .75 .25 0 0]
    # B = 0.6 f1 + 0.2 f2 + 0.1 f3 + 0.1 f4:
    #   很好 .12; 较好 .24 + .04 + .075 = .355; 一般 .12 + .08 + .025 = .225; 较差 .06 + .06 + .1 = .22;
    #   很差 .06 + .02 = .08 (sum 1)
    # degree = 100 (.25*.355 + .5*.225 + .75*.22 + .08) = 100 (.08875 + .1125 + .165 + .08) = 44.625
    # criterion a: .75 f1 + .25 f2 = [.15 .35 .25 .15 .1], degree 100 (.0875 + .125 + .1125 + .1) = 42.5
    # criterion b: .5 f3 + .5 f4 = [0 .375 .125 .5 0], degree 100 (.09375 + .0625 + .375) = 53.125
    u = risk_report(project, project.synthesize(suggestions=0)).units[0]
    assert u.evaluation.membership.tolist() == pytest.approx([0.12, 0.355, 0.225, 0.22, 0.08])
    assert (u.evaluation.degree, u.evaluation.grade) == (pytest.approx(44.625), 1)
    assert u.index == pytest.approx(44.625)  # the index is the degree under M(·,+)
    a, b = u.criteria
    assert (a.path, a.evaluation.membership.tolist(), a.evaluation.degree, a.evaluation.grade) == (
        "a", pytest.approx([0.15, 0.35, 0.25, 0.15, 0.1]), pytest.approx(42.5), 1)
    assert (b.path, b.evaluation.membership.tolist(), b.evaluation.degree, b.evaluation.grade) == (
        "b", pytest.approx([0, 0.375, 0.125, 0.5, 0]), pytest.approx(53.125), 3)


def test_actions_carry_their_owner_grouped_store_first_and_can_be_limited(project):
    s = project.synthesize(suggestions=0)
    u = risk_report(project, s).units[0]
    assert [(owner, [a.path for a in group]) for owner, group in u.actions_by_owner()] == [
        ("store", ["a/f1"]), ("head-office", ["b/f3"]), ("external", ["a/f2"]), (None, ["b/f4"])]
    assert u.actions[0].grade.id == "good" and u.actions[0].membership == pytest.approx((0.2, 0.4, 0.2, 0.1, 0.1))
    only = risk_report(project, s, owner="store").units[0]
    assert [a.path for a in only.actions] == ["a/f1"] and only.index == u.index


def test_counts_are_written_back_as_inline_tables(project):
    project.units[0].ratings["a/f1"] = {"good": 2, "poor": 1}
    project.save()
    text = project.path.read_text(encoding="utf-8")
    assert '"a/f1" = {good = 2, poor = 1}' in text
    assert load_project(project.path).units[0].ratings["a/f1"] == {"good": 2, "poor": 1}


@pytest.mark.parametrize(("value", "message"), [
    ('{ good = -1 }', "unit 'North', a/f1: the count of 'good' must be a number from 0 to 1,000,000,000,000; got -1"),
    ('{ great = 1 }', "unit 'North', a/f1: 'great' is not a grade; grades: very-good, good, fair, poor, very-poor"),
    ('{ good = 0 }', "unit 'North', a/f1: the counts add up to 0: give at least one grade a count above 0"),
    ('{ good = 1, "较好" = 2 }', "unit 'North', a/f1: 'good' is given twice (as 'good' and '较好')"),
])
def test_bad_counts_in_a_project_are_located(tmp_path, value, message):
    path = tmp_path / "p.ahp.toml"
    given = '"a/f1" = { very-good = 10, good = 20, fair = 10, poor = 5, very-poor = 5 }'
    text = PROJECT.replace(given, f'"a/f1" = {value}')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectFileError) as err:
        load_project(path)
    line = text.splitlines().index(f'"a/f1" = {value}') + 1
    assert str(err.value) == f"{path}, line {line}: {message}"


def test_csv_cells_take_a_grade_or_counts_and_name_each_bad_cell(project):
    rows = read_ratings("unit,a/f1,b/f3\nNorth,很好:12 较好:30 一般:20 较差:8 很差:2,较差\n", project.model)
    counts = {"very-good": 12, "good": 30, "fair": 20, "poor": 8, "very-poor": 2}
    assert rows == [("North", {"a/f1": counts, "b/f3": "poor"})]
    with pytest.raises(SurveyError) as err:
        read_ratings("unit,a/f1,b/f3\nNorth,good:x,fair 3\nSouth,good:1 good:2,\n", project.model)
    assert list(map(str, err.value.problems)) == [
        "row 2, column 'a/f1': the count of 'good' must be a number from 0 to 1,000,000,000,000; got 'x'",
        "row 2, column 'b/f3': 'fair 3' is not a grade; grades: very-good, good, fair, poor, very-poor",
        "row 3, column 'a/f1': 'good' is given twice (as 'good' and 'good')",
    ]


def run(*args):
    return subprocess.run([sys.executable, "-m", "ahp", *args], capture_output=True, text=True)


def test_cli_risk_shows_the_evaluation_and_filters_by_owner(project):
    r = run("risk", str(project.path), "--format", "json", "--owner", "head-office", "--operator", "main-factor")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["fuzzy"] == {"operator": "main-factor", "operator_name": "M(∧,∨)"} and data["owner"] == "head-office"
    north = data["units"][0]
    assert [a["path"] for a in north["actions"]] == ["b/f3"] and north["actions"][0]["owner"] == "head-office"
    assert set(north["fuzzy"]) == {"membership", "churn_degree", "grade", "criteria"}
    assert [c["path"] for c in north["fuzzy"]["criteria"]] == ["a", "b"]
    table = run("risk", str(project.path), "--lang", "zh")
    assert table.returncode == 0, table.stderr
    assert "M(·,+)" in table.stdout and "较好~" in table.stdout and "~ 按各等级人数评价" in table.stdout


@pytest.mark.parametrize("count", ["1e400", "9" * 5000, "nan", "-0.5", "1e13"])
def test_counts_out_of_range_are_refused_not_crashed_on(project, count):
    with pytest.raises(SurveyError) as err:
        read_ratings(f"unit,a/f1\nNorth,good:{count}\n", project.model)
    assert str(err.value.problems[0]).startswith(
        "row 2, column 'a/f1': the count of 'good' must be a number from 0 to ")


def test_a_huge_count_in_a_project_file_is_a_located_error(tmp_path):
    path = tmp_path / "p.ahp.toml"
    given = '"a/f1" = { very-good = 10, good = 20, fair = 10, poor = 5, very-poor = 5 }'
    path.write_text(PROJECT.replace(given, '"a/f1" = { good = ' + "9" * 400 + " }"), encoding="utf-8")
    with pytest.raises(ProjectFileError, match="the count of 'good' must be a number from 0 to 1,000,000,000,000; "
                                               "got 'a number too large'$"):
        load_project(path)
