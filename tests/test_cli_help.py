"""The help of every command and action in Chinese when the user works in Chinese: ``--lang zh``
before or after ``--help``, else a Chinese project file named on the command line, else a
Chinese locale; entirely Chinese but for what the user types, laid out by the columns Chinese
takes. In English it stays as it was.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len

from ahp.cli import build_parser
from ahp.cli.chinese_help import lines
from ahp.core.consistency import THRESHOLD_RULES
from tests import running
from tests.test_cli_error_language import chinese_project

#: Latin words a Chinese help may hold: the tool's name, abbreviations and proper names.
TERMS = {"ahp", "AHP", "CR", "RI", "CSV", "UTF-8", "JSON", "HTML", "Markdown", "Excel", "Word", "AIJ", "AIP",
         "Saaty", "Harker", "exp", "Aw"}
#: What the user types, taken out before looking for English: options, lists of choices, file
#: names and patterns, a TOML table and its key, the command's name, λmax.
TYPED = re.compile("|".join((
    r"(?<![\w-])--?[A-Za-z][\w-]*", r"\{[^}]*\}", r"\*?\.[a-z][\w.]*", r"\[\w+\]\s+中的\s+\w+",
    r"\bahp(?: [a-z][a-z-]*)*", r"λmax")))
#: Marks of Latin text that Chinese text writes full-width (but argparse's comma between the
#: names of an option, ``-o 文件, --output 文件``).
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff](?:[;:()]|,(?! -))|[,;(][\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """An English locale and an 80-column terminal, whatever the machine's."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")


def helps(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The command line of every help under ``parser``: its own, each command's, each action's."""
    yield words
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from helps(sub, (*words, name))


def typed_values(words: tuple[str, ...]) -> set[str]:
    """What the user may type as a value in the help of ``words``: its choices, the string
    defaults and the CR threshold rules."""
    parser = build_parser(words[0] if words else None)
    for word in words:
        parser = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[word]
    values = set(THRESHOLD_RULES)
    for action in parser._actions:
        values.update(str(choice) for choice in action.choices or ())
        values.update([action.default] if isinstance(action.default, str) else [])
    return values


def english_words(text: str, typed: set[str]) -> list[str]:
    """The Latin words of ``text`` that are neither typed by the user nor proper terms."""
    text = TYPED.sub(" ", text)
    text = re.sub(r"「[^」]*」", " ", text)
    words = re.findall(r"[A-Za-z][\w.-]*[A-Za-z0-9]|[A-Za-z]{2,}", text)
    return [w for w in words if w not in TERMS and w not in typed and re.search("[A-Za-z]{2}", w)]


EVERY_HELP = list(helps(build_parser()))


def test_every_command_and_action_has_a_help_here():
    assert ("rank",) in EVERY_HELP and ("ratings", "import") in EVERY_HELP and ("respondent", "remove") in EVERY_HELP


@pytest.mark.parametrize("words", EVERY_HELP, ids=lambda words: " ".join(words) or "ahp")
def test_every_help_is_chinese_under_lang_zh(words):
    code, out, err = running.run(*words, "--help", "--lang", "zh")
    assert (code, err) == (0, "")
    assert out.startswith(f"用法：{' '.join(('ahp', *words))}")
    assert english_words(out, typed_values(words)) == []
    assert HALF_WIDTH.findall(re.sub(r"「[^」]*」", "", out)) == []
    assert all(cell_len(line) <= 80 for line in out.splitlines()), out
    assert not re.search(r"^\S.*:$", out, re.MULTILINE)  # headings end in a full-width colon


def test_english_words_are_found():
    """The check above finds what it looks for: a Latin word left in Chinese text."""
    assert english_words("用法：ahp rank [-h] 项目文件（*.ahp.toml），默认 eigenvector", {"eigenvector"}) == []
    assert english_words("权重（default：项目设置）", set()) == ["default"]


@pytest.mark.parametrize("args", [
    ("rank", "--help", "--lang", "zh"), ("rank", "--lang", "zh", "--help"), ("rank", "-h", "--lang", "zh"),
    ("rank", "-h", "--lang=zh"), ("rank", "--hel", "--lang", "zh"), ("--help", "--lang", "zh"),
    ("ratings", "import", "--lang", "zh", "-h"),
])
def test_lang_zh_before_or_after_help(args):
    code, out, _ = running.run(*args)
    assert code == 0 and out.startswith("用法：ahp") and "显示本帮助并退出" in out


def test_a_chinese_project_file_makes_the_help_chinese(demo_path):
    project = str(chinese_project(demo_path))
    assert running.run("rank", project, "--help")[1].startswith("用法：ahp rank")
    assert running.run("rank", project, "--help", "--lang", "en")[1].startswith("usage: ahp rank")


@pytest.mark.parametrize(("environment", "chinese"), [
    ({"LANG": "zh_CN.UTF-8"}, True),
    ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, True),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, False),
    ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, True),
    ({"LANG": "en_GB.UTF-8"}, False),
])
def test_the_locale_makes_the_help_chinese(monkeypatch, environment, chinese):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    out = running.run("--help")[1]
    assert out.startswith("用法：ahp [-h] 命令 ...") if chinese else out.startswith("usage: ahp [-h] COMMAND ...")


def test_the_command_line_and_the_project_come_before_the_locale(monkeypatch, tmp_path):
    english = tmp_path / "p.ahp.toml"
    assert running.run("new", str(english))[0] == 0  # language = "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert running.run("rank", "--help", "--lang", "en")[1].startswith("usage: ahp rank")
    assert running.run("rank", str(english), "--help")[1].startswith("usage: ahp rank")


def test_the_locale_changes_only_the_help(monkeypatch):
    """An error is worded as before (the command line's language, else the project's): the locale
    is read for a help only, so no command pays for it."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert running.run("rank")[2] == (
        "ahp rank: error: the following arguments are required: file (see ahp rank --help)\n")


def test_english_is_unchanged_by_default():
    out = running.run("--help")[1].splitlines()
    assert out[:3] == ["usage: ahp [-h] COMMAND ...", "",
                       "Analytic Hierarchy Process: rank the causes of customer churn."]
    assert "  -h, --help     show this help message and exit" in out and "commands:" in out
    assert "    rank         the weighted ranking of churn factors" in out
    rank = running.run("rank", "--help")[1].splitlines()
    assert rank[0] == "usage: ahp rank [-h] [--format {table,json,csv,md}] [--respondent RESPONDENT]"
    assert {"positional arguments:", "options:", "  file                  project file (*.ahp.toml)",
            "  --respondent RESPONDENT", "                        one respondent's judgments (default: all combined)",
            } <= set(rank)
    assert running.run("ratings", "--help")[1].splitlines()[-4:-1] == [
        "  ACTION", "    import    add or update units' ratings (nothing is imported if any cell is",
        "              bad)"]


def test_chinese_help_keeps_its_columns():
    """An option whose value has a Chinese name has its help in the same column as the others'
    (argparse counts a Chinese character as one column; it takes two)."""
    out = running.run("rank", "--help", "--lang", "zh")[1].splitlines()
    column = cell_len(out[out.index("选项：") + 1].split("显示")[0])
    respondent = next(line for line in out if line.startswith("  --respondent 姓名"))
    assert cell_len(respondent.split("只用")[0]) == column
    usage = [line for line in out[:out.index("")]]
    assert all(cell_len(line[:len(line) - len(line.lstrip())]) == cell_len("用法：ahp rank ") for line in usage[1:])


def test_chinese_refusal_of_a_help_command_line(monkeypatch):
    """A command line refused before its help is shown is refused in the help's language."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert running.run("nope", "--help")[2].startswith("ahp：错误：未知命令「nope」")
    assert running.run("rank", "--format", "xml", "--help")[2].startswith("ahp rank：错误：参数 --format：无效的取值")


CLOSING, OPENING = "，。、；：？！）」", "（「"
chinese_text = st.lists(st.sampled_from([*"判断矩阵专家权重一致性比率", *CLOSING, *OPENING, " ", "CR", "--lang", "0.10",
                                         "saaty1980"]), max_size=60).map("".join)


@given(chinese_text, st.integers(10, 40))
@example("判判判判判判判判判 ，", 10)  # a mark after a space still holds on to what it follows
@example("判判判判判判判判 （ 判", 10)
def test_lines_keep_the_text_and_the_rules_of_chinese_typesetting(text, columns):
    rows = lines(text, columns)
    assert "".join(rows).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(row) <= columns or lines(row, 1) == [row] for row in rows)  # or one unit alone
    assert not any(row[0] in CLOSING for row in rows[1:])
    assert not any(row[-1] in OPENING for row in rows[:-1])


def test_lines_break_chinese_between_characters_and_latin_at_spaces():
    assert lines("一致性比率 CR 未通过一致性检验，应修改判断", 14) == [
        "一致性比率 CR", "未通过一致性检", "验，应修改判断"]
    assert lines("判断矩阵（*.ahp.toml）", 10) == ["判断矩阵", "（*.ahp.toml）"]
    assert lines("各等级的人数，如「很好:12 很差:2」", 20) == ["各等级的人数，如「很", "好:12 很差:2」"]


def test_project_path_with_spaces(tmp_path: Path):
    """A project file in a folder with spaces is read for the help's language like any other."""
    folder = tmp_path / "my projects"
    folder.mkdir()
    target = folder / "p.ahp.toml"
    assert running.run("new", str(target), "--lang", "zh")[0] == 0
    assert running.run("check", str(target), "-h")[1].startswith("用法：ahp check")


def flat_zh(*args: str) -> str:
    """The Chinese help of ``args``, its wrapped lines joined again."""
    code, out, _ = running.run(*args, "--help", "--lang", "zh")
    assert code == 0
    return re.sub(r"\n\s+", "", out)


def flat_en(*args: str) -> str:
    """The English help of ``args``, its wrapped lines joined again."""
    code, out, _ = running.run(*args, "--help")
    assert code == 0
    return re.sub(r"\s+", " ", out)


def test_the_scale_is_worded_as_the_survey_words_it():
    assert "如 3（A 比 B 稍微重要）、1/5（B 比 A 明显重要）、1（同等重要）；" in flat_zh("judge")
    assert "3 (A moderately more), 1/5 (B strongly more), 1 (equal)" in flat_en("judge")
    assert ("v > 0 表示 a 比 b 重要，判断值为 v；v < 0 表示 b 比 a 重要，判断值为 |v|") in flat_zh("import")
    assert "v > 0 a matters more, judged v; v < 0 b matters more, judged |v|" in flat_en("import")


def test_the_backup_is_named_a_backup():
    assert "删除专家及其判断（删除前的项目文件另存一份备份，在同一文件夹）" in flat_zh("respondent")
    assert "替换前的项目文件另存一份备份（同一文件夹）" in flat_zh("import")


def test_help_words_the_consultant_asked_for():
    assert "自适应访谈的下一题；若前几位因素的排序已经确定，则予以说明" in flat_zh()
    assert "门店评价：导出空白评价表，或从 CSV 导入评价" in flat_zh()
    assert "store ratings: a blank sheet, or ratings from a CSV file" in flat_en()
    weight = flat_zh("respondent", "weight")
    weight = weight.replace(" ", "")
    assert "姓名专家姓名" in weight and "权重该专家在合成时的权重（正数，默认1）" in weight
    assert "how much the respondent counts when judgments are combined (above 0, default 1)" in flat_en(
        "respondent", "weight")
    for command in ("rank", "check", "judge", "export-survey"):
        assert "--respondent 姓名" in flat_zh(command)


def test_every_format_option_is_described():
    assert ("--format {table,json,csv,md}输出格式：table 终端表格，json，csv，md（Markdown）（默认：table）"
            in flat_zh("rank"))
    for command in ("check", "next", "group", "sensitivity", "risk"):
        assert "输出格式：table 终端表格，json（默认：table）" in flat_zh(command)
        assert "output format: table (the terminal's) or json (default: table)" in flat_en(command)


def test_a_group_of_commands_is_not_named_twice():
    for args, heading in (((), "命令"), (("respondent",), "操作"), (("ratings",), "操作")):
        out = running.run(*args, "--help", "--lang", "zh")[1].splitlines()
        below = out[out.index(f"{heading}：") + 1]
        assert below.strip() != heading and below.startswith("    ")


def test_consensus_is_the_glossarys_term():
    assert "专家组分析：各判断矩阵的共识程度，及每位专家与群体的差异" in flat_zh()
    assert "共识度" not in flat_zh("group")
