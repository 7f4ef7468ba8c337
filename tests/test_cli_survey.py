"""`ahp export-survey -o FILE.xlsx` and `ahp import` of filled questionnaires: into the project
exactly, several at once or none, errors in one line with their place, failures one line each."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ahp.cli import main
from ahp.io.project import load_project
from ahp.io.survey import pair_columns
from ahp.io.survey_xlsx import NAME_CELL, answers
from tests.io.test_survey_xlsx import fill, plan


def export(project, out, *options: str) -> None:
    assert main(["export-survey", str(project), "-o", str(out), *options]) == 0


def answer_of(language: str, value: float) -> str:
    return next(label for label, v in answers(language) if v == value)


def everything_equal(project_path, language: str = "en", **changed: float) -> dict[str, str]:
    """Every pair of the project's model answered "equal", but the pairs ``changed`` (ids with ``_`` for ``vs``)."""
    pairs = {pair.header: 1.0 for pair in pair_columns(load_project(project_path).model.root)}
    pairs.update({ids.replace("_", " vs "): value for ids, value in changed.items()})
    return {ids: answer_of(language, value) for ids, value in pairs.items()}


#: A circular goal: service beats quality, quality beats price, price beats service, 9 to 1 each.
CIRCULAR = {"service_quality": 9, "quality_price": 9, "service_price": 1 / 9}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_export_fill_import_and_the_project_holds_exactly_those_judgments(demo_path, tmp_path, capsys, language):
    survey = tmp_path / "ivan.xlsx"
    export(demo_path, survey, "--lang", language, "--respondent", "Ivan")
    written = {"en": "wrote the questionnaire to ", "zh": "问卷已写入 "}[language]
    assert capsys.readouterr().out == f"{written}{survey}\n"
    root = load_project(demo_path).model.root
    answered = plan(language, root)
    fill(survey, {ids: label for ids, (label, _) in answered.items() if label})
    assert main(["import", str(survey), "--into", str(demo_path), "--lang", language]) == 0
    project = load_project(demo_path)
    assert [r.name for r in project.respondents][-1] == "Ivan"
    ivan = len(project.respondents) - 1
    for pair in pair_columns(project.model.root):
        value = answered[pair.header][1]
        assert project.judgment(ivan, pair.path, pair.a, pair.b) == (None if value is None else pytest.approx(value))
    assert sum(len(p) for p in project.respondents[ivan].judgments.values()) == sum(
        v is not None for _, v in answered.values())


def test_several_questionnaires_in_one_import_and_each_failure_on_its_own_line(demo_path, tmp_path, capsys):
    paths = []
    for name, cells in [("Ivan", everything_equal(demo_path, **CIRCULAR)), ("Olga", everything_equal(demo_path)),
                        ("Petra", everything_equal(demo_path, service_quality=3))]:
        paths.append(tmp_path / f"{name}.xlsx")
        export(demo_path, paths[-1], "--respondent", name)
        fill(paths[-1], cells)
    capsys.readouterr()
    assert main(["import", *map(str, paths), "--into", str(demo_path)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    pairs = len(pair_columns(load_project(demo_path).model.root))
    assert lines[0] == f"imported 3 respondent(s), {3 * pairs} judgment(s), into {demo_path}"
    assert "Respondents failing a node (1 of 3):" in lines
    failing = [line for line in lines if line.startswith("Ivan")]
    assert len(failing) == 1 and re.match(r"Ivan\s+│ goal\s+│\s+\d+\.\d{4} │\s+0\.08 │ inconsistent$", failing[0])
    assert err == f"ahp: warning: 1 of the 3 imported respondent(s) fail a node: Ivan; see ahp check {demo_path}\n"
    assert [r.name for r in load_project(demo_path).respondents][-3:] == ["Ivan", "Olga", "Petra"]


def test_csv_import_also_prints_each_failing_node_in_chinese(demo_path, tmp_path, capsys):
    pairs = [pair.header for pair in pair_columns(load_project(demo_path).model.root)]
    circular = {"service vs quality": "9", "quality vs price": "9", "service vs price": "1/9"}
    survey = tmp_path / "s.csv"
    survey.write_text(f"respondent,{','.join(pairs)}\nIvan,{','.join(circular.get(p, '1') for p in pairs)}\n")
    assert main(["import", str(survey), "--into", str(demo_path), "--lang", "zh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "未通过一致性检验或判断不完整的专家（1 位中有 1 位）：" in lines
    failing = [line for line in lines if line.startswith("Ivan")]
    assert len(failing) == 1 and re.match(r"Ivan │ 客户流失度 │ \d+\.\d{4} │    0\.08 │ 未通过$", failing[0])


def test_one_bad_questionnaire_imports_nothing_and_says_where(demo_path, tmp_path, capsys):
    good, bad, nameless = tmp_path / "good.xlsx", tmp_path / "bad.xlsx", tmp_path / "nameless.xlsx"
    export(demo_path, good, "--respondent", "Ivan")
    export(demo_path, bad, "--respondent", "Olga")
    export(demo_path, nameless)
    fill(good, {"service vs quality": answer_of("en", 3)})
    fill(bad, {"service vs quality": "a lot", "quality vs price": "99"})
    before = demo_path.read_bytes()
    capsys.readouterr()
    assert main(["import", str(good), str(bad), str(nameless), "--into", str(demo_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(
        f"ahp: error: {bad}, sheet 'Questions', row 3, column F, pair 'Service' vs 'Quality': 'a lot' is neither ")
    assert err.endswith(" (and 2 more; see --all-errors); nothing imported\n")
    assert main(["import", str(good), str(bad), str(nameless), "--into", str(demo_path), "--all-errors"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] if line.startswith("ahp") else line.split(",")[0] for line in lines] == [
        "ahp", f"  {bad}", f"  {bad}", "ahp", f"  {nameless}"]
    assert lines[0] == f"ahp: error: {bad}: 2 problem(s) in the file; nothing imported"
    assert lines[-1] == (f"  {nameless}, sheet 'Instructions', cell B4: no respondent name; "
                         "type the name of the person who answered")
    assert demo_path.read_bytes() == before


def test_errors_in_chinese(demo_path, tmp_path, capsys):
    survey = tmp_path / "问卷.xlsx"
    export(demo_path, survey, "--lang", "zh")
    fill(survey, {"service vs quality": "很重要"}, name="王店长")
    capsys.readouterr()
    assert main(["import", str(survey), "--into", str(demo_path), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ahp：错误：{survey}，工作表「问卷」第 3 行 F 列（「服务」比「质量」）："
                          "「很重要」既不是下拉列表中的选项（")
    assert err.endswith("），也不是 1/9～9 之间的数值；未导入任何内容\n")
    fill(survey, {"service vs quality": None}, name="Store manager")
    assert main(["import", str(survey), "--into", str(demo_path), "--lang", "zh"]) == 2
    assert capsys.readouterr().err == (
        f"ahp：错误：{survey}，工作表「说明」单元格 B4：「Store manager」已是本项目的专家；"
        "如要替换其判断，请加 --replace；未导入任何内容\n")


def test_the_same_respondent_in_two_files_is_refused(demo_path, tmp_path, capsys):
    first, second, csv = tmp_path / "a.xlsx", tmp_path / "b.xlsx", tmp_path / "c.csv"
    for path in (first, second):
        export(demo_path, path, "--respondent", "Ivan")
        fill(path, {"service vs quality": "3"})
    csv.write_text("respondent,service vs quality\nIvan,3\n")
    capsys.readouterr()
    assert main(["import", str(first), str(second), str(csv), "--into", str(demo_path), "--all-errors"]) == 2
    assert capsys.readouterr().err.splitlines()[1::2] == [
        f"  {second}, sheet 'Instructions', cell B4: 'Ivan' is also the respondent of {first}",
        f"  {csv}, column 'respondent': 'Ivan' is also the respondent of {first}",
    ]


def test_export_options_are_checked(demo_path, tmp_path, capsys):
    assert main(["export-survey", str(demo_path), "--respondent", "Ivan"]) == 2
    assert capsys.readouterr().err == ("ahp: error: --respondent names the respondent of an .xlsx questionnaire; "
                                       "the CSV survey has a respondent column\n")
    out = tmp_path / "q.xlsx"
    assert main(["export-survey", str(demo_path), "-o", str(demo_path)]) == 2  # never over the input
    export(demo_path, out.with_suffix(".XLSX"))
    assert load_workbook(out.with_suffix(".XLSX")).sheetnames[:2] == ["Instructions", "Questions"]
    fill(out.with_suffix(".XLSX"), {"service vs quality": "3"}, name="Ivan")
    export(demo_path, out.with_suffix(".XLSX"))  # over a filled one: that one is kept
    kept = load_workbook(io.BytesIO(Path(f"{out.with_suffix('.XLSX')}.bak").read_bytes()))
    assert kept["Instructions"][NAME_CELL].value == "Ivan"


def test_a_bad_csv_survey_is_told_in_chinese_under_lang_zh(demo_path, tmp_path, capsys):
    # The CSV cell checks (shared with the ratings sheets) speak the command's language; the column is named as
    # the file heads it.
    survey = tmp_path / "s.csv"
    survey.write_text("respondent,service vs quality\nIvan,x\n")
    assert main(["import", str(survey), "--into", str(demo_path), "--lang", "zh"]) == 2
    assert capsys.readouterr().err == (f"ahp：错误：{survey}，第 2 行「service vs quality」列："
                                       "「x」不是数字或 1/3 这样的分数；未导入任何内容\n")


def test_a_questionnaire_sent_back_blank_is_refused(demo_path, tmp_path, capsys):
    survey = tmp_path / "blank.xlsx"
    export(demo_path, survey, "--respondent", "Ivan")
    before = demo_path.read_bytes()
    assert main(["import", str(survey), "--into", str(demo_path)]) == 2
    assert capsys.readouterr().err == (f"ahp: error: {survey}, sheet 'Questions': no question is answered; was the "
                                       "blank questionnaire sent back?; nothing imported\n")
    assert demo_path.read_bytes() == before
