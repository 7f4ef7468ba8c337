"""Ratings from a CSV file: one row per unit (store, region, segment), one column per factor.

Columns: ``unit``, then churn-factor paths (``service/attitude``, ``price/level`` ...). A cell
is either one grade of the model's scale (its id, English or Chinese name), or how many
customers gave each grade, as ``grade:count`` pairs separated by spaces
(``很好:12 较好:30 一般:20 较差:8 很差:2``; shares such as ``good:0.4`` work as well, only
the proportions count; a grade left out counts 0). An empty cell leaves that factor unrated.
A file with any bad cell imports nothing. The
column ``unit`` may be headed 门店, and a factor by its English or Chinese name when no other
factor has it; the blank sheet is headed in English or Chinese.

In a project file the same two forms are written ``"service/attitude" = "poor"`` and
``"service/attitude" = { very-good = 12, good = 30, fair = 20, poor = 8, very-poor = 2 }``.

>>> from ahp.io.model import load_model
>>> template(load_model(), bom=False).split(",")[:3]
['unit', 'service/attitude', 'service/complaints']
>>> template(load_model(), "zh", bom=False).split(",")[:3]
['门店', '服务态度与专业水平', '投诉与售后处理']
>>> parse_rating("很好:12 较好:30 一般:20 较差:8 很差:2", load_model())
{'very-good': 12, 'good': 30, 'fair': 20, 'poor': 8, 'very-poor': 2}
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

import numpy as np

from ahp.errors import Phrase, SurveyError, Worded
from ahp.io.glossary import LANGUAGES, say, worded
from ahp.io.model import Model
from ahp.io.sheet import (
    BOM,
    CellError,
    at_cell,
    at_header,
    at_row,
    named_rows,
    read_sheet,
    refuse,
)

#: One rating: a grade id, or {grade id: count} in the scale's order.
Rating = str | dict[str, float]
_PAIR = re.compile(r"^(.+?)[:：]\s*(\S+)$")
#: The largest count taken (far above any survey; larger ones are typing errors).
_MOST = 1e12


def _factors(model: Model) -> list[str]:
    layout = model.root.layout
    return [layout.paths[k] for k in layout.leaves]


def _names(model: Model) -> dict[str, str]:
    """Each factor's English and Chinese names that no other factor has, to its path."""
    layout = model.root.layout
    spelled: dict[str, list[str]] = {}
    for k in layout.leaves:
        node = layout.nodes[k]
        for name in {node.name, node.name_zh} - {None}:
            spelled.setdefault(name, []).append(layout.paths[k])
    return {name: paths[0] for name, paths in spelled.items() if len(paths) == 1}


def template(model: Model, language: str = "en", bom: bool = True) -> str:
    """The blank ratings sheet: the header row only, factors by path in English and by name in
    Chinese (by path when another factor has the same name); with ``bom``, a UTF-8 byte-order
    mark first, so that Excel reads Chinese right."""
    layout, unique = model.root.layout, _names(model)
    columns = _factors(model)
    if language == "zh":
        labels = {path: layout.nodes[layout.index[path]].label(language) for path in columns}
        columns = [labels[path] if unique.get(labels[path]) == path else path for path in columns]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([say("sheet.unit", language), *columns])
    return (BOM if bom else "") + buf.getvalue()


def grade_counts(pairs: Iterable[tuple[str, Any]], model: Model) -> dict[str, float]:
    """Check (grade, count) pairs: every grade of the scale at most once, counts numbers of 0
    or more adding up to more than 0; returns {grade id: count} in the scale's order.

    >>> from ahp.io.model import load_model
    >>> grade_counts([("good", 3), ("很差", 1)], load_model())
    {'good': 3, 'very-poor': 1}
    >>> grade_counts([("good", 3), ("较好", 1)], load_model())
    Traceback (most recent call last):
    ahp.io.sheet.CellError: 'good' is given twice (as 'good' and '较好')
    """
    given: dict[str, tuple[str, float]] = {}
    for name, count in pairs:
        grade = model.grade(name)
        if grade is None:
            raise _not_a_grade(name, model)
        if grade.id in given:
            raise CellError(Phrase("{grade!r} is given twice (as {first!r} and {name!r})",
                                   {"grade": grade.id, "grade_zh": grade.label("zh"),
                                                       "first": given[grade.id][0], "name": name}))
        if isinstance(count, bool) or not isinstance(count, (int, float)) or not 0 <= count <= _MOST:
            shown = count if not isinstance(count, int) or count < 10**20 else "a number too large"
            raise CellError(Phrase("the count of {name!r} must be a number from 0 to {most:,.0f}; got {shown!r}",
                                   {"name": name, "most": _MOST, "shown": shown}))
        given[grade.id] = (name, count)
    if not given or sum(count for _, count in given.values()) <= 0:
        raise CellError(Phrase("the counts add up to 0: give at least one grade a count above 0"))
    return {g.id: given[g.id][1] for g in model.grades if g.id in given}


def _number(text: str) -> float | int | str:
    """``text`` as an int or a float, or unchanged when it is neither (for the error)."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def parse_rating(value: Any, model: Model) -> Rating:
    """One rating as a file gives it: a grade's name, a ``grade:count ...`` text or a table of
    counts; raises :class:`~ahp.io.sheet.CellError` saying what is wrong (the caller says where).

    >>> from ahp.io.model import load_model
    >>> parse_rating("较差", load_model()), parse_rating({"fair": 1, "poor": 1}, load_model())
    ('poor', {'fair': 1, 'poor': 1})
    >>> parse_rating("good:2 fair", load_model())
    Traceback (most recent call last):
    ahp.io.sheet.CellError: 'fair' is not grade:count (e.g. 较好:30)
    """
    if isinstance(value, dict):
        return grade_counts(value.items(), model)
    if isinstance(value, str) and re.search("[:：]", value):
        pairs = []
        for token in value.split():
            match = _PAIR.match(token)
            if match is None:
                raise CellError(Phrase("{token!r} is not grade:count (e.g. 较好:30)", {"token": token}))
            pairs.append((match[1], _number(match[2])))
        return grade_counts(pairs, model)
    grade = model.grade(value)
    if grade is None:
        raise _not_a_grade(value, model)
    return grade.id


def _not_a_grade(name: object, model: Model) -> CellError:
    """The error of a name that is no grade of ``model``: the grades by id (English) or name (Chinese)."""
    grades = Worded(", ".join(g.id for g in model.grades), "、".join(g.label("zh") for g in model.grades))
    return CellError(Phrase("{name!r} is not a grade; grades: {grades}", {"name": name, "grades": grades}))


def grade_row(rating: Rating | None, model: Model) -> np.ndarray:
    """A rating as counts over the model's grades, best first (one grade: 1 there; ``None``,
    unrated: all ``nan``).

    >>> from ahp.io.model import load_model
    >>> grade_row("poor", load_model()).tolist(), grade_row({"good": 3, "fair": 1}, load_model()).tolist()
    ([0.0, 0.0, 0.0, 1.0, 0.0], [0.0, 3.0, 1.0, 0.0, 0.0])
    """
    if rating is None:
        return np.full(len(model.grades), np.nan)
    if isinstance(rating, str):
        return np.array([1.0 if g.id == rating else 0.0 for g in model.grades])
    return np.array([float(rating.get(g.id, 0.0)) for g in model.grades])


def read_ratings(text: str, model: Model) -> list[tuple[str, dict[str, Rating]]]:
    """Check a ratings sheet; returns (unit name, {factor path: rating}) per row.

    Raises :class:`~ahp.errors.SurveyError` listing every bad cell (row = line, column by name).
    """
    file_header, body = read_sheet(text, "ratings")
    spelled = {**_names(model), **{say("sheet.unit", language): "unit" for language in LANGUAGES}}
    header = [spelled.get(h, h) for h in file_header]
    factors = set(_factors(model))
    problems: list[Phrase] = []
    if "unit" not in header:
        problems.append(Phrase("{at}: no {column!r} column", {"at": at_row(1), "column": worded("sheet.unit")}))
    for k, h in enumerate(header):
        if h != "unit" and h not in factors:
            problems.append(Phrase("{at}: not a churn factor of the model (e.g. 'service/attitude')",
                                   {"at": at_header(k + 1, h)}))
        elif header.index(h) != k:
            problems.append(Phrase("{at}: duplicate column", {"at": at_header(k + 1, h)}))
    if problems:
        raise SurveyError(Phrase("{k} problem(s) in the header; nothing imported", {"k": len(problems)}), problems)
    unit_col = header.index("unit")
    out: list[tuple[str, dict[str, Rating]]] = []
    for line, name, row in named_rows(header, body, "unit", "unit", problems):
        ratings: dict[str, Rating] = {}
        for k, h in enumerate(header):
            cell = row[k].strip()
            if k == unit_col or not cell:
                continue
            try:
                ratings[h] = parse_rating(cell, model)
            except CellError as exc:
                column = Worded(h, file_header[k])  # English by the factor's path, Chinese as the file heads it
                problems.append(Phrase("{at}: {what}", {"at": at_cell(line, column), "what": exc.phrase}))
        out.append((name, ratings))
    refuse(problems, "ratings")
    return out
