"""The conventions of Chinese practice on the command line (issue 16, item 5)."""

from __future__ import annotations

import json

import pytest

from tests.test_cli import run

SERVICE_5X5 = "1 1 4 3 2; 1 1 4 3 2; 1/4 1/4 1 1/7 1/2; 1/3 1/3 7 1 1/2; 1/2 1/2 2 2 1"
CRITERIA_4X4 = "1 9 1/3 3; 1/9 1 1/7 1/3; 3 7 1 9; 1/3 3 1/9 1"


@pytest.mark.parametrize(("method", "lam"), [("column-mean", "5.4302"), ("geometric-mean", "5.4013")])
def test_weights_lambda_max_flag_and_its_name_in_the_output(method, lam):
    r = run("weights", SERVICE_5X5, "--method", method, "--lambda-max", "textbook")
    assert r.returncode == 0
    assert f"lambda_max {lam} (textbook)" in r.stdout


def test_weights_practice_zh_textbook_accepts_what_saaty1994_rejects():
    zh = run("weights", CRITERIA_4X4, "--practice", "zh-textbook")
    saaty = run("weights", CRITERIA_4X4)
    assert zh.returncode == saaty.returncode == 0
    assert "consistent: CR 0.0874 < 0.10" in zh.stdout
    assert "lambda_max 4.2359 (textbook)" in zh.stdout and "lambda_max 4.2359 (eigenvalue)" in saaty.stdout
    assert "INCONSISTENT: CR 0.0874 > 0.08" in saaty.stdout


def test_weights_explicit_flags_win_over_the_practice():
    r = run("weights", CRITERIA_4X4, "--practice", "zh-textbook", "--threshold", "saaty1994", "--json")
    out = json.loads(r.stdout)
    assert (out["acceptance"], out["consistent"], out["lambda_max_convention"]) == ("CR <= 0.08", False, "textbook")


def test_weights_old_table_name_still_works():
    out = json.loads(run("weights", CRITERIA_4X4, "--ri", "chinese", "--json").stdout)
    assert (out["ri_table"], out["ri"]) == ("gong-xu1986", 0.89)


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--practice", "zh"], "ahp weights: error: argument --practice: invalid choice: 'zh' (choose from 'saaty', "
      "'zh-textbook') (see ahp weights --help)"),
     (["--lambda-max", "power"], "ahp weights: error: argument --lambda-max: invalid choice: 'power' (choose from "
      "'eigenvalue', 'textbook') (see ahp weights --help)")],
)
def test_weights_bad_convention_flags_exit_2_with_one_line(args, message):
    r = run("weights", CRITERIA_4X4, *args)
    assert (r.returncode, r.stderr.strip(), r.stdout) == (2, message, "")


@pytest.fixture
def criteria_087(demo_path):
    """The demo with the Store manager's criteria matrix set to the 4x4 of CR 0.0874."""
    import ahp
    from ahp.core.matrix import parse_matrix

    project = ahp.load_project(demo_path)
    a = parse_matrix(CRITERIA_4X4)
    ids = ["service", "quality", "price", "competition"]
    for i in range(4):
        for j in range(i + 1, 4):
            project.set_judgment(0, "goal", ids[i], ids[j], float(a[i, j]))
    project.save()
    return demo_path


def test_check_passes_under_the_zh_textbook_practice_and_fails_under_saaty1994(criteria_087):
    saaty = run("check", str(criteria_087), "--respondent", "Store manager")
    zh = run("check", str(criteria_087), "--respondent", "Store manager", "--practice", "zh-textbook")
    # under zh-textbook the matrix passes; only the combined test fails (CR 0.0874 + 0.0146 >= 0.10)
    assert (saaty.returncode, zh.returncode) == (1, 1) and "goal: CR 0.0874 > 0.08; revisit:" in saaty.stdout
    assert "fails the combined consistency test: CR 0.1020 >= 0.10, although every node passes" in zh.stdout
    assert "threshold CR < 0.10; lambda_max textbook" in zh.stdout
    assert "threshold saaty1994; lambda_max eigenvalue" in saaty.stdout


def test_a_flag_wins_over_the_practice_on_the_command_line(criteria_087):
    r = run("check", str(criteria_087), "--respondent", "Store manager", "--practice", "zh-textbook",
            "--threshold", "saaty1994")
    assert r.returncode == 1 and "threshold saaty1994; lambda_max textbook" in r.stdout


def test_rank_json_settings_name_every_convention(criteria_087):
    out = json.loads(run("rank", str(criteria_087), "--format", "json", "--practice", "zh-textbook",
                         "--method", "geometric-mean", "--ri", "gong-xu1986").stdout)
    s = out["settings"]
    assert (s["practice"], s["method"], s["random_index"], s["threshold"], s["lambda_max"]) == (
        "zh-textbook", "geometric-mean", "gong-xu1986", "lt0.10", "textbook")
    assert out["nodes"][0]["acceptance"] == "CR < 0.10" and out["cr_combined"]["acceptance"] == "CR < 0.10"


def test_group_sensitivity_and_report_take_the_conventions(criteria_087, tmp_path):
    group = json.loads(run("group", str(criteria_087), "--format", "json", "--lambda-max", "textbook",
                           "--method", "column-mean").stdout)
    assert (group["settings"]["lambda_max"], group["settings"]["method"]) == ("textbook", "column-mean")
    sens = json.loads(run("sensitivity", str(criteria_087), "--format", "json", "--draws", "0",
                          "--practice", "zh-textbook").stdout)
    assert sens["settings"]["practice"] == "zh-textbook" and sens["settings"]["threshold"] == "lt0.10"
    out = tmp_path / "report.md"
    assert run("report", str(criteria_087), "-o", str(out), "--practice", "zh-textbook").returncode == 0
    assert "CR &lt; 0.10 for every n" in out.read_text(encoding="utf-8")
    # nothing was saved: the flags hold for the run only
    assert "practice" not in criteria_087.read_text(encoding="utf-8").split("[model]")[0].split("[settings]")[1]
