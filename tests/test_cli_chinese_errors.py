"""Every refusal in Chinese: under ``--lang zh`` or a project whose ``[settings] language`` is
``zh``, the error line is entirely Chinese (argparse's own refusals, the system's refusals of a
file, a project's load and validation, respondents, matrices, options, sheets, reports), with
only what the user typed, names and proper terms left as they are; in English it stays as it was.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from ahp.cli import main
from ahp.errors import Phrase
from ahp.io.glossary import CHINESE, told
from tests import running
from tests.test_cli_error_language import chinese_project

#: What a Chinese error line may hold in Latin letters: proper terms and the tool's name.
TERMS = {"ahp", "CR", "RI", "CSV", "TOML", "UTF", "GB18030", "GBK", "XLSX", "Excel", "JSON", "help", "html", "md",
         "xlsx", "docx", "json", "csv"}
#: A respondent of the demo project.
SM = "Store manager"
#: What the user typed or named, taken out before looking for English: quoted names and values,
#: options, TOML keys and tables, file names and paths, metavars of the usage line.
TYPED = re.compile("|".join((
    r"\bahp(?: [a-z][a-z-]*)*", r"「[^」]*」", r"'[^']*'", r'"[^"]*"', r"--[\w-]+", r"\[\[?[\w.]+\]\]?",
    r"\b[\w-]+(\.[\w\[\]-]+)+", r"[\w.~-]*/[\w./~-]*", r"(?:应为 |可选：|规则名（)[^；）\n]*", r"\b[A-Z]{3,}\b",
    r"\b(intensity|comparisons|judgments|respondents|units|ratings|file|nan|inf|geometric-mean|column-mean)\b")))


def english_words(line: str) -> list[str]:
    """The Latin words of ``line`` that are neither typed by the user nor proper terms."""
    return [w for w in re.findall(r"[A-Za-z][A-Za-z-]*", TYPED.sub(" ", line)) if w not in TERMS]


def run_zh(*args: str) -> tuple[int, str]:
    code, _, err = running.run(*args)
    return code, err


@pytest.fixture
def zh_project(demo_path: Path) -> Path:
    return chinese_project(demo_path)


@pytest.fixture
def one_respondent(tmp_path: Path) -> Path:
    path = tmp_path / "p.ahp.toml"
    assert running.run("new", str(path), "--lang", "zh")[0] == 0
    return path


def edited(project: Path, old: str, new: str, name: str = "edited.ahp.toml") -> Path:
    """A copy of ``project`` with ``old`` replaced by ``new`` (once)."""
    text = project.read_text(encoding="utf-8")
    assert old in text
    target = project.with_name(name)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


# -- exact messages, one of each kind ------------------------------------------------------------

def test_argparse_invalid_choice_in_a_chinese_project(zh_project):
    assert run_zh("rank", str(zh_project), "--format", "xml") == (
        2, "ahp rank：错误：参数 --format：无效的取值「xml」（可选：「table」「json」「csv」「md」）"
           "（详见 ahp rank --help）\n")


def test_argparse_required_unrecognized_and_expected_one(zh_project):
    assert run_zh("rank", "--lang", "zh") == (2, "ahp rank：错误：缺少必需的参数：项目文件（详见 ahp rank --help）\n")
    assert run_zh("judge", "--lang", "zh") == (
        2, "ahp judge：错误：缺少必需的参数：项目文件、--respondent、判断矩阵、A、B、判断值（详见 ahp judge --help）\n")
    assert run_zh("rank", str(zh_project), "--bogus") == (2, "ahp：错误：无法识别的参数：--bogus（详见 ahp --help）\n")
    assert run_zh("sensitivity", str(zh_project), "--draws") == (
        2, "ahp sensitivity：错误：参数 --draws：需要一个参数值（详见 ahp sensitivity --help）\n")


def test_an_option_out_of_range_in_a_chinese_project(zh_project):
    assert run_zh("sensitivity", str(zh_project), "--draws", "-1") == (
        2, "ahp sensitivity：错误：参数 --draws：-1 超出范围：应为 0～1,000,000（详见 ahp sensitivity --help）\n")


def test_an_unknown_command_under_lang_zh():
    code, err = run_zh("frob", "--lang", "zh")
    assert code == 2 and err.startswith("ahp：错误：未知命令「frob」（可选：「open」「new」")


def test_files_the_system_refuses(tmp_path):
    assert run_zh("rank", "nofile.toml", "--lang", "zh") == (2, "ahp：错误：nofile.toml：文件不存在\n")
    assert run_zh("rank", str(tmp_path), "--lang", "zh") == (2, f"ahp：错误：{tmp_path}：是文件夹，不是文件\n")
    denied = PermissionError(13, "Permission denied", "p.ahp.toml")
    assert (told(denied, "zh"), told(denied, "en")) == ("p.ahp.toml：没有访问权限", "p.ahp.toml: Permission denied")


def test_an_output_in_a_missing_folder_names_the_file_asked_for(zh_project, tmp_path):
    target = tmp_path / "nowhere" / "q.xlsx"
    assert run_zh("export-survey", str(zh_project), "-o", str(target)) == (
        2, f"ahp：错误：无法写入 {target}：文件夹 {target.parent} 不存在\n")
    assert run_zh("export-survey", str(zh_project), "-o", str(target), "--lang", "en") == (
        2, f"ahp: error: cannot write {target}: folder {target.parent} does not exist\n")
    assert run_zh("report", str(zh_project), "-o", str(target.with_suffix(".html"))) == (
        2, f"ahp：错误：无法写入 {target.with_suffix('.html')}：文件夹 {target.parent} 不存在\n")


def test_standard_input_is_named_in_chinese(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("1 3\ncaf\u00e9 1\n".encode("latin-1"))))
    assert main(["weights", "-", "--lang", "zh"]) == 2
    assert capsys.readouterr().err == (
        "ahp：错误：标准输入，第 2 行：字节 0xe9 既不是 UTF-8 也不是 GB18030 (GBK) 编码；"
        "请另存为 UTF-8（Excel 中选「CSV UTF-8」）\n")


def test_a_project_that_is_not_toml(tmp_path):
    bad = tmp_path / "bad.ahp.toml"
    bad.write_text("x = \n", encoding="utf-8")
    assert run_zh("rank", str(bad), "--lang", "zh") == (2, f"ahp：错误：{bad}，第 1 行：TOML 格式错误：值无效\n")
    assert run_zh("rank", str(bad)) == (2, f"ahp: error: {bad}, line 1: invalid TOML: Invalid value\n")


def test_a_project_that_fails_validation_is_refused_in_its_own_language(zh_project):
    bad = edited(zh_project, "[settings]\n", "[settings]\nfoo = 1\n")
    code, err = run_zh("rank", str(bad))
    assert code == 2
    where = re.escape(str(bad))
    assert re.fullmatch(rf"ahp：错误：{where}，第 \d+ 行：\[settings\]中有无法识别的键「foo」；应为 \S+\n", err)


def test_an_unknown_respondent_in_a_chinese_project(zh_project):
    assert run_zh("rank", str(zh_project), "--respondent", "无此人") == (
        2, "ahp：错误：没有名为「无此人」的专家；现有专家：Store manager、Regional manager\n")


def test_a_matrix_that_is_not_reciprocal():
    assert run_zh("weights", "1 3; 1/2 1", "--lang", "zh") == (
        2, "ahp：错误：第 2 行第 1 列为 1/2，而第 1 行第 2 列为 3：两者必须互为倒数（应为 1/3）\n")
    assert run_zh("weights", "1 3; 1/2 1") == (
        2, "ahp: error: row 2, column 1 is 1/2 but row 1, column 2 is 3: they must be reciprocal (1/3)\n")


def test_a_panel_of_one(one_respondent):
    assert run_zh("group", str(one_respondent)) == (
        2, f"ahp：错误：{one_respondent}：专家组至少需要两位专家，目前只有 1 位\n")


def test_a_workbook_that_is_not_one(zh_project, tmp_path):
    fake = tmp_path / "answers.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    assert run_zh("import", str(fake), "--into", str(zh_project)) == (
        2, f"ahp：错误：{fake}：无法作为 Excel 工作簿读取，未导入任何内容\n")


def test_a_report_of_an_unknown_format(zh_project, tmp_path):
    assert run_zh("report", str(zh_project), "-o", str(tmp_path / "r.xyz")) == (
        2, f"ahp：错误：{tmp_path / 'r.xyz'}：请用 --format 指定 html、md、xlsx 或 docx（或使用这些扩展名之一）\n")


# -- every bad input: no English in Chinese ------------------------------------------------------

def corpus(project: Path, one: Path, tmp: Path) -> list[tuple[str, ...]]:
    """Bad command lines of every kind (the project's language: Chinese)."""
    p = str(project)
    bad_tomls = {"value": "x = \n", "array": "x = [1, 2\n", "twice": "a = 1\na = 2\n", "table": "[a\n",
                 "string": 'x = "abc\n', "char": "x = 1\n\x01\n"}
    for name, text in bad_tomls.items():
        (tmp / f"{name}.ahp.toml").write_text(text, encoding="utf-8")
    fake = tmp / "fake.xlsx"
    fake.write_text("no", encoding="utf-8")
    survey = tmp / "survey.csv"
    survey.write_text("专家,权重,服务 比 质量,服务 比 价格\n督导,x,abc,1/3\n督导,1,12\n", encoding="utf-8")
    taken = tmp / "taken.csv"
    taken.write_text(f"专家,服务 比 质量\n{SM},3\n", encoding="utf-8")
    ratings = tmp / "ratings.csv"
    ratings.write_text("门店,服务/态度\n北区,很好很好\n", encoding="utf-8")
    validation = [("[settings]\n", "[settings]\nfoo = 1\n"), ('method = "eigenvector"', 'method = "x"'),
                  ("format = 1", "format = 9"), ('id = "retail-churn"', 'id = "a b"'),
                  ("[[respondents]]\n", "[[respondents]]\nfoo = 2\n"), ('id = "service"', 'id = "goal"'),
                  ('name_zh = "服务"', 'name_zh = 3'), ("weight = 1.0", "weight = -1.0")]
    files = [edited(project, old, new, f"v{k}.ahp.toml") for k, (old, new) in enumerate(validation)]
    judge_refused = [
        ("无此人", "客户流失度", "服务", "质量", "3"), (SM, "服物", "服务", "质量", "3"),
        (SM, "servce", "服务", "质量", "3"), (SM, "客户流失度", "服务", "投诉与售后处理", "3"),
        (SM, "客户流失度", "服务", "xyz", "3"), (SM, "客户流失度", "qualty", "服务", "3"),
        (SM, "客户流失度", "服务", "Service", "3"), (SM, "客户流失度", "服务", "质量"),
        *((SM, "客户流失度", "服务", "质量", value) for value in ("12", "0", "three")),
    ]
    return [
        ("rank", p, "--format", "xml"), ("rank", "--lang", "zh"), ("rank", p, "--bogus"), ("sensitivity", p, "--draws"),
        ("sensitivity", p, "--draws", "-1"), ("sensitivity", p, "--seed", "x"), ("sensitivity", p, "--seed", "1e400"),
        ("sensitivity", p, "--spread", "0"), ("sensitivity", p, "--spread", "inf"), ("rank", p, "--threshold", "2"),
        ("rank", p, "--threshold", "abc"), ("rank", p, "--method", "x"), ("risk", p, "--min-coverage", "150%"),
        ("frob", "--lang", "zh"), ("rank", "missing.ahp.toml", "--lang", "zh"), ("rank", str(tmp), "--lang", "zh"),
        *(("rank", str(tmp / f"{name}.ahp.toml"), "--lang", "zh") for name in bad_tomls),
        *(("rank", str(f)) for f in files),
        ("rank", p, "--respondent", "无此人"), ("weights", "1 3; 1/2 1", "--lang", "zh"),
        ("weights", "1 x; 1 1", "--lang", "zh"), ("weights", "1 2; 1", "--lang", "zh"),
        ("weights", "1 20; 1/20 1", "--lang", "zh"), ("weights", "1 0; 0 1", "--lang", "zh"),
        ("weights", "2 1; 1 1", "--lang", "zh"), ("weights", "#", "--lang", "zh"),
        ("weights", "1 2 ?; 1/2 1 ?; ? ? 1", "--lang", "zh"), ("weights", "1 inf; 0 1", "--lang", "zh"),
        ("weights", "1 2; 1/2 1", "--labels", "a,b,c", "--lang", "zh"), ("group", str(one)),
        ("next", p, "--respondent", "Store manager", "--top", "99"), ("report", p, "-o", str(tmp / "r.xyz")),
        ("report", p, "-o", p, "--format", "html"), ("report", p, "-o", p + ".bak", "--format", "md"),
        ("export-survey", p, "-o", str(tmp / "nowhere" / "q.xlsx")), ("import", "nofile.csv", "--into", p),
        ("import", str(tmp), "--into", p), ("import", str(fake), "--into", p), ("import", str(survey), "--into", p),
        ("ratings", "import", "nofile.csv", "--into", p), ("ratings", "import", str(ratings), "--into", p),
        ("risk", str(one)), ("respondent", "add", p, "Store manager"), ("new", p), ("serve", p, "--port", "abc"),
        ("rank", p, "--respondent"), ("sensitivity", str(one)),
        ("import", str(taken), "--into", p), ("ratings", "template", p, "-o", p),
        *(("judge", p, "--respondent", *args) for args in judge_refused),
        ("judge", p, "客户流失度", "服务", "质量", "3"),
    ]


def test_every_refusal_in_chinese_holds_no_english(zh_project, one_respondent, tmp_path):
    for args in corpus(zh_project, one_respondent, tmp_path):
        code, err = run_zh(*args)
        assert code == 2 and err.count("\n") == 1, (args, err)
        assert err.startswith(("ahp：错误：", "ahp ")) and "：错误：" in err, (args, err)
        line = err.replace(str(tmp_path), "").replace("Store manager", "").replace("Regional manager", "")
        assert english_words(line) == [], (args, err)


def test_every_phrase_the_code_raises_has_its_chinese():
    """Each English sentence written in a ``Phrase(...)`` of ahp/ is a key of the glossary's Chinese."""
    import ast

    texts = set()
    for path in (Path(__file__).resolve().parents[1] / "ahp").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Phrase" and node.args:
                arg = node.args[0]
                choices = (arg.body, arg.orelse) if isinstance(arg, ast.IfExp) else (arg,)
                texts |= {c.value for c in choices if isinstance(c, ast.Constant)}
    assert len(texts) > 150
    assert sorted(texts - set(CHINESE)) == []


def test_a_phrase_without_chinese_is_told_in_english():
    assert told(Phrase("no such {thing}", {"thing": "x"}), "zh") == "no such x"


def test_the_tui_words_a_refused_file_in_its_language(zh_project):
    from ahp.tui.app import AHPApp

    def refusal(app: AHPApp) -> str | None:
        assert app.session is None  # loading it (after the first frame, or here) refuses the file
        return app.error

    bad = edited(zh_project, "[settings]\n", "[settings]\nfoo = 1\n")
    said = refusal(AHPApp(bad))
    assert said.startswith(f"{bad}，第 ") and "[settings]中有无法识别的键「foo」" in said
    assert "unknown key 'foo' in [settings]" in refusal(AHPApp(bad, language="en"))


def test_the_tuis_save_failure_is_worded_in_its_language():
    from ahp.tui.saving import reason

    denied = PermissionError(13, "Permission denied", "p.ahp.toml")
    assert (reason(denied, "zh"), reason(denied)) == ("没有访问权限", "Permission denied")


# -- the consultant's reading of the Chinese output ------------------------------------------------

def test_new_says_what_it_created_in_chinese(tmp_path):
    path = tmp_path / "p.ahp.toml"
    code, out, _ = running.run("new", str(path), "--lang", "zh")
    assert code == 0 and out.splitlines()[0] == f"已按模型 retail-churn 新建 {path}（5 个判断矩阵，19 个流失因素）"
    assert "设置：采用国内教材惯例（practice = zh-textbook）" in out


def test_a_new_projects_check_says_what_is_missing(one_respondent):
    code, out, _ = running.run("check", str(one_respondent))
    lines = out.splitlines()
    assert code == 1 and lines[7:10] == [
        "层次总排序一致性比率 CR：尚无法计算（判断不完整）；组合一致性检验：尚有 5 个判断矩阵判断不完整，暂不能检验",
        "客户流失度的判断矩阵尚无任何判断（共需 6 对比较），尚不能求权重。",
        "服务的判断矩阵尚无任何判断（共需 15 对比较），尚不能求权重。"]
    assert lines[13] == "部分判断矩阵需要补充或修改判断。"
    code, out, _ = running.run("check", str(one_respondent), "--lang", "en")
    assert "Hierarchy CR: not computable yet (judgments incomplete); combined test: not yet, 5 node(s) lack judgments" \
        in out.splitlines() and "goal: no judgment yet (6 pairs to compare)" in out.splitlines()


def test_an_unlinked_matrix_says_it_is_incomplete_first(one_respondent):
    judge = ("judge", str(one_respondent), "--respondent", "专家 1", "goal")
    assert running.run(*judge, "service", "price", "1/5")[0] == 0
    code, out, _ = running.run("check", str(one_respondent))
    assert "客户流失度的判断矩阵不完整，尚不能求权重：「质量、竞争」与「服务、价格」之间没有任何直接或间接的判断，" \
           "请至少补充一个连接两者的判断。" in out.splitlines()
    assert run_zh("rank", str(one_respondent)) == (
        2, f"ahp：错误：{one_respondent}：尚不能排序：5 个判断矩阵的判断不完整。第一个是「客户流失度」："
           "「质量、竞争」与「服务、价格」之间没有任何直接或间接的判断，请至少补充一个连接两者的判断\n")
    for pair in (("service", "quality"), ("price", "quality")):
        code, out, _ = running.run(*judge, *pair, "3")
    assert out.splitlines()[-1] == ("客户流失度：已判断 6 对比较中的 3 对，判断矩阵不完整："
                                    "「竞争」与其他元素之间没有任何判断，请至少补充一个与「竞争」有关的判断")


def test_an_unjudged_project_cannot_rank(one_respondent):
    assert run_zh("rank", str(one_respondent)) == (
        2, f"ahp：错误：{one_respondent}：尚不能排序：5 个判断矩阵的判断不完整。"
           "第一个是「客户流失度」：尚无任何判断（共需 6 对比较）\n")


def test_a_positional_argument_is_named_as_the_chinese_help_names_it(zh_project):
    assert run_zh("respondent", "zh", "--lang", "zh") == (
        2, "ahp respondent：错误：参数「操作」：无效的取值「zh」（可选：「list」「add」「rename」「weight」「remove」）"
           "（详见 ahp respondent --help）\n")
    assert run_zh("ratings", "zz", "--lang", "zh") == (
        2, "ahp ratings：错误：参数「操作」：无效的取值「zz」（可选：「import」「template」）"
           "（详见 ahp ratings --help）\n")
    assert run_zh("respondent", "weight", str(zh_project), SM, "-2") == (
        2, "ahp respondent weight：错误：参数「权重」：-2 超出范围，应大于 0 且不超过 1,000,000"
           "（详见 ahp respondent weight --help）\n")


def test_a_typed_matrix_is_refused_in_the_glossarys_words():
    assert run_zh("weights", "1 3 5; 1/3 1", "--lang", "zh") == (
        2, "ahp：错误：第 1 行有 3 个数值；2 阶判断矩阵每行应有 2 个\n")
    assert run_zh("weights", "1 12; 1/12 1", "--lang", "zh") == (
        2, "ahp：错误：第 1 行第 2 列为 12，超出 1–9 标度：判断值应在 1/9～9 之间\n")


def test_a_file_of_a_newer_format_says_so(zh_project):
    newer = edited(zh_project, "format = 1", "format = 9")
    code, err = run_zh("rank", str(newer))
    assert code == 2 and err.endswith(
        "不支持的文件格式版本 9；本程序只能读取格式版本 1（文件可能由更新版本的 ahp 生成）\n")


def test_an_unknown_method_lists_the_methods_by_their_chinese_names(zh_project):
    unknown = edited(zh_project, 'method = "eigenvector"', 'method = "foo"')
    code, err = run_zh("rank", str(unknown))
    assert code == 2 and err.endswith("settings.method 的值「foo」无效；"
                                      "可选：eigenvector（特征根法）、geometric-mean（方根法）、column-mean（和积法）\n")


def test_a_matrix_file_that_does_not_exist():
    assert run_zh("weights", "nofile.csv", "--lang", "zh") == (
        2, 'ahp：错误：nofile.csv：文件不存在（直接输入判断矩阵请写成 "1 3; 1/3 1"）\n')
    assert run_zh("weights", "data/m", "--lang", "en") == (
        2, 'ahp: error: data/m: no such file (to type a matrix, write it as "1 3; 1/3 1")\n')
    assert run_zh("weights", "1 3\n1/3 1", "--lang", "en")[0] == 0


def test_an_empty_name_is_refused_as_empty(one_respondent):
    assert run_zh("respondent", "rename", str(one_respondent), "专家 1", "") == (2, "ahp：错误：专家名称不能为空\n")


def test_a_respondents_own_weight_is_headed_as_such(one_respondent, tmp_path):
    code, out, _ = running.run("respondent", "list", str(one_respondent))
    assert code == 0 and out.splitlines()[0].split("│")[1].strip() == "专家权重"
    code, out, _ = running.run("export-survey", str(one_respondent))
    assert out.lstrip("\ufeff").startswith("专家,专家权重,")
    for header in ("专家权重", "权重"):
        survey = tmp_path / f"{header}.csv"
        survey.write_text(f"专家,{header},服务 比 质量\n督导,2,3\n", encoding="utf-8")
        assert running.run("import", str(survey), "--into", str(one_respondent))[0] == 0
        assert running.run("respondent", "remove", str(one_respondent), "督导")[0] == 0


def test_text_without_quotes_in_a_project_file(zh_project):
    bare = edited(zh_project, 'title = "', "title = 客户 #", "bare.ahp.toml")
    line = bare.read_text(encoding="utf-8").splitlines().index(next(
        t for t in bare.read_text(encoding="utf-8").splitlines() if t.startswith("title = 客户"))) + 1
    assert run_zh("rank", str(bare), "--lang", "zh") == (
        2, f'ahp：错误：{bare}，第 {line} 行：TOML 格式错误：title 的值无效（文字须加英文双引号，如 title = "客户"）\n')
    assert run_zh("rank", str(bare)) == (
        2, f'ahp: error: {bare}, line {line}: invalid TOML: the value of title is not valid (text takes double quotes: '
           'title = "客户")\n')
