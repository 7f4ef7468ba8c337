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
from ahp.errors import ProjectFileError
from ahp.io.model import FORMAT, Model, load_model


def new_file(path: str | os.PathLike[str], model: str | os.PathLike[str], title: str | None) -> tuple[Model, str, str]:
    """The model (built-in name or file), the title (``goal: file name`` by default) and the
    text of a new project file at ``path``; refuses a path that exists."""
    if os.path.exists(path):
        raise ProjectFileError("already exists; not overwritten", path=os.fspath(path))
    m = load_model(model)
    name = title if title is not None else f"{m.goal}: {os.path.basename(path).removesuffix('.ahp.toml')}"
    return m, name, tomlkit.dumps(new_document(m, name))


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


def new_document(model: Model, title: str = "") -> Any:
    """A fresh project document embedding ``model``, with explanatory comments."""
    doc = tomlkit.document()
    doc.add(tomlkit.comment("ahp project: the model, the settings and every respondent's judgments."))
    doc.add(tomlkit.comment('A judgment  row = { col = v }  means row is v times as important as col (v from 1/9 to 9).'))
    doc.add(tomlkit.nl())
    doc["format"] = FORMAT
    project = tomlkit.table()
    project["title"] = title
    doc["project"] = project
    settings = tomlkit.table()
    for key, value, note in (
        ("method", "eigenvector", "eigenvector | geometric-mean | column-mean"),
        ("random_index", "saaty1980", "saaty1980 | saaty2005 | donegan-dodd | alonso-lamata | chinese"),
        ("threshold", "saaty1994", "0.05 for n=3, 0.08 for n=4, 0.10 otherwise; saaty1980 (0.10); or a number"),
        ("aggregation", "aij", "aij: geometric mean of the judgments | aip: mean of the priorities"),
        ("aip_mean", "geometric", "geometric | arithmetic, for aip"),
        ("inconsistent", "flag", "respondents failing the threshold at a node: flag | include | exclude"),
        ("completion", "lambda-max", "lambda-max | harker, for missing judgments"),
    ):
        settings[key] = value
        settings[key].comment(note)
    doc["settings"] = settings
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
