"""The report as a list of format-neutral blocks: headings, paragraphs, tables and charts.

The builders (:mod:`.cover`, :mod:`.matrices`, :mod:`.experts`, :mod:`.outcomes`) lay out
what to say once; each writer (HTML, Markdown, XLSX, DOCX) only decides how it looks.
A :class:`Cell` keeps a number as a number with its display format, so the workbook holds
numbers and every text format shows the same digits.

>>> Cell(0.12345, "0.0000").text, Cell(0.5, "0%").text, Cell("=1+1").text, Cell(None).text
('0.1235', '50%', '=1+1', '—')
>>> plain_text("a\\x00b\\x7fc\\ud800")
'abc'
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

_DECIMALS = {"0": 0, "0.0": 1, "0.00": 2, "0.000": 3, "0.0000": 4}
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def plain_text(text: str) -> str:
    """``text`` without the control characters and lone surrogates that XML (DOCX, XLSX) cannot hold."""
    return _UNPRINTABLE.sub("", text)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width layout: Chinese characters count two.

    >>> display_width("CR 通过")
    7
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@dataclass(frozen=True)
class Cell:
    """One table cell: text, or a number shown with ``fmt`` (Excel's number format).

    ``mark`` says how to show it: ``bad`` (a failure), ``ok``, ``strong``, ``judgment`` (a
    value of a judgment matrix, aligned as a number) or ``completed`` (a missing judgment
    filled in by the method).
    """

    value: str | float | int | None
    fmt: str = ""
    mark: str = ""

    @property
    def text(self) -> str:
        """The cell as every text format shows it."""
        v = self.value
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return "—"
        if isinstance(v, str):
            return v
        if self.fmt == "0%":
            return f"{100 * v:.0f}%"
        text = f"{v:.{_DECIMALS.get(self.fmt, 4)}f}" if self.fmt or isinstance(v, float) else str(v)
        return f"[{text}]" if self.mark == "completed" else text

    @property
    def right_aligned(self) -> bool:
        """Numbers and judgment values line up on the right."""
        return self.numeric or self.mark in ("judgment", "completed")

    @property
    def numeric(self) -> bool:
        """Whether the cell holds a number (right-aligned, a number in the workbook)."""
        return self.value is not None and not isinstance(self.value, str)


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is a part of the report (a new page, a new sheet)."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """A line of text; ``mark`` ``bad`` for a failure that must stand out, ``muted`` for a note."""

    text: str
    mark: str = ""


@dataclass(frozen=True)
class Table:
    """A table with one header row; ``key`` names it for readers that look tables up."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    key: str = ""

    @property
    def numeric_columns(self) -> set[int]:
        """Columns whose filled cells all hold numbers (right-aligned)."""
        return {k for k in range(len(self.header))
                if self.rows and all(r[k].numeric for r in self.rows if r[k].value not in ("", None))}


@dataclass(frozen=True)
class Chart:
    """Horizontal bars, one per label; several ``series`` are stacked (shares that sum to at most 1)."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[float, ...], ...]
    names: tuple[str, ...] = ()
    maximum: float = 1.0
    fmt: str = "0.0000"


Block = Heading | Paragraph | Table | Chart


@dataclass(frozen=True)
class Part:
    """A part of the report: one page break before it in print, one sheet in the workbook."""

    title: str
    sheet: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)


def row(*values: object, fmt: str = "") -> tuple[Cell, ...]:
    """A row of cells; a value that is already a :class:`Cell` stays as it is.

    >>> [c.text for c in row("a", 0.5, Cell(3))]
    ['a', '0.5000', '3']
    """
    return tuple(v if isinstance(v, Cell) else Cell(v, fmt if isinstance(v, float) else "") for v in values)
