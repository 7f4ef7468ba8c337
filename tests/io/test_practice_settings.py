"""Project files and the conventions of Chinese practice (issue 16, items 4-5)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

import ahp
from ahp.errors import AHPError, ProjectFileError
from ahp.io.export import ranking_dict, result_dict
from ahp.io.report import gather, render_markdown
from ahp.io.settings import Settings


def test_a_project_naming_the_old_chinese_table_still_loads(demo_path: Path) -> None:
    text = demo_path.read_text(encoding="utf-8")
    demo_path.write_text(text.replace('random_index = "saaty1980"', 'random_index = "chinese"', 1), encoding="utf-8")
    synthesis = ahp.load_project(demo_path).synthesize(suggestions=0)
    goal = synthesis.nodes["goal"].result
    assert (goal.ri_table, goal.ri) == ("gong-xu1986", 0.89)  # RI(4) of 龚木森 & 许树柏, not Saaty's 0.90


def _regional_manager_goal(project) -> None:
    """The cyclic criteria matrix of domain-review.md §3: 服务 > 质量 3, 质量 > 价格 2, 价格 > 服务 3."""
    for a, b, v in [("service", "quality", 3), ("service", "price", 1 / 3), ("service", "competition", 2),
                    ("quality", "price", 2), ("quality", "competition", 1), ("price", "competition", 4)]:
        project.set_judgment(1, "goal", a, b, v)


@pytest.mark.parametrize(
    ("language", "combined", "failing"),
    [("en", "Combined test (Jiang Qiyuan): CR = CR of the criteria matrix + Σ a_j CI_j / Σ a_j RI_j = {goal} + {below} "
      "= {total} > 0.10: fail.", "Every matrix is checked on its own as well: A-B fail(s)."),
     ("zh", "组合一致性检验（姜启源）：CR = 准则层判断矩阵 CR + Σ a_j CI_j / Σ a_j RI_j = {goal} + {below} "
      "= {total} > 0.10，未通过。", "各判断矩阵另行单独检验：A-B 未通过。")],
)
def test_report_shows_the_combined_test_beside_the_level_wise_cr(demo_path: Path, language, combined, failing) -> None:
    project = ahp.load_project(demo_path)
    _regional_manager_goal(project)
    data = gather(project, language, respondent="Regional manager")
    s = data.synthesis
    assert s.cr_total < 0.10 < s.combined.cr  # the level-wise figure passes; the combined test does not
    text = html.unescape(render_markdown(data))  # the markdown writes &lt; for <
    goal, below = s.nodes["goal"].result.cr, s.cr_total
    assert combined.format(goal=f"{goal:.4f}", below=f"{below:.4f}", total=f"{goal + below:.4f}") in text
    assert failing in text


@pytest.mark.parametrize(
    ("language", "rule", "line"),
    [("en", "| Acceptance | CR < 0.10 for every n |", "passes the consistency test."),
     ("zh", "| 一致性标准 | 各阶均为 CR < 0.10 |", "，通过一致性检验。")],
)
def test_report_states_the_strict_rule(demo_path: Path, language, rule, line) -> None:
    demo_path.write_text(demo_path.read_text(encoding="utf-8").replace(
        'threshold = "saaty1994"', 'threshold = "lt0.10"', 1), encoding="utf-8")
    data = gather(ahp.load_project(demo_path), language)
    text = html.unescape(render_markdown(data))  # the markdown writes &lt; for <
    assert rule in text
    cr = data.synthesis.nodes["goal"].result.cr
    assert f"CR = {cr:.4f} < 0.10" in text and line in text


def test_json_names_the_conventions_and_shows_both_totals(demo_path: Path) -> None:
    project = ahp.load_project(demo_path)
    _regional_manager_goal(project)
    out = ranking_dict(project, project.synthesize("Regional manager"), "Regional manager")
    assert out["settings"]["lambda_max"] == "eigenvalue" and out["settings"]["threshold"] == "saaty1994"
    goal = out["nodes"][0]
    assert (goal["path"], goal["acceptance"], goal["consistent"]) == ("goal", "CR <= 0.08", False)
    combined = out["cr_combined"]
    assert combined["levels"] == [goal["cr"], out["cr_total"]]
    assert combined["cr"] == pytest.approx(sum(combined["levels"]))
    assert (combined["acceptance"], combined["consistent"], out["failing"]) == ("CR <= 0.10", False, ["goal"])


def test_weights_json_names_the_lambda_max_convention() -> None:
    a = [[1, 9, 1 / 3, 3], [1 / 9, 1, 1 / 7, 1 / 3], [3, 7, 1, 9], [1 / 3, 3, 1 / 9, 1]]
    out = result_dict(ahp.priorities(a, method="column-mean", threshold="lt0.10", lambda_max="textbook"))
    assert (out["lambda_max_convention"], out["acceptance"], out["consistent"]) == ("textbook", "CR < 0.10", True)


def test_settings_follow_the_practice_unless_set_on_their_own() -> None:
    zh = Settings(practice="zh-textbook")
    assert (zh.random_index, zh.threshold, zh.lambda_max) == ("saaty1980", "lt0.10", "textbook") and not zh.explicit
    own = zh.with_changes(threshold="saaty1994", random_index="chinese")
    assert (own.random_index, own.threshold, own.lambda_max) == ("gong-xu1986", "saaty1994", "textbook")
    assert own.explicit == {"threshold", "random_index"}
    back = own.with_changes(practice="saaty")  # a practice chosen brings its whole preset
    assert (back.random_index, back.threshold, back.lambda_max, back.explicit) == (
        "saaty1980", "saaty1994", "eigenvalue", frozenset())
    assert "threshold" not in zh.file_values() and own.file_values()["threshold"] == "saaty1994"
    assert zh.as_dict()["threshold"] == "lt0.10"  # every setting in force, for outputs


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"practice": "chinese"}, "settings.practice is 'chinese'; choose one of saaty, zh-textbook"),
     ({"lambda_max": "max"}, "settings.lambda_max is 'max'; choose one of eigenvalue, textbook"),
     ({"random_index": "xu"}, "settings.random_index is 'xu'; choose one of saaty1980, saaty2005, donegan-dodd, "
      "alonso-lamata, gong-xu1986"),
     ({"threshold": 1.5}, "settings.threshold is 1.5; choose saaty1994, saaty1980, lt0.10 or a number between 0 and 1"),
     ({"language": "fr"}, "settings.language is 'fr'; choose one of en, zh")],
)
def test_bad_setting_changes_are_named(changes, message) -> None:
    with pytest.raises(AHPError) as err:
        Settings().with_changes(**changes)
    assert str(err.value) == message


def _settings_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index("[settings]"):text.index("[model]")]


def _with_settings(path: Path, lines: str) -> None:
    """Replace the demo's [settings] table by ``lines``."""
    text = path.read_text(encoding="utf-8")
    start = text.index("[settings]")
    end = text.index("[model]")
    path.write_text(text[:start] + "[settings]\n" + lines + "\n" + text[end:], encoding="utf-8")


def test_a_project_naming_only_its_practice_follows_it_and_saving_keeps_it_so(demo_path: Path) -> None:
    _with_settings(demo_path, 'practice = "zh-textbook"   # 中国教材惯例\nmethod = "column-mean"\n')
    project = ahp.load_project(demo_path)
    s = project.settings
    assert (s.practice, s.random_index, s.threshold, s.lambda_max) == ("zh-textbook", "saaty1980", "lt0.10", "textbook")
    goal = project.synthesize("Store manager").nodes["goal"].result
    assert (goal.lambda_convention, goal.acceptance) == ("textbook", "CR < 0.10")
    project.set_judgment(0, "goal", "service", "quality", 3)
    project.save()
    text = _settings_text(demo_path)
    assert 'practice = "zh-textbook"   # 中国教材惯例' in text
    assert "threshold" not in text and "lambda_max" not in text and "random_index" not in text


def test_a_setting_given_in_the_file_wins_over_the_practice_and_is_saved(demo_path: Path) -> None:
    _with_settings(demo_path, 'practice = "zh-textbook"\nthreshold = "saaty1994"\n')
    project = ahp.load_project(demo_path)
    assert (project.settings.threshold, project.settings.lambda_max) == ("saaty1994", "textbook")
    project.settings = project.settings.with_changes(lambda_max="eigenvalue")
    project.save()
    again = ahp.load_project(demo_path).settings
    assert (again.practice, again.threshold, again.lambda_max) == ("zh-textbook", "saaty1994", "eigenvalue")
    assert again.explicit == {"threshold", "lambda_max"}
    project.settings = project.settings.with_changes(practice="saaty")  # the preset, whole: the file forgets both
    project.save()
    text = _settings_text(demo_path)
    assert 'practice = "saaty"' in text and "threshold" not in text and "lambda_max" not in text


@pytest.mark.parametrize(
    ("lines", "message"),
    [('lambda_max = "power"', "line 20: settings.lambda_max is 'power'; choose one of eigenvalue, textbook"),
     ('practice = "zh"', "line 20: settings.practice is 'zh'; choose one of saaty, zh-textbook"),
     ('threshold = "lt0.1"',
      "line 20: settings.threshold is 'lt0.1'; choose saaty1994, saaty1980, lt0.10 or a number between 0 and 1")],
)
def test_bad_practice_settings_name_the_line_and_key(demo_path: Path, lines: str, message: str) -> None:
    _with_settings(demo_path, lines)
    with pytest.raises(ProjectFileError) as err:
        ahp.load_project(demo_path)
    assert str(err.value) == f"{demo_path}, {message}"
    assert demo_path.read_text(encoding="utf-8").count(lines) == 1


def test_new_project_in_chinese_gets_the_zh_textbook_practice(tmp_path: Path) -> None:
    from tests.test_cli import run

    path = tmp_path / "new.ahp.toml"
    r = run("new", str(path), "--lang", "zh")
    assert r.returncode == 0 and "practice = zh-textbook" in r.stdout and "CR < 0.10" in r.stdout
    s = ahp.load_project(path).settings
    assert (s.practice, s.language, s.threshold, s.lambda_max, s.explicit) == (
        "zh-textbook", "zh", "lt0.10", "textbook", frozenset())
    r = run("new", str(tmp_path / "en.ahp.toml"), "--lang", "zh", "--practice", "saaty")
    assert r.returncode == 0 and "zh-textbook" not in r.stdout
    assert ahp.load_project(tmp_path / "en.ahp.toml").settings.practice == "saaty"


@pytest.mark.parametrize(
    ("language", "rows"),
    [("en", ["| Convention | Chinese textbook practice (RI of Saaty 1980, CR < 0.10, the textbook λmax), "
             "as set below |",
             "| λmax | λmax = (1/n) Σ (A·W)ᵢ / Wᵢ, with each matrix's weights W from the method above",
             "| Acceptance | CR < 0.10 for every n |"]),
     ("zh", ["| 计算惯例 | 国内教材惯例（Saaty 1980 年 RI 表，CR < 0.10，教材 λmax 公式），具体见下 |",
             "| 最大特征根 λmax | λmax = (1/n) Σ (A·W)ᵢ / Wᵢ，W 为上述方法所得权重",
             "| 一致性标准 | 各阶均为 CR < 0.10 |"])],
)
def test_report_method_statement_under_the_zh_textbook_practice(demo_path: Path, language, rows) -> None:
    _with_settings(demo_path, 'practice = "zh-textbook"\nmethod = "column-mean"\n')
    text = html.unescape(render_markdown(gather(ahp.load_project(demo_path), language)))
    for line in rows:
        assert line in text
