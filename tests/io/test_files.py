"""Model and project files: loading, line-numbered errors, comment-preserving atomic saves."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest

from ahp.errors import AHPError, JudgmentError, ProjectFileError
from ahp.io.model import builtin_models, load_model
from ahp.io.project import load_project, new_project

MODEL_HEAD = 'format = 1\n[model]\nid = "m"\ngoal = "Churn"\n'


def test_builtin_retail_churn_model_is_bilingual():
    m = load_model("retail-churn")
    assert "retail-churn" in builtin_models()
    assert (m.root.name, m.root.name_zh) == ("Customer churn degree", "客户流失度")
    assert [(c.id, c.name_zh, len(c.children)) for c in m.root.children] == [
        ("service", "服务", 5), ("quality", "质量", 4), ("price", "价格", 4), ("competition", "竞争", 4),
    ]
    for c in m.root.children:
        for f in c.children:
            assert f.name and f.name_zh and f.description and f.description_zh


def test_demo_project_embeds_the_builtin_model(demo_path):
    p = load_project(demo_path)
    assert p.model == load_model("retail-churn")
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
         "line 8: unknown key 'colour' in model.criteria[0]; expected children, description, description_zh, id, name, name_zh"),
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
        ('service = { cost = 3 }\n', "line 19: judgment service vs cost in 'goal': 'cost' is not an element of 'goal'; elements: service, price, quality"),
        ('staff = { price = 3 }\n', "line 19: judgments.goal: 'staff' is not an element of 'goal'; elements: service, price, quality"),
        ('service = { price = 12 }\n', "line 19: judgment service vs price in 'goal': 12 is off the scale; judgments lie within 1/9 and 9"),
        ('service = { price = 0 }\n', "line 19: judgment service vs price in 'goal': 0 is off the scale; judgments lie within 1/9 and 9"),
        ('service = { price = "1/x" }\n', "line 19: judgment service vs price in 'goal': '1/x' is not a number or a fraction like 1/3"),
        ('service = { price = true }\n', "line 19: judgment service vs price in 'goal': True is not a number or a fraction like \"1/3\""),
        ('service = { service = 1 }\n', "line 19: judgment service vs service in 'goal': an element is not compared with itself"),
        ('[respondents.judgments.nowhere]\n', "line 19: judgments for 'nowhere': no such node with sub-elements; expected one of goal"),
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
        ('[settings]\nmethod = "power"\n', "line 5: settings.method is 'power'; choose one of eigenvector, geometric-mean, column-mean"),
        ('[settings]\nthreshold = 2\n', "line 5: settings.threshold is 2; choose saaty1994, saaty1980, lt0.10 or a number between 0 and 1"),
        ('[settings]\nspeed = 1\n', "line 5: unknown key 'speed' in [settings]; expected aggregation, aip_mean, completion, inconsistent, lambda_max, language, method, practice, random_index, threshold"),
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
    text = project_text('# the store manager was sure about this one\nservice = { price = 3 }  # firm\nquality = { price = "1/2" }\n')
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
        '[[respondents]]\n# Bo was unsure about price\nname = "Bo"\n[respondents.judgments.goal]\nservice = { price = 2 }\n'
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
    assert p._file.doc is not None and p._file.saved["Store manager"][1]["goal"][("service", "price")] == 9
    p.set_judgment(1, "goal", "service", "price", 8)
    p.save()
    again = load_project(demo_path)
    assert again.judgment(0, "goal", "service", "price") == 9 and again.judgment(1, "goal", "service", "price") == 8
