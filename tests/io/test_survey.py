"""Survey import: both codings, every kind of bad cell with its exact message."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from ahp.errors import SurveyError
from ahp.io.model import load_model
from ahp.io.project import load_project, new_project
from ahp.io.survey import pair_columns, read_survey, template
from tests.core.test_published_cases import AHPSURVEY

CITY_MODEL = """format = 1
[model]
id = "city"
goal = "Where to live"
[[model.criteria]]
id = "cult"
name = "Culture"
[[model.criteria]]
id = "fam"
name = "Family"
[[model.criteria]]
id = "house"
name = "Housing"
[[model.criteria]]
id = "jobs"
name = "Jobs"
[[model.criteria]]
id = "trans"
name = "Transport"
"""
HEADER = (
    "respondent,cult vs fam,cult vs house,cult vs jobs,cult vs trans,fam vs house,fam vs jobs,fam vs trans,"
    "house vs jobs,house vs trans,jobs vs trans"
)


@pytest.fixture
def city(tmp_path):
    model = tmp_path / "city.toml"
    model.write_text(CITY_MODEL)
    return new_project(tmp_path / "city.ahp.toml", model)


def test_signed_import_reproduces_ahpsurvey_c4(city):
    # ahpsurvey codes v < 0 as "the first attribute matters |v| times more"; ours is the opposite sign.
    lines = [HEADER] + [f"R{i}," + ",".join(str(-v) for v in codes) for i, (codes, _, _) in enumerate(AHPSURVEY, 1)]
    rows = read_survey("\n".join(lines), city.model.root, "signed")
    city.remove_respondent("Respondent 1")
    city.import_respondents(rows)
    project = load_project(city.path)
    for i, (_, published, _) in enumerate(AHPSURVEY, 1):
        ranking = {leaf.path: leaf.global_weight for leaf in project.ranking(f"R{i}")}
        found = [ranking[k] for k in ("cult", "fam", "house", "jobs", "trans")]
        np.testing.assert_allclose(found, published, atol=1e-7)


def test_ratio_import_with_weights_fractions_and_missing(city):
    text = "respondent,weight,cult vs fam,fam vs house,jobs vs trans\nAnn,2,3,1/5,\nBo,,0.5,2,4\n"
    rows = read_survey(text, city.model.root, "ratio", {"Respondent 1"})
    assert rows[0] == ("Ann", 2.0, {"goal": {("cult", "fam"): 3.0, ("fam", "house"): 0.2}})
    assert rows[1][1] == 1.0 and rows[1][2]["goal"][("jobs", "trans")] == 4.0
    city.import_respondents(rows)
    again = load_project(city.path)
    assert [r.name for r in again.respondents] == ["Respondent 1", "Ann", "Bo"]
    assert again.respondents[1].weight == 2.0 and again.judgment(1, "goal", "fam", "cult") == pytest.approx(1 / 3)
    assert np.isnan(again.matrix("goal", 1)[3, 4])


def test_signed_coding_meaning_and_reversed_columns(city):
    rows = read_survey("respondent,cult vs fam,fam vs house,jobs vs house\nA,3,-4,2\n", city.model.root, "signed")
    assert rows[0][2]["goal"] == {("cult", "fam"): 3.0, ("fam", "house"): 0.25, ("house", "jobs"): 0.5}


@pytest.mark.parametrize(
    ("text", "coding", "problem"),
    [
        (
            "respondent,cult vs fam\nA,abc\n",
            "ratio",
            "row 2, column 'cult vs fam': 'abc' is not a number or a fraction like 1/3",
        ),
        ("respondent,cult vs fam\nA,0\n", "ratio", "row 2, column 'cult vs fam': 0 is not a positive ratio"),
        ("respondent,cult vs fam\nA,-2\n", "ratio", "row 2, column 'cult vs fam': -2 is not a positive ratio"),
        (
            "respondent,cult vs fam\nA,12\n",
            "ratio",
            "row 2, column 'cult vs fam': 12 is off the scale; ratios lie within 1/9 and 9",
        ),
        (
            "respondent,cult vs fam\nA,0\n",
            "signed",
            "row 2, column 'cult vs fam': 0 is not a signed judgment; use 1 (or -1) for equal",
        ),
        (
            "respondent,cult vs fam\nA,-12\n",
            "signed",
            "row 2, column 'cult vs fam': -12 is off the signed scale; use 1..9 or -1..-9",
        ),
        (
            "respondent,cult vs fam\nA,1/2\n",
            "signed",
            "row 2, column 'cult vs fam': 1/2 is off the signed scale; use 1..9 or -1..-9",
        ),
        (
            "respondent,cult vs fam\nA,2\nA,3\n",
            "ratio",
            "row 3, column 'respondent': duplicate respondent 'A' (also row 2)",
        ),
        (
            "respondent,cult vs fam\nRespondent 1,2\n",
            "ratio",
            "row 2, column 'respondent': 'Respondent 1' is already a respondent of the project; use --replace to "
            "replace their answers",
        ),
        ("respondent,weight,cult vs fam\nA,-1,2\n", "ratio", "row 2, column 'weight': '-1' is not a positive number"),
        ("respondent,cult vs fam\nA,2,3\n", "ratio", "row 2: 3 cells; the header has 2"),
    ],
)
def test_bad_cells_are_reported_and_nothing_is_imported(city, text, coding, problem):
    before = city.path.read_bytes()
    with pytest.raises(SurveyError) as err:
        read_survey(text, city.model.root, coding, {"Respondent 1"})
    assert list(map(str, err.value.problems)) == [problem]
    assert city.path.read_bytes() == before


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        (
            "respondent,cult vs money",
            "row 1, column 2 'cult vs money': unknown column; "
            "expected 'respondent', 'weight' or a pair like 'cult vs fam'",
        ),
        ("respondent,cult vs fam,fam vs cult", "row 1, column 3 'fam vs cult': the same pair as column 2"),
        ("name,cult vs fam", "row 1: no 'respondent' column"),
        ("respondent,cult vs fam,cult vs fam", "row 1, column 3 'cult vs fam': the same pair as column 2"),
        ("respondent,respondent,cult vs fam", "row 1, column 2 'respondent': duplicate column"),
    ],
)
def test_bad_header(city, header, problem):
    with pytest.raises(SurveyError) as err:
        read_survey(header + "\n", city.model.root)
    assert problem in map(str, err.value.problems)


def test_every_bad_cell_is_listed():
    root = load_model().root
    text = "respondent,service vs quality,service vs price\nA,x,0\nB,2,99\n"
    with pytest.raises(SurveyError) as err:
        read_survey(text, root)
    assert str(err.value) == "3 bad cell(s) in the survey; nothing imported"
    assert [str(p).split(":")[0] for p in err.value.problems] == [
        "row 2, column 'service vs quality'", "row 2, column 'service vs price'", "row 3, column 'service vs price'",
    ]


def test_template_round_trip_and_columns_cover_every_pair():
    root = load_model().root
    header = template(root, bom=False).strip().split(",")
    assert header[:2] == ["respondent", "weight"] and len(header) == 2 + 6 + 15 + 6 + 6 + 10
    assert "price/level vs price/promotions" in header
    assert {c.header for c in pair_columns(root)} == set(header[2:])


def test_cli_import_reports_each_bad_cell_and_exits_2(city, tmp_path):
    survey = tmp_path / "s.csv"
    survey.write_text("respondent,cult vs fam,fam vs house\nA,x,2\nB,2,0\n")
    before = city.path.read_bytes()
    r = subprocess.run([sys.executable, "-m", "ahp", "import", str(survey), "--into", str(city.path), "--all-errors"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert lines[0] == f"ahp: error: {survey}: 2 bad cell(s) in the survey; nothing imported"
    assert lines[1] == f"  {survey}, row 2, column 'cult vs fam': 'x' is not a number or a fraction like 1/3"
    assert lines[2] == f"  {survey}, row 3, column 'fam vs house': 0 is not a positive ratio"
    assert city.path.read_bytes() == before
    survey.write_text("respondent,cult vs fam,fam vs house\nA,3,2\nB,2,1/2\n")
    r = subprocess.run([sys.executable, "-m", "ahp", "import", str(survey), "--into", str(city.path)],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "imported 2 respondent(s), 4 judgment(s)" in r.stdout
    assert [x.name for x in load_project(city.path).respondents] == ["Respondent 1", "A", "B"]


def test_import_after_a_save_appends_and_later_saves_keep_everything(city):
    city.set_judgment(0, "goal", "cult", "fam", 2)
    city.save()  # the project now keeps a parsed document
    rows = read_survey("respondent,cult vs fam\nA,3\n", city.model.root, "ratio", {"Respondent 1"})
    city.import_respondents(rows)
    assert city.path.read_text().rstrip().endswith("cult = { fam = 3 }")
    city.set_judgment(1, "goal", "fam", "house", 4)
    city.save()
    again = load_project(city.path)
    assert again.judgment(0, "goal", "cult", "fam") == 2 and again.judgment(1, "goal", "cult", "fam") == 3
    assert again.judgment(1, "goal", "fam", "house") == 4
