"""The built-in retail-churn model as the sources have it, `controllable` and the model's version."""

from __future__ import annotations

import json

import pytest

from ahp.errors import ProjectFileError
from ahp.io.model import builtin_difference, load_model
from ahp.io.project import load_project, new_project

MODEL_HEAD = 'format = 1\n[model]\nid = "m"\ngoal = "Churn"\n'


def factors() -> dict:
    return {f"{c.id}/{f.id}": f for c in load_model().root.children for f in c.children}


def test_builtin_model_places_staff_turnover_under_service_and_splits_location_from_natural_churn():
    f = factors()
    assert f["service/turnover"].name_zh == "员工跳槽带走顾客" and "competition/turnover" not in f
    location = f["competition/location"]
    assert (location.name_zh, location.controllable) == ("门店选址与购物便利性", "head-office")
    assert (f["competition/market"].name_zh, f["competition/market"].controllable) == ("商圈变化与自然流失", "external")
    assert f["competition/brand"].name_zh == "品牌形象与口碑"
    assert (f["service/followup"].name_zh, f["quality/stockouts"].name_zh, f["competition/rivals"].name_zh) == (
        "顾客维护与回访", "商品缺货", "竞争对手分流")


def test_builtin_model_speaks_of_shoppers_as_顾客_with_grades_of_fuzzy_evaluation_and_says_who_acts():
    m = load_model()
    assert m.version == "2026.12"
    assert [g.name_zh for g in m.grades] == ["很好", "较好", "一般", "较差", "很差"]
    for f in factors().values():
        assert f.controllable in ("store", "head-office", "external")
        assert "顾客就会" not in f.description_zh and "客户" not in f.name_zh + f.description_zh
    assert {f.controllable for f in factors().values() if f.controllable == "external"} == {"external"}
    assert sorted(p for p, f in factors().items() if f.controllable == "external") == [
        "competition/market", "competition/online", "competition/rivals"]


def test_controllable_out_of_the_list_is_a_located_error(tmp_path):
    path = tmp_path / "m.toml"
    path.write_text(MODEL_HEAD + '[[model.criteria]]\nid = "a"\nname = "A"\ncontrollable = "mayor"\n', encoding="utf-8")
    with pytest.raises(ProjectFileError) as err:
        load_model(path)
    assert str(err.value) == (f"{path}, line 8: model.criteria[0].controllable: 'mayor' is not one of "
                              "'store', 'head-office', 'external'")


def test_new_project_embeds_version_and_controllable_and_reads_them_back(tmp_path):
    p = new_project(tmp_path / "p.ahp.toml")
    again = load_project(p.path)
    assert again.model.version == "2026.12" and again.model.root == load_model().root
    assert builtin_difference(again.model) is None


def test_a_file_whose_model_drops_a_factor_of_the_builtin_one_is_told_so(tmp_path):
    p = new_project(tmp_path / "p.ahp.toml")
    text = p.path.read_text(encoding="utf-8")
    cut = text.index('id = "brand"')
    start = text.rindex("[[model.criteria.children]]", 0, cut)
    end = text.index("[", cut)  # the next table after the brand factor
    p.path.write_text(text[:start] + text[end:], encoding="utf-8")
    edited = load_project(p.path)
    assert "competition/brand" not in edited.model.root.layout.index
    assert builtin_difference(edited.model) == (
        "this file's model 'retail-churn' (version 2026.12) is not the built-in one (version 2026.12; "
        "1 element(s) only in the built-in model); the file keeps its own model")


def test_a_model_of_another_id_is_never_compared(tmp_path):
    path = tmp_path / "m.toml"
    path.write_text(MODEL_HEAD + '[[model.criteria]]\nid = "a"\nname = "A"\n', encoding="utf-8")
    assert builtin_difference(load_model(path)) is None


def test_rank_and_check_say_when_the_files_model_is_an_earlier_edition_and_json_stays_clean(demo_path):
    import subprocess
    import sys

    note = ("note: this file's model 'retail-churn' (no version) is not the built-in one (version 2026.12; "
            "1 element(s) only in the file; 3 element(s) only in the built-in model); the file keeps its own model")
    for command in ("rank", "check"):
        r = subprocess.run([sys.executable, "-m", "ahp", command, str(demo_path)], capture_output=True, text=True)
        assert r.returncode == 0 and r.stdout.splitlines()[-1] == note
    r = subprocess.run([sys.executable, "-m", "ahp", "rank", str(demo_path), "--format", "json"],
                       capture_output=True, text=True)
    assert "note:" not in r.stdout and "edition" not in r.stdout and r.stderr == ""
    json.loads(r.stdout)


def test_the_old_demo_keeps_its_numbers(demo_path):
    from ahp.io.risk import risk_report

    p = load_project(demo_path)
    s = p.synthesize(suggestions=0)
    top = s.ranking[0]
    assert (top.path, round(top.global_weight, 4)) == ("price/level", 0.1335)
    assert [(u.name, round(u.index, 1)) for u in risk_report(p, s).units] == [
        ("Riverside store", 60.5), ("Station store", 45.0), ("Mall store", 44.1)]


def test_rank_markdown_ends_with_what_each_factor_means(demo_path):
    from ahp.io.export import ranking_markdown

    p = load_project(demo_path)
    text = ranking_markdown(p, p.synthesize(suggestions=0))
    assert text.split("Factors:\n\n")[1].splitlines()[0] == (
        "- Price level against competitors (`price/level`): "
        "Customers move to rivals whose everyday prices are noticeably lower.")


@pytest.mark.parametrize(("comparisons", "message"), [
    ("[2, nan, 3]", "comparisons: every pair of grades needs a value (no ? or nan)"),
    ('[2, "?", 3]', "comparisons: every pair of grades needs a value (no ? or nan)"),
    ("[2, {x = 1}, 3]", "comparisons: {'x': 1} is not a number"),
    ("[2, [1], 3]", "comparisons: [1] is not a number"),
    (f"[2, {'9' * 400}, 3]", f"comparisons: {'9' * 20}... is off the scale; judgments lie within 1/9 and 9"),
])
def test_grade_comparisons_that_are_not_numbers_are_located_errors(tmp_path, comparisons, message):
    """A table, a list, nan or a huge integer among the grade comparisons: one located line, no traceback."""
    grades = "".join(f'[[model.ratings.grades]]\nid = "{g}"\nname = "{g}"\n' for g in ("good", "fair", "bad"))
    path = tmp_path / "m.toml"
    path.write_text(MODEL_HEAD + '[[model.criteria]]\nid = "a"\nname = "A"\n[[model.criteria]]\nid = "b"\nname = "B"\n'
                    f"[model.ratings]\ncomparisons = {comparisons}\n{grades}", encoding="utf-8")
    with pytest.raises(ProjectFileError) as error:
        load_model(path)
    assert str(error.value) == f"{path}, line 12: {message}"
