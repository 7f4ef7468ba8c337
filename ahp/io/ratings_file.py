"""Ratings from a CSV file: one row per unit (store, region, segment), one column per factor.

Columns: ``unit``, then churn-factor paths (``service/attitude``, ``price/level`` ...); a cell is
a grade of the model's scale (its id, English or Chinese name); an empty cell leaves that
factor unrated. A file with any bad cell imports nothing.

>>> from ahp.io.model import load_model
>>> template(load_model()).split(",")[:3]
['unit', 'service/attitude', 'service/complaints']
"""

from __future__ import annotations

import csv
import io

from ahp.errors import SurveyError
from ahp.io.sheet import named_rows, read_sheet, refuse
from ahp.io.model import Model


def _factors(model: Model) -> list[str]:
    layout = model.root.layout
    return [layout.paths[k] for k in layout.leaves]


def template(model: Model) -> str:
    """The blank ratings sheet: the header row only."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(["unit", *_factors(model)])
    return buf.getvalue()


def read_ratings(text: str, model: Model) -> list[tuple[str, dict[str, str]]]:
    """Check a ratings sheet; returns (unit name, {factor path: grade id}) per row.

    Raises :class:`~ahp.errors.SurveyError` listing every bad cell (row = line, column by name).
    """
    header, body = read_sheet(text, "ratings")
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
