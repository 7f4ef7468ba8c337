"""Survey and ratings sheets as Chinese Excel saves them: GBK/GB18030 or UTF-8 (with or without
a byte-order mark) or UTF-16, cells separated by commas, semicolons or tabs; CSV written with a
byte-order mark so that Excel reads it back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ahp.errors import AHPError, SurveyError
from ahp.io.model import load_model
from ahp.io.project import load_project
from ahp.io.ratings_file import read_ratings
from ahp.io.sheet import decode, delimiter
from ahp.io.survey import read_survey
from tests.running import run

DEMO = Path(__file__).resolve().parents[2] / "examples" / "retail-churn-demo.ahp.toml"
SURVEY = "专家,权重,服务 比 质量,价格 比 服务\n王经理,2,3,1/2\n李店长,1,1/5,\n"
RATINGS = "门店,服务态度与专业水平,service/complaints,缺货情况\n滨江店,很差,fair,一般\n"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_chinese_survey_in_every_encoding_and_separator(tmp_path, encoding, separator):
    project = tmp_path / "demo.ahp.toml"
    shutil.copy(DEMO, project)
    survey = tmp_path / "survey.csv"
    survey.write_bytes(SURVEY.replace(",", separator).encode(encoding))
    code, out, err = run("import", str(survey), "--into", str(project))
    assert code == 0 and "error" not in err, err  # a warning: the respondents judged only the goal
    assert out.startswith(f"imported 2 respondent(s), 3 judgment(s), into {project}\n\nRespondents failing a node")
    loaded = load_project(project)
    wang = loaded.respondents[loaded.respondent_index("王经理")]
    assert wang.weight == 2
    assert wang.judgments["goal"] == {("service", "quality"): 3, ("service", "price"): 2}


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_chinese_ratings_in_gbk_and_utf8_with_every_separator(tmp_path, encoding, separator):
    project = tmp_path / "demo.ahp.toml"
    shutil.copy(DEMO, project)
    sheet = tmp_path / "ratings.csv"
    sheet.write_bytes(RATINGS.replace(",", separator).encode(encoding))
    code, out, err = run("ratings", "import", str(sheet), "--into", str(project), "--lang", "zh")
    assert (code, err) == (0, "")
    assert out == f"已导入评价：新增 1 家门店，更新 0 家，已写入 {project}\n"
    unit = load_project(project).units[-1]
    assert (unit.name, unit.ratings) == ("滨江店", {"service/attitude": "very-poor", "service/complaints": "fair",
                                                 "quality/stockouts": "fair"})


def test_templates_read_back_in_both_languages(tmp_path):
    project = tmp_path / "demo.ahp.toml"
    shutil.copy(DEMO, project)
    model = load_project(project).model
    for lang in ("en", "zh"):
        _, header, _ = run("ratings", "template", str(project), "--lang", lang)
        assert header.startswith("\ufeff")
        grades = ",".join(["fair"] * (header.count(",")))
        assert read_ratings(f"{header}北区,{grades}\n", model)[0][1]["service/attitude"] == "fair"
        _, survey, _ = run("export-survey", str(project), "--lang", lang)
        cells = ",".join(["2"] * (survey.count(",") - 1))
        rows = read_survey(f"{survey}Ann,1,{cells}\n", model.root)
        assert len(rows[0][2]) == 5 and rows[0][2]["goal"][("service", "quality")] == 2
    assert run("rank", str(project), "--format", "csv", "--no-bom")[1].startswith("rank,path,name,name_zh,")
    assert run("ratings", "template", str(project), "--no-bom")[1].startswith("unit,service/attitude,")


def test_export_survey_file_has_the_byte_order_mark(tmp_path):
    project = tmp_path / "demo.ahp.toml"
    shutil.copy(DEMO, project)
    target = tmp_path / "form.csv"
    assert run("export-survey", str(project), "-o", str(target), "--lang", "zh")[1] == f"调查表模板已写入 {target}\n"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + "专家,专家权重,服务 比 质量,".encode())


def test_bytes_neither_utf8_nor_gb18030_are_refused_naming_line_and_byte(tmp_path):
    project = tmp_path / "demo.ahp.toml"
    shutil.copy(DEMO, project)
    before = project.read_bytes()
    sheet = tmp_path / "bad.csv"
    sheet.write_bytes("专家,权重\n".encode() + b"\x80\xff,1\n")
    code, _, err = run("import", str(sheet), "--into", str(project))
    assert code == 2
    assert err == (f"ahp: error: {sheet}, line 2: byte 0x80 is neither UTF-8 nor GB18030 (GBK); "
                   "save the file as UTF-8 (in Excel: CSV UTF-8)\n")
    assert project.read_bytes() == before


def test_broken_utf16_is_refused():
    with pytest.raises(AHPError, match=r"^a\.csv: starts as UTF-16 but is not; save the file as UTF-8"):
        decode(b"\xff\xfeu\x00n\x00\x00\xd8", "a.csv")


def test_an_ambiguous_separator_is_refused_with_one_line(tmp_path):
    project = tmp_path / "demo.ahp.toml"
    shutil.copy(DEMO, project)
    sheet = tmp_path / "mixed.csv"
    sheet.write_text("unit;service/attitude,quality/fit\nNorth;good,fair\nSouth,good;fair\n", encoding="utf-8")
    code, _, err = run("ratings", "import", str(sheet), "--into", str(project))
    assert code == 2
    assert err == (f"ahp: error: {sheet}: cannot tell how the ratings separates its cells: by commas or by "
                   "semicolons; use only one of them in the header row\n")


def test_separator_follows_the_rows_when_the_header_splits_both_ways():
    # a header cell holding a comma inside quotes is no second separator
    assert delimiter('unit;"a,b"\nNorth;1\n', "ratings") == ";"
    # the header splits on both, the rows only on semicolons
    assert delimiter("unit;a,b;c\nNorth;1;2\n", "ratings") == ";"


def test_a_column_neither_path_nor_name_of_a_factor_is_named():
    model = load_model()
    with pytest.raises(SurveyError) as err:
        read_ratings("unit,no such factor\nNorth,good\n", model)
    assert list(map(str, err.value.problems)) == [
        "row 1, column 2 'no such factor': not a churn factor of the model (e.g. 'service/attitude')"
    ]
