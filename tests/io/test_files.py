"""Model and project files: loading, line-numbered errors, comment-preserving atomic saves."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest

from ahp.errors import AHPError, JudgmentError, ProjectFileError
from ahp.io.model import builtin_difference, builtin_models, load_model
from ahp.io.project import load_project, new_project

MODEL_HEAD = 'format = 1\n[model]\nid = "m"\ngoal = "Churn"\n'


def test_builtin_retail_churn_model_is_bilingual():
    m = load_model("retail-churn")
    assert "retail-churn" in builtin_models()
    assert (m.root.name, m.root.name_zh) == ("Customer churn degree", "客户流失度")
    assert [(c.id, c.name_zh, len(c.children)) for c in m.root.children] == [
        ("service", "服务", 6), ("quality", "质量", 4), ("price", "价格", 4), ("competition", "竞争", 5),
    ]
    for c in m.root.children:
        for f in c.children:
            assert f.name and f.name_zh and f.description and f.description_zh


def test_demo_project_keeps_the_earlier_edition_of_the_builtin_model_it_embeds(demo_path):
    p = load_project(demo_path)
    assert p.model.id == "retail-churn" and p.model.version is None
    assert "competition/turnover" in p.model.root.layout.index  # the 2026-11 edition, untouched
    assert builtin_difference(p.model) == (
        "this file's model 'retail-churn' (no version) is not the built-in one (version 2026.12; 1 element(s) only "
        "in the file; 3 element(s) only in the built-in model); the file keeps its own model")
    assert [r.name for r in p.respondents] == ["Store manager", "Regional manager"]
    s = p.synthesize()
    assert s.complete and s.consistent
    assert sum(leaf.global_weight for leaf in s.ranking) == pytest.approx(1)
    assert "illustrative" in demo_path.read_text().lower()


def write(tmp_path: Path, text: str, name: str = "m.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[model.criteria]]\nid = "a"\nname = "A"\ncolour = "red"\n',
         "line 8: unknown key 'colour' in model.criteria[0]; expected children, controllable, description, "
         "description_zh, id, name, name_zh"),
        ('[[model.criteria]]\nid = "a"\nname = "A"\n[[model.criteria]]\nid = "a"\nname = "B"\n',
         "line 9: duplicate id 'a' under 'goal': sibling ids must be unique"),
        ('[[model.criteria]]\nid = "a b"\nname = "A"\n', "line 6: id 'a b' may hold only letters, digits, '-' and '_'"),
        ('[[model.criteria]]\nid = "a"\n', "line 5: missing key 'name' in model.criteria[0]"),
        ('[[model.criteria]]\nid = "a"\nname = "A"\n[[model.criteria.children]]\nid = "x"\nname = ""\n',
         "line 10: model.criteria[0].children[0].name must be a non-empty string"),
        ("", "line 2: the model has no criteria: add at least one [[model.criteria]]"),
        ('[[model.criteria]]\nid = "a"\nname = "A\n', "line 7: invalid TOML: Illegal character '\\n'"),
    ],
)
def test_model_errors_name_file_line_and_key(tmp_path, body, message):
    path = write(tmp_path, MODEL_HEAD + body)
    with pytest.raises(ProjectFileError) as err:
        load_model(path)
    assert str(err.value) == f"{path}, {message}"


def test_unknown_builtin_model():
    with pytest.raises(ProjectFileError) as err:
        load_model("no-such-model")
    assert str(err.value) == "no built-in model 'no-such-model' and no such file; built-in models: retail-churn"


def project_text(judgments: str, extra: str = "") -> str:
    return (
        'format = 1\n[project]\ntitle = "t"\n' + extra
        + '[model]\nid = "m"\ngoal = "Churn"\n'
        '[[model.criteria]]\nid = "service"\nname = "Service"\n'
        '[[model.criteria]]\nid = "price"\nname = "Price"\n'
        '[[model.criteria]]\nid = "quality"\nname = "Quality"\n'
        '[[respondents]]\nname = "Ann"\n[respondents.judgments.goal]\n' + judgments
    )


@pytest.mark.parametrize(
    ("judgments", "message"),
    [
        ('service = { price = 3 }\nprice = { service = 2 }\n',
         "line 20: judgment price vs service in 'goal' is given in both directions; keep one"),
        ('service = { cost = 3 }\n',
            "line 19: judgment service vs cost in 'goal': 'cost' is not an element of 'goal'; elements: service, "
            "price, quality"),
        ('staff = { price = 3 }\n',
         "line 19: judgments.goal: 'staff' is not an element of 'goal'; elements: service, price, quality"),
        ('service = { price = 12 }\n',
         "line 19: judgment service vs price in 'goal': 12 is off the scale; judgments lie within 1/9 and 9"),
        ('service = { price = 0 }\n',
         "line 19: judgment service vs price in 'goal': 0 is off the scale; judgments lie within 1/9 and 9"),
        ('service = { price = "1/x" }\n',
         "line 19: judgment service vs price in 'goal': '1/x' is not a number or a fraction like 1/3"),
        ('service = { price = true }\n',
         "line 19: judgment service vs price in 'goal': True is not a number or a fraction like \"1/3\""),
        ('service = { service = 1 }\n',
         "line 19: judgment service vs service in 'goal': an element is not compared with itself"),
        ('[respondents.judgments.nowhere]\n',
         "line 19: judgments for 'nowhere': no such node with sub-elements; expected one of goal"),
    ],
)
def test_judgment_errors_name_file_line_and_pair(tmp_path, judgments, message):
    path = write(tmp_path, project_text(judgments), "p.ahp.toml")
    with pytest.raises(ProjectFileError) as err:
        load_project(path)
    assert str(err.value) == f"{path}, {message}"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[settings]\nmethod = "power"\n',
         "line 5: settings.method is 'power'; choose one of eigenvector, geometric-mean, column-mean"),
        ('[settings]\nthreshold = 2\n',
         "line 5: settings.threshold is 2; choose saaty1994, saaty1980, lt0.10 or a number between 0 and 1"),
        ('[settings]\nspeed = 1\n',
            "line 5: unknown key 'speed' in [settings]; expected aggregation, aip_mean, completion, inconsistent, "
            "lambda_max, language, method, practice, random_index, threshold"),
    ],
)
def test_settings_errors(tmp_path, extra, message):
    path = write(tmp_path, project_text("", extra), "p.ahp.toml")
    with pytest.raises(ProjectFileError) as err:
        load_project(path)
    assert str(err.value) == f"{path}, {message}"


def test_duplicate_respondent_and_bad_weight(tmp_path):
    base = project_text('service = { price = 3 }\n')
    path = write(tmp_path, base + '[[respondents]]\nname = "Ann"\n', "p.ahp.toml")
    with pytest.raises(ProjectFileError, match=r"line 21: duplicate respondent name 'Ann'$"):
        load_project(path)
    path = write(tmp_path, base + '[[respondents]]\nname = "Bo"\nweight = -1\n', "p.ahp.toml")
    with pytest.raises(ProjectFileError, match=r"line 22: respondent 'Bo': weight must be a positive number; got -1$"):
        load_project(path)


def test_missing_file_and_unsupported_format(tmp_path):
    with pytest.raises(ProjectFileError) as err:
        load_project(tmp_path / "none.ahp.toml")
    assert str(err.value) == f"{tmp_path / 'none.ahp.toml'}: no such file"
    path = write(tmp_path, project_text("").replace("format = 1", "format = 2"), "p.ahp.toml")
    with pytest.raises(ProjectFileError, match="line 1: unsupported format 2; this version reads format 1"):
        load_project(path)


def test_save_preserves_comments_and_order_and_keeps_bak(tmp_path):
    text = project_text('# the store manager was sure about this one\nservice = { price = 3 }  # firm\nquality = '
                        '{ price = "1/2" }\n')
    path = write(tmp_path, text, "p.ahp.toml")
    p = load_project(path)
    p.set_judgment(0, "goal", "service", "price", 5)  # change
    p.set_judgment(0, "goal", "price", "quality", None)  # clear (stored as quality vs price)
    p.set_judgment(0, "goal", "quality", "service", 1 / 4)  # add
    p.save()
    saved = path.read_text()
    assert "# the store manager was sure about this one" in saved and "# firm" in saved
    assert saved.index('title = "t"') < saved.index("[model]")
    assert path.with_name("p.ahp.toml.bak").read_text() == text
    data = tomllib.loads(saved)["respondents"][0]["judgments"]["goal"]
    assert data == {"service": {"price": 5}, "quality": {"service": "1/4"}}
    again = load_project(path)
    assert again.judgment(0, "goal", "service", "quality") == pytest.approx(4)
    assert np.isnan(again.matrix("goal", 0)[1, 2])


def test_set_judgment_rejects_bad_pairs(demo_path):
    p = load_project(demo_path)
    with pytest.raises(JudgmentError, match=r"^'nope' is not an element of 'goal'"):
        p.set_judgment(0, "goal", "service", "nope", 3)
    with pytest.raises(JudgmentError, match=r"^judgment service vs price in 'goal': 10 is off the scale 1/9..9$"):
        p.set_judgment(0, "goal", "service", "price", 10)
    with pytest.raises(AHPError, match=r"^no respondent named 'Zed'; respondents: Store manager, Regional manager$"):
        p.synthesize("Zed")


def test_new_project_never_overwrites(tmp_path):
    path = tmp_path / "churn.ahp.toml"
    p = new_project(path)
    assert [r.name for r in p.respondents] == ["Respondent 1"]
    s = p.synthesize()
    assert not s.complete and {a.status for a in s.nodes.values()} == {"incomplete"}
    assert load_project(path).model == load_model()
    before = path.read_text()
    with pytest.raises(ProjectFileError, match="already exists; not overwritten"):
        new_project(path)
    assert path.read_text() == before


def test_file_that_fails_to_load_is_left_untouched(tmp_path):
    path = write(tmp_path, project_text('service = { price = 30 }\n'), "p.ahp.toml")
    before = path.read_bytes()
    with pytest.raises(ProjectFileError):
        load_project(path)
    assert path.read_bytes() == before and not path.with_name("p.ahp.toml.bak").exists()


def test_partial_judgments_are_completed(tmp_path):
    path = write(tmp_path, project_text('service = { price = 3 }\nprice = { quality = 2 }\n'), "p.ahp.toml")
    s = load_project(path).synthesize()
    goal = s.nodes["goal"]
    assert goal.status == "consistent" and goal.result.missing == 1
    assert goal.result.completed[0, 2] == pytest.approx(6)


def test_remove_and_rename_respondents_keep_each_table_and_its_comments(tmp_path):
    text = project_text(
        'service = { price = 3 }\n'
        '[[respondents]]\n# Bo was unsure about price\nname = "Bo"\n[respondents.judgments.goal]\nservice = '
        '{ price = 2 }\n'
        '[[respondents]]\nname = "Cy"\n[respondents.judgments.goal]\nservice = { price = 5 }  # firm\n'
    )
    path = write(tmp_path, text, "p.ahp.toml")
    p = load_project(path)
    p.remove_respondent("Ann")
    p.rename_respondent("Cy", "Cyrus")
    p.save()
    saved = path.read_text()
    assert "# Bo was unsure about price" in saved and "# firm" in saved and "Ann" not in saved
    again = load_project(path)
    assert [(r.name, again.judgment(i, "goal", "service", "price")) for i, r in enumerate(again.respondents)] == [
        ("Bo", 2.0), ("Cyrus", 5.0),
    ]


def test_a_shallow_copy_saves_for_the_original(tmp_path, demo_path):
    import copy

    p = load_project(demo_path)
    p.set_judgment(0, "goal", "service", "price", 9)
    clone = copy.copy(p)  # as the interview screen saves from a copy
    clone.save()
    assert p._file.text == demo_path.read_text() and p._file.saved["Store manager"][1]["goal"][("service",
                                                                                                "price")] == 9
    p.set_judgment(1, "goal", "service", "price", 8)
    p.save()
    again = load_project(demo_path)
    assert again.judgment(0, "goal", "service", "price") == 9 and again.judgment(1, "goal", "service", "price") == 8


# -- permissions, .bak, temporary files, symbolic links ------------------------------------------

@pytest.fixture
def umask_022():
    import os

    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_files_get_the_usual_permissions_and_old_files_keep_theirs(tmp_path, umask_022):
    import os
    import stat

    from ahp.io.atomic import keep_copy, write_atomic

    new = tmp_path / "report.md"
    write_atomic(new, "x\n")
    assert stat.S_IMODE(os.stat(new).st_mode) == 0o644
    project = new_project(tmp_path / "p.ahp.toml")
    assert stat.S_IMODE(os.stat(project.path).st_mode) == 0o644
    os.chmod(project.path, 0o640)
    project.add_respondent("Bo")
    project.save()
    assert stat.S_IMODE(os.stat(project.path).st_mode) == 0o640
    assert stat.S_IMODE(os.stat(str(project.path) + ".bak").st_mode) == 0o640
    kept = keep_copy(project.path, "remove Bo")
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o644


def test_bak_is_made_by_a_rename_so_a_crash_never_leaves_it_half_written(tmp_path, monkeypatch):
    """The old version reaches .bak in one rename; a crash before it leaves the old .bak whole."""
    import os

    from ahp.io import atomic

    path = tmp_path / "p.ahp.toml"
    atomic.write_atomic(path, "a = 1\n")
    atomic.write_atomic(path, "a = 2\n")
    renames = []
    real_replace = os.replace

    def replace(src, dst):
        renames.append((os.path.basename(src), os.path.basename(dst), Path(src).read_text()))
        if dst.endswith(".bak"):
            raise KeyboardInterrupt  # killed just before .bak is swapped in
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(path, "a = 3\n")
    monkeypatch.setattr(os, "replace", real_replace)
    assert renames[0][1] == "p.ahp.toml.bak" and renames[0][2] == "a = 2\n"
    assert (path.read_text(), (tmp_path / "p.ahp.toml.bak").read_text()) == ("a = 2\n", "a = 1\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.ahp.toml", "p.ahp.toml.bak"]


def test_stale_temporary_files_of_the_tool_are_removed_by_the_next_save(tmp_path):
    import os
    import time

    p = new_project(tmp_path / "p.ahp.toml")
    old = [tmp_path / ".p.ahp.toml.1a2b3c4d.tmp", tmp_path / ".p.ahp.toml.bak.5e6f7a8b.tmp"]
    young = tmp_path / ".p.ahp.toml.9c0d1e2f.tmp"  # perhaps another save under way
    other = tmp_path / ".notes.txt.1a2b3c4d.tmp"
    for f in [*old, young, other]:
        f.write_text("partial")
    for f in [*old, other]:
        os.utime(f, (time.time() - 3600, time.time() - 3600))
    p.save()
    assert sorted(f.name for f in tmp_path.iterdir()) == sorted(
        [".notes.txt.1a2b3c4d.tmp", ".p.ahp.toml.9c0d1e2f.tmp", "p.ahp.toml", "p.ahp.toml.bak", "p.ahp.toml.lock"]
    )


def test_saving_follows_a_symbolic_link_and_keeps_it(tmp_path):
    import os

    real = tmp_path / "data" / "p.ahp.toml"
    real.parent.mkdir()
    new_project(real)
    link = tmp_path / "p.ahp.toml"
    link.symlink_to(real)
    p = load_project(link)
    p.add_respondent("Bo")
    p.save()
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert [r.name for r in load_project(real).respondents] == ["Respondent 1", "Bo"]
    assert (real.parent / "p.ahp.toml.bak").exists() and not (tmp_path / "p.ahp.toml.bak").exists()


@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_a_symlink_loop_or_dangling_link_is_refused_and_left_alone(tmp_path, kind):
    import os

    from ahp.io.atomic import write_atomic

    link = tmp_path / "p.ahp.toml"
    if kind == "loop":
        link.symlink_to(tmp_path / "q.ahp.toml")
        (tmp_path / "q.ahp.toml").symlink_to(link)
        message = f"{link}: a symbolic link that loops back on itself; not written"
    else:
        link.symlink_to(tmp_path / "gone.ahp.toml")
        message = f"{link}: a symbolic link to {tmp_path / 'gone.ahp.toml'}, which does not exist; not written"
    before = os.readlink(link)
    with pytest.raises(AHPError) as caught:
        new_project(link)
    assert str(caught.value) == message
    with pytest.raises(AHPError):
        write_atomic(link, "x")
    assert link.is_symlink() and os.readlink(link) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["p.ahp.toml",
                                                                 *(["q.ahp.toml"] if kind == "loop" else [])])


@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_cli_new_on_a_symlink_loop_or_dangling_link_exits_2(tmp_path, kind, capsys):
    from ahp.cli import main

    link = tmp_path / "p.ahp.toml"
    link.symlink_to(link if kind == "loop" else tmp_path / "gone.ahp.toml")
    assert main(["new", str(link)]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert link.is_symlink()


# -- values and shapes no file should hold ------------------------------------------------------------

def deep_model(levels: int) -> str:
    lines = ["format = 1", "[model]", 'id = "m"', 'goal = "G"']
    key = "model.criteria"
    for k in range(levels):
        lines += [f"[[{key}]]", f'id = "a{k}"', f'name = "A{k}"', f"[[{key}]]", f'id = "b{k}"', f'name = "B{k}"']
        key += ".children"
    return "\n".join(lines) + "\n"


def test_a_model_20_levels_deep_loads_and_deeper_is_refused_at_its_line(tmp_path):
    from ahp.io.model import MAX_DEPTH

    assert MAX_DEPTH == 20
    assert load_model(write(tmp_path, deep_model(20))).root.layout.paths[-1].count("/") == 19
    path = write(tmp_path, deep_model(21), "m21.toml")
    with pytest.raises(ProjectFileError) as caught:
        load_model(path)
    assert str(caught.value) == (f"{path}, line 122: the model goes deeper than 20 levels below the goal, "
                                 "the most allowed")
    path = write(tmp_path, deep_model(1200), "m1200.toml")
    with pytest.raises(ProjectFileError) as caught:
        load_model(path)
    assert str(caught.value) == f"{path}, line 383: a table name of more than 64 parts; nothing here nests so deep"


def test_a_project_with_a_400_digit_judgment_or_weight_is_refused_at_its_line(tmp_path):
    huge = "9" * 400
    path = write(tmp_path, project_text(f"service = {{ price = {huge} }}\n"), "p.ahp.toml")
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert str(caught.value) == (f"{path}, line 19: judgment service vs price in 'goal': {huge[:20]}... is off the "
                                 "scale; judgments lie within 1/9 and 9")
    text = project_text("service = { price = 3 }\n").replace('name = "Ann"\n', f'name = "Ann"\nweight = {huge}\n')
    path = write(tmp_path, text, "w.ahp.toml")
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert str(caught.value) == (f"{path}, line 18: respondent 'Ann': weight must be a positive number; "
                                 f"got '{huge[:20]}...'")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("description = " + "{a = " * 120 + "1" + "}" * 120 + "\n", "line 4: project.description must be a string"),
        ("description = " + "[" * 1200 + "]" * 1200 + "\n",
         "invalid TOML: values nested too deeply (arrays or inline tables within one another)"),
    ],
    ids=["inline tables", "arrays"],
)
def test_a_project_nested_too_deeply_to_save_is_refused_when_loaded(tmp_path, extra, message):
    path = write(tmp_path, project_text("service = { price = 3 }\n", extra), "p.ahp.toml")
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    expected = f"{path}{'' if message.startswith('invalid') else ','} {message}"
    assert str(caught.value) == expected.replace(f"{path} invalid", f"{path}: invalid")


@pytest.mark.parametrize("bad", ["judgment", "weight", "depth"])
def test_cli_on_such_files_exits_2_with_one_line(tmp_path, capsys, bad):
    from ahp.cli import main

    huge = "9" * 400
    text = {
        "judgment": project_text(f"service = {{ price = {huge} }}\n"),
        "weight": project_text("").replace('name = "Ann"\n', f'name = "Ann"\nweight = {huge}\n'),
        "depth": deep_model(1200).replace("[model]", '[project]\ntitle = "t"\n[model]'),
    }[bad]
    path = write(tmp_path, text, "p.ahp.toml")
    assert main(["rank", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err
