"""Correcting one respondent's answers from the command line: ``ahp import --replace`` (CSV
surveys and questionnaires), ``ahp judge`` and ``ahp ratings template -o``, in English and in
Chinese, every refusal by its exact message."""

from __future__ import annotations

import math
import re
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ahp.core.scale import SCALE, format_value
from ahp.io.project import load_project
from ahp.io.survey import pair_columns
from tests.conftest import DEMO
from tests.io.test_chinese_output import chinese_demo, english_words
from tests.io.test_survey_xlsx import fill
from tests.running import run

SM, RM = "Store manager", "Regional manager"


def survey(folder: Path, rows: dict[str, dict[str, float | None]], weights: dict[str, str] | None = None,
           name: str = "survey.csv") -> Path:
    """A CSV survey: a row per respondent, the pairs (``a vs b`` headers) as given, others empty."""
    headers = [c.header for c in pair_columns(load_project(DEMO).model.root)]
    lines = [",".join(["respondent", "weight", *headers])]
    for who, answers in rows.items():
        cells = ["" if answers.get(h) is None else format_value(answers[h]) for h in headers]
        lines.append(",".join([who, (weights or {}).get(who, ""), *cells]))
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def answers_of(project_path: Path, name: str) -> dict[str, float | None]:
    """A respondent's judgments by survey header."""
    project = load_project(project_path)
    r = project.respondent_index(name)
    return {c.header: project.judgment(r, c.path, c.a, c.b) for c in pair_columns(project.model.root)}


def differing(a: dict[str, float | None], b: dict[str, float | None]) -> tuple[int, int, int]:
    """Pairs changed, added and removed from ``a`` to ``b``."""
    changed = sum(a[h] is not None and b[h] is not None and not math.isclose(a[h], b[h]) for h in a)
    return changed, sum(a[h] is None and b[h] is not None for h in a), sum(a[h] is not None and b[h] is None for h in a)


def kept_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.before-*"))


def kept_line(out: str) -> Path:
    found = re.findall(r"(?:kept in|另存为) (\S+)$", out, re.M)
    assert len(found) == 1, out
    return Path(found[0])


def cr(project_path: Path, name: str, node: str = "goal") -> float:
    return load_project(project_path).synthesize(name, suggestions=0).nodes[node].result.cr


def leaves(project_path: Path, name: str) -> list[str]:
    return [leaf.path for leaf in load_project(project_path).ranking(name)]


# -- ahp import --replace ---------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "message"), [
    ("en", "ahp: error: {s}, row 2, column 'respondent': 'Store manager' is already a respondent of the project; "
           "use --replace to replace their answers; nothing imported\n"),
    ("zh", "ahp：错误：{s}，第 2 行「专家」列：「Store manager」已是本项目的专家；如要替换其判断，请加 --replace；"
           "未导入任何内容\n"),
])
def test_without_replace_a_respondent_of_the_project_is_refused_naming_the_option(demo_path, tmp_path, lang, message):
    before = demo_path.read_bytes()
    s = survey(tmp_path, {SM: answers_of(demo_path, RM)})
    assert run("import", str(s), "--into", str(demo_path), "--lang", lang) == (2, "", message.format(s=s))
    assert demo_path.read_bytes() == before and kept_copies(tmp_path) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_replace_takes_the_files_answers_keeps_the_old_file_and_changes_the_ranking(demo_path, tmp_path, lang):
    before, theirs = demo_path.read_bytes(), answers_of(demo_path, RM)
    assert leaves(demo_path, SM) != leaves(demo_path, RM)
    counts = differing(answers_of(demo_path, SM), theirs)
    s = survey(tmp_path, {SM: theirs, "Ivan": theirs})
    code, out, err = run("import", str(s), "--into", str(demo_path), "--replace", "--lang", lang)
    assert (code, err) == (0, "")
    kept = kept_line(out)
    assert kept_copies(tmp_path) == [kept] and kept.name.startswith("demo.ahp.toml.before-replace-Store-manager-")
    assert kept.read_bytes() == before
    pairs = 2 * sum(v is not None for v in theirs.values())
    assert out == {
        "en": f"imported 2 respondent(s), {pairs} judgment(s), into {demo_path} (1 new, 1 replaced)\n"
              "Store manager: answers replaced: {} judgment(s) changed, {} added, {} removed\n".format(*counts)
              + f"the project as it was before is kept in {kept}\n",
        "zh": f"已导入 2 位专家的 {pairs} 个判断，已写入 {demo_path}（新增 1 位，替换 1 位）\n"
              "专家「Store manager」的判断已替换：改动 {} 个，新增 {} 个，删除 {} 个\n".format(*counts)
              + f"修改前的项目文件已另存为 {kept}\n",
    }[lang]
    assert answers_of(demo_path, SM) == pytest.approx(theirs)
    assert leaves(demo_path, SM) == leaves(demo_path, RM)  # the same answers, the same ranking
    assert [r.name for r in load_project(demo_path).respondents] == [SM, RM, "Ivan"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_replace_says_which_node_changed_its_verdict_with_cr_before_and_after(demo_path, tmp_path, lang):
    mine = answers_of(demo_path, SM)
    circular = {**mine, "service vs quality": 9.0, "quality vs price": 9.0, "service vs price": 1 / 9,
                "price/level vs price/promotions": None}  # left empty: removed
    counts = differing(mine, circular)
    was = cr(demo_path, SM)
    code, out, _ = run("import", str(survey(tmp_path, {SM: circular})), "--into", str(demo_path), "--replace",
                       "--lang", lang)
    now = cr(demo_path, SM)
    assert code == 0 and was <= 0.08 < now
    lines = out.splitlines()
    assert lines[1:3] == {
        "en": ["Store manager: answers replaced: {} judgment(s) changed, {} added, {} removed".format(*counts),
               f"  goal: consistent: CR {was:.4f} <= 0.08 -> INCONSISTENT: CR {now:.4f} > 0.08"],
        "zh": ["专家「Store manager」的判断已替换：改动 {} 个，新增 {} 个，删除 {} 个".format(*counts),
               f"  客户流失度：CR = {was:.4f} ≤ 0.08，通过一致性检验 → CR = {now:.4f} > 0.08，未通过一致性检验"],
    }[lang]
    assert counts[2] == 1 and lines[3].startswith(("the project as it was", "修改前的项目文件"))


def test_the_weight_is_kept_unless_the_file_gives_one(demo_path, tmp_path):
    assert run("respondent", "weight", str(demo_path), SM, "3")[0] == 0
    mine = answers_of(demo_path, SM)
    assert run("import", str(survey(tmp_path, {SM: mine})), "--into", str(demo_path), "--replace")[0] == 0
    assert load_project(demo_path).respondents[0].weight == 3
    code, out, _ = run("import", str(survey(tmp_path, {SM: mine}, {SM: "2"})), "--into", str(demo_path), "--replace")
    assert code == 0 and "Store manager: answers replaced: no judgment changed; weight 3 -> 2\n" in out
    assert load_project(demo_path).respondents[0].weight == 2


def test_replacing_with_the_same_answers_keeps_no_copy(demo_path, tmp_path):
    code, out, _ = run("import", str(survey(tmp_path, {SM: answers_of(demo_path, SM)})), "--into", str(demo_path),
                       "--replace", "--lang", "zh")
    assert code == 0 and "专家「Store manager」的判断已替换：无改动\n" in out
    assert kept_copies(tmp_path) == [] and "另存为" not in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_questionnaire_replaces_a_respondents_answers_too(demo_path, tmp_path, lang):
    q = tmp_path / "store.xlsx"
    code, out, _ = run("export-survey", str(demo_path), "-o", str(q), "--respondent", SM, "--lang", lang)
    assert code == 0 and out.splitlines()[1] == {
        "en": f"note: 'Store manager' is already a respondent of {demo_path}: import the filled questionnaire with "
              "--replace to replace their answers",
        "zh": f"注：「Store manager」已是 {demo_path} 中的专家：导入填好的问卷时请加 --replace，以替换其判断"}[lang]
    assert run("respondent", "weight", str(demo_path), SM, "2")[0] == 0
    fill(q, {"service vs quality": "1/3", "price vs competition": "5"})
    before = demo_path.read_bytes()
    code, out, _ = run("import", str(q), "--into", str(demo_path), "--replace", "--lang", lang)
    assert code == 0
    assert kept_line(out).read_bytes() == before
    project = load_project(demo_path)
    assert project.respondents[0].judgments == {"goal": {("service", "quality"): 1 / 3, ("price", "competition"): 5.0}}
    assert project.respondents[0].weight == 2  # a questionnaire gives no weight


def test_one_bad_file_among_several_imports_nothing_and_keeps_no_copy(demo_path, tmp_path):
    before = demo_path.read_bytes()
    good = survey(tmp_path, {SM: answers_of(demo_path, RM)}, name="good.csv")
    bad = survey(tmp_path, {"Ivan": {"service vs quality": 3.0}}, name="bad.csv")
    bad.write_text(bad.read_text(encoding="utf-8").replace(",3", ",12"), encoding="utf-8")
    code, out, err = run("import", str(good), str(bad), "--into", str(demo_path), "--replace")
    assert (code, out) == (2, "")
    assert err == (f"ahp: error: {bad}, row 2, column 'service vs quality': 12 is off the scale; ratios lie within 1/9 "
                   "and 9; nothing imported\n")
    assert demo_path.read_bytes() == before and kept_copies(tmp_path) == []


def test_the_same_name_in_two_files_is_still_refused_with_replace(demo_path, tmp_path):
    one = survey(tmp_path, {SM: {"service vs quality": 3.0}}, name="one.csv")
    two = survey(tmp_path, {SM: {"service vs quality": 5.0}}, name="two.csv")
    code, _, err = run("import", str(one), str(two), "--into", str(demo_path), "--replace")
    assert code == 2 and f"'Store manager' is also the respondent of {one}" in err
    assert kept_copies(tmp_path) == []


def test_a_failed_save_puts_the_project_back_and_removes_the_copy(demo_path, monkeypatch):
    from ahp.io import project as project_module

    project = load_project(demo_path)
    was = {path: dict(pairs) for path, pairs in project.respondents[0].judgments.items()}

    def refuse(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(project_module, "write_atomic", refuse)
    with pytest.raises(OSError):
        project.import_respondents([(SM, 4.0, {"goal": {("service", "price"): 7.0}}), ("Ivan", None, {})],
                                   replace=True)
    assert [r.name for r in project.respondents] == [SM, RM] and project.respondents[0].judgments == was
    assert project.respondents[0].weight == 1 and project.kept_copies == [] and kept_copies(demo_path.parent) == []


# -- ahp judge ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "lang", "expected"), [
    (["goal", "service", "quality", "1/9"], "en", [
        "Store manager, goal: Service vs Quality: 2 -> 1/9, saved in {p}",
        "goal: consistent: CR {was:.4f} <= 0.08 -> INCONSISTENT: CR {now:.4f} > 0.08",
        "goal: all 6 pairs judged: complete"]),
    (["服务", "质量", "1/9"], "zh", [
        "专家「Store manager」，客户流失度：服务 比 质量：2 → 1/9，已保存到 {p}",
        "客户流失度：CR = {was:.4f} ≤ 0.08，通过一致性检验 → CR = {now:.4f} > 0.08，未通过一致性检验",
        "客户流失度：6 对比较均已判断，判断矩阵完整"]),
])
def test_judge_sets_one_judgment_and_tells_the_verdict_before_and_after(demo_path, args, lang, expected):
    if lang == "zh":
        args = ["客户流失度", *args]
    was, before, text = cr(demo_path, SM), answers_of(demo_path, SM), demo_path.read_text(encoding="utf-8")
    code, out, err = run("judge", str(demo_path), "--respondent", SM, *args, "--lang", lang)
    now = cr(demo_path, SM)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    revisit = [line for line in lines if line.startswith(("  revisit: ", "  建议修改："))]
    assert [line for line in lines if line not in revisit] == [e.format(p=demo_path, was=was, now=now)
                                                               for e in expected]
    assert revisit and lines[2:2 + len(revisit)] == revisit  # what to change back, under the verdict
    assert answers_of(demo_path, SM) == {**before, "service vs quality": pytest.approx(1 / 9)}
    changed = [(old, new) for old, new in zip(text.splitlines(), demo_path.read_text(encoding="utf-8").splitlines(),
                                              strict=True) if old != new]
    assert changed == [("service = { quality = 2, price = 1, competition = 4 }",  # comments and all else kept
                        'service = { quality = "1/9", price = 1, competition = 4 }')]
    assert demo_path.with_name("demo.ahp.toml.bak").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_judge_on_a_node_that_becomes_incomplete_and_complete_again(demo_path, lang):
    def judge(a: str, b: str, value: str) -> list[str]:
        code, out, err = run("judge", str(demo_path), "--respondent", SM, "competition", a, b, value, "--lang", lang)
        assert (code, err) == (0, "")
        return out.splitlines()

    judge("market", "rivals", "clear")
    judge("market", "online", "?")
    was = cr(demo_path, SM, "competition")
    cut = judge("turnover", "market", "clear")
    assert cut[1:] == {
        "en": [f"competition: consistent: CR {was:.4f} <= 0.08 -> incomplete",
               "competition: 3 of 6 pairs judged: incomplete: the known judgments do not connect all elements: Market "
               "swings and location is not compared, directly or through others, with Competitors' pull and "
               "promotions; add a judgment linking them"],
        "zh": [f"竞争：CR = {was:.4f} ≤ 0.08，通过一致性检验 → 判断不完整",
               "竞争：已判断 6 对比较中的 3 对，判断矩阵不完整：「市场波动与区位」与其他元素之间没有任何判断，"
               "请至少补充一个与「市场波动与区位」有关的判断"],
    }[lang]
    back, now = judge("market", "rivals", "1/2"), cr(demo_path, SM, "competition")
    assert back[1] == {"en": f"competition: incomplete -> consistent: CR {now:.4f} <= 0.08",
                       "zh": f"竞争：判断不完整 → CR = {now:.4f} ≤ 0.08，通过一致性检验"}[lang]
    assert back[2] == {"en": "competition: 4 of 6 pairs judged; the other 2 are completed from them",
                       "zh": "竞争：已判断 6 对比较中的 4 对，其余 2 对由已有判断补全"}[lang]
    judge("online", "market", "1")
    assert judge("turnover", "market", "1")[-1] == {"en": "competition: all 6 pairs judged: complete",
                                                    "zh": "竞争：6 对比较均已判断，判断矩阵完整"}[lang]


@pytest.mark.parametrize(("lang", "same", "missing"), [
    ("en", "Store manager, goal: Quality vs Service is 1/2 already; nothing to save\n",
     "Store manager, service: Staff attitude and expertise vs Complaint and after-sales handling is not judged; "
     "nothing to save\n"),
    ("zh", "专家「Store manager」，客户流失度：质量 比 服务 已是 1/2，无需保存\n",
     "专家「Store manager」，服务：服务态度与专业水平 比 投诉与售后处理 尚未判断，无需保存\n"),
])
def test_judge_saves_nothing_when_nothing_changes(demo_path, lang, same, missing):
    assert run("judge", str(demo_path), "--respondent", SM, "service", "attitude", "complaints", "clear")[0] == 0
    before = demo_path.read_bytes()
    judge = ("judge", str(demo_path), "--respondent", SM)
    assert run(*judge, "goal", "quality", "service", "1/2", "--lang", lang) == (0, same, "")  # service vs quality = 2
    assert run(*judge, "service", "attitude", "complaints", "?", "--lang", lang) == (0, missing, "")
    assert demo_path.read_bytes() == before


#: (arguments after the file, English error, Chinese error)
REFUSED = [
    (["--respondent", "Zed", "goal", "service", "quality", "3"],
     "{p}: no respondent named 'Zed'; respondents: Store manager, Regional manager",
     "{p} 中没有名为「Zed」的专家；现有专家：Store manager、Regional manager"),
    (["--respondent", SM, "servce", "service", "quality", "3"],
     "'servce' is not a node with elements to compare; did you mean 'service'?",
     "没有名为「servce」的判断矩阵；是否指「service」？"),
    (["--respondent", SM, "服物", "service", "quality", "3"],
     "'服物' is not a node with elements to compare; nodes: goal, service, quality, price, competition",
     "没有名为「服物」的判断矩阵；可选：客户流失度、服务、质量、价格、竞争"),
    (["--respondent", SM, "goal", "service", "attitude", "3"],
     "'attitude' is an element of service, not of goal; the elements of goal: service, quality, price, competition",
     "「attitude」是服务的下级元素，不是客户流失度的；客户流失度的下级元素：服务、质量、价格、竞争"),
    (["--respondent", SM, "质量", "价格", "缺货情况", "3"],
     "'价格' is an element of goal, not of quality; the elements of quality: stability, assortment, stockouts, fit",
     "「价格」是客户流失度的下级元素，不是质量的；质量的下级元素：商品质量稳定性、品类齐全与新品更新、缺货情况、商品与需求匹配"),
    (["--respondent", SM, "goal", "qualty", "service", "3"],
     "'qualty' is not an element of goal; did you mean 'quality'?",
     "「qualty」不是客户流失度的下级元素；是否指「quality」？"),
    (["--respondent", SM, "goal", "service", "xyz", "3"],
     "'xyz' is not an element of goal; the elements of goal: service, quality, price, competition",
     "「xyz」不是客户流失度的下级元素；客户流失度的下级元素：服务、质量、价格、竞争"),
    (["--respondent", SM, "goal", "Service", "服务", "3"],
     "goal: service vs service: an element is not compared with itself",
     "客户流失度：「服务」比「服务」：元素不能与自身比较"),
    (["--respondent", SM, "goal", "service", "quality", "12"],
     "'12' is off Saaty's scale: a judgment lies within 1/9 and 9, such as 3 or 1/5 (? clears it)",
     "「12」超出 1–9 标度：判断值应在 1/9～9 之间，如 3 或 1/5（用 ? 可清除该判断）"),
    (["--respondent", SM, "goal", "service", "quality", "0"],
     "'0' is off Saaty's scale: a judgment lies within 1/9 and 9, such as 3 or 1/5 (? clears it)",
     "「0」超出 1–9 标度：判断值应在 1/9～9 之间，如 3 或 1/5（用 ? 可清除该判断）"),
    (["--respondent", SM, "goal", "service", "quality", "three"],
     "'three' is not a judgment: give a number on Saaty's scale, such as 3 or 1/5, or ? to clear the judgment",
     "「three」不是判断值：请给出 1–9 标度上的值（如 3 或 1/5），或用 ? 清除该判断"),
]


@pytest.mark.parametrize(("args", "english", "chinese"), REFUSED, ids=[r[1][:30] for r in REFUSED])
def test_judge_refuses_bad_input_naming_what_is_wrong(demo_path, args, english, chinese):
    before = demo_path.read_bytes()
    assert run("judge", str(demo_path), *args) == (2, "", f"ahp: error: {english.format(p=demo_path)}\n")
    assert run("judge", str(demo_path), *args, "--lang", "zh") == (2, "", f"ahp：错误：{chinese.format(p=demo_path)}\n")
    assert demo_path.read_bytes() == before


def test_judge_needs_the_respondent(demo_path):
    code, _, err = run("judge", str(demo_path), "goal", "service", "quality", "3")
    assert code == 2 and err == ("ahp judge: error: the following arguments are required: --respondent "
                                 "(see ahp judge --help)\n")


@pytest.mark.parametrize("command", [
    ["judge", "{p}", "--respondent", "店长", "服务", "投诉与售后处理", "服务态度与专业水平", "1/3"],
    ["judge", "{i}", "--respondent", "店长", "客户流失度", "服务", "质量", "2"],
    ["import", "{s}", "--into", "{p}", "--replace"],
])
def test_no_english_word_in_chinese_output(tmp_path, command):
    project, failing = chinese_demo(tmp_path), chinese_demo(tmp_path, inconsistent=True)
    s = survey(tmp_path, {"店长": {"service vs quality": 1 / 9, "quality vs price": 9.0, "service vs price": 9.0}})
    args = [a.format(p=project, i=failing, s=s) for a in command]
    code, out, err = run(*args, "--lang", "zh")
    assert code == 0, err
    assert re.search(r"[\u4e00-\u9fff]", out) and english_words(out + err, project) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_judge_then_judge_back_restores_the_judgments(data):
    folder = Path(tempfile.mkdtemp())
    path = folder / "demo.ahp.toml"
    shutil.copy(DEMO, path)
    project = load_project(path)
    node = data.draw(st.sampled_from(list(project.inner)), "node")
    ids = [c.id for c in project.inner[node].children]
    a, b = data.draw(st.permutations(ids), "pair")[:2]
    who = data.draw(st.sampled_from([SM, RM]), "respondent")
    value = data.draw(st.sampled_from([*SCALE, None]), "value")
    r = project.respondent_index(who)
    matrices = {p: project.matrix(p, r) for p in project.inner}
    was = project.judgment(r, node, a, b)
    shown = "?" if value is None else format_value(value)
    assert run("judge", str(path), "--respondent", who, node, a, b, shown)[0] == 0
    again = load_project(path)
    assert again.judgment(r, node, a, b) == (None if value is None else pytest.approx(value))
    back = "clear" if was is None else format_value(1 / was)  # judged back the other way round
    assert run("judge", str(path), "--respondent", who, node, b, a, back)[0] == 0
    restored = load_project(path)
    for p, m in matrices.items():
        np.testing.assert_allclose(restored.matrix(p, r), m)
    shutil.rmtree(folder)


# -- ahp ratings template -o -------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "said"), [("en", "wrote the ratings template to {o}\n"),
                                            ("zh", "评价表模板已写入 {o}\n")])
def test_ratings_template_writes_the_sheet_stdout_shows(demo_path, tmp_path, lang, said):
    out = tmp_path / "ratings.csv"
    code, shown, _ = run("ratings", "template", str(demo_path), "--lang", lang)
    assert run("ratings", "template", str(demo_path), "-o", str(out), "--lang", lang) == (0, said.format(o=out), "")
    assert code == 0 and out.read_text(encoding="utf-8") == shown
    assert run("ratings", "template", str(demo_path), "-o", "-", "--lang", lang) == (0, shown, "")


#: (language, the refusal of the project as output, of its backup as output)
OVER_INPUTS = [
    ("en", "ahp: error: {p}: is the input {p}; choose another output file\n",
     "ahp: error: {b}: is the backup of the input demo.ahp.toml; choose another output file\n"),
    ("zh", "ahp：错误：{p}：就是输入文件 {p}，请另选输出文件\n",
     "ahp：错误：{b}：是输入文件 demo.ahp.toml 的备份，请另选输出文件\n"),
]


@pytest.mark.parametrize(("lang", "over_input", "over_backup"), OVER_INPUTS)
def test_ratings_template_never_writes_over_the_project_or_its_backup(demo_path, lang, over_input, over_backup):
    backup = demo_path.with_name("demo.ahp.toml.bak")
    backup.write_text("kept\n", encoding="utf-8")
    before = demo_path.read_bytes()
    refused = run("ratings", "template", str(demo_path), "-o", str(demo_path), "--lang", lang)
    assert refused == (2, "", over_input.format(p=demo_path))
    refused = run("ratings", "template", str(demo_path), "-o", str(backup), "--lang", lang)
    assert refused == (2, "", over_backup.format(b=backup))
    assert demo_path.read_bytes() == before and backup.read_text(encoding="utf-8") == "kept\n"


def test_help_lists_the_new_command_and_options():
    out = run("--help")[1]
    assert re.search(r"^    judge +set or clear one judgment of one respondent", out, re.M)
    assert "--replace" in run("import", "--help")[1] and "-o OUTPUT" in run("ratings", "template", "--help")[1]


def test_a_name_two_nodes_share_is_refused_asking_for_a_path():
    from ahp.core.hierarchy import Node
    from ahp.errors import AHPError
    from ahp.io.glossary import told
    from ahp.io.node_names import find_element, find_node

    pair = (Node("x", "X", "其他"), Node("y", "Y"))
    root = Node("goal", "G", children=(Node("p", "Other", children=pair), Node("q", "Other", children=pair)))
    assert (find_node(root, "q"), find_element(root, "q", "其他")) == ("q", "x")
    with pytest.raises(AHPError) as refused:
        find_node(root, " other ")
    assert told(refused.value, "en") == "' other ' names several nodes: p, q; give one of their paths"
    assert told(refused.value, "zh") == "「 other 」对应多个节点：p、q；请改用路径"
