"""Survey files: one row per respondent, one column per pair, imported into a project.

Columns: ``respondent``, optionally ``weight``, and one per pair named ``<path-a> vs <path-b>``
(two elements under the same node: ``service vs price``, ``price/level vs price/promotions``;
either order, the cell always speaks of the first named). In Chinese: ``专家``, ``权重`` and
``<name-a> 比 <name-b>`` (``服务 比 价格``; by paths for a pair whose names another pair shares).
Codings: ``ratio`` (the cell says how many times a matters more than b: ``3``, ``1/5``, ``0.2``)
and ``signed`` (``v > 0``: a matters v times more; ``v < 0``: b matters |v| times more; ``1`` or
``-1``: equal). An empty cell is a missing judgment. A file with any bad cell imports nothing.

>>> from ahp.io.model import load_model
>>> columns = pair_columns(load_model().root)
>>> columns[0].header, columns[-1].header, len(columns)
('service vs quality', 'competition/market vs competition/brand', 43)
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

from ahp.core.hierarchy import Node, child_path, walk
from ahp.core.scale import MAX_VALUE, TOLERANCE, on_scale, parse_value
from ahp.errors import JudgmentError, Phrase, SurveyError, listed
from ahp.io.glossary import LANGUAGES, say, worded
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

CODINGS: tuple[str, ...] = ("ratio", "signed")


@dataclass(frozen=True)
class PairColumn:
    """One pair of sibling elements under the node at ``path``."""

    path: str
    a: str
    b: str

    @property
    def header(self) -> str:
        """The column name: the two elements' paths joined by `` vs ``."""
        return f"{child_path(self.path, self.a)} vs {child_path(self.path, self.b)}"

    @property
    def reversed_header(self) -> str:
        """The same pair named the other way round (its cells then say how much b matters more)."""
        return f"{child_path(self.path, self.b)} vs {child_path(self.path, self.a)}"


#: The weight column's Chinese header in surveys written before it read 专家权重: still read.
_OLD_WEIGHT_HEADER = "权重"

def pair_columns(root: Node) -> list[PairColumn]:
    """Every pair of the model, node by node in preorder, in the order of the children."""
    return [
        PairColumn(path, node.children[i].id, node.children[j].id)
        for path, node, _ in walk(root)
        for i in range(len(node.children))
        for j in range(i + 1, len(node.children))
    ]


def named_headers(root: Node, language: str = "zh") -> dict[str, tuple[PairColumn, bool]]:
    """Each pair's column named by its elements' names, either way round: (pair, reversed).
    Pairs whose names another pair shares are left out (they go by paths).

    >>> from ahp.io.model import load_model
    >>> list(named_headers(load_model().root))[:2]
    ['服务 比 质量', '质量 比 服务']
    """
    labels = {path: {c.id: c.label(language) for c in node.children} for path, node, _ in walk(root)}
    spelled: dict[str, list[tuple[PairColumn, bool]]] = {}
    for c in pair_columns(root):
        a, b = labels[c.path][c.a], labels[c.path][c.b]
        vs = say("sheet.vs", language)
        spelled.setdefault(f"{a}{vs}{b}", []).append((c, False))
        spelled.setdefault(f"{b}{vs}{a}", []).append((c, True))
    return {header: found[0] for header, found in spelled.items() if len(found) == 1}


def template(root: Node, language: str = "en", bom: bool = True) -> str:
    """The blank survey for a model: the header row only, pairs by paths in English and by
    names in Chinese; with ``bom``, a UTF-8 byte-order mark first (for Excel)."""
    columns = [c.header for c in pair_columns(root)]
    if language != "en":
        named = {c: header for header, (c, reverse) in named_headers(root, language).items() if not reverse}
        columns = [named.get(c, c.header) for c in pair_columns(root)]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([say("sheet.respondent", language), say("sheet.weight", language),
                                                   *columns])
    return (BOM if bom else "") + buf.getvalue()


def _cell_value(text: str, coding: str) -> float:
    """A cell's judgment a-vs-b; raises :class:`~ahp.io.sheet.CellError` saying what is wrong.

    >>> _cell_value("1/3", "ratio"), _cell_value("-3", "signed")
    (0.3333333333333333, 0.3333333333333333)
    >>> _cell_value("abc", "ratio")
    Traceback (most recent call last):
    ahp.io.sheet.CellError: 'abc' is not a number or a fraction like 1/3
    """
    try:
        value = parse_value(text)
    except JudgmentError:
        raise CellError(Phrase("{text!r} is not a number or a fraction like 1/3", {"text": text})) from None
    if math.isnan(value):
        raise CellError(Phrase("{text!r} is not a number", {"text": text}))
    if coding == "signed":
        if value == 0:
            raise CellError(Phrase("0 is not a signed judgment; use 1 (or -1) for equal"))
        if not 1 - TOLERANCE <= abs(value) <= MAX_VALUE * (1 + TOLERANCE):
            raise CellError(Phrase("{text} is off the signed scale; use 1..9 or -1..-9", {"text": text}))
        return value if value > 0 else 1 / -value
    if value <= 0:
        raise CellError(Phrase("{text} is not a positive ratio", {"text": text}))
    if not on_scale(value):
        raise CellError(Phrase("{text} is off the scale; ratios lie within 1/9 and 9", {"text": text}))
    return value


def read_survey(
    text: str, root: Node, coding: str = "ratio", existing: set[str] = frozenset(), unweighted: float | None = 1.0,
) -> list[tuple[str, float | None, dict[str, dict[tuple[str, str], float]]]]:
    """Parse and check a survey; returns (name, weight, judgments) per row, the weight
    ``unweighted`` for a row that gives none.

    Raises :class:`SurveyError` listing every bad cell (row = line in the file, column by name).
    """
    if coding not in CODINGS:
        raise SurveyError(Phrase("unknown coding {coding!r}; choose one of {choices}",
                                 {"coding": coding, "choices": listed(CODINGS)}), [])
    header, body = read_sheet(text, "survey")
    aliases = {say(f"sheet.{key}", language): key for key in ("respondent", "weight") for language in LANGUAGES}
    aliases[_OLD_WEIGHT_HEADER] = "weight"
    header = [aliases.get(h, h) for h in header]
    known = _header_columns(header, pair_columns(root), named_headers(root, "zh"))
    weight_col = header.index("weight") if "weight" in header else None
    skip = {header.index("respondent"), weight_col}
    problems: list[Phrase] = []
    out = []
    for line, name, row in named_rows(header, body, "respondent", "respondent", problems, existing):
        weight = unweighted
        if weight_col is not None and row[weight_col].strip():
            try:
                weight = float(row[weight_col])
                if not (math.isfinite(weight) and weight > 0):
                    raise ValueError
            except ValueError:
                at = at_cell(line, worded("sheet.weight"))
                problems.append(Phrase("{at}: {text!r} is not a positive number", {"at": at, "text": row[weight_col]}))
        cells = [(h, known[h], row[k].strip()) for k, h in enumerate(header) if k not in skip and row[k].strip()]
        out.append((name, weight, _judgments(cells, coding, line, problems)))
    refuse(problems, "survey")
    if not out:
        raise SurveyError(Phrase("the survey has no respondent rows; nothing imported"), [])
    return out


def _header_columns(
    header: list[str], columns: list[PairColumn], named: dict[str, tuple[PairColumn, bool]],
) -> dict[str, tuple[PairColumn, bool]]:
    """Each pair column's pair and whether it is named the other way round (by paths, or by the
    ``named`` spellings); raises SurveyError listing every unknown, duplicate or missing column."""
    known = {**named, **{c.header: (c, False) for c in columns}}
    known.update({c.reversed_header: (c, True) for c in columns})  # "b vs a" is accepted too
    problems: list[Phrase] = []
    if "respondent" not in header:
        problems.append(Phrase("{at}: no {column!r} column", {"at": at_row(1), "column": worded("sheet.respondent")}))
    seen_pairs: dict[PairColumn, int] = {}
    example = {"example": columns[0].header, "respondent": worded("sheet.respondent"),
               "weight": worded("sheet.weight"),
               "example_zh": next((h for h, (c, back) in named.items() if c == columns[0] and not back),
                                  columns[0].header)}
    for k, h in enumerate(header):
        at = at_header(k + 1, h)
        if h in ("respondent", "weight"):
            if header.index(h) != k:
                problems.append(Phrase("{at}: duplicate column", {"at": at}))
        elif h not in known:
            problems.append(Phrase("{at}: unknown column; expected 'respondent', 'weight' or a pair like {example!r}",
                                   {"at": at, **example}))
        elif known[h][0] in seen_pairs:
            problems.append(Phrase("{at}: the same pair as column {first}",
                                   {"at": at, "first": seen_pairs[known[h][0]] + 1}))
        else:
            seen_pairs[known[h][0]] = k
    if problems:
        raise SurveyError(Phrase("{k} problem(s) in the header; nothing imported", {"k": len(problems)}), problems)
    return known


def _judgments(
    cells: list[tuple[str, tuple[PairColumn, bool], str]], coding: str, line: int, problems: list[Phrase]
) -> dict[str, dict[tuple[str, str], float]]:
    """One row's judgments from its non-empty pair cells (header, (pair, reversed), text); a bad
    cell goes to ``problems``."""
    judgments: dict[str, dict[tuple[str, str], float]] = {}
    for h, (column, reverse), cell in cells:
        try:
            value = _cell_value(cell, coding)
            judgments.setdefault(column.path, {})[(column.a, column.b)] = 1 / value if reverse else value
        except CellError as exc:
            problems.append(Phrase("{at}: {what}", {"at": at_cell(line, h), "what": exc.phrase}))
    return judgments
