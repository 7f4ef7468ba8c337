"""The error line speaks the output's language: ``ahp: error: ...`` in English,
``ahp：错误：...`` under ``--lang zh`` or a project whose ``[settings] language`` is ``zh``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import running


def run(*args: str) -> tuple[int, str]:
    """The exit status of ``ahp ARGS`` and what it printed on stderr."""
    code, _, err = running.run(*args)
    return code, err


def chinese_project(demo_path: Path) -> Path:
    text = demo_path.read_text(encoding="utf-8").replace("[settings]\n", '[settings]\nlanguage = "zh"\n', 1)
    demo_path.write_text(text, encoding="utf-8")
    return demo_path


@pytest.mark.parametrize(("lang", "expected"), [
    ([], "ahp sensitivity: error: argument --seed: -1 is out of range: 0 to 4,294,967,295 "
         "(see ahp sensitivity --help)\n"),
    (["--lang", "zh"], "ahp sensitivity：错误：参数 --seed：-1 超出范围：应为 0～4,294,967,295"
                       "（详见 ahp sensitivity --help）\n"),
    (["--lang=zh"], "ahp sensitivity：错误：参数 --seed：-1 超出范围：应为 0～4,294,967,295"
                    "（详见 ahp sensitivity --help）\n"),
])
def test_a_refused_option_is_one_line_in_the_language_asked_for(demo_path, lang, expected):
    assert run("sensitivity", str(demo_path), *lang, "--seed", "-1") == (2, expected)


def test_a_missing_file_is_told_in_chinese_under_lang_zh(tmp_path):
    missing = tmp_path / "missing.ahp.toml"
    assert run("rank", str(missing), "--lang", "zh") == (2, f"ahp：错误：{missing}：文件不存在\n")
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


def test_a_csv_surveys_bad_cell_is_told_in_chinese(demo_path, tmp_path):
    survey = tmp_path / "survey.csv"
    survey.write_text("专家,权重,服务 比 质量,服务 比 价格\n督导,x,abc,1/3\n督导,1,12\n", encoding="utf-8")
    assert run("import", str(survey), "--into", str(demo_path), "--lang", "zh") == (
        2, f"ahp：错误：{survey}，第 2 行「专家权重」列：「x」不是正数（另有 2 处，见 --all-errors）；未导入任何内容\n")
    assert run("import", str(survey), "--into", str(demo_path), "--lang", "zh", "--all-errors") == (2, (
        f"ahp：错误：{survey}：调查表中有 3 处错误，未导入任何内容\n"
        f"  {survey}，第 2 行「专家权重」列：「x」不是正数\n"
        f"  {survey}，第 2 行「服务 比 质量」列：「abc」不是数字或 1/3 这样的分数\n"
        f"  {survey}，第 3 行：有 3 个单元格，表头有 4 个\n"))


def test_a_csv_surveys_bad_cells_stay_english_in_english(demo_path, tmp_path):
    survey = tmp_path / "survey.csv"
    survey.write_text("专家,权重,服务 比 质量,服务 比 价格\n督导,x,abc,1/3\n督导,1,12\n", encoding="utf-8")
    assert run("import", str(survey), "--into", str(demo_path), "--all-errors") == (2, (
        f"ahp: error: {survey}: 3 bad cell(s) in the survey; nothing imported\n"
        f"  {survey}, row 2, column 'weight': 'x' is not a positive number\n"
        f"  {survey}, row 2, column '服务 比 质量': 'abc' is not a number or a fraction like 1/3\n"
        f"  {survey}, row 3: 3 cells; the header has 4\n"))


@pytest.mark.parametrize(("rows", "problem"), [
    ("督导,0\n", "第 2 行「服务 比 质量」列：0 不是正的比值"),
    ("督导,12\n", "第 2 行「服务 比 质量」列：「12」超出 1–9 标度：判断值应在 1/9～9 之间"),
    ("督导,2\n督导,3\n", "第 3 行「专家」列：专家「督导」重复（另见第 2 行）"),
    (",2\n", "第 2 行「专家」列：未填写专家名称"),
    ("Store manager,2\n", "第 2 行「专家」列：「Store manager」已是本项目的专家；如要替换其判断，请加 --replace"),
])
def test_each_kind_of_survey_cell_error_is_worded_in_chinese(demo_path, tmp_path, rows, problem):
    survey = tmp_path / "s.csv"
    survey.write_text("专家,服务 比 质量\n" + rows, encoding="utf-8")
    code, err = run("import", str(survey), "--into", str(demo_path), "--lang", "zh")
    assert (code, err) == (2, f"ahp：错误：{survey}，{problem}；未导入任何内容\n")


def test_a_surveys_bad_header_is_told_in_chinese(demo_path, tmp_path):
    survey = tmp_path / "s.csv"
    survey.write_text("姓名,服务 比 质量,质量 比 服务,服务 比 天气\n", encoding="utf-8")
    assert run("import", str(survey), "--into", str(demo_path), "--lang", "zh", "--all-errors") == (2, (
        f"ahp：错误：{survey}：表头中有 4 处问题，未导入任何内容\n"
        f"  {survey}，第 1 行：缺少「专家」列\n"
        f"  {survey}，第 1 行第 1 列「姓名」：无法识别的列；应为「专家」「专家权重」或「服务 比 质量」这样的比较对\n"
        f"  {survey}，第 1 行第 3 列「质量 比 服务」：与第 2 列是同一对比较\n"
        f"  {survey}，第 1 行第 4 列「服务 比 天气」：无法识别的列；"
        "应为「专家」「专家权重」或「服务 比 质量」这样的比较对\n"))


def test_a_ratings_sheets_bad_cells_are_told_in_chinese_by_the_files_column_names(demo_path, tmp_path):
    ratings = tmp_path / "r.csv"
    ratings.write_text("门店,服务态度与专业水平,缺货情况\n新店,很棒,较好:x\n,很好\n", encoding="utf-8")
    assert run("ratings", "import", str(ratings), "--into", str(demo_path), "--lang", "zh", "--all-errors") == (2, (
        f"ahp：错误：{ratings}：评价表中有 3 处错误，未导入任何内容\n"
        f"  {ratings}，第 2 行「服务态度与专业水平」列：「很棒」不是评价等级；可选等级：很好、较好、一般、较差、很差\n"
        f"  {ratings}，第 2 行「缺货情况」列：「较好」的人数应为 0～1,000,000,000,000 之间的数，而不是「x」\n"
        f"  {ratings}，第 3 行：有 2 个单元格，表头有 3 个\n"))
    assert run("ratings", "import", str(ratings), "--into", str(demo_path), "--all-errors") == (2, (
        f"ahp: error: {ratings}: 3 bad cell(s) in the ratings; nothing imported\n"
        f"  {ratings}, row 2, column 'service/attitude': '很棒' is not a grade; grades: very-good, good, fair, poor, "
        "very-poor\n"
        f"  {ratings}, row 2, column 'quality/stockouts': the count of '较好' must be a number from 0 to "
        "1,000,000,000,000; got 'x'\n"
        f"  {ratings}, row 3: 2 cells; the header has 3\n"))


@pytest.mark.parametrize(("cell", "problem"), [
    ("较好:1 好", "「好」不是「等级:人数」（如 较好:30）"),
    ("较好:0", "人数合计为 0：请至少给一个等级填大于 0 的人数"),
    ("较好:1 good:2", "「较好」重复给出（「较好」与「good」）"),
])
def test_each_kind_of_rating_cell_error_is_worded_in_chinese(demo_path, tmp_path, cell, problem):
    ratings = tmp_path / "r.csv"
    ratings.write_text(f"门店,缺货情况\n新店,{cell}\n", encoding="utf-8")
    code, err = run("ratings", "import", str(ratings), "--into", str(demo_path), "--lang", "zh")
    assert (code, err) == (2, f"ahp：错误：{ratings}，第 2 行「缺货情况」列：{problem}；未导入任何内容\n")


def test_a_sheet_split_two_ways_is_told_in_chinese(demo_path, tmp_path):
    ratings = tmp_path / "r.csv"
    ratings.write_text("门店,服务态度与专业水平;缺货情况\n新店,很好;一般\n", encoding="utf-8")
    assert run("ratings", "import", str(ratings), "--into", str(demo_path), "--lang", "zh") == (
        2, f"ahp：错误：{ratings}：无法判断评价表用什么分隔单元格：逗号还是分号；表头行请只用其中一种\n")


def test_a_sheet_that_cannot_be_read_is_told_in_chinese(demo_path, tmp_path):
    ratings, missing = tmp_path / "r.csv", tmp_path / "none.csv"
    ratings.write_bytes("unit\ncafé\n".encode("latin-1"))
    assert run("ratings", "import", str(ratings), "--into", str(demo_path), "--lang", "zh") == (
        2, f"ahp：错误：{ratings}，第 2 行：字节 0xe9 既不是 UTF-8 也不是 GB18030 (GBK) 编码；请另存为 UTF-8"
           "（Excel 中选「CSV UTF-8」）\n")
    assert run("import", str(missing), "--into", str(demo_path), "--lang", "zh") == (
        2, f"ahp：错误：{missing}：文件不存在\n")
    assert run("import", str(tmp_path), "--into", str(demo_path)) == (
        2, f"ahp: error: {tmp_path}: is a folder, not a file\n")


def test_a_chinese_projects_import_tells_a_bad_cell_in_chinese_without_lang(demo_path, tmp_path):
    project, survey = chinese_project(demo_path), tmp_path / "s.csv"
    survey.write_text("专家,服务 比 质量\n督导,abc\n", encoding="utf-8")
    assert run("import", str(survey), "--into", str(project)) == (
        2, f"ahp：错误：{survey}，第 2 行「服务 比 质量」列：「abc」不是数字或 1/3 这样的分数；未导入任何内容\n")
    assert run("import", str(survey), "--into", str(project), "--lang", "en") == (
        2, f"ahp: error: {survey}, row 2, column '服务 比 质量': 'abc' is not a number or a fraction like 1/3; "
           "nothing imported\n")
