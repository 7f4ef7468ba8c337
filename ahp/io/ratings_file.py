"""Ratings from a CSV file: one row per unit (store, region, segment), one column per factor.

Columns: ``unit`` (or 门店), then churn factors by path (``service/attitude``, ``price/level`` ...)
or by name (English or Chinese, when no other factor has it); a cell is a grade of the model's
scale (its id, English or Chinese name); an empty cell leaves that factor unrated. A file with
any bad cell imports nothing. The blank sheet is headed in English or Chinese.

>>> from ahp.io.model import load_model
>>> template(load_model(), bom=False).split(",")[:3]
['unit', 'service/attitude', 'service/complaints']
>>> template(load_model(), "zh", bom=False).split(",")[:3]
['门店', '服务态度与专业水平', '投诉与售后处理']
"""

from __future__ import annotations

import csv
import io

from ahp.errors import SurveyError
from ahp.io.glossary import LANGUAGES, say
from ahp.io.model import Model
from ahp.io.sheet import BOM, named_rows, read_sheet, refuse


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


def read_ratings(text: str, model: Model) -> list[tuple[str, dict[str, str]]]:
    """Check a ratings sheet; returns (unit name, {factor path: grade id}) per row.

    Raises :class:`~ahp.errors.SurveyError` listing every bad cell (row = line, column by name).
    """
    header, body = read_sheet(text, "ratings")
    spelled = {**_names(model), **{say("sheet.unit", language): "unit" for language in LANGUAGES}}
    header = [spelled.get(h, h) for h in header]
    factors = set(_factors(model))
    grades = ", ".join(g.id for g in model.grades)
    problems: list[str] = []
    if "unit" not in header:
        problems.append("row 1: no 'unit' column")
    for k, h in enumerate(header):
        if h != "unit" and h not in factors:
            problems.append(f"row 1, column {k + 1} {h!r}: not a churn factor of the model (e.g. 'service/attitude')")
        elif header.index(h) != k:
            problems.append(f"row 1, column {k + 1} {h!r}: duplicate column")
    if problems:
        raise SurveyError(f"{len(problems)} problem(s) in the header; nothing imported", problems)
    unit_col = header.index("unit")
    out: list[tuple[str, dict[str, str]]] = []
    for line, name, row in named_rows(header, body, "unit", "unit", problems):
        ratings: dict[str, str] = {}
        for k, h in enumerate(header):
            cell = row[k].strip()
            if k == unit_col or not cell:
                continue
            grade = model.grade(cell)
            if grade is None:
                problems.append(f"row {line}, column {h!r}: {cell!r} is not a grade; grades: {grades}")
            else:
                ratings[h] = grade.id
        out.append((name, ratings))
    refuse(problems, "ratings")
    return out
