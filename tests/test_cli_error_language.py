"""The error line speaks the output's language: ``ahp: error: ...`` in English,
``ahp：错误：...`` under ``--lang zh`` or a project whose ``[settings] language`` is ``zh``."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from ahp.cli import main


def run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:
            code = stop.code
    return code, err.getvalue()


def chinese_project(demo_path: Path) -> Path:
    text = demo_path.read_text(encoding="utf-8").replace("[settings]\n", '[settings]\nlanguage = "zh"\n', 1)
    demo_path.write_text(text, encoding="utf-8")
    return demo_path


@pytest.mark.parametrize(("lang", "expected"), [
    ([], "ahp sensitivity: error: argument --seed: -1 is out of range: 0 to 4,294,967,295 "
         "(see ahp sensitivity --help)\n"),
    (["--lang", "zh"], "ahp sensitivity：错误：argument --seed: -1 is out of range: 0 to 4,294,967,295"
                       "（见 ahp sensitivity --help）\n"),
    (["--lang=zh"], "ahp sensitivity：错误：argument --seed: -1 is out of range: 0 to 4,294,967,295"
                    "（见 ahp sensitivity --help）\n"),
])
def test_a_refused_option_is_one_line_in_the_language_asked_for(demo_path, lang, expected):
    assert run("sensitivity", str(demo_path), *lang, "--seed", "-1") == (2, expected)


def test_a_missing_file_is_told_in_chinese_under_lang_zh(tmp_path):
    missing = tmp_path / "missing.ahp.toml"
    assert run("rank", str(missing), "--lang", "zh") == (2, f"ahp：错误：{missing}: no such file\n")
    assert run("rank", str(missing)) == (2, f"ahp: error: {missing}: no such file\n")


def test_a_chinese_project_words_the_error_line_in_chinese(demo_path):
    project = chinese_project(demo_path)
    code, err = run("rank", str(project), "--respondent", "Nobody")
    assert code == 2 and err.startswith("ahp：错误：") and err.count("\n") == 1
    code, err = run("rank", str(project), "--respondent", "Nobody", "--lang", "en")
    assert code == 2 and err.startswith("ahp: error: ") and err.count("\n") == 1


def test_the_questionnaire_refusal_and_the_error_line_share_one_prefix(demo_path, tmp_path):
    code, err = run("export-survey", str(demo_path), "--respondent", "X", "--lang", "zh")
    assert code == 2 and err == "ahp：错误：--respondent 用于 Excel 问卷（.xlsx）；CSV 调查表在专家一列填写姓名\n"
