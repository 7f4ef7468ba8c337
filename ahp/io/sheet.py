"""CSV sheets with one named row per respondent or unit: reading them, and the checks they share.

Rows are numbered as lines of the file (the header is row 1); a blank line is skipped.
A sheet may come from Chinese Excel: UTF-8 with or without a byte-order mark, GB18030 (which
covers GBK and GB2312) or UTF-16 with its mark (Excel's "Unicode text"), its cells separated by
commas, semicolons or tabs (:func:`decode`, :func:`delimiter`).

>>> header, body = read_sheet("unit,a\\nNorth,1\\n\\nSouth,2\\n", "ratings")
>>> problems = []
>>> [(line, name) for line, name, _ in named_rows(header, body, "unit", "unit", problems)], problems
([(2, 'North'), (4, 'South')], [])

A problem is a :class:`~ahp.errors.Phrase`: what is wrong and the facts (row, column, the
cell's text), worded in either language when printed (:func:`ahp.io.glossary.told`).

>>> from ahp.io.glossary import told
>>> what = Phrase("{text!r} is not a number or a fraction like 1/3", {"text": "abc"})
>>> problem = Phrase("{at}: {what}", {"at": at_cell(2, "服务 比 质量"), "what": what})
>>> str(problem)
"row 2, column '服务 比 质量': 'abc' is not a number or a fraction like 1/3"
>>> told(problem, "zh")
'第 2 行「服务 比 质量」列：「abc」不是数字或 1/3 这样的分数'
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from ahp.errors import AHPError, Phrase, SurveyError, Worded
from ahp.io.glossary import worded

#: The byte-order mark that makes Excel read a CSV file as UTF-8 (without it, Chinese Excel
#: reads GBK and shows Chinese names garbled). Every CSV the tool writes starts with it.
BOM = "\ufeff"
#: The cell separators a sheet may use, and how an error names them.
DELIMITERS: dict[str, str] = {",": "commas", ";": "semicolons", "\t": "tabs"}


class CellError(AHPError):
    """A cell's value refused: ``phrase`` says why."""

    phrase: Phrase


def at_row(row: int) -> Phrase:
    """A whole row of the sheet (the header is row 1)."""
    return Phrase("row {row}", {"row": row})


def at_cell(row: int, column: str | Worded) -> Phrase:
    """The cell of ``row`` in the column headed ``column``."""
    return Phrase("row {row}, column {column!r}", {"row": row, "column": column})


def at_header(k: int, column: str) -> Phrase:
    """The ``k``-th header cell (from 1), reading ``column``."""
    return Phrase("row 1, column {k} {column!r}", {"k": k, "column": column})


#: The encodings the decoding errors name (filled into the phrase: the glossary's Chinese has no Latin words).
_ENCODINGS = {"utf8": "UTF-8", "utf16": "UTF-16", "gb": "GB18030 (GBK)", "excel": "CSV UTF-8"}


def decode(data: bytes, where: str | Worded) -> str:
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
            raise AHPError(Phrase("{where}: starts as UTF-16 but is not; save the file as UTF-8 (in Excel: CSV UTF-8)",
                                  {"where": where, **_ENCODINGS})) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            facts = {"where": where, "line": data.count(b"\n", 0, exc.start) + 1, "byte": data[exc.start]}
            raise AHPError(Phrase("{where}, line {line}: byte 0x{byte:02x} is neither UTF-8 nor GB18030 (GBK); save "
                                  "the file as UTF-8 (in Excel: CSV UTF-8)", {**facts, **_ENCODINGS})) from None


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
    names = [worded(f"csv.{DELIMITERS[d]}") for d in (even or splitting)]
    joined = Worded(*(worded("csv.or by")[k].join(name[k] for name in names) for k in range(len(Worded._fields))))
    raise SurveyError(Phrase("cannot tell how the {what} separates its cells: by {names}; use only one of them in the "
                             "header row", {"what": worded(f"csv.{what}"), "names": joined}), [])


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
        why = Phrase("a cell longer than {limit:,} characters",
                     {"limit": csv.field_size_limit()}) if "field limit" in str(exc) else str(exc)
        where = Phrase("line {row}", {"row": reader.line_num})
        raise SurveyError(Phrase("the {what} cannot be read as CSV; nothing imported", {"what": worded(f"csv.{what}")}),
                         [Phrase("{at}: {why}", {"at": where, "why": why})]) from None
    if not rows:
        raise SurveyError(Phrase("the {what} is empty: it needs a header row", {"what": worded(f"csv.{what}")}), [])
    header = [h.strip() for h in rows[0]]
    return header, [(line, row) for line, row in enumerate(rows[1:], start=2) if any(c.strip() for c in row)]


def named_rows(
    header: list[str],
    body: list[tuple[int, list[str]]],
    key: str,
    noun: str,
    problems: list[Phrase],
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
            problems.append(Phrase("{at}: {n} cells; the header has {m}",
                                   {"at": at_row(line), "n": len(row), "m": len(header)}))
            continue
        name = row[col].strip()
        facts = {"at": _at_name(line, key), "noun": worded(f"sheet.{noun}"), "name": name}
        if not name:
            problems.append(Phrase("{at}: missing {noun} name", facts))
        elif name in taken:
            problems.append(Phrase("{at}: {name!r} is already a {noun} of the project; use --replace to replace "
                                   "their answers", facts))
        elif name in seen:
            problems.append(Phrase("{at}: duplicate {noun} {name!r} (also row {other})",
                                   {**facts, "other": seen[name]}))
        seen.setdefault(name, line)
        yield line, name, row


def _at_name(line: int, key: str) -> Phrase:
    """The name cell of ``line``: in the column ``key`` (``respondent`` or ``unit``), named in the
    output's language (专家, 门店)."""
    return Phrase("row {row}, column {column!r}", {"row": line, "column": worded(f"sheet.{key}")})


def refuse(problems: list[Phrase], what: str) -> None:
    """Raise :class:`SheetError` listing every problem if there are any."""
    if problems:
        raise SurveyError(Phrase("{k} bad cell(s) in the {what}; nothing imported",
                                 {"k": len(problems), "what": worded(f"csv.{what}")}), problems)
