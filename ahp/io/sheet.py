"""CSV sheets with one named row per respondent or unit: reading them, and the checks they share.

Rows are numbered as lines of the file (the header is row 1); a blank line is skipped.

>>> header, body = read_sheet("unit,a\\nNorth,1\\n\\nSouth,2\\n", "ratings")
>>> problems = []
>>> [(line, name) for line, name, _ in named_rows(header, body, "unit", "unit", problems)], problems
([(2, 'North'), (4, 'South')], [])
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ahp.errors import SurveyError


def read_sheet(text: str, what: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (cells stripped) and the non-blank rows with their line numbers.

    >>> read_sheet("unit,a\\n" + "x" * 131_073 + ",1\\n", "ratings")
    Traceback (most recent call last):
    ahp.errors.SurveyError: the ratings cannot be read as CSV; nothing imported
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows = []
    try:
        rows.extend(reader)
    except csv.Error as exc:
        why = f"a cell longer than {csv.field_size_limit():,} characters" if "field limit" in str(exc) else str(exc)
        raise SurveyError(f"the {what} cannot be read as CSV; nothing imported", [f"line {reader.line_num}: {why}"]) from None
    if not rows:
        raise SurveyError(f"the {what} is empty: it needs a header row", [])
    header = [h.strip() for h in rows[0]]
    return header, [(line, row) for line, row in enumerate(rows[1:], start=2) if any(c.strip() for c in row)]


def named_rows(
    header: list[str],
    body: list[tuple[int, list[str]]],
    key: str,
    noun: str,
    problems: list[str],
    taken: set[str] | frozenset[str] = frozenset(),
) -> Iterator[tuple[int, str, list[str]]]:
    """(line, name, cells) of the rows with the right number of cells; the rest go to ``problems``.

    A name must be present, not ``taken`` already (by the project) and not repeated. Problems
    are added as the rows go by, so a caller checking cells too keeps them in row order.
    """
    col = header.index(key)
    seen: dict[str, int] = {}
    for line, row in body:
        if len(row) != len(header):
            problems.append(f"row {line}: {len(row)} cells; the header has {len(header)}")
            continue
        name = row[col].strip()
        if not name:
            problems.append(f"row {line}, column {key!r}: missing {noun} name")
        elif name in taken:
            problems.append(f"row {line}, column {key!r}: {name!r} is already a {noun} of the project")
        elif name in seen:
            problems.append(f"row {line}, column {key!r}: duplicate {noun} {name!r} (also row {seen[name]})")
        seen.setdefault(name, line)
        yield line, name, row


def refuse(problems: list[str], what: str) -> None:
    """Raise :class:`SurveyError` listing every problem if there are any."""
    if problems:
        raise SurveyError(f"{len(problems)} bad cell(s) in the {what}; nothing imported", problems)
