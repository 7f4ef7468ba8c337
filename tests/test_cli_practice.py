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
