"""CSV sheets with one named row per respondent or unit: reading them, and the checks they share.

Rows are numbered as lines of the file (the header is row 1); a blank line is skipped.
A sheet may come from Chinese Excel: UTF-8 with or without a byte-order mark, GB18030 (which
covers GBK and GB2312) or UTF-16 with its mark (Excel's "Unicode text"), its cells separated by
commas, semicolons or tabs (:func:`decode`, :func:`delimiter`).

>>> header, body = read_sheet("unit,a\\nNorth,1\\n\\nSouth,2\\n", "ratings")
>>> problems = []
>>> [(line, name) for line, name, _ in named_rows(header, body, "unit", "unit", problems)], problems
([(2, 'North'), (4, 'South')], [])
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from ahp.errors import AHPError, SurveyError

#: The byte-order mark that makes Excel read a CSV file as UTF-8 (without it, Chinese Excel
#: reads GBK and shows Chinese names garbled). Every CSV the tool writes starts with it.
BOM = "\ufeff"
#: The cell separators a sheet may use, and how an error names them.
DELIMITERS: dict[str, str] = {",": "commas", ";": "semicolons", "\t": "tabs"}


def decode(data: bytes, where: str) -> str:
    """``data`` as text: UTF-16 when it starts with its byte-order mark, else UTF-8 (a mark
    dropped), else GB18030; an error naming ``where``, the line and the byte otherwise.

    >>> decode("门店,价格\\n".encode("gbk"), "a.csv")
    '门店,价格\\n'
    >>> decode(b"unit\\nNorth\\xff\\n", "a.csv")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ahp.errors.AHPError: a.csv, line 2: byte 0xff is neither UTF-8 nor GB18030 (GBK);
        save the file as UTF-8 (in Excel: CSV UTF-8)
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise AHPError(
                f"{where}: starts as UTF-16 but is not; save the file as UTF-8 (in Excel: CSV UTF-8)"
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            line = data.count(b"\n", 0, exc.start) + 1
            raise AHPError(
                f"{where}, line {line}: byte 0x{data[exc.start]:02x} is neither UTF-8 nor GB18030 (GBK); "
                "save the file as UTF-8 (in Excel: CSV UTF-8)"
            ) from None


def delimiter(text: str, what: str) -> str:
    """The cell separator of a sheet: the one of ``,`` ``;`` and tab that splits its header
    row; when several do, the one that gives every row as many cells as the header.

    >>> delimiter("unit;price/level\\nNorth;good\\n", "ratings"), delimiter("unit\\nNorth\\n", "ratings")
    (';', ',')
    >>> delimiter("unit,a;b\\nNorth,1;2\\n", "ratings")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ahp.errors.SurveyError: cannot tell how the ratings separates its cells: by commas or by semicolons;
        use only one of them in the header row
    """
    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()]
    if not lines:
        return ","
    widths = {d: len(next(csv.reader([lines[0]], delimiter=d))) for d in DELIMITERS}
    splitting = [d for d in DELIMITERS if widths[d] > 1]
    if len(splitting) <= 1:
        return splitting[0] if splitting else ","
    try:
        even = [d for d in splitting if all(len(r) == widths[d] for r in csv.reader(lines, delimiter=d))]
    except csv.Error:
        even = []
    if len(even) == 1:
        return even[0]
    names = " or by ".join(DELIMITERS[d] for d in (even or splitting))
    raise SurveyError(
        f"cannot tell how the {what} separates its cells: by {names}; use only one of them in the header row", []
    )


def read_sheet(text: str, what: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (cells stripped) and the non-blank rows with their line numbers; cells are
    separated by commas, semicolons or tabs (:func:`delimiter`).

    >>> read_sheet("unit,a\\n" + "x" * 131_073 + ",1\\n", "ratings")
    Traceback (most recent call last):
    ahp.errors.SurveyError: the ratings cannot be read as CSV; nothing imported
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter(text, what))
    rows = []
    try:
        rows.extend(reader)
    except csv.Error as exc:
        why = f"a cell longer than {csv.field_size_limit():,} characters" if "field limit" in str(exc) else str(exc)
        raise SurveyError(
            f"the {what} cannot be read as CSV; nothing imported", [f"line {reader.line_num}: {why}"]
        ) from None
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
