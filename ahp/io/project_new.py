"""The document of a new project file: the model embedded, default settings, comments.

>>> from ahp.io.model import load_model
>>> text = tomlkit.dumps(new_document(load_model(), "Churn study"))
>>> text.splitlines()[0], 'title = "Churn study"' in text
("# ahp project: the model, the settings and every respondent's judgments.", True)
"""

from __future__ import annotations

import os
from typing import Any

import tomlkit

from ahp.core.hierarchy import Node
from ahp.errors import Phrase, ProjectFileError
from ahp.io.glossary import say
from ahp.io.model import FORMAT, Model, load_model
from ahp.io.settings import Settings


def new_file(
    path: str | os.PathLike[str], model: str | os.PathLike[str], title: str | None, settings: Settings | None = None,
) -> tuple[Model, str, str]:
    """The model (built-in name or file), the title (``goal: file name`` by default, the goal in
    Chinese for a Chinese project) and the text of a new project file at ``path`` with
    ``settings``; refuses a path that exists."""
    if os.path.exists(path):
        raise ProjectFileError(Phrase("already exists; not overwritten"), path=os.fspath(path))
    m = load_model(model)
    if title is None:
        language = _language(settings)
        title = m.root.label(language) + say("colon", language) + os.path.basename(path).removesuffix(".ahp.toml")
    return m, title, tomlkit.dumps(new_document(m, title, settings))


def _language(settings: Settings | None) -> str:
    """The language a new project is written in."""
    return settings.language if settings is not None else "en"


def first_respondent(settings: Settings | None) -> str:
    """The name of the empty respondent a new project starts with, in the project's language.

    >>> first_respondent(Settings(language="zh")), first_respondent(None)
    ('专家 1', 'Respondent 1')
    """
    return say("respondent.first", _language(settings))


def _node_table(node: Node) -> Any:
    t = tomlkit.table()
    t["id"] = node.id
    for key in ("name", "name_zh", "description", "description_zh", "controllable"):
        if getattr(node, key):
            t[key] = getattr(node, key)
    if node.children:
        aot = tomlkit.aot()
        for c in node.children:
            aot.append(_node_table(c))
        t["children"] = aot
    return t


#: The settings of a new file, in order; each has a comment naming its choices (the glossary's
#: ``file.<key>``, in the project's language).
_SETTINGS: tuple[str, ...] = ("method", "practice", "random_index", "threshold", "lambda_max", "aggregation",
                              "aip_mean", "inconsistent", "completion", "language")


def settings_table(settings: Settings) -> Any:
    """The ``[settings]`` of a new file: each setting with a comment naming its choices; a
    convention left to the practice is shown commented out, to be set on its own.

    >>> lines = tomlkit.dumps(settings_table(Settings(practice="zh-textbook"))).splitlines()
    >>> lines[1][:24], lines[3][:22]
    ('practice = "zh-textbook"', '# threshold = "lt0.10"')
    """
    table = tomlkit.table()
    values = settings.file_values()
    for key in _SETTINGS:
        note = say(f"file.{key}", settings.language)
        if key in values:
            table[key] = values[key]
            table[key].comment(note)
        else:
            table.add(tomlkit.comment(f"{key} = {tomlkit.item(getattr(settings, key)).as_string()}   # {note}"))
    return table


def new_document(model: Model, title: str = "", settings: Settings | None = None) -> Any:
    """A fresh project document embedding ``model`` and ``settings`` (the defaults unless
    given), with explanatory comments."""
    settings = settings or Settings()
    doc = tomlkit.document()
    doc.add(tomlkit.comment(say("file.head", settings.language)))
    doc.add(tomlkit.comment(say("file.judgment", settings.language)))
    doc.add(tomlkit.nl())
    doc["format"] = FORMAT
    project = tomlkit.table()
    project["title"] = title
    doc["project"] = project
    doc["settings"] = settings_table(settings)
    root = model.root
    m = tomlkit.table()
    m["id"] = model.id
    if model.version:
        m["version"] = model.version
    m["goal"] = root.name
    for key, attr in (("goal_zh", "name_zh"), ("description", "description"), ("description_zh", "description_zh")):
        if getattr(root, attr):
            m[key] = getattr(root, attr)
    criteria = tomlkit.aot()
    for c in root.children:
        criteria.append(_node_table(c))
    m["criteria"] = criteria
    ratings = tomlkit.table()
    grades = tomlkit.aot()
    for g in model.grades:
        t = tomlkit.table()
        t["id"], t["name"] = g.id, g.name
        if g.name_zh:
            t["name_zh"] = g.name_zh
        t["intensity"] = g.intensity
        grades.append(t)
    ratings["grades"] = grades
    m["ratings"] = ratings
    doc["model"] = m
    return doc
