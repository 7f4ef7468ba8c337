"""Every command and format speaks Chinese with ``--lang zh``: no English word leaks.

The demo is copied with Chinese names for what it names only in English (its title, the two
respondents and the three stores: the user's own data, which a Chinese study writes in
Chinese). What may stay ASCII: numbers, ids and paths of the model, file names, commands to
type, units and a short allow-list of symbols Chinese papers write in Latin letters.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from ahp.io.glossary import GLOSSARY, LANGUAGES
from ahp.io.project import load_project
from tests.running import run

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "retail-churn-demo.ahp.toml"

#: The demo's English-only names, and what a Chinese study calls them.
CHINESE_NAMES = {
    "Demo retailer: churn review (illustrative judgments)": "示例零售商客户流失分析（示意数据）",
    "Store manager": "店长", "Regional manager": "区域经理",
    "Riverside store": "滨江店", "Mall store": "商场店", "Station store": "车站店",
}
#: Latin-letter symbols and names Chinese AHP papers write as they are, and the tool's name.
ALLOWED = {"ahp", "CR", "CI", "RI", "GCI", "AIJ", "AIP", "Saaty", "Spearman", "Harker", "Donegan", "Dodd", "Alonso",
           "Lamata", "JSON", "HTML", "CSV", "Markdown", "Excel", "AW"}
#: An inconsistent goal matrix for the store manager, so that check has something to say.
INCONSISTENT = ("service = { quality = 2, price = 1, competition = 4 }",
                'service = { quality = 9, price = "1/9", competition = 4 }')


def chinese_demo(folder: Path, inconsistent: bool = False) -> Path:
    """The demo with Chinese names for its title, respondents and stores."""
    text = DEMO.read_text(encoding="utf-8")
    for english, chinese in CHINESE_NAMES.items():
        text = text.replace(english, chinese)
    if inconsistent:
        text = text.replace(*INCONSISTENT, 1)
    path = folder / ("inconsistent.ahp.toml" if inconsistent else "demo.ahp.toml")
    path.write_text(text, encoding="utf-8")
    return path


def english_words(text: str, project_path: Path) -> list[str]:
    """The Latin words of two letters or more left in ``text`` once the ASCII it may hold is
    taken out: file paths and names, `code`, commands to type, ids and paths of the model,
    λmax, and the allow-list."""
    text = text.replace(str(project_path.parent), "")
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\bahp [a-z-]+", " ", text)
    text = re.sub(r"[\w./-]+\.(?:toml|csv|md|html|xlsx|bak)\b[\w.-]*", " ", text)
    text = text.replace("λmax", " ")
    layout = load_project(project_path).model.root.layout
    for path in sorted(layout.paths, key=len, reverse=True):
        text = re.sub(rf"(?<![\w/]){re.escape(path)}(?![\w/])", " ", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED]


def html_text(page: str) -> str:
    """What a reader sees of an HTML page: no style sheet, no tags, entities resolved."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def xlsx_text(path: Path) -> str:
    """Every sheet name and cell of a workbook."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    cells = [str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    return "\n".join([*book.sheetnames, *cells])


SURVEY = "专家,权重,服务 比 质量,服务 比 价格\n督导,1,2,1/3\n"
RATINGS = "门店,服务态度与专业水平,缺货情况\n新店,很差,一般\n"

#: name: (arguments, with {p} the project, {f} a file to write or read; output files to read)
COMMANDS: dict[str, tuple[list[str], str | None]] = {
    "weights": (["weights", "1 9 1/3 3; 1/9 1 1/7 1/3; 3 7 1 9; 1/3 3 1/9 1", "--labels", "服务,质量,价格,竞争"], None),
    "weights-missing": (["weights", "1 1 5 2; 1 1 3 4; 1/5 1/3 1 ?; 1/2 1/4 ? 1"], None),
    "rank": (["rank", "{p}"], None),
    "rank-md": (["rank", "{p}", "--format", "md"], None),
    "rank-csv": (["rank", "{p}", "--format", "csv"], None),
    "rank-respondent": (["rank", "{p}", "--respondent", "店长"], None),
    "check": (["check", "{p}"], None),
    "check-failing": (["check", "{i}"], None),
    "group": (["group", "{p}"], None),
    "group-failing": (["group", "{i}"], None),
    "sensitivity": (["sensitivity", "{p}", "--draws", "200"], None),
    "risk": (["risk", "{p}"], None),
    "risk-apart": (["risk", "{p}", "--min-coverage", "1"], None),
    "report-md": (["report", "{p}", "-o", "{f}", "--draws", "100"], "report.md"),
    "report-html": (["report", "{p}", "-o", "{f}", "--draws", "100"], "report.html"),
    "report-xlsx": (["report", "{p}", "-o", "{f}", "--draws", "100"], "report.xlsx"),
    "export-survey": (["export-survey", "{p}"], None),
    "export-survey-file": (["export-survey", "{p}", "-o", "{f}"], "survey.csv"),
    "ratings-template": (["ratings", "template", "{p}"], None),
    "respondent-list": (["respondent", "list", "{p}"], None),
    "respondent-add": (["respondent", "add", "{p}", "督导"], None),
    "respondent-rename": (["respondent", "rename", "{p}", "店长", "门店店长"], None),
    "respondent-weight": (["respondent", "weight", "{p}", "店长", "2"], None),
    "respondent-remove": (["respondent", "remove", "{p}", "店长"], None),
    "import": (["import", "{f}", "--into", "{p}"], "survey-in.csv"),
    "ratings-import": (["ratings", "import", "{f}", "--into", "{p}"], "ratings-in.csv"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_no_english_word_in_chinese_output(tmp_path, name):
    args, output = COMMANDS[name]
    project, failing = chinese_demo(tmp_path), chinese_demo(tmp_path, inconsistent=True)
    target = tmp_path / (output or "none")
    if name == "import":
        target.write_text(SURVEY, encoding="utf-8")
    elif name == "ratings-import":
        target.write_text(RATINGS, encoding="utf-8")
    filled = [a.replace("{p}", str(project)).replace("{i}", str(failing)).replace("{f}", str(target)) for a in args]
    code, out, err = run(*filled, "--lang", "zh")
    assert code in (0, 1), err
    shown = out + err
    if output and not name.endswith("import"):
        shown += xlsx_text(target) if output.endswith("xlsx") else target.read_text(encoding="utf-8")
    if output and output.endswith("html"):
        shown = html_text(shown)
    elif output and output.endswith("md"):
        shown = html.unescape(shown)  # Markdown shows &lt; as <
    assert re.search(r"[\u4e00-\u9fff]", shown), "no Chinese at all"
    assert english_words(shown, project) == []


def test_the_check_finds_english_words(tmp_path):
    """The test above can fail: English output has English words, ids and names aside."""
    project = chinese_demo(tmp_path)
    _, out, _ = run("rank", str(project), "--format", "md")
    assert {"rank", "factor", "Hierarchy"} <= set(english_words(out, project))


def test_json_keeps_english_keys_and_words_its_sentences_in_chinese(tmp_path):
    import json

    project = chinese_demo(tmp_path)
    _, out, _ = run("rank", str(project), "--format", "json", "--lang", "zh")
    data = json.loads(out)
    assert {"ranking", "judgments_of", "cr_total", "settings"} <= set(data)
    assert data["judgments_of"] == "2 位专家，判断矩阵加权几何平均（AIJ）合成，未通过一致性检验者予以标明"
    assert data["ranking"][0]["path"] == "price/level"


def test_project_language_is_the_default_and_lang_overrides_it(tmp_path):
    project = chinese_demo(tmp_path)
    text = project.read_text(encoding="utf-8").replace("[settings]\n", '[settings]\nlanguage = "zh"\n', 1)
    project.write_text(text, encoding="utf-8")
    assert "判断矩阵" in run("check", str(project))[1]
    assert "Hierarchy CR" in run("check", str(project), "--lang", "en")[1]
    assert run("rank", str(project), "--format", "csv")[1].startswith("\ufeff排序,路径,流失因素,")


def test_a_chinese_project_is_titled_by_the_goal_and_its_first_respondent_in_chinese(tmp_path):
    assert run("new", str(tmp_path / "门店.ahp.toml"), "--lang", "zh")[0] == 0
    chinese = load_project(tmp_path / "门店.ahp.toml")
    assert (chinese.title, [r.name for r in chinese.respondents]) == ("客户流失度：门店", ["专家 1"])
    assert run("new", str(tmp_path / "stores.ahp.toml"))[0] == 0
    english = load_project(tmp_path / "stores.ahp.toml")
    assert (english.title, [r.name for r in english.respondents]) == ("Customer churn degree: stores", ["Respondent 1"])


def test_a_bad_language_setting_names_the_key(tmp_path):
    project = chinese_demo(tmp_path)
    text = project.read_text(encoding="utf-8").replace("[settings]\n", '[settings]\nlanguage = "fr"\n', 1)
    project.write_text(text, encoding="utf-8")
    code, _, err = run("rank", str(project))
    assert code == 2 and "settings.language is 'fr'; choose one of en, zh" in err


def test_every_phrase_has_both_languages():
    assert all(len(pair) == len(LANGUAGES) and all(pair) for pair in GLOSSARY.values())
    def typed(key: str, en: str) -> set[str]:
        """A project file's comments name the choices as they are typed: the English's words."""
        return set(re.findall(r"[A-Za-z]{2,}", en)) if key.startswith("file.") else set()

    latin = {k: zh for k, (en, zh) in GLOSSARY.items()
             if [w for w in re.findall(r"[A-Za-z]{2,}", re.sub(r"\{[^}]*\}|λmax|ahp [a-z]+", "",
                                                               zh)) if w not in ALLOWED | typed(k, en)]}
    assert latin == {}


def test_english_output_is_unchanged_by_the_glossary(tmp_path):
    project = tmp_path / "demo.ahp.toml"
    shutil.copy(DEMO, project)
    out = run("check", str(project))[1]
    assert ("Hierarchy CR: levels below the goal 0.0080; combined test (CR of goal + levels below) "
            "0.0057 + 0.0080 = 0.0137 <= 0.10: passes") in out
    assert ("Every node is consistent, for every respondent and combined. method eigenvector; "
                                 "random index saaty1980; threshold saaty1994; lambda_max eigenvalue; "
                                 "missing judgments by lambda-max; "
                                 "judgments of 2 respondents combined by geometric mean of their judgments (aij), "
                                 "inconsistent ones flagged") in out


def incomplete_demo(folder: Path) -> Path:
    """The Chinese demo with price cut off in the goal's matrix (neither respondent compared it
    with anything) and the store manager inconsistent on service."""
    text = chinese_demo(folder).read_text(encoding="utf-8")
    text = re.sub(r"(\[respondents\.judgments\.goal\]\n)service = "
                  r"\{ quality = (\d), price = \d, competition = (\d) \}\n"
                  r"quality = \{ price = [^,]+, competition = (\d) \}\nprice = \{ competition = \d \}\n",
                  r"\1service = { quality = \2, competition = \3 }\nquality = { competition = \4 }\n", text)
    text = text.replace("attitude = { complaints = 1, followup = 4,", 'attitude = { complaints = 9, followup = "1/9",',
                        1)
    target = folder / "incomplete.ahp.toml"
    target.write_text(text, encoding="utf-8")
    return target


UNLINKED_WHY = "「价格」与其他元素之间没有任何判断，请至少补充一个与「价格」有关的判断"
UNLINKED_ZH = f"判断矩阵不完整：{UNLINKED_WHY}"


def test_the_reason_a_node_is_incomplete_is_worded_in_chinese(tmp_path):
    project = incomplete_demo(tmp_path)
    code, out, _ = run("check", str(project), "--lang", "zh")
    assert code == 1 and f"客户流失度的判断矩阵不完整，尚不能求权重：{UNLINKED_WHY}。" in out
    assert "组合一致性检验：尚有 1 个判断矩阵判断不完整，暂不能检验；单独未通过：服务" in out
    code, _, err = run("rank", str(project), "--lang", "zh")
    assert code == 2 and UNLINKED_WHY in err and english_words(err.removeprefix("ahp: error: "), project) == []
    code, _, err = run("weights", "1 2 ?; 1/2 1 ?; ? ? 1", "--labels", "服务,质量,价格", "--lang", "zh")
    assert code == 2 and UNLINKED_ZH in err
    for args, what in ((["report", "-o", str(tmp_path / "r.md")], "生成报告"), (["sensitivity"], "做敏感性分析")):
        code, _, err = run(args[0], str(project), *args[1:], "--lang", "zh")
        assert code == 2 and f"尚不能{what}：1 个判断矩阵的判断不完整。第一个是「客户流失度」：{UNLINKED_WHY}" in err


def test_the_reason_a_node_is_incomplete_stays_english_in_english(tmp_path):
    project = incomplete_demo(tmp_path)
    _, out, _ = run("check", str(project))
    assert ("goal: incomplete: the known judgments do not connect all elements: Price is not compared, "
            "directly or through others, with Service; add a judgment linking them") in out
    code, _, err = run("rank", str(project))
    assert code == 2 and "first: goal: the known judgments do not connect all elements: Price is not" in err


def test_chinese_outputs_of_an_incomplete_and_inconsistent_project_have_no_english(tmp_path):
    project = incomplete_demo(tmp_path)
    for args in (["check", str(project)], ["check", str(project), "--respondent", "店长"], ["group", str(project)],
                 ["rank", str(project), "--respondent", "区域经理"]):
        code, out, err = run(*args, "--lang", "zh")
        assert code in (0, 1, 2), err
        assert english_words((out + err).replace("ahp: error:", ""), project) == [], args


def test_the_screen_and_the_json_give_the_reason_too(tmp_path):
    from ahp.io.export import ranking_dict
    from ahp.tui.widgets.consistency import consistency_text

    project = load_project(incomplete_demo(tmp_path))
    synthesis = project.synthesize("店长")
    goal = synthesis.nodes["goal"]
    assert UNLINKED_ZH in consistency_text(goal, [], "saaty1994", "zh").plain
    node = ranking_dict(project, synthesis, "店长", language="zh")["nodes"][0]
    assert node["unlinked"] == {"linked": ["service", "quality", "competition"], "cut": ["price"]}
    assert node["problem"] == UNLINKED_ZH


def test_weights_in_chinese_names_every_figure_as_chinese_papers_do():
    _, out, _ = run("weights", "1 9 1/3 3; 1/9 1 1/7 1/3; 3 7 1 9; 1/3 3 1/9 1", "--lang", "zh")
    assert ("最大特征根 λmax = 4.2359（按特征值精确求得）   一致性指标 CI = 0.0786   "
            "平均随机一致性指标 RI = 0.90（Saaty (1980) 表）   一致性比率 CR = 0.0874") in out


def test_the_chinese_report_calls_the_consensus_band_gongshi_not_yizhi(demo_path):
    from ahp.io.report import gather, render_markdown

    text = render_markdown(gather(load_project(demo_path), "zh"))
    assert "共识程度" in text and "一致程度" not in text


def test_group_in_chinese_says_consensus_and_shows_an_undetermined_node(tmp_path):
    project = incomplete_demo(tmp_path)
    _, out, _ = run("group", str(project), "--lang", "zh")
    assert "共识程度" in out and "一致程度" not in out
    goal = next(line for line in out.splitlines() if line.startswith("客户流失度"))
    assert "各专家判断均不完整" in goal and "1.000" not in goal and "很高" not in goal
    overall = next(line for line in out.splitlines() if line.startswith("总体共识程度"))
    assert overall.endswith("，不含客户流失度：该处无共识可言")


def test_check_in_chinese_says_incomplete_respondents_are_not_only_inconsistent(tmp_path):
    _, out, _ = run("check", str(incomplete_demo(tmp_path)), "--lang", "zh")
    assert "未通过一致性检验或判断不完整的专家（2 位中有 2 位）" in out
    assert "店长、区域经理至少有一个判断矩阵未通过一致性检验或判断不完整" in out


def without_user_names(text: str) -> str:
    """``text`` without the demo's own English names (title, respondents, stores): the user's data."""
    for english in CHINESE_NAMES:
        text = text.replace(english, "")
    return text


@pytest.mark.parametrize("args", [["rank", "{p}", "--aggregation", "aip"], ["group", "{p}", "--aggregation", "aip"]])
def test_notes_on_how_nodes_were_combined_are_in_chinese(undetermined_path, args):
    code, out, err = run(*[a.replace("{p}", str(undetermined_path)) for a in args], "--lang", "zh")
    shown = without_user_names(out)
    assert code in (0, 1) and english_words(shown, undetermined_path) == [], err
    assert "客户流失度：没有一位专家的判断能单独确定该判断矩阵的权重，故改为合成判断矩阵（AIJ）" in shown


@pytest.mark.parametrize("args", [["rank", "{p}"], ["check", "{p}"], ["weights", "1 ? 2; ? 1 3; 1/2 1/3 1"]])
def test_completion_warnings_are_in_chinese(harker_path, args):
    code, out, err = run(*[a.replace("{p}", str(harker_path)) for a in args], "--lang", "zh")
    shown = without_user_names(out)
    assert code in (0, 1) and english_words(shown, harker_path) == [], err
    assert "注意：" in shown and "超过最大特征根最小化补全所能处理的 0 个，已改用 Harker 法补全" in shown


def test_the_hierarchy_figures_in_chinese_say_consistency_ratio(tmp_path):
    _, out, _ = run("check", str(chinese_demo(tmp_path)), "--lang", "zh")
    assert ("层次总排序一致性比率 CR（目标层以下各层）= 0.0080；组合一致性检验（目标层 CR + 以下各层）："
            "0.0057 + 0.0080 = 0.0137 ≤ 0.10，通过") in out


def test_a_chinese_projects_file_comments_are_chinese(tmp_path):
    run("new", str(tmp_path / "z.ahp.toml"), "--lang", "zh")
    run("new", str(tmp_path / "e.ahp.toml"))
    zh = (tmp_path / "z.ahp.toml").read_text(encoding="utf-8").splitlines()
    en = (tmp_path / "e.ahp.toml").read_text(encoding="utf-8").splitlines()
    assert zh[:2] == ["# ahp 项目文件：包含模型、设置及全部专家的判断。",
                      "# 判断写作  行 = { 列 = v }，表示「行」相对「列」的判断值为 v（1–9 标度，1/9～9）。"]
    assert 'method = "eigenvector" # eigenvector 特征根法 | geometric-mean 方根法 | column-mean 和积法' in zh
    assert en[0] == "# ahp project: the model, the settings and every respondent's judgments."
    assert 'method = "eigenvector" # eigenvector | geometric-mean | column-mean' in en
