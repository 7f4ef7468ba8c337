"""Reading a project file's text: validate every table and build the parts of a project.

Errors name the file, the line and the key (:class:`~ahp.errors.ProjectFileError`). The
:class:`~ahp.io.project.Project` built from these parts lives in :mod:`ahp.io.project`.

>>> text = open("examples/retail-churn-demo.ahp.toml", encoding="utf-8").read()
>>> data = read_project(text, "demo.ahp.toml")
>>> [r.name for r in data.respondents], data.settings.method
(['Store manager', 'Regional manager'], 'eigenvector')
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ahp.core.hierarchy import Node, walk
from ahp.core.scale import on_scale, parse_value
from ahp.errors import AHPError, JudgmentError, Phrase, Worded, listed, phrase_of
from ahp.io.model import Model, Validator, parse_model
from ahp.io.ratings_file import Rating, parse_rating
from ahp.io.settings import Settings, parse_settings
from ahp.io.toml_lines import parse_toml

_TOP_KEYS = {"format", "project", "settings", "model", "respondents", "units"}
_UNIT_KEYS = {"name", "ratings"}
_PROJECT_KEYS = {"title", "description", "client", "consultant"}
_RESPONDENT_KEYS = {"name", "weight", "judgments"}
Pair = tuple[str, str]


@dataclass
class Respondent:
    """One person's judgments: ``judgments[path][(row, col)] = value`` (row is value times col)."""

    name: str
    weight: float = 1.0
    judgments: dict[str, dict[Pair, float]] = field(default_factory=dict)
    #: The name of this respondent's table in the file as last loaded or saved (``None``: not in
    #: the file yet), so a renamed respondent keeps their table and its comments.
    saved_as: str | None = field(default=None, compare=False, repr=False)


@dataclass
class Unit:
    """A rated store, region or segment: ``ratings[leaf path]`` is a grade id or {grade id: count}."""

    name: str
    ratings: dict[str, Rating] = field(default_factory=dict)


def inner_nodes(root: Node) -> dict[str, Node]:
    """Every node that has children (and so a matrix), by path."""
    return {path: node for path, node, _ in walk(root) if node.children}


def _judgment_value(raw: Any, check: Validator, key: tuple[Any, ...], pair: str) -> float:
    facts = {"where": Phrase("judgment {pair}", {"pair": pair}), "raw": raw}
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise check.fail(key, Phrase('{where}: {raw!r} is not a number or a fraction like "1/3"', facts))
    try:
        value = parse_value(raw)
    except JudgmentError as exc:
        raise check.fail(key, Phrase("{where}: {why}", {**facts, "why": exc.phrase})) from None
    if math.isnan(value):
        raise check.fail(key, Phrase("{where}: leave a missing judgment out instead of writing {raw!r}", facts))
    if not on_scale(value):
        raise check.fail(key, Phrase("{where}: {raw!r} is off the scale; judgments lie within 1/9 and 9", facts))
    return value


def bad_weight(name: str, weight: object) -> Phrase:
    """A respondent's weight refused: not a positive number."""
    return Phrase("respondent {name!r}: weight must be a positive number; got {weight!r}",
                  {"name": name, "weight": weight})


def checked_weight(name: str, weight: float) -> float:
    """A respondent's weight given by hand, checked to be a positive number."""
    if isinstance(weight, bool) or not (isinstance(weight, (int, float)) and math.isfinite(weight) and weight > 0):
        raise AHPError(bad_weight(name.strip(), weight))
    return float(weight)


def check_judgment(node: Node, path: str, a: str, b: str, value: float | None) -> None:
    """Refuse a judgment ``a`` vs ``b`` at the node ``path`` (set by hand, not read from a file)
    whose elements are not the node's, are the same, or whose value is off the scale."""
    ids = [c.id for c in node.children]
    for e in (a, b):
        if e not in ids:
            raise JudgmentError(Phrase("{e!r} is not an element of {path!r}; elements: {ids}",
                                       {"e": e, "path": path, "ids": listed(ids)}))
    if a == b:
        raise JudgmentError(Phrase("an element is not compared with itself ({a!r} in {path!r})",
                                   {"a": a, "path": path}))
    if value is not None and not on_scale(value):
        raise JudgmentError(Phrase("judgment {a} vs {b} in {path!r}: {value:g} is off the scale 1/9..9",
                                   {"a": a, "b": b, "path": path, "value": value}))


def _parse_judgments(
    data: Any, check: Validator, at: tuple[Any, ...], inner: dict[str, Node]
) -> dict[str, dict[Pair, float]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise check.fail(at, Phrase("judgments must be a table of node paths"))
    out: dict[str, dict[Pair, float]] = {}
    for path, rows in data.items():
        key = (*at, path)
        node = inner.get(path)
        if node is None:
            raise check.fail(key, Phrase("judgments for {path!r}: no such node with sub-elements; expected one of "
                                         "{nodes}", {"path": path, "nodes": listed(list(inner))}))
        ids = [c.id for c in node.children]
        if not isinstance(rows, dict):
            raise check.fail(key, Phrase("judgments.{path} must be a table like {a} = {{ {b} = 3 }}",
                                         {"path": path, "a": ids[0], "b": ids[-1]}))
        pairs: dict[Pair, float] = {}
        for row, cols in rows.items():
            if row not in ids:
                raise check.fail((*key, row), Phrase(
                    "judgments.{path}: {row!r} is not an element of {path!r}; elements: {ids}",
                    {"path": path, "row": row, "ids": listed(ids)}))
            if not isinstance(cols, dict):
                raise check.fail((*key, row), Phrase(
                    "judgments.{path}.{row} must be an inline table like {{ {b} = 3 }}",
                    {"path": path, "row": row, "b": ids[-1] if ids[-1] != row else ids[0]}))
            for col, raw in cols.items():
                pair = Phrase("{a} vs {b} in {path!r}", {"a": row, "b": col, "path": path})
                if col not in ids:
                    raise check.fail((*key, row), Phrase(
                        "judgment {pair}: {col!r} is not an element of {path!r}; elements: {ids}",
                        {"pair": pair, "col": col, "path": path, "ids": listed(ids)}))
                if col == row:
                    raise check.fail((*key, row), Phrase("judgment {pair}: an element is not compared with itself",
                                                         {"pair": pair}))
                if (col, row) in pairs:
                    raise check.fail((*key, row), Phrase("judgment {pair} is given in both directions; keep one",
                                                         {"pair": pair}))
                pairs[(row, col)] = _judgment_value(raw, check, (*key, row), pair)
        out[path] = pairs
    return out


def _parse_respondents(data: Any, check: Validator, inner: dict[str, Node]) -> list[Respondent]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise check.fail(("respondents",), Phrase("respondents must be an array of tables ([[respondents]])"))
    out: list[Respondent] = []
    names: set[str] = set()
    for i, item in enumerate(data):
        at = ("respondents", i)
        table = check.table(item, at, _RESPONDENT_KEYS, f"respondents[{i}]")
        name = check.string(table, at, "name")
        if name in names:
            raise check.fail((*at, "name"), Phrase("duplicate respondent name {name!r}", {"name": name}))
        names.add(name)
        weight = table.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= sys.float_info.max:
            shown = weight if not isinstance(weight, int) or weight < 10**20 else f"{str(weight)[:20]}..."
            raise check.fail((*at, "weight"), bad_weight(name, shown))
        out.append(Respondent(name, float(weight), _parse_judgments(table.get("judgments"), check, (*at, "judgments"),
                                                                    inner)))
    return out


def _parse_units(data: Any, check: Validator, model: Model) -> list[Unit]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise check.fail(("units",), Phrase("units must be an array of tables ([[units]])"))
    leaves = {path for path, node, _ in walk(model.root) if not node.children}
    out: list[Unit] = []
    for i, item in enumerate(data):
        at = ("units", i)
        table = check.table(item, at, _UNIT_KEYS, f"units[{i}]")
        name = check.string(table, at, "name")
        if any(u.name == name for u in out):
            raise check.fail((*at, "name"), Phrase("duplicate unit name {name!r}", {"name": name}))
        ratings = table.get("ratings", {})
        if not isinstance(ratings, dict):
            raise check.fail((*at, "ratings"),
                             Phrase('unit {name!r}: ratings must be a table like "service/attitude" = "poor"',
                                    {"name": name}))
        unit = Unit(name)
        for path, raw in ratings.items():
            if path not in leaves:
                raise check.fail((*at, "ratings", path),
                                 Phrase("unit {name!r}: {path!r} is not a churn factor of the model",
                                        {"name": name, "path": path}))
            try:
                unit.ratings[path] = parse_rating(raw, model)
            except AHPError as exc:
                raise check.fail((*at, "ratings", path), Phrase("unit {name!r}, {path}: {why}", {
                    "name": name, "path": path, "why": phrase_of(exc)})) from None
        out.append(unit)
    return out


def judgment_stack(ids: list[str], judgments: list[dict[Pair, float]]) -> np.ndarray:
    """The matrices (one per judgments table, n, n) of a node's elements ``ids``, ``nan`` where missing.

    >>> judgment_stack(["a", "b"], [{("a", "b"): 3.0}, {}]).tolist()
    [[[1.0, 3.0], [0.3333333333333333, 1.0]], [[1.0, nan], [nan, 1.0]]]
    """
    index = {e: k for k, e in enumerate(ids)}
    n = len(ids)
    out = np.full((len(judgments), n, n), np.nan)
    out[:, np.arange(n), np.arange(n)] = 1.0
    for slot, pairs in enumerate(judgments):
        for (row, col), v in pairs.items():
            out[slot, index[row], index[col]] = v
            out[slot, index[col], index[row]] = 1 / v
    return out


@dataclass(frozen=True, eq=False)
class ProjectData:
    """The validated contents of a project file."""

    title: str
    model: Model
    settings: Settings
    respondents: list[Respondent]
    units: list[Unit]
    client: str = ""
    consultant: str = ""


def read_project(text: str, path: str) -> ProjectData:
    """Validate a project file's text; errors name ``path``, the line and the key."""
    data = parse_toml(text, path)
    check = Validator(path, text)
    check.table(data, (), _TOP_KEYS, Worded("the project file", "项目文件"))
    check.format(data)
    if "model" not in data:
        raise check.fail((), Phrase("missing table [model]: a project file embeds its model"))
    model = parse_model(data["model"], check)
    project = check.table(data.get("project", {}), ("project",), _PROJECT_KEYS, "[project]")
    for key in ("title", "description", "client", "consultant"):
        if not isinstance(project.get(key, ""), str):
            raise check.fail(("project", key), Phrase("project.{key} must be a string", {"key": key}))
    title = project.get("title", "")
    settings = parse_settings(data.get("settings"), check)
    respondents = _parse_respondents(data.get("respondents"), check, inner_nodes(model.root))
    return ProjectData(title, model, settings, respondents, _parse_units(data.get("units"), check, model),
                       project.get("client", ""), project.get("consultant", ""))
