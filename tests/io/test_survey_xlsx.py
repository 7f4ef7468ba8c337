"""The questionnaire workbook: what a manager sees, what comes back, and every problem by its place."""

from __future__ import annotations

import re
import shutil
import subprocess
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ahp.core.hierarchy import Node
from ahp.core.scale import VERBAL_ZH
from ahp.errors import SurveyError
from ahp.io.glossary import told
from ahp.io.model import load_model
from ahp.io.survey import pair_columns
from ahp.io.survey_xlsx import ANSWER_COLUMN, IDS_COLUMN, NAME_CELL, answers, questionnaire, write_questionnaire
from ahp.io.survey_xlsx_read import read_questionnaire
from tests.io.test_survey import CITY_MODEL

MODEL = load_model()


def pair_rows(sheet) -> dict[str, int]:
    """Each pair's row on the questions sheet, found by its hidden ids."""
    return {sheet[f"{IDS_COLUMN}{r}"].value: r for r in range(2, sheet.max_row + 1) if sheet[f"{IDS_COLUMN}{r}"].value}


def fill(path, cells: dict[str, object], name: str | None = None) -> None:
    """Answer as a manager does: type the name, pick answers (by the pairs' ids) and save."""
    book = load_workbook(path)
    instructions, questions = (book[n] for n in book.sheetnames[:2])
    if name is not None:
        instructions[NAME_CELL] = name
    rows = pair_rows(questions)
    for ids, value in cells.items():
        questions[f"{ANSWER_COLUMN}{rows[ids]}"] = value
    book.save(path)


def plan(language: str, root: Node = MODEL.root) -> dict[str, tuple[str | None, float | None]]:
    """An answer for every pair: each of the 17 answers of the dropdown in turn, then an empty cell."""
    choices = [*answers(language), (None, None)]
    return {pair.header: choices[k % len(choices)] for k, pair in enumerate(pair_columns(root))}


def expected(answered: dict[str, tuple[str | None, float | None]]) -> dict[str, dict[tuple[str, str], float]]:
    out: dict[str, dict[tuple[str, str], float]] = {}
    for pair in pair_columns(MODEL.root):
        value = answered[pair.header][1]
        if value is not None:
            out.setdefault(pair.path, {})[(pair.a, pair.b)] = value
    return out


def blank(tmp_path, language: str = "en", respondent: str | None = "Ann", name: str = "q.xlsx"):
    path = tmp_path / name
    write_questionnaire(str(path), "Acme review", MODEL, language, respondent)
    return path


def problems_of(path, taken=None, language="en") -> list[str]:
    """The summary and the problems of a refused questionnaire, worded in ``language``."""
    with pytest.raises(SurveyError) as err:
        read_questionnaire(str(path), MODEL, taken)
    return [told(err.value, language), *(told(problem, language) for problem in err.value.problems)]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_round_trip_reads_exactly_the_answers_picked(tmp_path, language):
    path = blank(tmp_path, language, respondent=None)
    answered = plan(language)
    fill(path, {ids: label for ids, (label, _) in answered.items() if label}, name="  王 店长 ")
    assert read_questionnaire(str(path), MODEL) == ("王 店长", 1.0, expected(answered))


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory):
    """Both questionnaires filled (answers picked, and numbers typed by hand), then opened and saved
    again by LibreOffice; returns {language: (the file LibreOffice wrote, the answers given)}."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the questionnaire saved by LibreOffice is not tested")
    folder = tmp_path_factory.mktemp("libreoffice")
    filled = {}
    for language in ("en", "zh"):
        path = blank(folder, language, respondent=None, name=f"{language}.xlsx")
        answered = plan(language)
        typed = dict(list(answered.items())[:3])  # typed by hand instead: 3, 1/3 and 0.25
        for (ids, _), (text, value) in zip(typed.items(), [(3, 3.0), ("1/3", 1 / 3), ("0.25", 0.25)], strict=True):
            answered[ids] = (text, value)
        picked = {ids: label for ids, (label, _) in answered.items() if label is not None}
        fill(path, picked, name=f"Manager {language}")
        filled[language] = answered
    out = folder / "saved"
    start = time.monotonic()
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out), str(folder / "en.xlsx"), str(folder / "zh.xlsx")],
                   check=True, capture_output=True, timeout=120)
    print(f"LibreOffice saved both questionnaires in {time.monotonic() - start:.1f} s")
    return {language: (out / f"{language}.xlsx", answered) for language, answered in filled.items()}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_questionnaire_saved_by_libreoffice_reads_the_same(saved_by_libreoffice, language):
    path, answered = saved_by_libreoffice[language]
    assert read_questionnaire(str(path), MODEL) == (f"Manager {language}", 1.0, expected(answered))
    book = load_workbook(path)
    questions = book[book.sheetnames[1]]
    assert questions.column_dimensions[IDS_COLUMN].hidden
    assert [v.formula1 for v in questions.data_validations.dataValidation] == [
        f"{book.sheetnames[2]}!$A$1:$A$17"]  # the dropdown survives, still on the hidden list


def test_a_value_typed_past_the_dropdown_names_the_cell_and_the_answers(tmp_path):
    path = blank(tmp_path)
    fill(path, {"service vs quality": "very much", "quality vs price": "12"})
    listed = ("A more important than B: extreme (9), A more important than B: very to extremely strong (8), "
              "A more important than B: very strong (7), A more important than B: strong to very strong (6), "
              "A more important than B: strong (5), A more important than B: moderate to strong (4), "
              "A more important than B: moderate (3), A more important than B: equal to moderate (2), "
              "A and B: equal (1), B more important than A: equal to moderate (2), "
              "B more important than A: moderate (3), B more important than A: moderate to strong (4), "
              "B more important than A: strong (5), B more important than A: strong to very strong (6), "
              "B more important than A: very strong (7), B more important than A: very to extremely strong (8), "
              "B more important than A: extreme (9)")
    assert problems_of(path) == [
        "2 problem(s) in the file; nothing imported",
        f"sheet 'Questions', row 3, column F, pair 'Service' vs 'Quality': 'very much' is neither an answer of the "
        f"list ({listed}) nor a number from 1/9 to 9",
        f"sheet 'Questions', row 6, column F, pair 'Quality' vs 'Price': '12' is neither an answer of the "
        f"list ({listed}) nor a number from 1/9 to 9",
    ]


def test_a_chinese_questionnaire_says_its_problems_in_chinese(tmp_path):
    path = blank(tmp_path, "zh", respondent=None)
    fill(path, {"service vs quality": "很重要"})
    listed = "、".join(label for label, _ in answers("zh"))
    assert problems_of(path, language="zh") == [
        "文件中有 2 处问题，未导入任何内容",
        "工作表「说明」单元格 B4：未填写专家姓名；请填写答卷人的姓名",
        f"工作表「问卷」第 3 行 F 列（「服务」比「质量」）：「很重要」既不是下拉列表中的选项（{listed}），"
        "也不是 1/9～9 之间的数值",
    ]


@pytest.mark.parametrize(("typed", "value"), [
    (3, 3.0), ("1/3", 1 / 3), ("0.333", 0.333), (0.2, 0.2), ("３", 3.0),
    (" A more important than B:  strong (5) ", 5.0), ("B 比 A 明显重要（5）", 0.2),
])
def test_numbers_on_the_scale_and_answers_of_either_language_are_accepted(tmp_path, typed, value):
    path = blank(tmp_path)
    fill(path, {"price/level vs price/promotions": typed})
    assert read_questionnaire(str(path), MODEL)[2] == {"price": {("level", "promotions"): value}}


@pytest.mark.parametrize("typed", ["0", "-3", "1/12", "10", "=1+2", True])
def test_numbers_off_the_scale_and_formulas_are_refused(tmp_path, typed):
    path = blank(tmp_path)
    fill(path, {"service vs quality": typed})
    problem = problems_of(path)[1]
    where = "sheet 'Questions', row 3, column F, pair 'Service' vs 'Quality': "
    assert problem.startswith(where)
    if typed == "=1+2":
        assert problem == where + "holds a formula; type the answer itself"
    else:
        assert problem.startswith(f"{where}'{typed}' is neither an answer of the list (")


def test_the_name_must_be_given_and_new(tmp_path):
    path = blank(tmp_path, respondent=None)
    assert problems_of(path)[1] == (
        "sheet 'Instructions', cell B4: no respondent name; type the name of the person who answered")
    fill(path, {}, name="Ann")
    assert problems_of(path, {"Ann": ""})[1] == (
        "sheet 'Instructions', cell B4: 'Ann' is already a respondent of the project; use --replace to replace their "
        "answers")
    assert problems_of(path, {"Ann": "ann-old.xlsx"})[1] == (
        "sheet 'Instructions', cell B4: 'Ann' is also the respondent of ann-old.xlsx")


def test_pairs_are_found_by_their_hidden_ids_not_by_names_or_order(tmp_path):
    path = blank(tmp_path)
    answered = plan("en")
    fill(path, {ids: label for ids, (label, _) in answered.items() if label})
    book = load_workbook(path)
    questions = book["Questions"]
    assert questions.column_dimensions[IDS_COLUMN].hidden
    rows = sorted(pair_rows(questions).values())
    contents = [[questions.cell(r, c).value for c in range(1, 8)] for r in rows]
    for r, values in zip(rows, reversed(contents), strict=True):  # the pairs' rows in reverse order, names changed
        for c, value in enumerate(values, start=1):
            questions.cell(r, c).value = "renamed" if c in (2, 4) else value
    book.save(path)
    assert read_questionnaire(str(path), MODEL)[2] == expected(answered)


def test_a_questionnaire_of_another_model_or_an_older_one_says_so(tmp_path):
    city_model = tmp_path / "city.toml"
    city_model.write_text(CITY_MODEL)
    from ahp.io.model import load_model as load

    other = tmp_path / "city.xlsx"
    write_questionnaire(str(other), "City", load(city_model), "en", "Ann")
    assert problems_of(other) == ["is a questionnaire of the model 'city', not of this project's model "
                                  "'retail-churn'; nothing imported"]
    path = blank(tmp_path)
    book = load_workbook(path)
    questions = book["Questions"]
    questions["G3"] = "service vs loyalty"  # a pair the model does not have
    questions["G4"] = None  # and one of its pairs gone
    book.save(path)
    assert problems_of(path)[1:] == [
        "sheet 'Questions', row 3: the pair 'service vs loyalty' is not in this project's model: the questionnaire "
        "was made for another model, or the model changed since it was exported",
        "sheet 'Questions': 2 pair(s) of this project's model are missing (first: 'service vs quality'): the model "
        "changed since the questionnaire was exported; export it again",
    ]


def test_files_that_are_not_questionnaires_are_refused_in_one_line(tmp_path):
    text = tmp_path / "notes.xlsx"
    text.write_text("respondent,service vs quality\n")
    assert problems_of(text) == ["cannot be read as an Excel workbook (.xlsx); nothing imported"]
    assert problems_of(tmp_path / "gone.xlsx") == ["no such file"]
    from openpyxl import Workbook

    Workbook().save(tmp_path / "plain.xlsx")
    assert problems_of(tmp_path / "plain.xlsx", language="zh") == [
        "不是由 ahp export-survey 生成的问卷（没有工作表「说明」），未导入任何内容"]
    book = Workbook()
    book.active.title = "说明"
    book.create_sheet("问卷")
    book.save(tmp_path / "lookalike.xlsx")
    assert problems_of(tmp_path / "lookalike.xlsx") == [
        "is not a questionnaire of ahp export-survey: sheet '问卷' has no pair ids in its hidden column G; "
        "nothing imported"]


def test_the_chinese_instructions_speak_chinese_and_the_scale_of_chinese_practice():
    book = questionnaire("示例零售商客户流失分析", MODEL, "zh", respondent="王店长")
    assert book.sheetnames == ["说明", "问卷", "选项"] and book["选项"].sheet_state == "hidden"
    sheet = book["说明"]
    cells = {c.coordinate: c.value for row in sheet.iter_rows() for c in row if c.value is not None}
    texts = list(cells.values())
    assert texts[0] == "示例零售商客户流失分析" and cells[NAME_CELL] == "王店长"
    assert "← 请在此填写您的姓名（必填）" in texts and "判断标度" in texts and "示例" in texts and "交回问卷" in texts
    scale = {cells[f"A{r}"]: cells[f"B{r}"] for r in range(1, sheet.max_row + 1) if isinstance(cells.get(f"A{r}"), int)}
    assert scale == VERBAL_ZH
    assert [scale[k] for k in (1, 3, 5, 7, 9)] == ["同等重要", "稍微重要", "明显重要", "强烈重要", "极端重要"]
    assert "A 比 B 强烈重要（7）" in texts  # the worked example, with the dropdown's own words
    assert "打开工作表「问卷」（共 5 部分、43 题）。每一行比较两个因素 A 和 B，并附有各自的含义。" in texts
    visible = [c.value for ws in (sheet, book["问卷"]) for row in ws.iter_rows(max_col=6) for c in row
               if isinstance(c.value, str)]
    latin = {w for text in visible for w in re.findall(r"[A-Za-z]{2,}", text)}
    assert latin == {"Excel"}  # element A and B by letter; no English word, no id
    assert not any("/" in text and " vs " in text for text in visible)


def test_every_name_is_text_never_a_formula(tmp_path):
    model_file = tmp_path / "risky.toml"
    model_file.write_text(CITY_MODEL.replace('name = "Culture"', 'name = "=HYPERLINK(\\"http://x\\",\\"y\\")"')
                          .replace('name = "Family"', 'name = "@SUM(1)"'))
    from ahp.io.model import load_model as load

    book = questionnaire("=1+1", load(model_file), "en", respondent="-2")
    cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    risky = [c for c in cells if str(c.value).startswith(("=", "@", "-"))]
    assert {str(c.value) for c in risky} >= {"=1+1", "-2", '=HYPERLINK("http://x","y")', "@SUM(1)"}
    assert all(c.quotePrefix for c in risky)


def test_only_the_answers_and_the_name_are_open_and_the_dropdown_covers_the_answers():
    book = questionnaire("Acme", MODEL, "en")
    questions = book["Questions"]
    assert all(ws.protection.sheet for ws in book) and book.security.lockStructure
    rows = pair_rows(questions)
    open_cells = {c.coordinate for ws in (book["Instructions"], questions) for row in ws.iter_rows() for c in row
                  if not c.protection.locked}
    assert open_cells == {NAME_CELL} | {f"{ANSWER_COLUMN}{r}" for r in rows.values()}
    (dropdown,) = questions.data_validations.dataValidation
    assert dropdown.type == "list" and dropdown.formula1 == "'Answers'!$A$1:$A$17" and dropdown.showInputMessage
    assert dropdown.prompt.startswith("Pick from the list") and dropdown.allow_blank
    assert {str(r) for r in dropdown.sqref.ranges} == {f"{ANSWER_COLUMN}{r}" for r in rows.values()}
    assert [book["Answers"][f"A{k}"].value for k in range(1, 18)] == [label for label, _ in answers("en")]
    assert questions.freeze_panes == "A2" and all(questions.column_dimensions[c].width >= 20 for c in "BCDEF")
    assert questions.column_dimensions[ANSWER_COLUMN].width > max(len(label) for label, _ in answers("en"))
    assert [questions[f"A{r}"].value for r in sorted(rows.values())] == list(range(1, 44))  # numbers, not text
    assert len(rows) == len(pair_columns(MODEL.root)) == 43


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=st.sampled_from(["en", "zh"]), data=st.data())
def test_any_answers_come_back_as_given(tmp_path, language, data):
    city_model = tmp_path / "city.toml"
    city_model.write_text(CITY_MODEL)
    from ahp.io.model import load_model as load

    model = load(city_model)
    typed = [(str(k), float(k)) for k in range(1, 10)] + [(f"1/{k}", 1 / k) for k in range(2, 10)]
    choice = st.sampled_from([*answers("en"), *answers("zh"), *typed, (None, None)])
    given_answers = {pair: data.draw(choice) for pair in pair_columns(model.root)}
    path = tmp_path / "city.xlsx"
    write_questionnaire(str(path), "City", model, language, "Ann")
    fill(path, {pair.header: text for pair, (text, _) in given_answers.items() if text is not None})
    if all(v is None for _, v in given_answers.values()):
        with pytest.raises(SurveyError):  # the blank questionnaire sent back
            read_questionnaire(str(path), model)
    else:
        assert read_questionnaire(str(path), model)[2] == {
            "goal": {(p.a, p.b): v for p, (_, v) in given_answers.items() if v is not None}}
