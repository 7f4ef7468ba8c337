"""Every write goes through tomlkit and is read back before it is written: names with control
characters, quotes or Chinese survive; what no file can hold is refused, naming the field."""

from __future__ import annotations

import pytest

import ahp.io.project as project_module
import ahp.io.project_sync as project_sync
from ahp.errors import ProjectFileError
from ahp.io.project import load_project, new_project
from ahp.io.survey import read_survey

NAMES = ["DEL\x7fname", "nul\x00x", "esc\x1b[31mred", "quote\"and'", "back\\slash", "门店经理", "line\nbreak",
         "x" * 5000,
         "a\x85\u2028b"]


@pytest.mark.parametrize("name", NAMES)
def test_imported_names_with_any_character_load_back(tmp_path, name):
    p = new_project(tmp_path / "p.ahp.toml")
    p.import_respondents([(name, 1.0, {"goal": {("service", "price"): 3.0}})])
    again = load_project(p.path)
    assert [r.name for r in again.respondents] == ["Respondent 1", name]
    assert again.judgment(1, "goal", "service", "price") == 3.0


@pytest.mark.parametrize("name", NAMES)
def test_added_and_renamed_names_with_any_character_load_back(tmp_path, name):
    p = new_project(tmp_path / "p.ahp.toml")
    p.add_respondent(name + "2")
    p.rename_respondent("Respondent 1", name)
    p.add_unit(name)
    p.title = name
    p.save()
    again = load_project(p.path)
    assert ([r.name for r in again.respondents], [u.name for u in again.units], again.title) == ([name, name + "2"],
                                                                                                 [name], name)


def test_a_survey_with_a_del_in_a_name_imports_into_a_loadable_file(tmp_path):
    p = new_project(tmp_path / "p.ahp.toml")
    rows = read_survey("respondent,service vs price\nAnn\x7f B,3\n", p.model.root)
    p.import_respondents(rows)
    assert [r.name for r in load_project(p.path).respondents] == ["Respondent 1", "Ann\x7f B"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda p: p.add_respondent("Ann\ud800"), "respondent name 'Ann\\ud800'"),
        (lambda p: p.add_unit("North\udfff"), "unit name 'North\\udfff'"),
        (lambda p: setattr(p, "title", "t\ud83d"), "project title 't\\ud83d'"),
        (lambda p: p.import_respondents([("Bo\udc80", 1.0, {})]), "respondent name 'Bo\\udc80'"),
    ],
)
def test_a_lone_surrogate_is_refused_naming_the_field_and_nothing_is_written(tmp_path, change, field):
    p = new_project(tmp_path / "p.ahp.toml")
    before = p.path.read_bytes()
    with pytest.raises(ProjectFileError) as caught:
        change(p)
        p.save()
    assert str(caught.value) == (f"{p.path}: {field} holds a character no text file can store (a lone surrogate); "
                                 "not saved")
    assert p.path.read_bytes() == before


def test_removing_the_last_respondent_then_adding_or_importing_leaves_a_loadable_file(tmp_path):
    p = new_project(tmp_path / "p.ahp.toml")
    p.remove_respondent("Respondent 1")
    p.save()
    assert "respondents = []" not in p.path.read_text()
    p = load_project(p.path)
    p.import_respondents([("Ann", 1.0, {"goal": {("service", "price"): 5.0}})])
    p = load_project(p.path)
    p.add_respondent("Bo")
    p.save()
    assert [r.name for r in load_project(p.path).respondents] == ["Ann", "Bo"]


def test_a_file_left_with_an_empty_respondents_array_takes_an_import(tmp_path):
    """Files written before the fix hold `respondents = []` at the top."""
    path = tmp_path / "p.ahp.toml"
    new_project(path)
    head, _, _ = path.read_text().partition("\n[[respondents]]")
    path.write_text("respondents = []\n" + head + "\n")
    p = load_project(path)
    assert p.respondents == []
    p.import_respondents([("Ann", 1.0, {"goal": {("service", "price"): 5.0}})])
    p.add_unit("North")
    p.save()
    again = load_project(path)
    assert ([r.name for r in again.respondents], [u.name for u in again.units]) == (["Ann"], ["North"])


def test_a_text_that_does_not_read_back_is_never_written(tmp_path, monkeypatch):
    p = new_project(tmp_path / "p.ahp.toml")
    before = p.path.read_bytes()
    monkeypatch.setattr(project_sync, "sync_document", lambda *args: None)  # a writer that forgets the change
    p.add_respondent("Bo")
    with pytest.raises(ProjectFileError,
                       match="could not be written so that it reads back the same; nothing was written"):
        p.save()
    assert p.path.read_bytes() == before


def test_a_failed_import_leaves_the_project_as_its_file(tmp_path, monkeypatch):
    p = new_project(tmp_path / "p.ahp.toml")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project_module, "write_atomic", full_disk)
    with pytest.raises(OSError):
        p.import_respondents([("Ann", 1.0, {})])
    assert [r.name for r in p.respondents] == ["Respondent 1"]


# -- copies kept before destructive steps -----------------------------------------------------------

def test_removing_a_respondent_keeps_the_file_as_it_was_where_no_save_overwrites_it(tmp_path):
    p = new_project(tmp_path / "p.ahp.toml")
    p.set_judgment(0, "goal", "service", "price", 5)
    p.save()
    name = "门店经理 \x7f" + "长" * 300  # a long name still gives a file name the system takes
    p.rename_respondent("Respondent 1", name)
    p.save()
    kept = p.remove_respondent(name)
    p.save()
    p.add_respondent("Bo")
    p.save()
    p.save()  # .bak moves on; the kept copy does not
    assert kept is not None and kept.startswith(f"{p.path}.before-remove-") and p.kept_copies == [kept]
    assert len(kept.rsplit("/", 1)[1].encode()) < 255
    old = load_project(kept)
    assert [r.name for r in old.respondents] == [name] and old.judgment(0, "goal", "service", "price") == 5


def test_replacing_ratings_by_import_keeps_a_copy_and_adding_does_not(tmp_path):
    p = new_project(tmp_path / "p.ahp.toml")
    p.import_ratings([("North", {"service/attitude": "poor"})])
    p.save()
    p.import_ratings([("South", {"service/attitude": "good"}), ("North", {"service/attitude": "poor"})])
    p.save()
    assert p.kept_copies == []  # nothing given before was replaced
    p.import_ratings([("North", {"service/attitude": "good"})])
    p.save()
    assert len(p.kept_copies) == 1
    assert load_project(p.kept_copies[0]).units[0].ratings == {"service/attitude": "poor"}


def test_removing_a_unit_keeps_a_copy_and_a_project_without_a_file_keeps_none(tmp_path):
    p = new_project(tmp_path / "p.ahp.toml")
    p.add_unit("North")
    p.save()
    kept = p.remove_unit("North")
    assert [u.name for u in load_project(kept).units] == ["North"]
    p.path = None
    assert p.remove_respondent("Respondent 1") is None


def test_a_changed_judgment_rewrites_only_its_respondents_table(demo_path, monkeypatch):
    import tomlkit

    from ahp import load_project

    text = demo_path.read_text(encoding="utf-8").replace(
        'name = "Regional manager"', 'name = "Regional manager"  # met on Monday', 1)
    demo_path.write_text(text, encoding="utf-8")
    project = load_project(demo_path)
    parsed: list[int] = []
    parse = tomlkit.parse
    monkeypatch.setattr(tomlkit, "parse", lambda s: parsed.append(len(s)) or parse(s))
    project.set_judgment(0, "goal", "service", "price", 5)
    project.save()
    saved = demo_path.read_text(encoding="utf-8")
    assert parsed and max(parsed) < len(text) / 5  # the store manager's table alone, not the file
    head, tail = text.split("[[respondents]]", 1)[0], text.split('name = "Regional manager"', 1)[1]
    assert saved.startswith(head) and saved.endswith(tail) and "# met on Monday" in saved
    assert "service = { quality = 2, price = 5, competition = 4 }" in saved
    again = load_project(demo_path)
    assert again.judgment(0, "goal", "service", "price") == 5 and again.respondents == project.respondents
